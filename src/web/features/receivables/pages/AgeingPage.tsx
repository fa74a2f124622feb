import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Grid, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGEING_GROUPS, type AgeingGroup, type AgeingRow } from '../../../../shared/contracts/receivables';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { today } from '../../../components/formDate';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { date, id, oneOf, useListState } from '../../../components/useListState';
import { AccountLink } from '../../accounts';
import { EChart } from '../../pipeline';
import { exportHref, useAgeing, useReceivablesSettings } from '../api';
import { ageingChartOption } from '../charts';
import { useBucketText } from '../components/bits';
import { FilterBar } from '../components/FilterBar';
import { SettingsDrawer } from '../components/SettingsDrawer';
import { drillQuery } from '../rules';

/** A drill-down link of a cell: the receivables behind it. */
const drillHref = (q: Record<string, string>) => `/receivables/instalments?${new URLSearchParams(q).toString()}`;

/**
 * /receivables/ageing — 账龄分析 (DEAL-2): what is outstanding as of a date (default today, in the URL)
 * per account, owner or unit, in the buckets the settings give; a cell opens the instalments behind it.
 */
export function AgeingPage() {
  const { t } = useTranslation('receipts');
  const { can } = useAuth();
  const money = useMoney();
  const phone = Grid.useBreakpoint().md === false;
  const bucketText = useBucketText();
  const state = useListState({ asOf: date(today()), groupBy: oneOf(AGEING_GROUPS, 'account'), unitId: id() });
  const { filters } = state;
  const query = { asOf: filters.asOf, groupBy: filters.groupBy, unitId: filters.unitId };
  const q = useAgeing(query);
  const settings = useReceivablesSettings();
  const [editing, setEditing] = useState(false);
  const report = q.data;
  const base = { asOf: filters.asOf, unitId: filters.unitId };
  const chart = useMemo(() => report && report.rows.length > 0 && ageingChartOption(report, { bucket: bucketText, money, wanUnit: t('ageing.wanUnit') }), [report, bucketText, money, t]);

  const cell = (fen: number, key: number | undefined, bucket: number | undefined, testId: string) =>
    fen ? (
      <Link to={drillHref(drillQuery(filters.groupBy, key, base, bucket))} data-testid={testId}>
        <MoneyText fen={fen} />
      </Link>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const columns: TableColumnsType<AgeingRow> = [
    {
      title: t(`ageing.groupTitles.${filters.groupBy}`),
      dataIndex: 'name',
      fixed: 'left',
      width: phone ? 130 : 180,
      render: (name: string, r) =>
        filters.groupBy === 'account' ? (
          <div>
            <AccountLink id={r.key}>{name}</AccountLink>
            <Link to={`/accounts/${r.key}/statement`} style={{ display: 'block', fontSize: 12 }} data-testid={`ageing-statement-${r.key}`}>
              {t('ageing.statement')}
            </Link>
          </div>
        ) : (
          name
        ),
    },
    ...(report?.labels ?? []).map((label, i) => ({
      title: bucketText(label),
      key: `b${i}`,
      align: 'right' as const,
      onHeaderCell: () => ({ style: i > 0 ? { color: '#cf1322' } : undefined }),
      render: (_: unknown, r: AgeingRow) => cell(r.buckets[i] ?? 0, r.key, i, `ageing-cell-${r.key}-${i}`),
    })),
    { title: t('ageing.count'), key: 'count', align: 'right', render: (_, r) => t('ageing.countOf', { count: r.count, overdue: r.overdue }) },
    { title: t('ageing.total'), key: 'total', align: 'right', render: (_, r) => <strong>{cell(r.total, r.key, undefined, `ageing-total-${r.key}`)}</strong> },
  ];

  return (
    <div>
      <PageHeader
        title={t('ageing.title')}
        subtitle={t('ageing.subtitle', { asOf: report?.asOf ?? filters.asOf })}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportHref('/api/receivables/ageing/export', query)} data-testid="ageing-export">
              {t('ageing.export')}
            </Button>
            {can('contract:manage') && settings.data && (
              <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="ageing-settings">
                {t('settings.open')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar testId="ageing-filters" active={filters.unitId ? 1 : 0} onReset={() => state.set({ unitId: undefined })} lead={
        <DatePicker allowClear={false} value={dayjs(filters.asOf)} onChange={(d) => d && state.set({ asOf: d.format('YYYY-MM-DD') })} prefix={t('ageing.asOf')} data-testid="ageing-as-of" />
      }>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Segmented<AgeingGroup> block value={filters.groupBy} onChange={(v) => state.set({ groupBy: v })} options={AGEING_GROUPS.map((g) => ({ value: g, label: t(`ageing.groups.${g}`) }))} data-testid="ageing-group" />
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <UnitTreeSelect value={filters.unitId} onChange={(v) => state.set({ unitId: v ?? undefined })} placeholder={t('filters.unit')} data-testid="ageing-unit" />
        </Col>
      </FilterBar>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Table<AgeingRow>
          rowKey="key"
          size="middle"
          loading={q.isFetching}
          columns={columns}
          dataSource={report?.rows}
          scroll={{ x: 'max-content' }}
          pagination={(report?.rows.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          data-testid="ageing-table"
          locale={{ emptyText: <Empty description={t('ageing.empty')} /> }}
          summary={() =>
            report && report.rows.length > 0 ? (
              <Table.Summary fixed="bottom">
                <Table.Summary.Row data-testid="ageing-totals">
                  <Table.Summary.Cell index={0}>
                    <strong>{t('ageing.totals')}</strong>
                  </Table.Summary.Cell>
                  {report.totals.buckets.map((fen, i) => (
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      {cell(fen, undefined, i, `ageing-totals-${i}`)}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={report.labels.length + 1} align="right">
                    {t('ageing.countOf', { count: report.totals.count, overdue: report.totals.overdue })}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={report.labels.length + 2} align="right">
                    <strong>{cell(report.totals.total, undefined, undefined, 'ageing-totals-total')}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
      {chart && (
        <Card size="small" title={t('ageing.chart')}>
          <EChart option={chart} height={Math.max(220, 60 + Math.min(report!.rows.length, 10) * 36)} testId="ageing-chart" />
        </Card>
      )}
      {settings.data && <SettingsDrawer open={editing} settings={settings.data} onClose={() => setEditing(false)} />}
    </div>
  );
}
