import { PrinterOutlined, ReloadOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Popconfirm, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardDetail } from '../../../../shared/contracts/scorecards';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useAdvanceScorecard, useRefreshScorecard, useReopenScorecard, useReturnScorecard } from '../api';
import { ADVANCE_LABELS } from '../card';

interface Props {
  card: ScorecardDetail;
  /** how many evaluator items are edited and not saved */
  dirty: number;
  saving: boolean;
  onSave: () => void;
  onStale: () => void;
}

/**
 * The card's buttons, as its `can` says: 保存评分 (the evaluator's items), the step forward named by where it goes
 * (发起自评 / 提交自评 / 提交审核 / 锁定, with an optional comment), 退回 (with its reason), 刷新自动项, and 打印.
 */
export function CardActions({ card, dirty, saving, onSave, onStale }: Props) {
  const { t } = useTranslation('scorecards');
  const refresh = useRefreshScorecard();
  const showError = useApiError();
  const { message } = useFeedback();
  const [advancing, setAdvancing] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reopening, setReopening] = useState(false);
  const target = card.can.advance;
  const advanceLabel = target && target !== 'draft' ? t(`advance.${ADVANCE_LABELS[target]}`) : '';

  return (
    <>
      {card.can.evaluate && (
        <Button type={dirty > 0 ? 'primary' : 'default'} icon={<SaveOutlined />} disabled={dirty === 0} loading={saving} onClick={onSave} data-testid="scorecard-save-items">
          {t('card.saveItems')}
        </Button>
      )}
      {target && target !== 'draft' && (
        <Tooltip title={dirty > 0 ? t('advance.saveFirst') : undefined}>
          <Button type="primary" icon={<SendOutlined />} disabled={dirty > 0} onClick={() => setAdvancing(true)} data-testid="scorecard-advance">
            {advanceLabel}
          </Button>
        </Tooltip>
      )}
      {card.can.sendBack && (
        <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="scorecard-return">
          {t('return.button')}
        </Button>
      )}
      {card.can.refresh && (
        <Popconfirm
          title={t('refresh.confirm')}
          description={<div style={{ maxWidth: 300 }}>{t('refresh.note')}</div>}
          okText={t('refresh.ok')}
          cancelText={t('actions.cancel')}
          okButtonProps={{ 'data-testid': 'scorecard-refresh-ok' } as never}
          onConfirm={async () => {
            try {
              await refresh.mutateAsync({ id: card.id, version: card.version });
              void message.success(t('refresh.done'));
            } catch (err) {
              showError(err, undefined, onStale);
            }
          }}
        >
          <Button icon={<ReloadOutlined />} loading={refresh.isPending} data-testid="scorecard-refresh">
            {t('refresh.button')}
          </Button>
        </Popconfirm>
      )}
      {card.can.reopen && card.reopening?.status !== 'pending' && (
        <Button icon={<UnlockOutlined />} onClick={() => setReopening(true)} data-testid="scorecard-reopen">
          {t('reopen.button')}
        </Button>
      )}
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="scorecard-print">
        {t('card.print')}
      </Button>
      {advancing && target && target !== 'draft' && <AdvanceModal card={card} label={advanceLabel} onClose={() => setAdvancing(false)} onStale={onStale} />}
      {returning && <ReturnModal card={card} onClose={() => setReturning(false)} onStale={onStale} />}
      {reopening && <ReopenModal card={card} onClose={() => setReopening(false)} onStale={onStale} />}
    </>
  );
}

/**
 * One step's dialog: a note, one text (a comment, or a reason the step requires) and the step's button; a stale
 * card closes it and reloads. 提交 / 退回 / 申请重新打开 differ only in their words and what they send.
 */
function StepModal(p: {
  title: string;
  okText: string;
  note: string;
  label: string;
  /** the message when the text is required and empty; none: optional */
  required?: string;
  max: number;
  danger?: boolean;
  testId: string;
  pending: boolean;
  send: (text: string) => Promise<unknown>;
  done: string;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation('scorecards');
  const [form] = Form.useForm<{ text?: string }>();
  const showError = useApiError();
  const { message } = useFeedback();
  const save = useOneSave(async ({ text }: { text?: string }) => {
    try {
      await p.send(text?.trim() ?? '');
      void message.success(p.done);
      p.onClose();
    } catch (err) {
      showError(err, form, () => (p.onClose(), p.onStale()));
    }
  });
  return (
    <Modal
      open
      title={p.title}
      okText={p.okText}
      okButtonProps={{ danger: p.danger, 'data-testid': `${p.testId}-ok` } as never}
      cancelText={t('actions.cancel')}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      confirmLoading={p.pending}
      destroyOnHidden
    >
      <p>{p.note}</p>
      <Form form={form} layout="vertical" onFinish={save} {...saveByButton}>
        <Form.Item name="text" label={p.label} rules={[...(p.required ? [{ required: true, whitespace: true, message: p.required }] : []), { max: p.max }]}>
          <Input.TextArea rows={p.required ? 3 : 4} maxLength={p.max} showCount data-testid={p.required ? `${p.testId}-reason` : `${p.testId}-comment`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AdvanceModal({ card, label, onClose, onStale }: { card: ScorecardDetail; label: string; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('scorecards');
  const advance = useAdvanceScorecard();
  const target = card.can.advance!;
  return (
    <StepModal
      title={label}
      okText={label}
      note={t(`advance.notes.${target}`)}
      label={t(`advance.commentLabels.${target}`)}
      max={1000}
      testId="scorecard-advance"
      pending={advance.isPending}
      send={(comment) => advance.mutateAsync({ id: card.id, version: card.version, comment: comment || undefined })}
      done={t('advance.done', { action: label })}
      onClose={onClose}
      onStale={onStale}
    />
  );
}

function ReturnModal({ card, onClose, onStale }: { card: ScorecardDetail; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('scorecards');
  const back = useReturnScorecard();
  return (
    <StepModal
      title={t('return.title')}
      okText={t('return.ok')}
      note={t('return.note')}
      label={t('return.reason')}
      required={t('return.reasonRequired')}
      max={500}
      danger
      testId="scorecard-return"
      pending={back.isPending}
      send={(reason) => back.mutateAsync({ id: card.id, version: card.version, reason })}
      done={t('return.done')}
      onClose={onClose}
      onStale={onStale}
    />
  );
}

function ReopenModal({ card, onClose, onStale }: { card: ScorecardDetail; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('scorecards');
  const reopen = useReopenScorecard();
  return (
    <StepModal
      title={t('reopen.title')}
      okText={t('reopen.ok')}
      note={t('reopen.note')}
      label={t('reopen.reason')}
      required={t('reopen.reasonRequired')}
      max={500}
      testId="scorecard-reopen"
      pending={reopen.isPending}
      send={(reason) => reopen.mutateAsync({ id: card.id, version: card.version, reason })}
      done={t('reopen.done')}
      onClose={onClose}
      onStale={onStale}
    />
  );
}
