import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, InputNumber, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetLevel, TargetPlanDetail, TargetRow } from '../../../../shared/contracts/targets';
import { levelOf, levelOrderIssue, PERIOD_MONTHS, periodSum, type TargetPeriod } from '../../../../shared/domain/targets';
import { fromInput, isMoney, peerAverages, rowKey, toInput, unallocatedOf } from '../grid';
import { useGridNumber, useMonthName, useRowRole } from '../helpers';

const MONTHS = Array.from({ length: 12 }, (_, m) => m);
const PERIODS: TargetPeriod[] = ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'year'];
/**
 * An input's number with thousands separators and its decimals once typed ('100,000.00'); while typing, what
 * is typed. The input's own parser drops the separators again.
 */
const separated = (precision: number) => (v: number | string | undefined, info: { userTyping: boolean; input: string }) => {
  if (info.userTyping) return info.input;
  if (v === undefined || v === '' || !Number.isFinite(Number(v))) return '';
  const [int = '', dec] = Number(v).toFixed(precision).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dec === undefined ? grouped : `${grouped}.${dec}`;
};
const MONEY_FORMAT = separated(2);
const COUNT_FORMAT = separated(0);

interface Props {
  plan: TargetPlanDetail;
  /** the rows with the unsaved edits */
  rows: TargetRow[];
  level: TargetLevel;
  /** 显示参考值: each row's own three-year average of the month and its peers' under the figure */
  refs: boolean;
  /** the server's words on a cell ('user:7:8' → message), from the last save */
  issues: Partial<Record<string, string>>;
  onCell(row: TargetRow, month: number, value: number | null): void;
  onFill(row: TargetRow): void;
  onRequest(row: TargetRow): void;
}

type GridRow = TargetRow & { peers: number[] | null };

/**
 * The decomposition grid (PERF-1) at one level: the unit's total first, then its sub-units and people (name and
 * position), twelve months — inputs where the row may be changed — then the quarters, halves and the year as
 * sums; last, 未分配 per month (red when more is given out than the total, a green 0 when all of it is). The
 * grid scrolls sideways inside its own box; the names stay at its left edge.
 */
export const TargetGrid = memo(function TargetGrid({ plan, rows, level, refs, issues, onCell, onFill, onRequest }: Props) {
  const { t } = useTranslation('targets');
  const phone = Grid.useBreakpoint().md === false;
  const num = useGridNumber(plan.metric);
  const monthName = useMonthName();
  const roleOf = useRowRole();
  const money = isMoney(plan.metric);
  const rest = useMemo(() => unallocatedOf(rows, plan, level), [rows, plan, level]);
  const data: GridRow[] = useMemo(() => {
    const peers = peerAverages(rows);
    return rows.map((r, i) => ({ ...r, peers: peers[i]! }));
  }, [rows]);

  const cell = (r: GridRow, m: number) => {
    const c = r.months[m]!;
    const value = level === 'base' ? c.base : c[level];
    const shown = levelOf(c, level);
    const testId = `target-cell-${r.kind}-${r.id}-${m + 1}`;
    const issue = issues[`${rowKey(r)}:${m}`];
    const order = levelOrderIssue(c) === level;
    const body = r.editable ? (
      <Tooltip title={issue ?? (order ? t('grid.orderIssue') : undefined)}>
        <InputNumber<number>
          size="small"
          min={0}
          precision={money ? 2 : 0}
          controls={false}
          value={toInput(plan.metric, value)}
          placeholder={value === null ? num(shown) : undefined}
          formatter={money ? MONEY_FORMAT : COUNT_FORMAT}
          status={issue ? 'error' : order ? 'warning' : undefined}
          onChange={(v) => onCell(r, m, fromInput(plan.metric, v))}
          style={{ width: '100%' }}
          aria-label={t('grid.cellLabel', { name: r.name, month: monthName(m + 1), level: t(`levels.${level}`) })}
          data-testid={testId}
        />
      </Tooltip>
    ) : (
      <Typography.Text type={value === null ? 'secondary' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId} data-value={shown}>
        {num(shown)}
      </Typography.Text>
    );
    if (!refs) return body;
    return (
      <Flex vertical align="end" gap={0}>
        {body}
        <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }} data-testid={`target-ref-own-${r.kind}-${r.id}-${m + 1}`}>
          {t('grid.ownShort', { value: num(r.ownAverage[m]!, true) })}
        </Typography.Text>
        {r.peers && (
          <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }} data-testid={`target-ref-peer-${r.kind}-${r.id}-${m + 1}`}>
            {t('grid.peerShort', { value: num(r.peers[m]!, true) })}
          </Typography.Text>
        )}
      </Flex>
    );
  };

  const nameCell = (r: GridRow) => (
    <Flex vertical gap={2} align="stretch" style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="start" gap={4} wrap>
        <Typography.Text strong={r.role === 'total'} style={{ overflowWrap: 'anywhere' }}>
          {r.name}
        </Typography.Text>
        {r.editable && (
          <Button size="small" type="link" icon={<FormOutlined />} onClick={() => onFill(r)} style={{ paddingInline: 0, height: 22 }} data-testid={`target-fill-${r.kind}-${r.id}`}>
            {t('fill.open')}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {roleOf(r)}
      </Typography.Text>
      {r.changeable && (
        <Button size="small" icon={<EditOutlined />} onClick={() => onRequest(r)} style={{ alignSelf: 'start' }} data-testid={`target-request-${r.kind}-${r.id}`}>
          {t('change.open')}
        </Button>
      )}
    </Flex>
  );

  const sumWidth = money ? 132 : 80;
  const monthWidth = money ? 128 : 76;
  const columns: TableColumnsType<GridRow> = [
    { title: t('grid.row'), key: 'name', fixed: 'left', width: phone ? 112 : 156, render: (_, r) => nameCell(r) },
    ...MONTHS.map((m) => ({ title: monthName(m + 1), key: `m${m}`, width: monthWidth, align: 'right' as const, render: (_: unknown, r: GridRow) => cell(r, m) })),
    ...PERIODS.map((p) => ({
      title: t(`periods.${p}`),
      key: p,
      width: sumWidth,
      align: 'right' as const,
      fixed: p === 'year' && !phone ? ('right' as const) : undefined,
      render: (_: unknown, r: GridRow) => (
        <Typography.Text strong={p === 'year'} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={`target-sum-${r.kind}-${r.id}-${p}`}>
          {num(periodSum(r.months, level, p))}
        </Typography.Text>
      ),
    })),
  ];

  const restCell = (v: number, testId: string) => (
    <Typography.Text
      type={v < 0 ? 'danger' : v === 0 ? 'success' : undefined}
      strong
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      data-testid={testId}
      data-value={v}
    >
      {num(v)}
    </Typography.Text>
  );

  return (
    <Table<GridRow>
      rowKey={(r) => rowKey(r)}
      size="small"
      bordered
      columns={columns}
      dataSource={data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ 'data-testid': `target-row-${r.kind}-${r.id}`, style: r.role === 'total' ? { background: 'rgba(22, 119, 255, 0.04)' } : undefined }) as never}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row data-testid="target-unallocated">
            <Table.Summary.Cell index={0}>
              <Tooltip title={t('grid.unallocatedHint')}>
                <Typography.Text strong>{t('grid.unallocated')}</Typography.Text>
              </Tooltip>
            </Table.Summary.Cell>
            {MONTHS.map((m) => (
              <Table.Summary.Cell key={m} index={m + 1} align="right">
                {restCell(rest[m]!, `target-unallocated-${m + 1}`)}
              </Table.Summary.Cell>
            ))}
            {PERIODS.map((p, i) => (
              <Table.Summary.Cell key={p} index={13 + i} align="right">
                {restCell(
                  PERIOD_MONTHS[p].reduce<number>((s, m) => s + rest[m]!, 0),
                  `target-unallocated-${p}`,
                )}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
      data-testid="target-grid"
    />
  );
});
