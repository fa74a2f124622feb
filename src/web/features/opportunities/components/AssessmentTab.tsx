import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, Input, Progress, Radio, Row, Statistic, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../../shared/contracts/opportunities';
import { ASSESSMENT_FACTORS, DEFAULT_PIPELINE_SETTINGS, FACTOR_DIMENSION, gradeAssessment, isGrade, type AssessmentFactor, type FactorScores } from '../../../../shared/domain/pipeline';
import { DateTime } from '../../../components/DateTime';
import { useFeedback } from '../../../components/feedback';
import { opportunityApi, useOpportunityWrite, usePipelineSettings } from '../api';
import { OutcomeTag } from './tags';
import { AccountLink } from '../../accounts';

interface Values {
  scores: FactorScores;
  notes: Partial<Record<AssessmentFactor, string>>;
  informationSufficient: boolean;
  summary?: string | null;
}

/**
 * 价值评估 (stage 3): the seven factors scored 1–5, previewed live with the same grading the
 * server applies (weights and thresholds from the pipeline settings); saving grades the account.
 */
export function AssessmentTab({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const { message } = useFeedback();
  const settings = usePipelineSettings();
  const [form] = Form.useForm<Values>();
  const scores = Form.useWatch('scores', form) ?? {};
  const sufficient = Form.useWatch('informationSufficient', form) ?? true;
  const preview = gradeAssessment(scores, settings.data ?? DEFAULT_PIPELINE_SETTINGS, sufficient);
  const a = o.assessment;
  const save = useOpportunityWrite(
    (v: Values) =>
      opportunityApi.assess(o.id, {
        scores: v.scores,
        notes: Object.fromEntries(Object.entries(v.notes ?? {}).filter(([, n]) => n && n.trim())) as Record<AssessmentFactor, string>,
        informationSufficient: v.informationSufficient,
        summary: v.summary ?? null,
        version: o.version,
      }),
    { form, onDone: () => void message.success(t('assessment.saved')) },
  );
  // the server assesses open projects from stage 3 on
  const editable = o.canWrite && o.status === 'open' && o.stage >= 3;

  return (
    <div data-testid="assessment">
      {a && (
        <Alert
          type={isGrade(a.outcome) ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="assessment-result"
          title={
            <Flex gap={8} wrap align="center">
              <OutcomeTag outcome={a.outcome} />
              <Typography.Text>{t(`pipeline:outcomeHints.${a.outcome}`)}</Typography.Text>
            </Flex>
          }
          description={
            <>
              <div>{t('assessment.by', { name: a.assessedBy.name })} · <DateTime value={a.assessedAt} /></div>
              {isGrade(a.outcome) && o.accountGrade && (
                <div data-testid="assessment-account-grade">
                  {t('assessment.accountGraded', { grade: o.accountGrade })} <AccountLink id={o.accountId}>{o.accountName}</AccountLink>
                </div>
              )}
            </>
          }
        />
      )}
      {o.status === 'open' && o.stage < 3 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('assessment.fromStage3')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={{ scores: a?.scores ?? {}, notes: a?.notes ?? {}, informationSufficient: a?.informationSufficient ?? true, summary: a?.summary }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={[16, 0]}>
          <Col xs={24} lg={16}>
            {ASSESSMENT_FACTORS.map((f, i) => (
              <Card key={f} size="small" style={{ marginBottom: 8 }} data-testid={`factor-${f}`}>
                <Flex justify="space-between" wrap gap={8} align="center">
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>
                      {String.fromCharCode(65 + i)}. {t(`pipeline:factors.${f}`)}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t(`pipeline:factorScale.${f}`)} · {t(FACTOR_DIMENSION[f].dimension === 'value' ? 'assessment.raisesValue' : FACTOR_DIMENSION[f].inverse ? 'assessment.lowersDifficulty' : 'assessment.raisesDifficulty')}
                    </Typography.Text>
                  </div>
                  <Form.Item name={['scores', f]} noStyle>
                    <Radio.Group optionType="button" buttonStyle="solid" size="small" options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))} data-testid={`factor-score-${f}`} />
                  </Form.Item>
                </Flex>
                <Form.Item name={['notes', f]} style={{ margin: '8px 0 0' }}>
                  <Input placeholder={t('assessment.notePlaceholder')} maxLength={1000} size="small" variant="filled" />
                </Form.Item>
              </Card>
            ))}
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('assessment.preview')} style={{ position: 'sticky', top: 16, marginBottom: 12 }} data-testid="assessment-preview">
              <Row gutter={12}>
                <Col span={12}>
                  <Statistic title={t('assessment.value')} value={preview.value ?? '—'} suffix={preview.value === null ? undefined : '/100'} />
                  <Progress percent={preview.value ?? 0} showInfo={false} size="small" />
                </Col>
                <Col span={12}>
                  <Statistic title={t('assessment.difficulty')} value={preview.difficulty ?? '—'} suffix={preview.difficulty === null ? undefined : '/100'} />
                  <Progress percent={preview.difficulty ?? 0} showInfo={false} size="small" strokeColor="#fa8c16" />
                </Col>
              </Row>
              <div style={{ marginTop: 12 }} data-testid="assessment-preview-outcome" data-outcome={preview.outcome}>
                <OutcomeTag outcome={preview.outcome} />
                <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                  {t(`pipeline:outcomeHints.${preview.outcome}`)}
                </Typography.Paragraph>
              </div>
              <Form.Item name="informationSufficient" label={t('assessment.sufficient')} valuePropName="checked" style={{ margin: '12px 0 0' }}>
                <Switch data-testid="assessment-sufficient" />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Form.Item name="summary" label={t('assessment.summary')} extra={t('assessment.summaryHint')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="assessment-summary" />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="assessment-save">
            {t('assessment.save')}
          </Button>
        )}
      </Form>
    </div>
  );
}
