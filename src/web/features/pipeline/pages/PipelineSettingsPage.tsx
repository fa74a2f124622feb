import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, InputNumber, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineSettingsUpdate } from '../../../../shared/contracts/opportunities';
import { ASSESSMENT_FACTORS, FACTOR_DIMENSION, STAGE_ITEMS, STAGES, isAutoItem, type AssessmentOutcome } from '../../../../shared/domain/pipeline';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { issueMessage } from '../../../components/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { usePipelineSettings, useSavePipelineSettings } from '../api';
import { gradeGrid } from '../settings';

/** Stage keys are strings in field names: a number would make antd build an array instead of the contract's object. */
const num = (min: number, max: number) => ({ min, max, precision: 0, style: { width: '100%' } });
const OUTCOME_COLORS: Record<AssessmentOutcome, string> = { A: 'green', B: 'blue', C: 'orange', D: 'default', abandon: 'red', collect: 'purple' };

/**
 * /pipeline/settings — 开发设置 (PIPE-2, PIPE-3, PIPE-7): which checklist items gate each stage,
 * the seven factors' weights and the grading thresholds, each stage's win probability and the
 * days after which a project counts as stalled. Saved with the version it was read at.
 */
export function PipelineSettingsPage() {
  const { t } = useTranslation(['board', 'pipeline']);
  const settings = usePipelineSettings();
  const save = useSavePipelineSettings();
  const showError = useApiError();
  const { message } = useFeedback();
  const [form] = Form.useForm<PipelineSettingsUpdate>();
  const [weightError, setWeightError] = useState<string[]>([]);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const thresholds = Form.useWatch('thresholds', form) as PipelineSettingsUpdate['thresholds'] | undefined;

  const submit = (values: PipelineSettingsUpdate) => {
    setWeightError([]);
    save.mutate(
      { ...values, version: settings.data?.version ?? 0 },
      {
        onSuccess: () => void message.success(t('settings.saved')),
        onError: (err) => {
          // "weights" as a whole (no weight on a dimension) has no single field: it shows over the weights.
          const whole = err instanceof ApiError ? err.issues.filter((i) => i.path === 'weights') : [];
          setWeightError(whole.map((i) => issueMessage(i, t)));
          const placed = err instanceof ApiError && err.issues.length > whole.length;
          if (whole.length && !placed) return;
          showError(err, form, () => void settings.refetch());
        },
      },
    );
  };

  if (settings.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;

  const grid = gradeGrid(thresholds ?? settings.data!.thresholds);

  return (
    <div>
      <PageHeader
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        extra={
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => form.submit()} data-testid="pipeline-settings-save">
            {t('settings.save')}
          </Button>
        }
      />
      <Form<PipelineSettingsUpdate> form={form} layout="vertical" onFinish={submit} data-testid="pipeline-settings-form">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('settings.gates')}>
            <Typography.Paragraph type="secondary">{t('settings.gatesHelp')}</Typography.Paragraph>
            <Row gutter={[16, 8]}>
              {STAGES.map((s) => (
                <Col key={s} xs={24} md={12} xl={8}>
                  <Card size="small" type="inner" title={`${s}. ${t(`pipeline:stages.${s}`)}`} extra={s === 5 && <Tag color="gold">{t('settings.gateWon')}</Tag>} data-testid={`settings-gate-${s}`}>
                    <Form.Item name={['gates', String(s)]} style={{ marginBottom: 0 }} extra={s === 5 ? t('settings.gate5Help') : undefined}>
                      <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                        {STAGE_ITEMS[s].map((item) => (
                          <Checkbox key={item} value={item} data-testid={`settings-gate-${s}-${item}`}>
                            {t(`pipeline:items.${item}`)}
                            {isAutoItem(item) && (
                              <Tag color="blue" style={{ marginInlineStart: 6 }}>
                                {t('settings.auto')}
                              </Tag>
                            )}
                          </Checkbox>
                        ))}
                      </Checkbox.Group>
                    </Form.Item>
                  </Card>
                </Col>
              ))}
            </Row>
          </Card>

          <Card size="small" title={t('settings.assessment')}>
            <Typography.Paragraph type="secondary">{t('settings.weightsHelp')}</Typography.Paragraph>
            {weightError.length > 0 && <Alert type="error" showIcon title={weightError.join('；')} style={{ marginBottom: 12 }} data-testid="settings-weights-error" />}
            <Row gutter={[16, 0]}>
              {ASSESSMENT_FACTORS.map((f) => (
                <Col key={f} xs={24} sm={12} lg={8}>
                  <Form.Item
                    name={['weights', f]}
                    label={
                      <Space size={4} wrap>
                        {t(`pipeline:factors.${f}`)}
                        <Tag color={FACTOR_DIMENSION[f].dimension === 'value' ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }}>
                          {t(`settings.dimension.${FACTOR_DIMENSION[f].dimension}`)}
                        </Tag>
                      </Space>
                    }
                    extra={FACTOR_DIMENSION[f].inverse ? t('settings.inverse') : undefined}
                    rules={[{ required: true }]}
                  >
                    <InputNumber {...num(0, 10)} data-testid={`settings-weight-${f}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Typography.Title level={5}>{t('settings.thresholds')}</Typography.Title>
            <Row gutter={[16, 0]}>
              {(['valueHigh', 'valueLow', 'difficultyHigh'] as const).map((k) => (
                <Col key={k} xs={24} sm={8}>
                  <Form.Item name={['thresholds', k]} label={t(`settings.${k}`)} rules={[{ required: true }]}>
                    <InputNumber {...num(0, 100)} data-testid={`settings-${k}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('settings.gridHelp')}
            </Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              rowKey="value"
              dataSource={grid}
              scroll={{ x: 'max-content' }}
              data-testid="settings-grade-grid"
              columns={[
                { key: 'value', title: t('settings.gridValue'), render: (_, r) => t(`settings.band.${r.value}`, r.range) },
                ...(['easy', 'hard'] as const).map((d) => ({
                  key: d,
                  title: t(`settings.gridDifficulty.${d}`, { n: (thresholds ?? settings.data!.thresholds).difficultyHigh }),
                  render: (_: unknown, r: (typeof grid)[number]) => <Tag color={OUTCOME_COLORS[r[d]]}>{t(`pipeline:outcomes.${r[d]}`)}</Tag>,
                })),
              ]}
            />
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
              {t('settings.collectHelp')}
            </Typography.Text>
          </Card>

          <Card size="small" title={t('settings.stagesTitle')}>
            <Typography.Paragraph type="secondary">{t('settings.stagesHelp')}</Typography.Paragraph>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', columnGap: 16 }}>
              {STAGES.map((s) => (
                <div key={s}>
                  <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
                    {s}. {t(`pipeline:stages.${s}`)}
                  </Typography.Text>
                  <Flex gap={8}>
                    <Form.Item name={['probabilities', String(s)]} label={t('settings.probability')} rules={[{ required: true }]} style={{ flex: 1 }}>
                      <InputNumber {...num(0, 100)} suffix="%" data-testid={`settings-probability-${s}`} />
                    </Form.Item>
                    <Form.Item name={['ageingDays', String(s)]} label={t('settings.ageingDays')} rules={[{ required: true }]} style={{ flex: 1 }}>
                      <InputNumber {...num(1, 3650)} suffix={t('settings.days')} data-testid={`settings-ageing-${s}`} />
                    </Form.Item>
                  </Flex>
                </div>
              ))}
            </div>
          </Card>
        </Space>
      </Form>
    </div>
  );
}
