import { Card, Col, DatePicker, Empty, Flex, Grid, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RATE_GROUPS, type RateGroup, type RateRow } from '../../../../shared/contracts/receivables';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { today } from '../../../components/formDate';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { date, id, oneOf, useListState, type ListParam } from '../../../components/useListState';
import { useRates } from '../api';
import { FilterBar } from '../components/FilterBar';
import { formatRate, kindOfPeriod, PERIOD_KINDS, PERIOD_PATTERN, periodOf, periodStart, type PeriodKind } from '../rules';

/** A period of the API in the URL (2026-11, 2026-Q4, 2026-H2, 2026). */
const periodParam: ListParam<string | undefined> = {
  fallback: undefined,
  parse: (raw) => raw.find((v) => PERIOD_PATTERN.test(v)),
  format: (v) => (v ? [v] : []),
};

type Totals = Omit<RateRow, 'key' | 'name' | 'direct'>;

/** A rate with its numerator and denominator under it. */
function Rate({ rate, num, den, money, testId }: { rate: number | null; num: number; den: number; money: boolean; testId?: string }) {
  return (
    <div style={{ textAlign: 'right' }}>
      <Typography.Text strong data-testid={testId}>
        {formatRate(rate)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
        {money ? (
          <>
            <MoneyText fen={num} /> / <MoneyText fen={den} />
          </>
        ) : (
          `${num} / ${den}`
        )}
      </Typography.Text>
    </div>
  );
}

/**
 * /receivables/rates — 回款率 (DEAL-3): the collection rate (received ÷ due in the period, confirmed
 * receipts only) and the contract settlement rate (settled ÷ planned) per person, team or unit.
 */
export function RatesPage() {
  const { t } = useTranslation('receipts');
  const state = useListState({ kind: oneOf(PERIOD_KINDS, 'quarter'), period: periodParam, from: date(), to: date(), groupBy: oneOf(RATE_GROUPS, 'person'), unitId: id() });
  const { filters } = state;
  const kind: PeriodKind = filters.kind;
  const period = kind === 'custom' ? undefined : filters.period && kindOfPeriod(filters.period) === kind ? filters.period : periodOf(kind, today());
  const custom = kind === 'custom';
  const ready = !custom || (!!filters.from && !!filters.to);
  const query = custom ? { from: filters.from, to: filters.to, groupBy: filters.groupBy, unitId: filters.unitId } : { period, groupBy: filters.groupBy, unitId: filters.unitId };
  const q = useRates(query, ready);
  const report = q.data;
  const phone = Grid.useBreakpoint().md === false;

  const picker = (() => {
    if (custom)
      return (
        <DatePicker.RangePicker
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(v) => state.set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          data-testid="rates-range"
        />
      );
    const start = dayjs(periodStart(period!));
    const set = (p: string) => state.set({ period: p });
    if (kind === 'half')
      return (
        <Flex gap={8}>
          <DatePicker picker="year" allowClear={false} value={start} onChange={(d) => d && set(`${d.format('YYYY')}-${period!.slice(5)}`)} data-testid="rates-year" />
          <Select value={period!.slice(5)} onChange={(h: string) => set(`${period!.slice(0, 4)}-${h}`)} options={['H1', 'H2'].map((h) => ({ value: h, label: t(`rates.halves.${h}`) }))} style={{ width: 100 }} data-testid="rates-half" />
        </Flex>
      );
    return (
      <DatePicker
        picker={kind === 'month' ? 'month' : kind === 'quarter' ? 'quarter' : 'year'}
        allowClear={false}
        value={start}
        onChange={(d) => d && set(periodOf(kind, d.format('YYYY-MM-DD')))}
        data-testid="rates-period"
      />
    );
  })();

  const columns: TableColumnsType<RateRow> = [
    {
      title: t(`rates.groupTitles.${filters.groupBy}`),
      dataIndex: 'name',
      fixed: 'left',
      width: phone ? 110 : 200,
      render: (v: string, r) => (
        <span>
          {v} {r.direct && <Tag>{t('rates.direct')}</Tag>}
        </span>
      ),
    },
    { title: t('rates.collectionRate'), key: 'collectionRate', align: 'right', width: 220, render: (_, r) => <Rate rate={r.collectionRate} num={r.received} den={r.due} money testId={`rates-collection-${r.key}`} /> },
    { title: t('rates.settlementRate'), key: 'settlementRate', align: 'right', width: 120, render: (_, r) => <Rate rate={r.settlementRate} num={r.settled} den={r.planned} money={false} testId={`rates-settlement-${r.key}`} /> },
    { title: t('rates.due'), dataIndex: 'due', align: 'right', width: 140, render: (v: number) => <MoneyText fen={v} /> },
    { title: t('rates.received'), dataIndex: 'received', align: 'right', width: 140, render: (v: number) => <MoneyText fen={v} /> },
    { title: t('rates.planned'), dataIndex: 'planned', align: 'right', width: 100 },
    { title: t('rates.settled'), dataIndex: 'settled', align: 'right', width: 100 },
  ];
  const totals = (x: Totals) => (
    <Table.Summary fixed="bottom">
      <Table.Summary.Row data-testid="rates-totals">
        <Table.Summary.Cell index={0}>
          <strong>{t('rates.totals')}</strong>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={1}>
          <Rate rate={x.collectionRate} num={x.received} den={x.due} money testId="rates-collection-total" />
        </Table.Summary.Cell>
        <Table.Summary.Cell index={2}>
          <Rate rate={x.settlementRate} num={x.settled} den={x.planned} money={false} testId="rates-settlement-total" />
        </Table.Summary.Cell>
        <Table.Summary.Cell index={3} align="right">
          <MoneyText fen={x.due} />
        </Table.Summary.Cell>
        <Table.Summary.Cell index={4} align="right">
          <MoneyText fen={x.received} />
        </Table.Summary.Cell>
        <Table.Summary.Cell index={5} align="right">
          {x.planned}
        </Table.Summary.Cell>
        <Table.Summary.Cell index={6} align="right">
          {x.settled}
        </Table.Summary.Cell>
      </Table.Summary.Row>
    </Table.Summary>
  );

  return (
    <div>
      <PageHeader title={t('rates.title')} subtitle={report ? t('rates.subtitle', { from: report.from, to: report.to }) : t('rates.hint')} />
      <FilterBar
        testId="rates-filters"
        active={filters.unitId ? 1 : 0}
        onReset={() => state.set({ unitId: undefined })}
        lead={
          <Flex gap={8} wrap align="center">
            <Segmented<PeriodKind> value={kind} onChange={(k) => state.set({ kind: k, period: undefined })} options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`rates.kinds.${k}`) }))} data-testid="rates-kind" />
            {picker}
          </Flex>
        }
      >
        <Col xs={24} sm={12} md={8} lg={6}>
          <Segmented<RateGroup> block value={filters.groupBy} onChange={(v) => state.set({ groupBy: v })} options={RATE_GROUPS.map((g) => ({ value: g, label: t(`rates.groups.${g}`) }))} data-testid="rates-group" />
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <UnitTreeSelect value={filters.unitId} onChange={(v) => state.set({ unitId: v ?? undefined })} placeholder={t(filters.groupBy === 'unit' ? 'rates.parentUnit' : 'filters.unit')} data-testid="rates-unit" />
        </Col>
      </FilterBar>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Card size="small">
        <Table<RateRow>
          rowKey={(r) => `${r.key}-${r.direct}`}
          size="middle"
          loading={q.isFetching}
          columns={columns}
          dataSource={ready ? report?.rows : []}
          scroll={{ x: 'max-content' }}
          pagination={false}
          data-testid="rates-table"
          locale={{ emptyText: <Empty description={ready ? t('rates.empty') : t('rates.pickRange')} /> }}
          summary={() => (ready && report && report.rows.length > 0 ? totals(report.totals) : null)}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('rates.definitions')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
