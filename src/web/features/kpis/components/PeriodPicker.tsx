import { Flex, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { parsePeriod } from '../../../../shared/domain/kpi-period';
import type { ListParam } from '../../../components/useListState';
import { keyOf, partsOf, PERIOD_KINDS, switchKind, withYear, yearsAround, type PeriodKind, type PeriodParts } from '../period';

/** A period key in the URL (parsePeriod's forms), the current month by default. */
export const periodParam = (fallback: string): ListParam<string> => ({
  fallback,
  parse: (raw) => (raw[0] && parsePeriod(raw[0]) ? raw[0] : undefined),
  format: (v) => [v],
});

/** The kind (月 / 季 / 半年 / 年 / 自定义), the year and the month, quarter or half — or the run's first and last month. */
export function PeriodPicker({ parts, today, onChange }: { parts: PeriodParts; today: string; onChange: (key: string) => void }) {
  const { t } = useTranslation('kpis');
  const period = parsePeriod(keyOf(parts))!;
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const items: Record<Exclude<PeriodKind, 'year' | 'custom'>, { value: string; label: string }[]> = {
    month: months.map((m) => ({ value: keyOf({ ...parts, kind: 'month', first: m, last: m }), label: t(`months.${m}`) })),
    quarter: [1, 2, 3, 4].map((n) => ({ value: `${parts.year}-Q${n}`, label: t(`quarters.${n}`) })),
    half: [1, 2].map((n) => ({ value: `${parts.year}-H${n}`, label: t(`halves.${n}`) })),
  };
  const monthOptions = months.map((m) => ({ value: m, label: t(`months.${m}`) }));
  return (
    <Flex gap={8} wrap align="center">
      <Segmented<PeriodKind>
        value={parts.kind}
        onChange={(k) => onChange(switchKind(period, k, today))}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: <span data-testid={`kpis-kind-${k}`}>{t(`kinds.${k}`)}</span> }))}
        data-testid="kpis-kind"
      />
      <Space.Compact>
        <Select<number>
          value={parts.year}
          onChange={(y) => onChange(withYear(keyOf(parts), y)!)}
          options={yearsAround(today, parts.year).map((y) => ({ value: y, label: t('yearLabel', { year: y }) }))}
          style={{ width: 96 }}
          data-testid="kpis-year"
        />
        {parts.kind !== 'year' && parts.kind !== 'custom' && (
          <Select<string> value={keyOf(parts)} onChange={onChange} options={items[parts.kind]} style={{ width: parts.kind === 'month' ? 88 : 112 }} data-testid="kpis-item" />
        )}
      </Space.Compact>
      {parts.kind === 'custom' && (
        <Space.Compact>
          <Select<number> value={parts.first} onChange={(m) => onChange(keyOf({ ...parts, first: m, last: Math.max(m, parts.last) }))} options={monthOptions} style={{ width: 88 }} data-testid="kpis-from" />
          <Select<number> value={parts.last} onChange={(m) => onChange(keyOf({ ...parts, first: Math.min(m, parts.first), last: m }))} options={monthOptions} style={{ width: 88 }} data-testid="kpis-to" />
        </Space.Compact>
      )}
    </Flex>
  );
}

/** The period's label, e.g. 2026年第四季度 / Q4 2026. */
export function usePeriodLabel() {
  const { t } = useTranslation('kpis');
  return (key: string) => {
    const p = partsOf(key);
    if (!p) return key;
    const month = (m: number) => t(`months.${m}`);
    if (p.kind === 'month') return t('periodLabels.month', { year: p.year, month: month(p.first) });
    if (p.kind === 'quarter') return t('periodLabels.quarter', { year: p.year, quarter: t(`quarters.${Math.ceil(p.first / 3)}`) });
    if (p.kind === 'half') return t('periodLabels.half', { year: p.year, half: t(`halves.${p.first === 1 ? 1 : 2}`) });
    if (p.kind === 'year') return t('periodLabels.year', { year: p.year });
    return t('periodLabels.custom', { year: p.year, from: month(p.first), to: month(p.last) });
  };
}
