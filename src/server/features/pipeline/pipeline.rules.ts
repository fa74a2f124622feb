/** The ageing chart's buckets of days in stage. */
export const AGEING_BUCKETS = ['0-15', '16-30', '31-60', '61-90', '90+'] as const;

/** A share as a fraction with three decimals; null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}

/**
 * Months 'YYYY-MM' from `from`: `count` of them, or (count 0) up to and including `to`. A `to`
 * before `from` gives no months; at most 120 months are listed.
 */
export function monthsBetween(from: string, count: number, to?: string): string[] {
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < 120; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (count ? i >= count : to === undefined || key > to) break;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
