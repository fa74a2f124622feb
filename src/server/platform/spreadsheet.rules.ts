import { zoneOffsetMinutes } from '../../shared/domain/business-time';

/**
 * The pure part of the one XLSX writer (spreadsheet.ts): what a value of a column kind becomes in
 * a cell, the number format that cell carries, and how wide its column must be to show it.
 *
 * - text: a string cell; the column is formatted as text (`@`), so what a person types into it
 *   later (a postcode 012345, a 19-digit bank account) stays text instead of becoming a number.
 * - number: a plain number (ids, years, counts), in the General format.
 * - money: yuan as a number with thousands separators and two decimals (`#,##0.00`). Amounts that
 *   a spreadsheet number cannot hold exactly come as text from the caller and stay text.
 * - percent: a value in percent units (10 = 10 %), written as the fraction 0.1 in a percent
 *   format, as a spreadsheet keeps a typed "10%".
 * - date: a calendar day ('YYYY-MM-DD') as a date cell.
 * - datetime: an instant as a date-time cell showing the business wall clock (BUSINESS_TZ); a
 *   'YYYY-MM-DD HH:mm[:ss]' text is taken to be that wall clock already.
 *
 * Spreadsheet dates carry no time zone: a cell holds the wall-clock fields, which exceljs writes
 * from a Date's UTC fields. So a wall clock is handed over as the Date whose UTC fields are it.
 */

export type SheetKind = 'text' | 'number' | 'money' | 'percent' | 'date' | 'datetime';

/** A value as the writer takes it. */
export type SheetInput = string | number | boolean | Date | null | undefined;
/** A value as it goes into an exceljs cell. */
export type SheetValue = string | number | boolean | Date | null;

export const NUMBER_FORMATS: Record<SheetKind, string | undefined> = {
  text: '@',
  number: undefined,
  money: '#,##0.00',
  percent: '0.00%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The Date whose UTC fields are the given wall clock, or undefined when there is no such day. */
function wallClock(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | undefined {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? t : undefined;
}

/** An instant as the wall clock of `timeZone` shows it (to the second), as a Date of those UTC fields. */
export function wallClockOf(at: Date, timeZone: string): Date {
  const seconds = Math.floor(at.getTime() / 1000) * 1000;
  return new Date(seconds + zoneOffsetMinutes(at, timeZone) * 60_000);
}

/** A day or an instant as the cell's Date; text that is neither stays text. */
function dateValue(kind: 'date' | 'datetime', v: string | Date, timeZone: string): SheetValue {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const wall = wallClockOf(v, timeZone);
    return kind === 'date' ? new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())) : wall;
  }
  const day = DAY.exec(v);
  if (day) return wallClock(Number(day[1]), Number(day[2]), Number(day[3])) ?? v;
  const clock = WALL_CLOCK.exec(v);
  if (clock) {
    const wall = wallClock(Number(clock[1]), Number(clock[2]), Number(clock[3]), Number(clock[4]), Number(clock[5]), Number(clock[6] ?? 0));
    if (!wall) return v;
    return kind === 'date' ? new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())) : wall;
  }
  // an ISO instant with its zone (as the API writes them)
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))) return dateValue(kind, new Date(v), timeZone);
  return v;
}

/** What goes into the cell for a value of a column kind. */
export function sheetValue(kind: SheetKind, v: SheetInput, timeZone: string): SheetValue {
  if (v === null || v === undefined || v === '') return null;
  switch (kind) {
    case 'text':
      return v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : String(v);
    case 'number':
    case 'money':
      return v instanceof Date ? v.toISOString() : v;
    case 'percent':
      // 12.5 % → 0.125, rounded to the 15 digits a spreadsheet keeps, so 7.33 % is 0.0733 and not 0.07329999…
      return typeof v === 'number' && Number.isFinite(v) ? Number((v / 100).toPrecision(15)) : v instanceof Date ? v.toISOString() : v;
    case 'date':
    case 'datetime':
      return typeof v === 'string' || v instanceof Date ? dateValue(kind, v, timeZone) : v;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayText = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The text a spreadsheet shows for a written cell, close enough to size its column. */
export function shownText(kind: SheetKind, v: SheetValue): string {
  if (v === null) return '';
  if (v instanceof Date) return kind === 'datetime' ? `${dayText(v)} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}` : dayText(v);
  if (typeof v === 'number') {
    if (kind === 'money') return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (kind === 'percent') return `${(v * 100).toFixed(2)}%`;
    return String(v);
  }
  return String(v);
}

/** East Asian wide and full-width characters take two columns of a spreadsheet's width unit. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** How many character widths a text takes: its longest line, wide characters counted twice. */
export function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r?\n/)) {
    let w = 0;
    for (const ch of line) w += WIDE.test(ch) ? 2 : 1;
    widest = Math.max(widest, w);
  }
  return widest;
}

export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 50;

/** A column's width from the widest text it shows (header included), with a margin, within bounds. */
export function columnWidth(widest: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest + 2));
}
