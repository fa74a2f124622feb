/** Money is stored as integer fen (分). These helpers convert for display and input only. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

export type MoneyUnit = 'yuan' | 'wan';

/** Formats fen as 元 (two decimals) or 万元 (four significant decimals trimmed). */
export function formatMoney(fen: number, unit: MoneyUnit = 'yuan', locale = 'zh-CN'): string {
  if (unit === 'wan') {
    const wan = fen / 1_000_000;
    return wan.toLocaleString(locale, { minimumFractionDigits: 0, maximumFractionDigits: 4 });
  }
  return (fen / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
