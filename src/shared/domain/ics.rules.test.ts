import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsDate, utcStamp, writeIcs } from './ics.rules';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('ics', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('drops control characters a TEXT value may not hold, keeps a tab', () => {
    expect(escapeText('a\u0000b\u0007c\u001Fd\u007Fe\tf')).toBe('abcde\tf');
    expect(escapeText('line one\nline two')).toBe('line one\\nline two');
  });

  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:hello')).toBe('SUMMARY:hello');
  });

  it('folds at 75 octets with CRLF + space, and unfolding restores the line', () => {
    const line = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBe(3);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(physical[0]).toHaveLength(75);
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-byte character (Chinese: 3 octets each)', () => {
    const line = `SUMMARY:${'拜访客户'.repeat(20)}`;
    const folded = foldLine(line);
    for (const p of folded.split('\r\n')) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('a long LOCATION with commas, semicolons and a line break is escaped, then folded, and unfolds to the escaped value', () => {
    const place = '江苏省南京市玄武区中山路 1 号, 金鹰国际中心 A 座; 28 楼\n大会议室（请走东门）';
    const text = writeIcs({ name: 'c', stamp: new Date('2026-11-30T00:00:00Z'), events: [{ uid: 'visit-1@tm.example.cn', title: 't', start: new Date('2026-12-01T01:30:00Z'), end: new Date('2026-12-01T02:30:00Z'), allDay: false, location: place }] });
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(unfolded).toContain(`LOCATION:${escapeText(place)}`);
    expect(escapeText(place)).toBe('江苏省南京市玄武区中山路 1 号\\, 金鹰国际中心 A 座\\; 28 楼\\n大会议室（请走东门）');
  });

  it('writes UTC stamps and dates', () => {
    expect(utcStamp(new Date('2026-11-30T08:05:09+08:00'))).toBe('20261130T000509Z');
    expect(icsDate('2026-12-31', 1)).toBe('20270101');
  });

  it('writes a calendar: CRLF everywhere, timed events in UTC, all-day with VALUE=DATE and exclusive end', () => {
    const text = writeIcs({
      name: '日历, 周专员',
      stamp: new Date('2026-11-30T00:00:00Z'),
      events: [
        { uid: 'visit-1@tongmeng', title: '拜访：工商银行; 二次', start: new Date('2026-12-01T01:30:00Z'), end: new Date('2026-12-01T02:30:00Z'), allDay: false, url: 'https://tm.example/visits/1' },
        { uid: 'trip-2@tongmeng', title: '出差 南京', start: '2026-12-02', end: '2026-12-04', allDay: true, location: '南京' },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('X-WR-CALNAME:日历\\, 周专员');
    expect(lines).toContain('DTSTART:20261201T013000Z');
    expect(lines).toContain('DTEND:20261201T023000Z');
    expect(lines).toContain('SUMMARY:拜访：工商银行\\; 二次');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261202');
    expect(lines).toContain('DTEND;VALUE=DATE:20261205');
    expect(lines).toContain('LOCATION:南京');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTAMP:20261130T000000Z');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
