import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_LIBRARY, type KpiItem, type KpiKey } from '../../../../shared/contracts/kpis';
import { AttainmentTag, percentText, useKpiText, usePartText } from '../helpers';
import { KPI_PARTS, targetUnit } from '../library';
import { Figure, Line } from './AttainmentRows';
import { CorrectedTag } from './CorrectedTag';
import { KpiDefinition } from './KpiDefinition';

interface Props {
  items: readonly KpiItem[];
  /** the period has closed: its snapshot is shown (— for a KPI none was kept of); an open period has none yet */
  closed: boolean;
  /** the KPIs whose 计算口径 is open */
  open: ReadonlySet<KpiKey>;
  onToggle: (key: KpiKey) => void;
}

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const none = <Typography.Text type="secondary">—</Typography.Text>;

/**
 * One group of a subject's KPIs: on a desk a table (name, value, numerator / denominator, target, attainment,
 * snapshot — the same widths in every group, so the groups line up), on a phone a block each; either way each
 * KPI's 计算口径 opens beneath it.
 */
export function KpiItems({ items, closed, open, onToggle }: Props) {
  const { t } = useTranslation('kpis');
  const phone = Grid.useBreakpoint().md === false;
  const kpi = useKpiText();
  const part = usePartText();

  const value = (i: KpiItem) => kpi(i.value, KPI_LIBRARY[i.key].unit);
  const snapshotValue = (i: KpiItem) => (i.snapshot ? kpi(i.snapshot.value, KPI_LIBRARY[i.key].unit) : undefined);
  /** the numerator and denominator of a ratio, each with its name; a sum or count is its own numerator */
  const parts = (i: KpiItem): [string, string][] => {
    const unit = KPI_PARTS[i.key];
    if (unit.denominator === null) return [];
    return [
      [t(`parts.${i.key}.numerator`), part(i.numerator, unit.numerator)],
      [t(`parts.${i.key}.denominator`), part(i.denominator, unit.denominator)],
    ];
  };
  const target = (i: KpiItem) => {
    const unit = targetUnit(i.key);
    return unit && i.target !== null ? kpi(i.target, unit) : null;
  };
  const pace = (i: KpiItem) => {
    const unit = targetUnit(i.key);
    if (!i.attainment || !unit) return undefined;
    return t('subject.pace', { expected: kpi(i.attainment.expected, unit), forecast: kpi(i.attainment.forecast, unit) });
  };
  const attainment = (i: KpiItem) =>
    i.attainment ? (
      <Tooltip title={pace(i)}>
        <Flex gap={6} align="center" wrap justify={phone ? 'flex-end' : undefined}>
          <AttainmentTag status={i.attainment.status} testId={`kpis-status-${i.key}`} />
          {i.attainment.completion !== null && <span style={num}>{t('subject.completion', { share: percentText(i.attainment.completion) })}</span>}
        </Flex>
      </Tooltip>
    ) : (
      none
    );
  const snapshot = (i: KpiItem) =>
    i.snapshot ? (
      <span style={num} data-testid={`kpis-snapshot-${i.key}`}>
        {snapshotValue(i)}
      </span>
    ) : (
      none
    );
  const current = (i: KpiItem) => (
    <>
      <Typography.Text strong type={i.value === null ? 'secondary' : undefined} style={num} data-testid={`kpis-value-${i.key}`}>
        {value(i)}
      </Typography.Text>
      {i.corrected && <CorrectedTag snapshot={snapshotValue(i)} testId={`kpis-corrected-${i.key}`} />}
      {i.corrected && i.snapshot && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('corrected.snapshot', { value: snapshotValue(i) })}
        </Typography.Text>
      )}
    </>
  );
  const name = (i: KpiItem) => (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong data-testid={`kpis-name-${i.key}`}>
        {t(`library.${i.key}.name`)}
      </Typography.Text>
      {KPI_LIBRARY[i.key].better === 'lower' && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6, whiteSpace: 'nowrap' }}>
          {t('subject.lowerBetter')}
        </Typography.Text>
      )}
      <div>
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 12 }} onClick={() => onToggle(i.key)} aria-expanded={open.has(i.key)} data-testid={`kpis-def-open-${i.key}`}>
          {open.has(i.key) ? <DownOutlined /> : <RightOutlined />} {t('subject.definition')}
        </Button>
      </div>
    </div>
  );

  if (phone) {
    return (
      <Flex vertical gap={8}>
        {items.map((i) => (
          <Card key={i.key} size="small" data-testid={`kpis-item-${i.key}`}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              {name(i)}
              <div style={{ textAlign: 'right' }}>{current(i)}</div>
            </Flex>
            <div style={{ display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: 12, rowGap: 2, marginTop: 6, fontSize: 13 }}>
              {parts(i).map(([label, text]) => (
                <Figure key={label} label={label} value={text} />
              ))}
              {targetUnit(i.key) && <Figure label={t('subject.target')} value={target(i) ?? '—'} />}
              {i.attainment && <Line label={t('subject.attainment')}>{attainment(i)}</Line>}
              {closed && !i.corrected && <Line label={t('subject.snapshot')}>{snapshot(i)}</Line>}
            </div>
            {open.has(i.key) && (
              <div style={{ marginTop: 8, paddingTop: 8, borderTop: '1px solid #f0f0f0' }}>
                <KpiDefinition kpi={i.key} />
              </div>
            )}
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableColumnsType<KpiItem> = [
    { title: t('subject.kpi'), key: 'name', render: (_, i) => name(i) },
    { title: t('subject.value'), key: 'value', width: 190, align: 'right', render: (_, i) => current(i) },
    {
      title: t('subject.parts'),
      key: 'parts',
      width: 290,
      render: (_, i) =>
        parts(i).length
          ? parts(i).map(([label, text]) => (
              <div key={label} style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text type="secondary">{label}</Typography.Text> <span style={num}>{text}</span>
              </div>
            ))
          : none,
    },
    { title: t('subject.target'), key: 'target', width: 160, align: 'right', render: (_, i) => (target(i) ? <span style={num}>{target(i)}</span> : none) },
    { title: t('subject.attainment'), key: 'attainment', width: 180, render: (_, i) => attainment(i) },
  ];
  // a period still open has kept nothing yet: no column to say so on every line
  if (closed) columns.push({ title: <Tooltip title={t('subject.snapshotHelp')}>{t('subject.snapshot')}</Tooltip>, key: 'snapshot', width: 160, align: 'right', render: (_, i) => snapshot(i) });
  return (
    <Table<KpiItem>
      rowKey="key"
      size="middle"
      tableLayout="fixed"
      columns={columns}
      dataSource={[...items]}
      pagination={false}
      scroll={{ x: 960 }}
      expandable={{ showExpandColumn: false, expandedRowKeys: [...open], expandedRowRender: (i) => <KpiDefinition kpi={i.key} /> }}
      onRow={(i) => ({ 'data-testid': `kpis-item-${i.key}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}
