import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScorecardItem } from '../../../../shared/contracts/scorecards';
import { useMoney } from '../../../components/display';
import { fmtPercent, fmtPoints, inputOf, isPercent } from '../card';

/** The KPI inputs whose parts are money (fen): sales against the plan, against last year. */
const MONEY_INPUTS = new Set(['sales_completion', 'sales_growth']);

/** An item's 实际 as words: a KPI percent with its parts, a count with its unit, late times and absent days; — for none. */
export function useValueText() {
  const { t } = useTranslation('scorecards');
  const money = useMoney();
  return (item: ScorecardItem): { main: string; parts?: string } => {
    const input = inputOf(item.rule);
    // a judgment's value is its points, shown once under 得分
    if (item.rule.kind === 'judgment' || input === null) return { main: '—' };
    if (item.value === null) return { main: '—' };
    if (item.rule.kind === 'tiers') {
      const late = t('values.late', { count: item.value });
      return { main: item.absent ? `${late}${t('values.sep')}${t('values.absent', { count: item.absent, days: fmtPoints(item.absent) })}` : late };
    }
    if (isPercent(item.rule)) {
      const n = item.numerator;
      const d = item.denominator;
      const part = (v: number) => (MONEY_INPUTS.has(input) ? money(v) : fmtPoints(v));
      return { main: fmtPercent(item.value), parts: n !== null && d !== null ? `${part(n)} / ${part(d)}` : undefined };
    }
    return { main: t(`values.count.${input}`, { count: item.value, defaultValue: fmtPoints(item.value) }) };
  };
}

/** The 实际 cell: the value, and a KPI's parts below it in grey. */
export function ItemValue({ item }: { item: ScorecardItem }) {
  const text = useValueText()(item);
  return (
    <div>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{text.main}</span>
      {text.parts && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {text.parts}
        </Typography.Text>
      )}
    </div>
  );
}

/** The person assessed with their position: 陈思远（客户经理）. */
export function personText(t: TFunction, person: { name: string; position: string | null }): string {
  if (!person.position) return person.name;
  return t('scorecards:card.personWithPosition', { name: person.name, position: t(`admin:positions.${person.position}`, { defaultValue: person.position }) });
}
