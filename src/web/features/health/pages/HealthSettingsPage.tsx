import { Alert, Button, Card, Col, Flex, Form, Grid, InputNumber, Row, Skeleton, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_TIERS } from '../../../../shared/contracts/accounts';
import type { HealthSettingsView } from '../../../../shared/contracts/health';
import { HEALTH_MEASURES, HIGHER_IS_BETTER, type HealthMeasure, type HealthSettings } from '../../../../shared/domain/health';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { PageHeader } from '../../../components/PageHeader';
import { useHealthSettings, useSaveHealthSettings } from '../api';

/**
 * /health/settings — 健康度设置 (SVC-3): per tier, each measure's weight and its good and bad thresholds
 * (at good or better a measure scores 100, at bad or worse 0, linear between), and the bands' lines.
 * health:read sees them; health:configure changes them, which recomputes every account.
 */
export function HealthSettingsPage() {
  const s = useHealthSettings();
  if (s.error) return <ErrorAlert error={s.error} onRetry={() => void s.refetch()} />;
  if (!s.data) return <Skeleton active />;
  return <SettingsForm view={s.data} key={s.data.version} />;
}

function SettingsForm({ view }: { view: HealthSettingsView }) {
  const { t } = useTranslation('health');
  const { t: ta } = useTranslation('accounts');
  const { can } = useAuth();
  const edit = can('health:configure');
  const phone = Grid.useBreakpoint().md === false;
  const save = useSaveHealthSettings();
  const showError = useApiError();
  const { message } = useFeedback();
  const [form] = Form.useForm<HealthSettings>();
  const submit = useOneSave(async (v: HealthSettings) => {
    try {
      await save.mutateAsync({ ...v, version: view.version });
      void message.success(t('settings.saved'));
    } catch (err) {
      showError(err, form);
    }
  });
  const number = (tier: string, m: HealthMeasure, field: 'weight' | 'good' | 'bad') => (
    <Form.Item name={['profiles', tier, m, field]} rules={[{ required: true, message: t('settings.required') }]} style={{ margin: 0 }}>
      <InputNumber min={field === 'weight' ? 0 : -1000} max={field === 'weight' ? 100 : 100_000} precision={field === 'weight' ? 0 : undefined} disabled={!edit} style={{ width: '100%' }} data-testid={`health-settings-${tier}-${m}-${field}`} />
    </Form.Item>
  );
  const table = (tier: string) => (
    <Table<{ measure: HealthMeasure }>
      rowKey="measure"
      size="small"
      pagination={false}
      scroll={{ x: phone ? 520 : 640 }}
      dataSource={HEALTH_MEASURES.map((measure) => ({ measure }))}
      columns={[
        {
          title: t('settings.columns.measure'),
          key: 'measure',
          // on a phone the measure stays in view while the numbers scroll
          ...(phone && { fixed: 'left' as const, width: 150 }),
          render: (_, r) => (
            <Flex vertical>
              <Typography.Text>{t(`measures.${r.measure}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`settings.units.${r.measure}`)} · {t(HIGHER_IS_BETTER.has(r.measure) ? 'settings.higher' : 'settings.lower')}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t('settings.columns.weight'), key: 'weight', width: 110, render: (_, r) => number(tier, r.measure, 'weight') },
        { title: t('settings.columns.good'), key: 'good', width: 130, render: (_, r) => number(tier, r.measure, 'good') },
        { title: t('settings.columns.bad'), key: 'bad', width: 130, render: (_, r) => number(tier, r.measure, 'bad') },
      ]}
    />
  );
  return (
    <div>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Form<HealthSettings> form={form} {...saveByButton} layout="vertical" initialValues={view.settings} onFinish={(v) => void submit(v)} data-testid="health-settings">
        <Flex vertical gap={12}>
          {!edit && <Alert type="info" showIcon title={t('settings.readOnly')} />}
          <Card size="small" title={t('settings.bands')}>
            <Row gutter={12}>
              <Col xs={12} md={6}>
                <Form.Item name={['bands', 'green']} label={t('settings.green')} rules={[{ required: true, message: t('settings.required') }]}>
                  <InputNumber min={1} max={100} precision={0} disabled={!edit} style={{ width: '100%' }} data-testid="health-settings-green" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={['bands', 'yellow']} label={t('settings.yellow')} rules={[{ required: true, message: t('settings.required') }]}>
                  <InputNumber min={0} max={99} precision={0} disabled={!edit} style={{ width: '100%' }} data-testid="health-settings-yellow" />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Text type="secondary">{t('settings.bandsHint')}</Typography.Text>
          </Card>
          <Card size="small" title={t('settings.profiles')}>
            <Typography.Paragraph type="secondary">{t('settings.profilesHint')}</Typography.Paragraph>
            <Tabs items={ACCOUNT_TIERS.map((tier) => ({ key: tier, label: ta(`tiers.${tier}`), forceRender: true, children: table(tier) }))} />
          </Card>
          {edit && (
            <Flex justify="flex-end">
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="health-settings-save">
                {t('settings.save')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Form>
    </div>
  );
}
