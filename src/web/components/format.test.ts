import { describe, expect, it } from 'vitest';
import { fmtYuan, formatInstant, moneyText } from './format';

// the common namespace's money sentences, as the locales have them
const zh = (key: string, { value }: { value: string }) => (key === 'common:money.wan' ? `${value} 万元` : `${value} 元`);
const en = (key: string, { value }: { value: string }) => (key === 'common:money.wan' ? `¥${value} × 10k` : `¥${value}`);

describe('moneyText: one way money reads (PLAT-6)', () => {
  it('in 元 with thousands separators and two decimals', () => {
    expect(moneyText(280_000_000, 'yuan', zh)).toBe('2,800,000.00 元');
    expect(moneyText(30_000, 'yuan', zh)).toBe('300.00 元');
    expect(moneyText(0, 'yuan', zh)).toBe('0.00 元');
    expect(moneyText(-123_456, 'yuan', zh)).toBe('-1,234.56 元');
  });
  it('in 万元 to the 元: 2,800,000.00 元 reads 280.00 万元, never mixed with 元 in one column', () => {
    expect(moneyText(280_000_000, 'wan', zh)).toBe('280.00 万元');
    expect(moneyText(8_000_000, 'wan', zh)).toBe('8.00 万元');
    expect(moneyText(30_000, 'wan', zh)).toBe('0.03 万元');
    expect(moneyText(1_234_500, 'wan', zh)).toBe('1.2345 万元');
    expect(moneyText(1_234_567_890_00, 'wan', zh)).toBe('123,456.789 万元');
  });
  it('none is —, not 0.00', () => {
    expect(moneyText(null, 'yuan', zh)).toBe('—');
    expect(moneyText(undefined, 'wan', zh)).toBe('—');
    expect(fmtYuan(null)).toBe('—');
  });
  it('in English', () => {
    expect(moneyText(280_000_000, 'yuan', en, 'en')).toBe('¥2,800,000.00');
    expect(moneyText(280_000_000, 'wan', en, 'en')).toBe('¥280.00 × 10k');
  });
  it('a paper form cell under 金额（元）: the number in 元 with separators', () => {
    expect(fmtYuan(990_000)).toBe('9,900.00');
  });
});

describe('formatInstant: a time as the business time zone reads it', () => {
  // 18:30 UTC on the 18th is 02:30 on the 19th in Shanghai and 13:30 on the 18th in New York
  const at = '2026-12-18T18:30:00Z';
  it('in the given zone, whatever the zone of the process', () => {
    expect(formatInstant(at, 'YYYY-MM-DD HH:mm', 'zh-cn', 'Asia/Shanghai')).toBe('2026-12-19 02:30');
    expect(formatInstant(at, 'YYYY-MM-DD HH:mm', 'en', 'America/New_York')).toBe('2026-12-18 13:30');
    expect(formatInstant(at, 'YYYY年M月D日', 'zh-cn', 'Asia/Shanghai')).toBe('2026年12月19日');
  });
  it('winter and summer alike (the browser’s own zone may change its clock; the business one does not)', () => {
    expect(formatInstant('2026-07-01T00:00:00Z', 'HH:mm', 'en', 'Asia/Shanghai')).toBe('08:00');
    expect(formatInstant('2026-01-01T00:00:00Z', 'HH:mm', 'en', 'Asia/Shanghai')).toBe('08:00');
  });
});
