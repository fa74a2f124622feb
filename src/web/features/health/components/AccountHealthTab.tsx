import { Card, Col, Empty, Flex, Grid, List, Progress, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureResultOut } from '../../../../shared/contracts/health';
import { useMoney } from '../../../components/display';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { EChart, type ChartOption } from '../../pipeline';
import { useAccountHealth } from '../api';
import { BAND_COLOR, BAND_HEX, measureText } from '../helpers';

/**
 * 健康度 tab of the account 360 page (SVC-3): the score and its band, the main reasons in words ("近 47 天未
 * 拜访，政策为 30 天"), what moved against a week ago, every measure with its score, weight and contribution,
 * the measures without data, and the last 180 days as a line.
 */
export function AccountHealthTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation('health');
  const money = useMoney();
  const phone = Grid.useBreakpoint().md === false;
  const q = useAccountHealth(accountId);
  const h = q.data;
  const fmt = (fen: number) => money(fen);
  const chart = useMemo<ChartOption | null>(
    () =>
      h && h.history.length > 1
        ? ({
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'time' },
            yAxis: { type: 'value', min: 0, max: 100 },
            visualMap: { show: false, pieces: [{ lt: 50, color: BAND_HEX.red }, { gte: 50, lt: 70, color: BAND_HEX.yellow }, { gte: 70, color: BAND_HEX.green }] },
            series: [{ type: 'line', step: 'end', symbolSize: 6, data: h.history.map((p) => [p.at, p.score]) }],
          } as ChartOption)
        : null,
    [h],
  );
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!h || h.score === null || !h.band) return <Empty data-testid="account-health-empty" description={h?.computedAt ? t('account.noData') : t('account.notYet')} />;

  const columns: TableColumnsType<MeasureResultOut> = [
    { title: t('account.columns.measure'), dataIndex: 'measure', width: 150, render: (m: string) => t(`measures.${m}`) },
    { title: t('account.columns.value'), key: 'value', render: (_, m) => measureText(t, m, fmt) },
    { title: t('account.columns.score'), dataIndex: 'score', width: 80, align: 'right', render: (v: number) => Math.round(v) },
    { title: t('account.columns.weight'), dataIndex: 'weight', width: 80, align: 'right', render: (v: number) => `${Math.round(v * 100)}%` },
    { title: t('account.columns.contribution'), dataIndex: 'contribution', width: 90, align: 'right', render: (v: number) => v.toFixed(1) },
  ];
  const lastWeek = h.lastWeek;
  return (
    <Flex vertical gap={12} data-testid="account-health" data-band={h.band} data-score={h.score}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Flex vertical align="center" gap={8}>
              <Progress type="dashboard" percent={h.score} strokeColor={BAND_HEX[h.band]} format={() => <span data-testid="account-health-score">{h.score}</span>} />
              <Tag color={BAND_COLOR[h.band]} data-testid="account-health-band">
                {t(`bands.${h.band}`)}
              </Tag>
              {h.groupScore !== null && <Typography.Text type="secondary">{t('account.group', { score: h.groupScore })}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('account.bandSince')} <DateTime value={h.bandSince} type="secondary" />
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('account.computedAt')} <DateTime value={h.computedAt} type="secondary" />
              </Typography.Text>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" title={t('account.drivers')} style={{ height: '100%' }}>
            {h.drivers.length === 0 ? (
              <Typography.Text type="secondary">{t('account.noDrivers')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={h.drivers}
                renderItem={(d) => (
                  <List.Item data-testid={`health-driver-${d.measure}`}>
                    <Flex vertical>
                      <Typography.Text strong>{t(`measures.${d.measure}`)}</Typography.Text>
                      <Typography.Text>{measureText(t, d, fmt)}</Typography.Text>
                    </Flex>
                    <Typography.Text type="danger">−{d.lost.toFixed(1)}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t('account.lastWeek')}
            </Typography.Title>
            {!lastWeek ? (
              <Typography.Text type="secondary">{t('account.noLastWeek')}</Typography.Text>
            ) : (
              <Flex vertical gap={4} data-testid="account-health-last-week">
                <Typography.Text>
                  {t('account.lastWeekScore', { score: lastWeek.score ?? '—' })} → {h.score}
                </Typography.Text>
                {lastWeek.changes.length === 0 ? (
                  <Typography.Text type="secondary">{t('account.noChange')}</Typography.Text>
                ) : (
                  lastWeek.changes.map((c) => (
                    <Typography.Text key={c.measure} type={c.to !== null && c.from !== null && c.to < c.from ? 'danger' : undefined}>
                      {t('account.changeLine', { measure: t(`measures.${c.measure}`), from: c.from === null ? t('account.gone') : Math.round(c.from), to: c.to === null ? t('account.gone') : Math.round(c.to) })}
                    </Typography.Text>
                  ))
                )}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      {chart && (
        <Card size="small" title={t('account.history')}>
          <EChart option={chart} height={phone ? 180 : 220} testId="account-health-history" />
        </Card>
      )}
      <Card size="small" title={t('account.measuresTitle')}>
        {phone ? (
          <List
            size="small"
            dataSource={h.measures}
            renderItem={(m) => (
              <List.Item>
                <Flex vertical style={{ width: '100%' }}>
                  <Flex justify="space-between">
                    <Typography.Text strong>{t(`measures.${m.measure}`)}</Typography.Text>
                    <Typography.Text>{t('account.points', { value: Math.round(m.score) })}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary">{measureText(t, m, fmt)}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<MeasureResultOut> rowKey="measure" size="small" pagination={false} columns={columns} dataSource={h.measures} data-testid="account-health-measures" />
        )}
        {h.dropped.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('account.dropped', { list: h.dropped.map((m) => t(`measures.${m}`)).join('、') })}
          </Typography.Paragraph>
        )}
      </Card>
    </Flex>
  );
}
