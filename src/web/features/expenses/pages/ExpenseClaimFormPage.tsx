import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EXPENSE_LINE_KINDS, PHONE_CATEGORY, UNLINKED_LINE_KINDS, type ClaimableRecord, type ExpenseLineKind } from '../../../../shared/contracts/expenses';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFormErrors } from '../../../components/errors';
import { dateFieldProps } from '../../../components/formDate';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { PageHeader } from '../../../components/PageHeader';
import { useClaimable, useExpenseCategories, usePhoneAllowance, useSaveClaim } from '../api';

interface LineValues {
  kind: ExpenseLineKind;
  refId?: number;
  category: string;
  yuan: number;
  note?: string;
  occurredOn: string;
}


/** Under a phone line: the month's allowance (手机费核定标准) and what is already submitted against it. */
function PhoneAllowanceHint({ occurredOn }: { occurredOn?: string }) {
  const { t } = useTranslation('expenses');
  const yuan = useMoney();
  const period = occurredOn && /^\d{4}-\d{2}-\d{2}$/.test(occurredOn) ? occurredOn.slice(0, 7) : null;
  const use = usePhoneAllowance(period);
  if (!use.data) return null;
  const { limit, used } = use.data;
  return <Alert type="info" showIcon style={{ width: '100%', marginBottom: 12 }} data-testid="phone-allowance" message={t('form.phoneHint', { period: use.data.period, limit: yuan(limit), used: yuan(used), left: yuan(Math.max(0, limit - used)) })} />;
}

/**
 * A new claim: lines each pick one of the claimant's records (phone and 'other' lines link none); amounts in yuan. A record
 * whose report is still in approval is listed marked as waiting; the server refuses it on save and
 * its reason shows under the line's record field.
 */
export function ExpenseClaimFormPage() {
  const { t } = useTranslation('expenses');
  const money = useMoney();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; lines: LineValues[] }>();
  const claimable = useClaimable();
  const categories = useExpenseCategories();
  const save = useSaveClaim();
  const lines = Form.useWatch('lines', form) ?? [];
  /** a failed save no field could carry (a record claimed meanwhile, a lost connection) */
  const [unplaced, setUnplaced] = useState<unknown>(null);

  // one press of 保存草稿 makes one claim: Enter in a field does not save, a second click while saving is dropped
  const submit = useOneSave(async (v: { title: string; lines: LineValues[] }) => {
    const body = { title: v.title, lines: v.lines.map((l) => ({ kind: l.kind, refId: UNLINKED_LINE_KINDS.includes(l.kind) ? null : (l.refId ?? null), category: l.category, amount: Math.round(l.yuan * 100), note: l.note ?? null, occurredOn: l.occurredOn })) };
    setUnplaced(null);
    try {
      const r = await save.mutateAsync({ body });
      void navigate(`/expenses/${r.id}`);
    } catch (err) {
      if (!applyFormErrors(form, err)) setUnplaced(err);
      else {
        const first = form.getFieldsError().find((f) => f.errors.length);
        if (first) form.scrollToField(first.name, { block: 'center' });
      }
    }
  });

  /** A record as an option; one still waiting for approval leads with a tag that stays visible on a phone. */
  const option = (r: ClaimableRecord) => {
    const text = `${r.label} · ${r.date ?? ''} · ${money(r.spent)}`;
    const waiting = r.ready ? null : t(`form.waiting.${r.state}`, { defaultValue: t('form.waiting.submitted') });
    return {
      value: r.refId,
      title: waiting ? `${waiting} · ${text}` : text,
      label: (
        <>
          {waiting && <Tag color="warning" style={{ marginInlineEnd: 6 }}>{waiting}</Tag>}
          {text}
        </>
      ),
    };
  };
  /** Picking a record fills the line's amount and date from it when they are still empty. */
  const picked = (i: number, refId: number | undefined) => {
    const r = claimable.data?.items.find((x) => x.kind === lines[i]?.kind && x.refId === refId);
    if (!r) return;
    if (form.getFieldValue(['lines', i, 'yuan']) == null && r.spent > 0) form.setFieldValue(['lines', i, 'yuan'], r.spent / 100);
    if (!form.getFieldValue(['lines', i, 'occurredOn']) && r.date) form.setFieldValue(['lines', i, 'occurredOn'], r.date);
  };

  return (
    <>
      <PageHeader title={t('claims.new')} />
      {unplaced ? <ErrorAlert error={unplaced} /> : null}
      <Form form={form} {...saveByButton} layout="vertical" scrollToFirstError onFinish={(v) => void submit(v)} initialValues={{ lines: [{ kind: 'visit' }] }} style={{ maxWidth: 760 }} data-testid="expense-form">
        <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input data-testid="expense-title" />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f, i) => {
                const kind = lines[i]?.kind;
                return (
                  <Card key={f.key} size="small" title={t('form.line', { n: i + 1 })} data-testid={`expense-line-${i}`} extra={fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('form.removeLine')} />}>
                    <Row gutter={8}>
                      <Col xs={24} sm={8}>
                        <Form.Item name={[f.name, 'kind']} label={t('fields.kind')} rules={[{ required: true }]}>
                          <Select
                            data-testid={`expense-line-${i}-kind`}
                            options={EXPENSE_LINE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                            onChange={(k: ExpenseLineKind) => {
                              form.setFieldValue(['lines', f.name, 'refId'], undefined);
                              if (k === 'phone') form.setFieldValue(['lines', f.name, 'category'], PHONE_CATEGORY);
                            }}
                          />
                        </Form.Item>
                      </Col>
                      {kind && !UNLINKED_LINE_KINDS.includes(kind) && (
                        <Col xs={24} sm={16}>
                          <Form.Item name={[f.name, 'refId']} label={t('fields.ref')} rules={[{ required: true }]} extra={t('form.refHint')}>
                            <Select
                              data-testid={`expense-line-${i}-ref`}
                              loading={claimable.isLoading}
                              onChange={(v: number | undefined) => picked(i, v)}
                              options={(claimable.data?.items ?? []).filter((r) => r.kind === kind).map(option)}
                              notFoundContent={t('form.noRecords')}
                            />
                          </Form.Item>
                        </Col>
                      )}
                      <Col xs={24} sm={8}>
                        <Form.Item name={[f.name, 'category']} label={t('fields.category')} rules={[{ required: true }]} tooltip={kind === 'phone' ? t('form.phoneCategory') : t('form.categoryHint')}>
                          <Select
                            disabled={kind === 'phone'}
                            showSearch={{ optionFilterProp: 'label' }}
                            loading={categories.isLoading}
                            options={(categories.data?.items ?? []).map((c) => ({ value: c, label: c }))}
                            data-testid={`expense-line-${i}-category`}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={8}>
                        <Form.Item name={[f.name, 'yuan']} label={t('fields.amountYuan')} rules={[{ required: true }]}>
                          <InputNumber<number> min={0.01} precision={2} style={{ width: '100%' }} data-testid={`expense-line-${i}-amount`} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={8}>
                        <Form.Item name={[f.name, 'occurredOn']} label={t('fields.occurredOn')} rules={[{ required: true }]} {...dateFieldProps}>
                          <DatePicker style={{ width: '100%' }} data-testid={`expense-line-${i}-date`} />
                        </Form.Item>
                      </Col>
                      <Col xs={24}>
                        <Form.Item name={[f.name, 'note']} label={t('fields.note')}>
                          <Input data-testid={`expense-line-${i}-note`} />
                        </Form.Item>
                      </Col>
                    </Row>
                    {kind === 'phone' && <PhoneAllowanceHint occurredOn={lines[i]?.occurredOn} />}
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
