import { describe, expect, it } from 'vitest';
import { fenToYuan, formatMoney, yuanToFen } from './money';

describe('money in fen', () => {
  it('converts yuan input to integer fen without float drift', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(5000)).toBe(500000);
    expect(yuanToFen(19.99)).toBe(1999);
  });
  it('formats as 元 with two decimals and as 万元', () => {
    expect(formatMoney(123456, 'yuan')).toBe('1,234.56');
    expect(formatMoney(2_000_000_00, 'wan')).toBe('200.00');
    expect(formatMoney(1_234_500, 'wan')).toBe('1.2345');
    expect(fenToYuan(1999)).toBe(19.99);
  });
});
