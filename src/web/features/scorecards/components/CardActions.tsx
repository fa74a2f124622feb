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

function AdvanceModal({ card, label, onClose, onStale }: { card: ScorecardDetail; label: string; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('scorecards');
  const [form] = Form.useForm<{ comment?: string }>();
  const advance = useAdvanceScorecard();
  const showError = useApiError();
  const { message } = useFeedback();
  const target = card.can.advance!;
  const save = useOneSave(async ({ comment }: { comment?: string }) => {
    try {
      await advance.mutateAsync({ id: card.id, version: card.version, comment: comment?.trim() || undefined });
      void message.success(t('advance.done', { action: label }));
      onClose();
    } catch (err) {
      showError(err, form, () => (onClose(), onStale()));
    }
  });
  return (
    <Modal
      open
      title={label}
      okText={label}
      cancelText={t('actions.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={advance.isPending}
      okButtonProps={{ 'data-testid': 'scorecard-advance-ok' } as never}
      destroyOnHidden
    >
      <p>{t(`advance.notes.${target}`)}</p>
      <Form form={form} layout="vertical" onFinish={save} {...saveByButton}>
        <Form.Item name="comment" label={t(`advance.commentLabels.${target}`)} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="scorecard-advance-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReturnModal({ card, onClose, onStale }: { card: ScorecardDetail; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('scorecards');
  const [form] = Form.useForm<{ reason: string }>();
  const back = useReturnScorecard();
  const showError = useApiError();
  const { message } = useFeedback();
  const save = useOneSave(async ({ reason }: { reason: string }) => {
    try {
      await back.mutateAsync({ id: card.id, version: card.version, reason: reason.trim() });
      void message.success(t('return.done'));
      onClose();
    } catch (err) {
      showError(err, form, () => (onClose(), onStale()));
    }
  });
  return (
    <Modal
      open
      title={t('return.title')}
      okText={t('return.ok')}
      okButtonProps={{ danger: true, 'data-testid': 'scorecard-return-ok' } as never}
      cancelText={t('actions.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={back.isPending}
      destroyOnHidden
    >
      <p>{t('return.note')}</p>
      <Form form={form} layout="vertical" onFinish={save} {...saveByButton}>
        <Form.Item name="reason" label={t('return.reason')} rules={[{ required: true, whitespace: true, message: t('return.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="scorecard-return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReopenModal({ card, onClose, onStale }: { card: ScorecardDetail; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('scorecards');
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenScorecard();
  const showError = useApiError();
  const { message } = useFeedback();
  const save = useOneSave(async ({ reason }: { reason: string }) => {
    try {
      await reopen.mutateAsync({ id: card.id, version: card.version, reason: reason.trim() });
      void message.success(t('reopen.done'));
      onClose();
    } catch (err) {
      showError(err, form, () => (onClose(), onStale()));
    }
  });
  return (
    <Modal
      open
      title={t('reopen.title')}
      okText={t('reopen.ok')}
      okButtonProps={{ 'data-testid': 'scorecard-reopen-ok' } as never}
      cancelText={t('actions.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reopen.isPending}
      destroyOnHidden
    >
      <p>{t('reopen.note')}</p>
      <Form form={form} layout="vertical" onFinish={save} {...saveByButton}>
        <Form.Item name="reason" label={t('reopen.reason')} rules={[{ required: true, whitespace: true, message: t('reopen.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="scorecard-reopen-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
