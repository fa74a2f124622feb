/** Money is stored as integer fen (分). These helpers convert for display and input only. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** how a person reads money (PLAT-6): 元 or 万元 */
export const MONEY_UNITS = ['yuan', 'wan'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/**
 * Formats fen with thousands separators: as 元 with two decimals, or as 万元 with two to four
 * (to the 元: 2,800,000.00 元 reads 280.00 万元, 300.00 元 reads 0.03 万元).
 */
export function formatMoney(fen: number, unit: MoneyUnit = 'yuan', locale = 'zh-CN'): string {
  if (unit === 'wan') {
    const wan = fen / 1_000_000;
    return wan.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  }
  return (fen / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
