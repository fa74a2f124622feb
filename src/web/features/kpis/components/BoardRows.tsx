import { Card, Empty, Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KPI_LIBRARY, type KpiBoard, type KpiKey } from '../../../../shared/contracts/kpis';
import { totalFirst, useKpiText, useRowRole } from '../helpers';
import { groupsOf, subjectPath } from '../library';
import { CorrectedTag } from './CorrectedTag';
import { KpiTitle } from './KpiDefinition';

type BoardRow = KpiBoard['rows'][number];

interface Props {
  board: KpiBoard;
  loading: boolean;
}

const rowId = (r: BoardRow) => `${r.kind}-${r.id}`;
const TOTAL_TINT = '#f5f9ff';
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * The board's rows × its KPIs: on a desk one table, the KPIs as columns under their groups (销售, 回款, …), the
 * names fixed on the left while the figures scroll; on a phone a card per row listing its KPIs group by group.
 * The total first and bold; a row's name opens its KPI page for the same period.
 */
export function BoardRows({ board, loading }: Props) {
  const { t } = useTranslation('kpis');
  const phone = Grid.useBreakpoint().md === false;
  const kpi = useKpiText();
  const role = useRowRole();
  const rows = totalFirst(board.rows);
  const groups = groupsOf(board.keys);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.empty')} />;

  const name = (r: BoardRow) => (
    <div style={{ minWidth: 0 }}>
      <Link to={subjectPath(r, board.period.key)} style={{ fontWeight: r.role === 'total' ? 600 : 500, overflowWrap: 'anywhere' }} data-testid={`kpis-open-${rowId(r)}`}>
        {r.name}
      </Link>
      {role(r) && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {role(r)}
        </Typography.Text>
      )}
    </div>
  );
  const figure = (r: BoardRow, key: KpiKey) => {
    const cell = r.values[key];
    return (
      <>
        <Typography.Text strong={r.role === 'total'} type={cell?.value == null ? 'secondary' : undefined} style={num} data-testid={`kpis-cell-${rowId(r)}-${key}`}>
          {kpi(cell?.value, KPI_LIBRARY[key].unit)}
        </Typography.Text>
        {cell?.corrected && <CorrectedTag />}
      </>
    );
  };

  if (phone) {
    return (
      <div data-testid="kpis-board-cards">
        {!loading && !rows.length && empty}
        {rows.map((r) => (
          <Card key={rowId(r)} size="small" title={name(r)} style={{ marginBottom: 8, ...(r.role === 'total' ? { borderColor: '#91caff' } : {}) }} data-testid={`kpis-board-row-${rowId(r)}`}>
            {groups.map((g) => (
              <div key={g.group} style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, borderBottom: '1px solid #f0f0f0', marginBottom: 4 }}>
                  {t(`groups.${g.group}`)}
                </Typography.Text>
                <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: 12, rowGap: 2, fontSize: 13 }}>
                  {g.keys.map((key) => (
                    <div key={key} style={{ display: 'contents' }}>
                      <span style={{ minWidth: 0 }}>{t(`library.${key}.name`)}</span>
                      <span style={{ textAlign: 'right' }}>{figure(r, key)}</span>
                    </div>
                  ))}
                </div>
              </div>
            ))}
          </Card>
        ))}
      </div>
    );
  }

  const columns: TableColumnsType<BoardRow> = [
    // the fixed column paints its own background: the total's tint goes on its cell too
    { title: t('board.name'), key: 'name', fixed: 'left', width: 150, render: (_, r) => name(r), onCell: (r) => ({ style: r.role === 'total' ? { background: TOTAL_TINT } : undefined }) },
    ...groups.map((g) => ({
      title: t(`groups.${g.group}`),
      key: g.group,
      children: g.keys.map((key) => ({
        title: <KpiTitle kpi={key} />,
        key,
        align: 'right' as const,
        render: (_: unknown, r: BoardRow) => figure(r, key),
      })),
    })),
  ];
  return (
    <Table<BoardRow>
      rowKey={rowId}
      size="middle"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ 'data-testid': `kpis-board-row-${rowId(r)}`, style: r.role === 'total' ? { background: TOTAL_TINT } : undefined }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: empty }}
      data-testid="kpis-board"
    />
  );
}
