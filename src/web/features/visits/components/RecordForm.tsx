import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { VISIT_RESULTS, type VisitDetail } from '../../../../shared/contracts/visits';
import { applyFormErrors, errorMessage } from '../../../components/errors';
import { useFeedback } from '../../../components/feedback';
import { useAccountContacts } from '../../contacts';
import { useVisitAction } from '../api';
import { toFen, toYuan } from './money';
import { saveByButton } from '../../../components/formSubmit';

interface Values {
  metContactIds: number[];
  metName?: string;
  metTitle?: string;
  customerSituation?: string;
  discussed?: string;
  concerns?: string;
  solved?: string;
  toWatch?: string;
  other?: string;
  result?: string;
  expenses: { item?: string; amount?: number | null; note?: string }[];
  nextVisitAt?: Dayjs | null;
}

const TEXTS = ['customerSituation', 'discussed', 'concerns', 'solved', 'toWatch', 'other'] as const;

/** The visit record: every field of 大客户拜访记录表 and 客户拜访日报表, one column so it works at 390 px. */
export function RecordForm({ visit, onDone }: { visit: VisitDetail; onDone: () => void }) {
  const { t } = useTranslation('visits');
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const contacts = useAccountContacts(visit.account.id);
  const save = useVisitAction(visit.id, 'record');
  const r = visit.record;
  const initialValues: Values = r
    ? {
        metContactIds: visit.contacts.filter((c) => c.met).map((c) => c.id),
        metName: r.metName,
        metTitle: r.metTitle ?? undefined,
        customerSituation: r.customerSituation ?? undefined,
        discussed: r.discussed,
        concerns: r.concerns ?? undefined,
        solved: r.solved ?? undefined,
        toWatch: r.toWatch ?? undefined,
        other: r.other ?? undefined,
        result: r.result,
        expenses: r.expenses.map((e) => ({ item: e.item, amount: toYuan(e.amount), note: e.note ?? undefined })),
        nextVisitAt: r.nextVisitAt ? dayjs(r.nextVisitAt) : null,
      }
    : { metContactIds: visit.contacts.map((c) => c.id), metName: visit.contacts.map((c) => c.name).join('、') || undefined, metTitle: visit.contacts.map((c) => c.title).filter(Boolean).join('、') || undefined, expenses: [] };

  const options = [...visit.contacts.map((c) => ({ id: c.id, name: c.name, title: c.title }))];
  for (const c of contacts.data?.items ?? []) if (!options.some((o) => o.id === c.id)) options.push({ id: c.id, name: c.name, title: c.title });

  const onFinish = async (v: Values) => {
    try {
      await save.mutateAsync({
        version: visit.version,
        metContactIds: v.metContactIds ?? [],
        metName: v.metName,
        metTitle: v.metTitle ?? null,
        ...Object.fromEntries(TEXTS.map((k) => [k, v[k] ?? null])),
        discussed: v.discussed,
        result: v.result,
        expenses: (v.expenses ?? []).map((e) => ({ item: e.item, amount: toFen(e.amount), note: e.note ?? null })),
        nextVisitAt: v.nextVisitAt ? v.nextVisitAt.toISOString() : null,
      });
      void message.success(t('messages.recorded'));
      onDone();
    } catch (err) {
      if (!applyFormErrors(form, err)) void message.error(errorMessage(err, t));
    }
  };

  return (
    <Form form={form} {...saveByButton} layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid="visit-record-form">
      <Form.Item name="metContactIds" label={t('fields.metContacts')}>
        <Select mode="multiple" options={options.map((o) => ({ value: o.id, label: o.title ? `${o.name}（${o.title}）` : o.name }))} data-testid="visit-met-contacts" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="metName" label={t('fields.metName')} rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 160px' }}>
          <Input maxLength={200} data-testid="visit-met-name" />
        </Form.Item>
        <Form.Item name="metTitle" label={t('fields.metTitle')} style={{ flex: '1 1 160px' }}>
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
      {TEXTS.map((k) => (
        <Form.Item key={k} name={k} label={t(`fields.${k}`)} rules={k === 'discussed' ? [{ required: true, whitespace: true }] : undefined}>
          <Input.TextArea autoSize={{ minRows: k === 'discussed' ? 3 : 2, maxRows: 8 }} maxLength={4000} data-testid={`visit-${k}`} />
        </Form.Item>
      ))}
      <Form.Item name="result" label={t('fields.result')} rules={[{ required: true }]}>
        <Radio.Group data-testid="visit-result">
          <Flex vertical gap={4}>
            {VISIT_RESULTS.map((x) => (
              <Radio key={x} value={x} data-testid={`visit-result-${x}`}>
                {t(`results.${x}`)}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('fields.expenses')}>
        <Form.List name="expenses">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="start">
                  <Form.Item name={[f.name, 'item']} rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 0, flex: '1 1 120px' }}>
                    <Input placeholder={t('fields.expenseItem')} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]} style={{ marginBottom: 0, width: 120 }}>
                    <InputNumber min={0} precision={2} placeholder={t('fields.amount')} style={{ width: '100%' }} inputMode="decimal" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} style={{ marginBottom: 0, flex: '1 1 120px' }}>
                    <Input placeholder={t('fields.note')} maxLength={300} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="visit-add-expense">
                {t('fields.addExpense')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="nextVisitAt" label={t('fields.nextVisitAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="visit-next-visit" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('record.followUpHint')}
      </Typography.Paragraph>
      <Button type="primary" size="large" block htmlType="submit" loading={save.isPending} data-testid="visit-record-save">
        {t('actions.saveRecord')}
      </Button>
    </Form>
  );
}
