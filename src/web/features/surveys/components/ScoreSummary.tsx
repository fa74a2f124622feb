import { Card, Col, Empty, Flex, Progress, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoresReport } from '../../../../shared/contracts/surveys';
import { trendOption } from '../charts';
import { csatTone, npsText, percent, score, targetTone, worded } from '../helpers';
import { SurveyChart } from './SurveyChart';

/**
 * The figures of a scores report's totals: 满意率 against the target, the mean CSAT, NPS, answers and the
 * response rate; the items' means; and, with `trend`, the months as a chart.
 */
export function ScoreSummary({ report, trend = true, testId }: { report: ScoresReport; trend?: boolean; testId: string }) {
  const { t, i18n } = useTranslation('surveys');
  const s = report.totals;
  const option = useMemo(
    () =>
      trendOption(report.trend, report.target, {
        satisfiedRate: t('figures.satisfiedRate'),
        csat: t('figures.csat'),
        answers: t('figures.answers'),
        target: t('figures.target'),
        month: (m) => m.slice(2).replace('-', '/'),
      }),
    [report.trend, report.target, t],
  );
  const figure = (key: string, title: string, hint: string | null, value: string, tone?: 'success' | 'warning' | 'danger', extra?: React.ReactNode) => (
    <Col xs={12} md={6} key={key}>
      <Card size="small" styles={{ body: { padding: 12 } }} style={{ height: '100%' }}>
        <Statistic
          title={hint ? <Tooltip title={hint}>{title}</Tooltip> : title}
          value={value}
          valueRender={() => (
            <Typography.Text strong type={tone} style={{ fontSize: 22, fontVariantNumeric: 'tabular-nums' }} data-testid={`${testId}-${key}`}>
              {value}
            </Typography.Text>
          )}
        />
        {extra}
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={12} data-testid={testId}>
      <Row gutter={[8, 8]}>
        {figure(
          'satisfied',
          t('figures.satisfiedRate'),
          t('figures.satisfiedRateHint'),
          percent(s.satisfiedRate),
          targetTone(s.satisfiedRate, report.target),
          <Flex gap={4} align="center" wrap style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('figures.targetValue', { target: report.target })}
            </Typography.Text>
            {s.meetsTarget !== null && <Tag color={s.meetsTarget ? 'success' : 'error'}>{t(s.meetsTarget ? 'figures.meets' : 'figures.misses')}</Tag>}
          </Flex>,
        )}
        {figure('csat', t('figures.csat'), t('figures.csatHint'), score(s.csat), csatTone(s.csat))}
        {figure('nps', t('figures.nps'), t('figures.npsHint'), npsText(s.nps))}
        {figure(
          'answers',
          t('figures.answers'),
          null,
          String(s.answers),
          undefined,
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
            {t('figures.responseRate')} {percent(s.responseRate)} ({t('figures.answersOf', { answered: s.answeredOfSent, sent: s.sent })})
          </Typography.Text>,
        )}
      </Row>
      {s.answers === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('figures.noAnswers')} />
      ) : (
        <Row gutter={[8, 8]}>
          <Col xs={24} md={trend ? 10 : 24}>
            <Card size="small" title={t('figures.items')} style={{ height: '100%' }}>
              {report.itemKeys.map((k) => {
                const v = s.items[k.key] ?? null;
                return (
                  <div key={k.key} style={{ marginBottom: 8 }} data-testid={`${testId}-item-${k.key}`}>
                    <Flex justify="space-between">
                      <Typography.Text>{worded(k.name, i18n.language)}</Typography.Text>
                      <Typography.Text strong type={csatTone(v)}>
                        {score(v)}
                      </Typography.Text>
                    </Flex>
                    <Progress percent={v === null ? 0 : (v / 5) * 100} showInfo={false} size="small" strokeColor={v !== null && v < 3 ? '#f5222d' : undefined} />
                  </div>
                );
              })}
            </Card>
          </Col>
          {trend && (
            <Col xs={24} md={14}>
              <Card size="small" title={t('figures.trend')}>
                <SurveyChart option={option} height={220} testId={`${testId}-trend`} />
              </Card>
            </Col>
          )}
        </Row>
      )}
    </Flex>
  );
}
