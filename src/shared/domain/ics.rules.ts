/**
 * iCalendar (RFC 5545) writing by hand: CRLF line ends, content lines folded at 75 octets
 * (never inside a UTF-8 sequence), TEXT values escaped, timed events in UTC
 * (DTSTART:20261130T080000Z), all-day events as VALUE=DATE with an exclusive DTEND.
 */

export interface IcsEvent {
  uid: string;
  title: string;
  /** timed: an instant; all-day: the first day YYYY-MM-DD */
  start: Date | string;
  /** timed: an instant; all-day: the last day YYYY-MM-DD (inclusive) */
  end: Date | string;
  allDay: boolean;
  description?: string | null;
  location?: string | null;
  url?: string | null;
}

export interface IcsCalendar {
  name: string;
  prodId?: string;
  /** DTSTAMP of every event */
  stamp: Date;
  events: IcsEvent[];
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** Control characters a TEXT value may not hold (§3.3.11 allows HTAB only; line breaks are escaped first). */
// eslint-disable-next-line no-control-regex -- these are the characters being removed
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (§3.3.11); other control characters are dropped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n').replace(CONTROL, '');
}

/** Folds a content line so no physical line exceeds 75 octets; continuation lines start with a space (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines spend one octet on the leading space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 20261130T080000Z */
export function utcStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** YYYY-MM-DD → YYYYMMDD, shifted by `days`. */
export function icsDate(day: string, days = 0): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const asDay = (v: Date | string) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.slice(0, 10));

function eventLines(e: IcsEvent, stamp: Date): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(stamp)}`];
  if (e.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${icsDate(asDay(e.start))}`, `DTEND;VALUE=DATE:${icsDate(asDay(e.end), 1)}`);
  } else {
    lines.push(`DTSTART:${utcStamp(asDate(e.start))}`, `DTEND:${utcStamp(asDate(e.end))}`);
  }
  lines.push(`SUMMARY:${escapeText(e.title)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole VCALENDAR object as text, every line folded and ended with CRLF. */
export function writeIcs(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId ?? '-//Tongmeng//Calendar//ZH'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    ...cal.events.flatMap((e) => eventLines(e, cal.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
