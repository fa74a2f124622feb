import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EXPENSE_LINE_KINDS, PHONE_CATEGORY, UNLINKED_LINE_KINDS, type ExpenseLineKind } from '../../../../shared/contracts/expenses';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useClaimable, usePhoneAllowance, useSaveClaim } from '../api';

interface LineValues {
  kind: ExpenseLineKind;
  refId?: number;
  category: string;
  yuan: number;
  note?: string;
  occurredOn: string;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Under a phone line: the month's allowance (手机费核定标准) and what is already submitted against it. */
function PhoneAllowanceHint({ occurredOn }: { occurredOn?: string }) {
  const { t } = useTranslation('expenses');
  const period = occurredOn && /^\d{4}-\d{2}-\d{2}$/.test(occurredOn) ? occurredOn.slice(0, 7) : null;
  const use = usePhoneAllowance(period);
  if (!use.data) return null;
  const { limit, used } = use.data;
  return <Alert type="info" showIcon style={{ width: '100%' }} data-testid="phone-allowance" message={t('form.phoneHint', { period: use.data.period, limit: yuan(limit), used: yuan(used), left: yuan(Math.max(0, limit - used)) })} />;
}

/** A new claim: lines each pick a record with an approved report (or 'other'); amounts in yuan. */
export function ExpenseClaimFormPage() {
  const { t } = useTranslation('expenses');
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; lines: LineValues[] }>();
  const claimable = useClaimable();
  const save = useSaveClaim();
  const lines = Form.useWatch('lines', form) ?? [];

  const submit = async (v: { title: string; lines: LineValues[] }) => {
    const body = { title: v.title, lines: v.lines.map((l) => ({ kind: l.kind, refId: UNLINKED_LINE_KINDS.includes(l.kind) ? null : (l.refId ?? null), category: l.category, amount: Math.round(l.yuan * 100), note: l.note ?? null, occurredOn: l.occurredOn })) };
    const r = await save.mutateAsync({ body });
    void navigate(`/expenses/${r.id}`);
  };

  return (
    <>
      <PageHeader title={t('claims.new')} />
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)} initialValues={{ lines: [{ kind: 'visit' }] }} style={{ maxWidth: 760 }}>
        <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input data-testid="expense-title" />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f, i) => {
                const kind = lines[i]?.kind;
                return (
                  <Card key={f.key} size="small" title={t('form.line', { n: i + 1 })} extra={fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('form.removeLine')} />}>
                    <Flex gap={8} wrap>
                      <Form.Item name={[f.name, 'kind']} label={t('fields.kind')} rules={[{ required: true }]} style={{ minWidth: 120 }}>
                        <Select
                          options={EXPENSE_LINE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                          onChange={(k: ExpenseLineKind) => {
                            if (k === 'phone') form.setFieldValue(['lines', f.name, 'category'], PHONE_CATEGORY);
                          }}
                        />
                      </Form.Item>
                      {kind && !UNLINKED_LINE_KINDS.includes(kind) && (
                        <Form.Item name={[f.name, 'refId']} label={t('fields.ref')} rules={[{ required: true }]} style={{ minWidth: 240, flex: 1 }} extra={t('form.refHint')}>
                          <Select
                            loading={claimable.isLoading}
                            options={(claimable.data?.items ?? []).filter((r) => r.kind === kind).map((r) => ({ value: r.refId, label: `${r.label} · ${r.date ?? ''} · ¥${(r.spent / 100).toFixed(2)}` }))}
                          />
                        </Form.Item>
                      )}
                      <Form.Item name={[f.name, 'category']} label={t('fields.category')} rules={[{ required: true, whitespace: true }, { max: 40 }]} tooltip={kind === 'phone' ? t('form.phoneCategory') : undefined}>
                        <Input disabled={kind === 'phone'} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'yuan']} label={t('fields.amountYuan')} rules={[{ required: true }]}>
                        <InputNumber<number> min={0.01} precision={2} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'occurredOn']} label={t('fields.occurredOn')} rules={[{ required: true }]}>
                        <Input type="date" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'note']} label={t('fields.note')} style={{ flex: 1, minWidth: 200 }}>
                        <Input />
                      </Form.Item>
                      {kind === 'phone' && <PhoneAllowanceHint occurredOn={lines[i]?.occurredOn} />}
                    </Flex>
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'other' })}>
                {t('form.addLine')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }} data-testid="expense-save">
          {t('form.save')}
        </Button>
      </Form>
    </>
  );
}
