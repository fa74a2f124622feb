import { InputNumber, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetChangeStatus, TargetMetric, TargetPlanStatus, TargetRow } from '../../../shared/contracts/targets';
import { useMoney } from '../../components/display';
import { fmtYuan } from '../../components/format';
import { MoneyInput } from '../../components/MoneyInput';
import { MoneyText } from '../../components/MoneyText';
import { isMoney } from './grid';

const STATUS_COLOR: Record<TargetPlanStatus, string> = { draft: 'default', pending: 'processing', approved: 'success', rejected: 'error' };
const CHANGE_COLOR: Record<TargetChangeStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };

export function TargetStatusTag({ status }: { status: TargetPlanStatus }) {
  const { t } = useTranslation('targets');
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="target-status" data-status={status}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}

export function ChangeStatusTag({ status }: { status: TargetChangeStatus }) {
  const { t } = useTranslation('targets');
  return (
    <Tag color={CHANGE_COLOR[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {t(`changeStatuses.${status}`)}
    </Tag>
  );
}

/** A count with thousands separators in the reader's language. */
export function useCountText() {
  const { i18n } = useTranslation();
  return useCallback((n: number) => Math.round(n).toLocaleString(i18n.language), [i18n.language]);
}

/** A plan's figure in a sentence: money in the reader's unit (useMoney), a count with its measure word. */
export function useMetricText(metric: TargetMetric) {
  const { t } = useTranslation('targets');
  const money = useMoney();
  const count = useCountText();
  return useCallback((v: number) => (isMoney(metric) ? money(v) : t(`units.${metric}`, { value: count(v) })), [metric, money, count, t]);
}

/**
 * A plan's figure as a page shows it: money (fen) in the reader's unit — the shared MoneyText — or a count with
 * its measure word (12 家, 30 次).
 */
export function MetricValue({ metric, value, strong }: { metric: TargetMetric; value: number; strong?: boolean }) {
  const text = useMetricText(metric);
  if (isMoney(metric)) return <MoneyText fen={value} strong={strong} />;
  return (
    <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {text(value)}
    </Typography.Text>
  );
}

/**
 * A figure inside the grid, whose heading names the unit (金额单位：元): money as 元 with two decimals, a count
 * as a whole number — both with separators; `whole` rounds money to the 元 (the reference averages).
 */
export function useGridNumber(metric: TargetMetric) {
  const { i18n } = useTranslation();
  const count = useCountText();
  return useCallback(
    (v: number, whole = false) => {
      if (!isMoney(metric)) return count(v);
      return whole ? Math.round(v / 100).toLocaleString(i18n.language) : fmtYuan(v, i18n.language);
    },
    [metric, count, i18n.language],
  );
}

/** What tells a row apart: a person's position, a sub-unit's kind. */
export function useRowRole() {
  const { t } = useTranslation('targets');
  return useCallback(
    (row: Pick<TargetRow, 'kind' | 'position' | 'role'>) => {
      if (row.role === 'total') return t('grid.totalRow');
      if (!row.position) return row.kind === 'unit' ? t('grid.subUnit') : '';
      const key = row.position.replace(/^positions\./, '');
      return row.kind === 'user' ? t(`admin:positions.${key}`, { defaultValue: key }) : t(`admin:units.kinds.${key}`, { defaultValue: key });
    },
    [t],
  );
}

/** The name of a month in the reader's language: 1月 / Jan. */
export function useMonthName() {
  const { t } = useTranslation('targets');
  return useCallback((m: number) => t(`months.${m}`), [t]);
}

/**
 * A form's figure of a plan's metric: money typed in 元 (the value in fen, MoneyInput), a count as a whole number
 * with its measure word. Form.Item gives value and onChange.
 */
export function MetricInput({ metric, value, onChange, testId }: { metric: TargetMetric; value?: number | null; onChange?: (v: number | null) => void; testId: string }) {
  const { t } = useTranslation('targets');
  if (isMoney(metric)) return <MoneyInput value={value} onChange={onChange} data-testid={testId} />;
  return <InputNumber<number> min={0} precision={0} style={{ width: '100%' }} value={value} onChange={onChange} suffix={t(`units.${metric}`, { value: '' }).trim()} data-testid={testId} />;
}
