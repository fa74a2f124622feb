import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { formatMoney, type MoneyUnit } from '../../shared/domain/money';

dayjs.extend(utc);
dayjs.extend(timezone);

/** What the money formats need of i18next: the common namespace's `money.yuan` / `money.wan` sentences. */
type MoneyT = (key: 'common:money.yuan' | 'common:money.wan', options: { value: string }) => string;

/**
 * The one way money reads on screen (PLAT-6): fen in the reader's unit with thousands separators
 * — '2,800,000.00 元' or '280.00 万元' (English '¥2,800,000.00' / '¥280.00 × 10k') — and '—' for
 * none (an amount nobody entered is not 0.00).
 */
export function moneyText(fen: number | null | undefined, unit: MoneyUnit, t: MoneyT, locale = 'zh-CN'): string {
  if (fen === null || fen === undefined) return '—';
  return t(unit === 'wan' ? 'common:money.wan' : 'common:money.yuan', { value: formatMoney(fen, unit, locale) });
}

/** fen → '1,234.50' (元, two decimals, no unit): a paper form's cell under a 金额（元） heading; none → '—'. */
export function fmtYuan(fen: number | null | undefined, locale = 'zh-CN'): string {
  return fen === null || fen === undefined ? '—' : formatMoney(fen, 'yuan', locale);
}

/**
 * An instant as the given pattern reads it in `timeZone` (the business time zone for anything
 * printed), whatever the browser's own zone; without a zone, in the browser's.
 */
export function formatInstant(value: string | Date, pattern: string, locale: string, timeZone?: string): string {
  const d = dayjs(value).locale(locale);
  return (timeZone ? d.tz(timeZone) : d).format(pattern);
}

/** antd Table sorter state → the API's `sort` parameter ('field' or '-field'). */
export function sortParam(field: unknown, order: 'ascend' | 'descend' | null | undefined): string | undefined {
  if (!order || typeof field !== 'string') return undefined;
  return order === 'descend' ? `-${field}` : field;
}
