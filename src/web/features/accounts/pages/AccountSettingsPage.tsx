import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Skeleton, Space, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLETENESS_FIELDS, CREDIT_STANDINGS, REVENUE_WINDOWS, type AccountSettings } from '../../../../shared/contracts/accounts';
import { ATTRACTIVENESS_FACTORS, QUADRANTS, SERVICE_LEVELS, STRENGTH_FACTORS } from '../../../../shared/contracts/quadrant';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { MoneyInput } from '../../../components/MoneyInput';
import { accountKeys, useAccountSettings } from '../api';

const col = { xs: 24, sm: 12, lg: 8 } as const;
const percent = (min = 0, max = 100) => ({ min, max, precision: 0, style: { width: '100%' } });

/** Sum of a weights object as the form currently holds it. */
function useWeightSum(form: FormInstance<AccountSettings>, path: (string | number)[]) {
  const weights = Form.useWatch(path, form) as Record<string, number | null> | undefined;
  return Object.values(weights ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);
}

/**
 * /admin/account-settings — the classification engine's settings (ACC-3, ACC-4, ACC-5): tier and
 * category thresholds, completeness weights and the "complete" threshold, the portfolio quadrant's
 * factors, split and service policies, and the automatic lifecycle move. Saving recomputes every
 * account in the background.
 */
export function AccountSettingsPage() {
  const { t } = useTranslation(['portfolio', 'accounts']);
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const settings = useAccountSettings();
  const [form] = Form.useForm<AccountSettings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: AccountSettings) => api.put<AccountSettings>('/api/account-settings', v),
    onSuccess: (data) => {
      qc.setQueryData(accountKeys.settings, data);
      void qc.invalidateQueries({ queryKey: accountKeys.all });
      void message.success(t('settings.saved'));
    },
    onError: (err) => showError(err, form),
  });
  const completenessSum = useWeightSum(form, ['completeness', 'weights']);
  const attractivenessSum = useWeightSum(form, ['quadrant', 'attractivenessWeights']);
  const strengthSum = useWeightSum(form, ['quadrant', 'strengthWeights']);

  if (settings.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;

  return (
    <div>
      <PageHeader
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        extra={
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => form.submit()} data-testid="account-settings-save">
            {t('settings.save')}
          </Button>
        }
      />
      <Form<AccountSettings> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="account-settings-form">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('settings.classification')}>
            <Typography.Paragraph type="secondary">{t('settings.revenueWindowHelp')}</Typography.Paragraph>
            <Row gutter={16}>
              <Col {...col}>
                <Form.Item name={['classification', 'largeRevenueThreshold']} label={t('settings.largeRevenueThreshold')} rules={[{ required: true }]}>
                  <MoneyInput />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['classification', 'largeRevenueYears']} label={t('settings.largeRevenueYears')} rules={[{ required: true }]}>
                  <InputNumber {...percent(1, 20)} suffix={t('settings.years')} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['classification', 'revenueWindow']} label={t('settings.revenueWindow')} rules={[{ required: true }]}>
                  <Select options={REVENUE_WINDOWS.map((w) => ({ value: w, label: t(`settings.revenueWindows.${w}`) }))} data-testid="settings-revenue-window" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['classification', 'premiumCumulativeThreshold']} label={t('settings.premiumCumulativeThreshold')} rules={[{ required: true }]}>
                  <MoneyInput />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['classification', 'premiumCreditStandings']} label={t('settings.premiumCreditStandings')} rules={[{ required: true }]}>
                  <Select mode="multiple" options={CREDIT_STANDINGS.map((c) => ({ value: c, label: t(`accounts:creditStandings.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['classification', 'highValueContractThreshold']} label={t('settings.highValueContractThreshold')} extra={t('settings.highValueHelp')} rules={[{ required: true }]}>
                  <MoneyInput data-testid="settings-high-value-threshold" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['classification', 'highValueMaxOverdueDays']} label={t('settings.highValueMaxOverdueDays')} rules={[{ required: true }]}>
                  <InputNumber {...percent(0, 3650)} suffix={t('settings.days')} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t('settings.completeness')} extra={<Typography.Text type="secondary">{t('settings.weightSum', { sum: completenessSum })}</Typography.Text>}>
            <Typography.Paragraph type="secondary">{t('settings.completenessHelp')}</Typography.Paragraph>
            <Row gutter={16}>
              <Col {...col}>
                <Form.Item name={['completeness', 'completeThreshold']} label={t('settings.completeThreshold')} rules={[{ required: true }]}>
                  <InputNumber {...percent(1, 100)} suffix="%" data-testid="settings-complete-threshold" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={[12, 0]}>
              {COMPLETENESS_FIELDS.map((f) => (
                <Col key={f} xs={12} sm={8} md={6} lg={4}>
                  <Form.Item name={['completeness', 'weights', f]} label={t(`accounts:fields.${f}`)} rules={[{ required: true }]}>
                    <InputNumber {...percent()} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>

          <Card size="small" title={t('settings.quadrant')}>
            <Typography.Paragraph type="secondary">{t('settings.quadrantHelp')}</Typography.Paragraph>
            <Row gutter={24}>
              <FactorWeights title={t('settings.attractivenessWeights')} sum={attractivenessSum} group="attractivenessWeights" factors={ATTRACTIVENESS_FACTORS} />
              <FactorWeights title={t('settings.strengthWeights')} sum={strengthSum} group="strengthWeights" factors={STRENGTH_FACTORS} />
            </Row>
            <Row gutter={16}>
              <Col {...col}>
                <Form.Item name={['quadrant', 'split', 'attractiveness']} label={t('settings.splitAttractiveness')} rules={[{ required: true }]}>
                  <InputNumber {...percent(1, 99)} data-testid="settings-split-attractiveness" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['quadrant', 'split', 'strength']} label={t('settings.splitStrength')} rules={[{ required: true }]}>
                  <InputNumber {...percent(1, 99)} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['quadrant', 'trendRangePct']} label={t('settings.trendRangePct')} rules={[{ required: true }]}>
                  <InputNumber {...percent(1, 1000)} suffix="%" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['quadrant', 'sizeReference', 'annualSales']} label={t('settings.refAnnualSales')} rules={[{ required: true }]}>
                  <MoneyInput min={0.01} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['quadrant', 'sizeReference', 'registeredCapital']} label={t('settings.refRegisteredCapital')} rules={[{ required: true }]}>
                  <MoneyInput min={0.01} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['quadrant', 'sizeReference', 'employees']} label={t('settings.refEmployees')} rules={[{ required: true }]}>
                  <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name={['quadrant', 'revenueReference']} label={t('settings.revenueReference')} extra={t('settings.revenueReferenceHelp')} rules={[{ required: true }]}>
                  <MoneyInput min={0.01} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t('settings.policies')}>
            <Typography.Paragraph type="secondary">{t('settings.policiesHelp')}</Typography.Paragraph>
            <Row gutter={[16, 8]}>
              {QUADRANTS.map((q) => (
                <Col key={q} xs={24} md={12}>
                  <Card size="small" type="inner" title={t(`quadrants.${q}`)} data-testid={`settings-policy-${q}`}>
                    <Row gutter={12}>
                      <Col span={12}>
                        <Form.Item name={['quadrant', 'policies', q, 'visitIntervalDays']} label={t('settings.visitIntervalDays')} rules={[{ required: true }]}>
                          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} suffix={t('settings.days')} />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item name={['quadrant', 'policies', q, 'serviceLevel']} label={t('settings.serviceLevel')} rules={[{ required: true }]}>
                          <Select options={SERVICE_LEVELS.map((l) => ({ value: l, label: t(`serviceLevels.${l}`) }))} />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Form.Item name={['quadrant', 'policies', q, 'guidance']} label={t('settings.guidance')} extra={t('settings.guidanceHelp')} style={{ marginBottom: 0 }}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder={t(`guidance.${q}`)} />
                    </Form.Item>
                  </Card>
                </Col>
              ))}
            </Row>
          </Card>

          <Card size="small" title={t('settings.lifecycle')}>
            <Form.Item name={['lifecycle', 'autoActivate']} valuePropName="checked" label={t('settings.autoActivate')}>
              <Switch data-testid="settings-auto-activate" />
            </Form.Item>
            <Alert type="info" showIcon title={t('settings.lifecycleRulesTitle')} description={<LifecycleRules />} />
          </Card>
        </Space>
      </Form>
    </div>
  );
}

/** One axis's factor weights, with the explanation of each factor's score under its field. */
function FactorWeights({ title, sum, group, factors }: { title: string; sum: number; group: 'attractivenessWeights' | 'strengthWeights'; factors: readonly string[] }) {
  const { t } = useTranslation('portfolio');
  return (
    <Col xs={24} md={12}>
      <Flex justify="space-between">
        <Typography.Title level={5}>{title}</Typography.Title>
        <Typography.Text type="secondary">{t('settings.weightSum', { sum })}</Typography.Text>
      </Flex>
      {factors.map((f) => (
        <Form.Item key={f} name={['quadrant', group, f]} label={t(`factors.${f}`)} extra={t(`factorHelp.${f}`)} rules={[{ required: true }]}>
          <InputNumber {...percent()} />
        </Form.Item>
      ))}
    </Col>
  );
}

function LifecycleRules() {
  const { t } = useTranslation('portfolio');
  const rules = t('settings.lifecycleRules', { returnObjects: true }) as string[];
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {rules.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}
