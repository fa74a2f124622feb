import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePlan, planProblems, planTotal, termsProblem, type PlanTermInput } from '../../../../shared/domain/payment-plan';
import { useMoney } from '../../../components/display';
import { dateFieldProps, today } from '../../../components/formDate';
import { MoneyInput } from '../../../components/MoneyInput';
import { parsePercents, termsFor } from '../helpers';

export interface InstalmentValues {
  milestone?: string;
  dueDate?: string;
  amount?: number | null;
}

/**
 * 回款计划 of the contract form: a generator from the payment terms ("30/60/10", each with its due date
 * and milestone → shared generatePlan, the remainder on the last instalment) and the instalments as
 * editable rows, with the live check of their sum against the contract amount (shared planProblems).
 * The rows are the form's `instalments` list, so the server's 400 on `instalments.N.amount` lands on its row.
 */
export function PlanEditor({ form, amount }: { form: FormInstance; amount: number | null | undefined }) {
  const { t } = useTranslation(['deals', 'contracts']);
  const money = useMoney();
  const instalments = (Form.useWatch('instalments', form) as InstalmentValues[] | undefined) ?? [];
  const [typed, setTyped] = useState('30/60/10');
  const [terms, setTerms] = useState<PlanTermInput[]>(() => termsFor([30, 60, 10], [], today()));
  const [termsError, setTermsError] = useState<string | null>(null);

  const percents = parsePercents(typed);
  const setTerm = (i: number, patch: Partial<PlanTermInput>) => setTerms((ts) => ts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const retype = (v: string) => {
    setTyped(v);
    const p = parsePercents(v);
    if (p) setTerms((ts) => termsFor(p, ts, today()));
  };
  const generate = () => {
    if (!amount || amount <= 0) return setTermsError(t('plan.needAmount'));
    const problem = termsProblem(terms);
    if (problem) return setTermsError(t('plan.percentSum', { percent: problem.params?.percent ?? 0 }));
    setTermsError(null);
    form.setFieldValue(
      'instalments',
      generatePlan(amount, terms).map((x) => ({ milestone: x.milestone, dueDate: x.dueDate, amount: x.amount })),
    );
    void form.validateFields(['instalments']).catch(() => undefined);
  };

  const rows = instalments.map((x) => ({ amount: x?.amount ?? 0 }));
  const total = planTotal(rows);
  const problems = amount === null || amount === undefined ? [] : planProblems(amount, rows).filter((p) => p.path === 'instalments');
  const balanced = instalments.length > 0 && amount !== null && amount !== undefined && problems.length === 0;

  return (
    <Flex vertical gap={12}>
      <Card size="small" type="inner" title={<span><ThunderboltOutlined /> {t('plan.generator')}</span>} data-testid="plan-generator">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          <Typography.Text>{t('plan.percents')}</Typography.Text>
          <Input value={typed} onChange={(e) => retype(e.target.value)} style={{ width: 180 }} status={percents ? undefined : 'error'} placeholder="30/60/10" data-testid="plan-percents" />
          <Typography.Text type="secondary">{t('plan.percentsHint')}</Typography.Text>
        </Flex>
        {terms.map((term, i) => (
          <Row key={i} gutter={8} style={{ marginBottom: 8 }} align="middle">
            <Col xs={6} sm={3}>
              <Typography.Text strong>{`${term.percent}%`}</Typography.Text>
            </Col>
            <Col xs={18} sm={8}>
              <DatePicker
                style={{ width: '100%' }}
                value={term.dueDate ? dayjs(term.dueDate) : null}
                allowClear={false}
                onChange={(d) => d && setTerm(i, { dueDate: d.format('YYYY-MM-DD') })}
                aria-label={t('contracts:instalmentFields.dueDate')}
                data-testid={`plan-term-${i}-due`}
              />
            </Col>
            <Col xs={24} sm={13}>
              <Input value={term.milestone} onChange={(e) => setTerm(i, { milestone: e.target.value })} placeholder={t('plan.milestonePlaceholder')} maxLength={200} data-testid={`plan-term-${i}-milestone`} />
            </Col>
          </Row>
        ))}
        {termsError && <Alert type="error" showIcon message={termsError} style={{ marginBottom: 8 }} data-testid="plan-terms-error" />}
        <Button icon={<ThunderboltOutlined />} onClick={generate} disabled={!percents} data-testid="plan-generate">
          {instalments.length ? t('plan.regenerate') : t('plan.generate')}
        </Button>
      </Card>

      <Form.List name="instalments">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid="plan-rows">
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8} align="top" data-testid={`plan-row-${i}`}>
                <Col xs={3} sm={1} style={{ paddingTop: 5 }}>
                  <Typography.Text type="secondary">{i + 1}</Typography.Text>
                </Col>
                <Col xs={21} sm={8}>
                  <Form.Item name={[f.name, 'milestone']} style={{ marginBottom: 0 }} rules={[{ max: 200 }]}>
                    <Input placeholder={t('contracts:instalmentFields.milestone')} data-testid={`plan-row-${i}-milestone`} />
                  </Form.Item>
                </Col>
                <Col xs={{ span: 11, offset: 3 }} sm={{ span: 6, offset: 0 }}>
                  <Form.Item name={[f.name, 'dueDate']} style={{ marginBottom: 0 }} rules={[{ required: true, message: t('plan.dueRequired') }]} {...dateFieldProps}>
                    <DatePicker style={{ width: '100%' }} placeholder={t('contracts:instalmentFields.dueDate')} data-testid={`plan-row-${i}-due`} />
                  </Form.Item>
                </Col>
                <Col xs={8} sm={7}>
                  <Form.Item name={[f.name, 'amount']} style={{ marginBottom: 0 }} rules={[{ required: true, message: t('plan.amountRequired') }]}>
                    <MoneyInput min={0.01} placeholder={t('contracts:instalmentFields.amount')} data-testid={`plan-row-${i}-amount`} />
                  </Form.Item>
                </Col>
                <Col xs={2} sm={2}>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('plan.removeRow')} data-testid={`plan-row-${i}-remove`} />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Flex justify="space-between" wrap gap={8} align="center">
              <Button icon={<PlusOutlined />} onClick={() => add({ milestone: '', dueDate: instalments[instalments.length - 1]?.dueDate ?? today() })} data-testid="plan-add">
                {t('plan.addRow')}
              </Button>
              <Typography.Text type={balanced ? 'success' : instalments.length ? 'danger' : 'secondary'} data-testid="plan-check" data-balanced={balanced}>
                {t('plan.check', { total: money(total), amount: money(amount ?? 0) })}
                {problems.length > 0 && instalments.length > 0 && ` · ${t('plan.diff', { diff: money((amount ?? 0) - total) })}`}
              </Typography.Text>
            </Flex>
          </Flex>
        )}
      </Form.List>
    </Flex>
  );
}

/** The plan as the API takes it. */
export const instalmentsBody = (rows: readonly InstalmentValues[] | undefined) =>
  (rows ?? []).map((x) => ({ milestone: (x.milestone ?? '').trim(), dueDate: x.dueDate ?? '', amount: x.amount ?? 0 }));

