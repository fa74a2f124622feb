import { formatMoney } from '../../shared/domain/money';

/** fen → '1,234.50' (元, two decimals) for labels that embed an amount in a sentence */
export function fmtYuan(fen: number | null | undefined, locale = 'zh-CN'): string {
  return fen === null || fen === undefined ? '—' : formatMoney(fen, 'yuan', locale);
}

/** antd Table sorter state → the API's `sort` parameter ('field' or '-field'). */
export function sortParam(field: unknown, order: 'ascend' | 'descend' | null | undefined): string | undefined {
  if (!order || typeof field !== 'string') return undefined;
  return order === 'descend' ? `-${field}` : field;
}
