import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RECEIPT_METHODS, type Receipt, type ReceiptMethod } from '../../../../shared/contracts/collections';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import { useApiError } from '../../../components/feedback';
import { dateFieldProps, today } from '../../../components/formDate';
import { FormDrawer } from '../../../components/FormDrawer';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useFormSession } from '../../../components/layout';
import { MoneyInput } from '../../../components/MoneyInput';
import { useSaveReceipt } from '../api';
import { AccountPicker } from './AccountPicker';

interface Values {
  accountId: number | null;
  receivedOn: string;
  amount: number | null;
  method: ReceiptMethod;
  bankRef?: string;
  payer?: string;
  note?: string;
  number?: string;
}

/**
 * A 409 naming a field (a duplicate bank reference or receipt number: `details.path`) shown on that
 * field; true when it found one.
 */
export function applyConflict(form: FormInstance, err: unknown, t: TFunction): boolean {
  if (!(err instanceof ApiError) || err.code !== 'CONFLICT') return false;
  const path = (err.details as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || !form.getFieldsError().some((f) => f.name.join('.') === path)) return false;
  form.setFields([{ name: path, errors: [errorMessage(err, t)] }]);
  return true;
}

interface Props {
  open: boolean;
  /** a recorded receipt to change; none: a new one */
  receipt?: Receipt;
  /** the account to record on (from a filter), for a new one */
  accountId?: number;
  onClose: () => void;
  onSaved: (r: Receipt) => void;
}

/** 登记回款 / 修改回款单: account, date, amount, method, bank reference, payer, note. */
export function ReceiptFormDrawer({ open, receipt, accountId, onClose, onSaved }: Props) {
  const { t } = useTranslation('receipts');
  const [form] = Form.useForm<Values>();
  const save = useSaveReceipt();
  const showError = useApiError();
  useFormSession(form, open ? (receipt?.id ?? 'new') : null, () =>
    receipt
      ? { accountId: receipt.accountId, receivedOn: receipt.receivedOn, amount: receipt.amount, method: receipt.method, bankRef: receipt.bankRef ?? '', payer: receipt.payer, note: receipt.note, number: receipt.number }
      : { accountId: accountId ?? null, receivedOn: today(), amount: null, method: 'transfer' as const },
  );
  const submit = useOneSave(async (v: Values) => {
    const body = { ...v, accountId: v.accountId!, amount: v.amount!, bankRef: v.bankRef?.trim() || undefined, number: v.number?.trim() || undefined };
    try {
      const saved = await save.mutateAsync(receipt ? { id: receipt.id, body: { ...body, version: receipt.version } } : { body });
      onSaved(saved);
    } catch (err) {
      if (!applyConflict(form, err, t)) showError(err, form);
    }
  });
  return (
    <FormDrawer
      open={open}
      title={receipt ? t('form.editTitle', { number: receipt.number }) : t('form.newTitle')}
      formId="receipt-form"
      saving={save.isPending}
      saveText={t('form.save')}
      cancelText={t('form.cancel')}
      onClose={onClose}
      testId="receipt-drawer"
    >
      <Form<Values> id="receipt-form" form={form} layout="vertical" {...saveByButton} onFinish={(v) => void submit(v)}>
        <Form.Item name="accountId" label={t('fields.account')} rules={[{ required: true, message: t('form.accountRequired') }]}>
          <AccountPicker data-testid="receipt-account" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="receivedOn" label={t('fields.receivedOn')} rules={[{ required: true, message: t('form.dateRequired') }]} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} data-testid="receipt-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="amount" label={t('fields.amount')} rules={[{ required: true, message: t('form.amountRequired') }, { type: 'number', min: 1, message: t('form.amountPositive') }]}>
              <MoneyInput data-testid="receipt-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="method" label={t('fields.method')}>
              <Select options={RECEIPT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))} data-testid="receipt-method" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="bankRef" label={t('fields.bankRef')} rules={[{ max: 100 }]}>
              <Input maxLength={100} data-testid="receipt-bank-ref" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="payer" label={t('fields.payer')} tooltip={t('form.payerHint')} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="receipt-payer" />
        </Form.Item>
        <Form.Item name="number" label={t('fields.number')} tooltip={t('form.numberHint')} rules={[{ max: 50 }]}>
          <Input maxLength={50} placeholder={t('form.numberPlaceholder')} data-testid="receipt-number" />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="receipt-note" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
