import { Alert, DatePicker, Form, Input, Modal, Radio, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, FollowUpKind, Invitation } from '../../../../shared/contracts/events';
import { VISIT_METHODS, VISIT_PURPOSES } from '../../../../shared/contracts/visits';
import { useAuth } from '../../../app/auth';
import { useApiError, useFeedback } from '../../../components/feedback';
import { dateFieldProps } from '../../../components/formDate';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { MoneyInput } from '../../../components/MoneyInput';
import { useFollowUp } from '../api';

interface Values {
  plannedAt?: Dayjs | null;
  purpose?: (typeof VISIT_PURPOSES)[number];
  method?: (typeof VISIT_METHODS)[number];
  name?: string;
  expectedValue?: number | null;
  expectedCloseOn?: string | null;
  note?: string;
}

/**
 * 安排跟进 for a guest who came: 跟进拜访 (a draft visit plan with them, visit:write) or 开发项目 (a project at
 * stage 1 on their account, opportunity:write) — each offered only to those who may create it.
 */
export function FollowUpModal({ event: e, invitation: inv, onClose, onStale }: { event: EventDetail; invitation: Invitation; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation(['events', 'visits']);
  const { can } = useAuth();
  const kinds = ([['visit', 'visit:write'], ['opportunity', 'opportunity:write']] as const).filter(([, p]) => can(p)).map(([k]) => k);
  const [kind, setKind] = useState<FollowUpKind>(kinds[0] ?? 'visit');
  const [form] = Form.useForm<Values>();
  const followUp = useFollowUp();
  const showError = useApiError();
  const { message } = useFeedback();

  const submit = useOneSave(async (v: Values) => {
    const body =
      kind === 'visit'
        ? { kind, version: inv.version, plannedAt: v.plannedAt!.toISOString(), purpose: v.purpose, method: v.method, note: v.note?.trim() || undefined }
        : { kind, version: inv.version, name: v.name!.trim(), expectedValue: v.expectedValue ?? 0, expectedCloseOn: v.expectedCloseOn ?? null, note: v.note?.trim() || undefined };
    try {
      await followUp.mutateAsync({ id: e.id, invId: inv.id, body });
      void message.success(t('guests.followUpDone'));
      onClose();
    } catch (err) {
      showError(err, form, onStale);
    }
  });

  const tomorrow = dayjs().add(1, 'day').hour(10).minute(0).second(0).millisecond(0);
  return (
    <Modal
      open
      title={t('guests.followUpTitle', { name: inv.contact.name })}
      onCancel={onClose}
      okText={t('guests.followUp')}
      cancelText={t('actions.back')}
      okButtonProps={{ disabled: kinds.length === 0, loading: followUp.isPending, htmlType: 'submit', form: 'event-follow-up-form', 'data-testid': 'event-follow-up-ok' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {[inv.account.name, inv.contact.title].filter(Boolean).join(' · ')}
      </Typography.Paragraph>
      {kinds.length === 0 ? (
        <Alert type="warning" showIcon title={t('guests.followUpNone')} />
      ) : (
        <Form<Values>
          form={form}
          id="event-follow-up-form"
          {...saveByButton}
          layout="vertical"
          initialValues={{ plannedAt: tomorrow, purpose: 'relationship', method: 'onsite', name: t('guests.projectNameDefault', { account: inv.account.name, event: e.title }).slice(0, 200) }}
          onFinish={(v) => void submit(v)}
        >
          {kinds.length > 1 && (
            <Form.Item label={t('guests.followUpKind')}>
              <Segmented<FollowUpKind>
                block
                value={kind}
                onChange={setKind}
                options={kinds.map((k) => ({ value: k, label: <span data-testid={`event-follow-up-kind-${k}`}>{t(`followUpKinds.${k}`)}</span> }))}
              />
            </Form.Item>
          )}
          <Alert type="info" showIcon title={t(kind === 'visit' ? 'guests.visitHint' : 'guests.projectHint')} style={{ marginBottom: 12 }} />
          {kind === 'visit' ? (
            <>
              <Form.Item name="plannedAt" label={t('guests.plannedAt')} rules={[{ required: true, message: t('guests.plannedAtRequired') }]}>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="event-follow-up-planned" />
              </Form.Item>
              <Form.Item name="purpose" label={t('guests.purpose')}>
                <Radio.Group optionType="button" options={VISIT_PURPOSES.map((p) => ({ value: p, label: t(`visits:purposes.${p}`) }))} />
              </Form.Item>
              <Form.Item name="method" label={t('guests.method')}>
                <Radio.Group optionType="button" options={VISIT_METHODS.map((m) => ({ value: m, label: t(`visits:methods.${m}`) }))} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="name" label={t('guests.projectName')} rules={[{ required: true, whitespace: true, message: t('guests.projectNameRequired') }, { max: 200 }]}>
                <Input data-testid="event-follow-up-name" />
              </Form.Item>
              <Form.Item name="expectedValue" label={t('guests.expectedValue')} rules={[{ required: true, message: t('guests.expectedValueRequired') }]}>
                <MoneyInput data-testid="event-follow-up-value" />
              </Form.Item>
              <Form.Item name="expectedCloseOn" label={t('guests.expectedCloseOn')} {...dateFieldProps}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="event-follow-up-close-on" />
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('guests.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="event-follow-up-note" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
