import { Card, Empty, Flex, Grid, Progress, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttainmentRow } from '../../../../shared/contracts/kpis';
import type { TargetMetric } from '../../../../shared/contracts/targets';
import { AttainmentTag, STATUS_STROKES, percentText, totalFirst, useFigure, useRowRole } from '../helpers';

interface Props {
  rows: readonly AttainmentRow[];
  metric: TargetMetric;
  loading: boolean;
}

const rowId = (r: AttainmentRow) => `${r.kind}-${r.id}`;
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The rows of the unit: a table on a desk, a card each on a phone; the total first and bold. */
export function AttainmentRows({ rows, metric, loading }: Props) {
  const { t } = useTranslation('kpis');
  const phone = Grid.useBreakpoint().md === false;
  const figure = useFigure(metric);
  const role = useRowRole();
  const list = totalFirst(rows);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('table.empty')} />;

  const name = (r: AttainmentRow) => (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong={r.role === 'total'} data-testid={`kpis-name-${rowId(r)}`}>
        {r.name}
      </Typography.Text>
      {role(r) && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {role(r)}
        </Typography.Text>
      )}
    </div>
  );
  const levels = (r: AttainmentRow) => t('table.levels', { stretch: figure(r.target.stretch), challenge: figure(r.target.challenge) });
  const hasTarget = (r: AttainmentRow) => r.status !== 'no_target';
  const progress = (r: AttainmentRow) =>
    r.completion === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Progress
        percent={Math.min(100, r.completion * 100)}
        strokeColor={STATUS_STROKES[r.status]}
        size="small"
        format={() => <span style={num}>{percentText(r.completion)}</span>}
        style={{ margin: 0, minWidth: 120 }}
        data-testid={`kpis-completion-${rowId(r)}`}
      />
    );
  const forecastShare = (r: AttainmentRow) => (r.forecast !== null && r.target.base > 0 ? t('table.ofTarget', { share: percentText(r.forecast / r.target.base) }) : null);

  if (phone) {
    return (
      <div data-testid="kpis-cards">
        {loading && !list.length ? null : !list.length && empty}
        {list.map((r) => (
          <Card key={rowId(r)} size="small" style={{ marginBottom: 8, ...(r.role === 'total' ? { borderColor: '#91caff' } : {}) }} data-testid={`kpis-row-${rowId(r)}`}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              {name(r)}
              <AttainmentTag status={r.status} testId={`kpis-status-${rowId(r)}`} />
            </Flex>
            {r.completion !== null ? <div style={{ margin: '8px 0' }}>{progress(r)}</div> : <div style={{ height: 8 }} />}
            <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 2, margin: 0, fontSize: 13 }}>
              <Figure label={t('table.actual')} value={figure(r.actual)} strong testId={`kpis-actual-${rowId(r)}`} />
              <Figure label={t('table.target')} value={hasTarget(r) ? figure(r.target.base) : '—'} note={hasTarget(r) && r.target.challenge !== r.target.base ? [t('table.stretch', { value: figure(r.target.stretch) }), t('table.challenge', { value: figure(r.target.challenge) })] : undefined} />
              <Figure label={t('table.expected')} value={hasTarget(r) ? figure(r.expected) : '—'} />
              <Figure label={t('table.forecast')} value={figure(r.forecast)} note={forecastShare(r) ? [forecastShare(r)!] : undefined} />
            </div>
          </Card>
        ))}
      </div>
    );
  }

  const columns: TableColumnsType<AttainmentRow> = [
    { title: t('table.name'), key: 'name', width: 160, render: (_, r) => name(r) },
    {
      title: t('table.target'),
      key: 'target',
      align: 'right',
      render: (_, r) =>
        !hasTarget(r) ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : r.target.challenge === r.target.base ? (
          <span style={num} data-testid={`kpis-target-${rowId(r)}`}>
            {figure(r.target.base)}
          </span>
        ) : (
          <Tooltip title={levels(r)}>
            <span style={{ ...num, borderBottom: '1px dotted #bfbfbf', cursor: 'help' }} data-testid={`kpis-target-${rowId(r)}`}>
              {figure(r.target.base)}
            </span>
          </Tooltip>
        ),
    },
    {
      title: t('table.actual'),
      key: 'actual',
      align: 'right',
      render: (_, r) => (
        <Typography.Text strong={r.role === 'total'} style={num} data-testid={`kpis-actual-${rowId(r)}`}>
          {figure(r.actual)}
        </Typography.Text>
      ),
    },
    { title: t('table.completion'), key: 'completion', width: 190, render: (_, r) => progress(r) },
    {
      title: <Tooltip title={t('table.expectedHelp')}>{t('table.expected')}</Tooltip>,
      key: 'expected',
      align: 'right',
      render: (_, r) => <span style={num}>{hasTarget(r) ? figure(r.expected) : '—'}</span>,
    },
    {
      title: <Tooltip title={t('table.forecastHelp')}>{t('table.forecast')}</Tooltip>,
      key: 'forecast',
      align: 'right',
      render: (_, r) => (
        <div>
          <span style={num}>{figure(r.forecast)}</span>
          {forecastShare(r) && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
              {forecastShare(r)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('table.status'), key: 'status', align: 'center', width: 100, render: (_, r) => <AttainmentTag status={r.status} testId={`kpis-status-${rowId(r)}`} /> },
  ];
  return (
    <Table<AttainmentRow>
      rowKey={rowId}
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={list}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ 'data-testid': `kpis-row-${rowId(r)}`, style: r.role === 'total' ? { background: '#f5f9ff' } : undefined }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: empty }}
      data-testid="kpis-table"
    />
  );
}

/** A label and its figure (with notes beneath) in a card's two-column grid. */
export function Figure({ label, value, note, strong, testId }: { label: string; value: string; note?: string[]; strong?: boolean; testId?: string }) {
  return (
    <Line label={label}>
      <Typography.Text strong={strong} style={num} data-testid={testId}>
        {value}
      </Typography.Text>
      {note?.map((line) => (
        <Typography.Text key={line} type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
          {line}
        </Typography.Text>
      ))}
    </Line>
  );
}

/** A label and any content in a card's two-column grid, the content on the right. */
export function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      <div style={{ textAlign: 'right', minWidth: 0 }}>{children}</div>
    </>
  );
}
