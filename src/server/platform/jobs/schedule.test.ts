import { describe, expect, it } from 'vitest';
import { businessDate, localDayBounds, localWeekBounds, zoneOffsetMinutes } from '../../../shared/domain/business-time';
import { nextRun } from './schedule';

const SH = 'Asia/Shanghai';
const at = (s: string) => new Date(s);

describe('nextRun every N seconds', () => {
  it('adds the interval to the reference time', () => {
    expect(nextRun({ everySeconds: 3600 }, at('2026-03-01T10:15:00Z')).toISOString()).toBe('2026-03-01T11:15:00.000Z');
    expect(nextRun({ everySeconds: 30 }, at('2026-12-31T23:59:45Z')).toISOString()).toBe('2027-01-01T00:00:15.000Z');
  });
  it('rejects a non-positive interval', () => {
    expect(() => nextRun({ everySeconds: 0 }, new Date())).toThrow(/everySeconds/);
  });
});

describe('nextRun daily at 08:00 Asia/Shanghai', () => {
  const spec = { dailyAt: '08:00', timeZone: SH };
  it('runs later the same local day when 08:00 has not come yet', () => {
    // 06:00 Shanghai on 2 March = 22:00 UTC on 1 March
    expect(nextRun(spec, at('2026-03-01T22:00:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
  it('moves to the next local day once 08:00 has passed, across the UTC date line', () => {
    // 09:00 Shanghai on 2 March = 01:00 UTC on 2 March → 08:00 Shanghai on 3 March
    expect(nextRun(spec, at('2026-03-02T01:00:00Z')).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    // 23:30 Shanghai on 31 December (15:30 UTC) → 08:00 on 1 January, a new year
    expect(nextRun(spec, at('2026-12-31T15:30:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
  it('is strictly after the reference: exactly 08:00 gives tomorrow, a millisecond before gives today', () => {
    expect(nextRun(spec, at('2026-03-02T00:00:00.000Z')).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(nextRun(spec, at('2026-03-01T23:59:59.999Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
  it('keeps the wall-clock time across a daylight-saving change', () => {
    // Berlin switches to summer time on 29 March 2026: 08:00 is 07:00 UTC before, 06:00 UTC after
    const berlin = { dailyAt: '08:00', timeZone: 'Europe/Berlin' };
    expect(nextRun(berlin, at('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(nextRun(berlin, at('2026-03-27T12:00:00Z')).toISOString()).toBe('2026-03-28T07:00:00.000Z');
  });
  it('rejects a malformed time', () => {
    expect(() => nextRun({ dailyAt: '8:00', timeZone: SH }, new Date())).toThrow(/dailyAt/);
    expect(() => nextRun({ dailyAt: '24:00', timeZone: SH }, new Date())).toThrow(/dailyAt/);
  });
});

describe('business-day windows', () => {
  it('knows the Shanghai offset', () => {
    expect(zoneOffsetMinutes(at('2026-06-01T00:00:00Z'), SH)).toBe(480);
  });
  it('takes "today" in Shanghai, not in UTC', () => {
    // 17:00 UTC on 1 March is already 01:00 on 2 March in Shanghai
    const d = localDayBounds(at('2026-03-01T17:00:00Z'), SH);
    expect(d.start.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(d.end.toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });
  it('takes the week from Monday to Sunday in Shanghai', () => {
    // Sunday 8 March 2026, 23:00 Shanghai (15:00 UTC) belongs to the week of Monday 2 March
    const w = localWeekBounds(at('2026-03-08T15:00:00Z'), SH);
    expect(w.start.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-03-08T16:00:00.000Z');
    // one hour later it is Monday 9 March in Shanghai: a new week
    const next = localWeekBounds(at('2026-03-08T16:00:00Z'), SH);
    expect(next.start.toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });
});

describe('businessDate', () => {
  it('is the date on the company wall clock, not UTC', () => {
    expect(businessDate(new Date('2026-11-22T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(businessDate(new Date('2026-11-22T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-22');
  });
});
