import { Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReceiptStatus } from '../../../../shared/contracts/collections';
import type { ReceivableStatus } from '../../../../shared/contracts/receivables';
import { useAuth } from '../../../app/auth';
import { bucketRange } from '../rules';

const RECEIPT_COLORS: Record<ReceiptStatus, string> = { recorded: 'processing', confirmed: 'success', void: 'default' };
const RECEIVABLE_COLORS: Record<ReceivableStatus, string> = { not_due: 'default', partly_paid: 'gold', overdue: 'error' };
const LEVEL_COLORS = ['default', 'gold', 'orange', 'volcano', 'red'];

export function ReceiptStatusTag({ status, testId }: { status: ReceiptStatus; testId?: string }) {
  const { t } = useTranslation('receipts');
  return (
    <Tag color={RECEIPT_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}

export function ReceivableStatusTag({ status }: { status: ReceivableStatus }) {
  const { t } = useTranslation('receipts');
  return (
    <Tag color={RECEIVABLE_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`receivableStatuses.${status}`)}
    </Tag>
  );
}

/** A dunning level (1 notice, 2 collection task, 3 director, 4 GM); 0 → —. */
export function DunningLevelTag({ level }: { level: number }) {
  const { t } = useTranslation('receipts');
  if (!level) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={LEVEL_COLORS[Math.min(level, LEVEL_COLORS.length - 1)]} style={{ marginInlineEnd: 0 }} data-testid="dunning-level">
      {t('dunning.level', { level, name: t(`dunning.levels.${Math.min(level, 4)}`) })}
    </Tag>
  );
}

/** An ageing bucket label of the API ('0', '1-30', '>180') in the reader's words. */
export function useBucketText() {
  const { t } = useTranslation('receipts');
  return (label: string) => {
    const b = bucketRange(label);
    return b.notDue ? t('ageing.notDue') : t('ageing.days', { range: b.range });
  };
}

/** A contract's number leading to its page (W1's contracts room) for those who may read contracts. */
export function ContractLink({ id, number, testId }: { id: number; number: string; testId?: string }) {
  const { can } = useAuth();
  if (!can('contract:read')) return <span data-testid={testId}>{number}</span>;
  return (
    <Link to={`/contracts/${id}`} data-testid={testId}>
      {number}
    </Link>
  );
}

/** Asks for a reason (void, undo): the modal's OK runs `onOk` with it and closes when that resolves. */
export function ReasonModal({ open, title, okText, onOk, onClose, testId }: { open: boolean; title: string; okText: string; onOk: (reason: string) => Promise<unknown>; onClose: () => void; testId: string }) {
  const { t } = useTranslation('receipts');
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': `${testId}-ok` } as never}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then(async ({ reason }) => {
          setBusy(true);
          try {
            await onOk(reason.trim());
            onClose();
          } catch {
            // the caller shows the error; the modal stays open with the reason typed
          } finally {
            setBusy(false);
          }
        })
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true, whitespace: true, message: t('form.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
