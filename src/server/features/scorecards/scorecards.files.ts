import type { ScorecardKind } from '../../../shared/contracts/scorecards';
import zh from '../../../shared/locales/zh-CN/scorecards.json';
import { xlsxBook, type SheetColumn } from '../../platform/spreadsheet';
import { zipEntrySizes } from '../../platform/zip';
import { bufferSource, detectFormat, readRows, UnreadableFile } from '../transfer';
import type { lockedCards } from './scorecards.service';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The payroll workbook is for the department and finance in the business language (zh-CN). */
const P = zh.payroll;
/** An item's name on a form (a form may word a shared key its own way: the director's 销售计划完成率). */
const itemName = (kind: ScorecardKind, key: string) =>
  (zh.itemsByKind as Record<string, Record<string, { name: string } | undefined> | undefined>)[kind]?.[key]?.name ?? (zh.items as Record<string, { name: string } | undefined>)[key]?.name ?? key;

/**
 * 工资表: the locked cards of a period, one sheet per form (its items as columns, in the form's order, each
 * header with its full marks), then the total and whether a warning was given.
 */
export async function payrollWorkbook(period: string, cards: Awaited<ReturnType<typeof lockedCards>>, timeZone: string): Promise<Buffer> {
  const kinds = [...new Set(cards.map((c) => c.kind as ScorecardKind))];
  const sheets = (kinds.length ? kinds : (['account_manager'] as ScorecardKind[])).map((kind) => {
    const mine = cards.filter((c) => c.kind === kind);
    // every item any of the period's cards has, in the order of the forms they were opened with
    const items = mine.flatMap((c) => c.rule_set.items).filter((i, n, all) => all.findIndex((x) => x.key === i.key) === n);
    const columns: SheetColumn[] = [
      { header: P.no, kind: 'number' },
      { header: P.name, kind: 'text' },
      { header: P.username, kind: 'text' },
      { header: P.unit, kind: 'text' },
      { header: P.period, kind: 'text' },
      ...items.map((i) => ({ header: `${itemName(kind, i.key)}（${P.full} ${i.rule.points}）`, kind: 'number' as const })),
      { header: P.total, kind: 'number' },
      { header: P.warning, kind: 'text' },
      { header: P.lockedAt, kind: 'datetime' },
    ];
    return {
      sheetName: zh.kinds[kind],
      timeZone,
      columns,
      rows: mine.map((c, n) => ({
        values: [n + 1, c.person_name, c.username, c.unit_name, period, ...items.map((i) => c.points.get(i.key) ?? null), c.total, c.warning ? P.yes : P.no_, c.locked_at],
      })),
    };
  });
  return xlsxBook(sheets);
}

const HEADERS = {
  name: /^(姓名|名字|员工姓名|name)$/i,
  username: /^(工号|员工工号|账号|用户名|userid|username|staff ?id)$/i,
  late: /^(迟到次数|迟到|迟到\(次\)|迟到（次）|late|late times)$/i,
  absent: /^(缺勤天数|旷工天数|缺勤|旷工|缺勤\(天\)|缺勤（天）|absent|absent days)$/i,
};

export interface AttendanceLine {
  row: number;
  name: string;
  username: string | null;
  late: number | null;
  absent: number | null;
}

/** The most rows an attendance export may have (a department's month is tens of people). */
export const MAX_ATTENDANCE_ROWS = 500;
/** The most an XLSX export may unpack to (a department's month is a few hundred KB). */
const MAX_UNPACKED = 20 * 1024 * 1024;

export type AttendanceRead = { lines: AttendanceLine[] } | { problem: 'scorecards.importUnreadable' | 'scorecards.importTooLarge' | 'scorecards.importTooManyRows' | 'scorecards.importXls' };

/**
 * The lines of a 钉钉 / 企业微信 attendance export (CSV in UTF-8 or GBK, or XLSX): the header row is the first of
 * the first 20 rows that names a person (姓名) and the late times (迟到次数); 工号 and 缺勤天数 are read when
 * there. Title rows above the header (the exports' 考勤汇总 banner) are skipped. null when no header is found.
 */
export async function attendanceLines(fileName: string, content: Buffer): Promise<AttendanceRead> {
  const format = detectFormat(fileName, content);
  if (format === 'xls') return { problem: 'scorecards.importXls' };
  if (format === 'xlsx') {
    const sizes = [...zipEntrySizes(content).values()];
    const unpacked = sizes.reduce((a, n) => a + n, 0);
    if (unpacked === 0) return { problem: 'scorecards.importUnreadable' };
    if (unpacked > MAX_UNPACKED) return { problem: 'scorecards.importTooLarge' };
  }
  const lines: AttendanceLine[] = [];
  let cols: { name: number; username: number; late: number; absent: number } | null = null;
  const text = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v)).trim();
  const number = (v: unknown): number | null => {
    const s = text(v).replace(/[次天]$/, '');
    if (s === '') return 0;
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  };
  try {
    for await (const r of readRows(bufferSource(content), format)) {
      if (!cols) {
        if (r.rowNo > 20) return { problem: 'scorecards.importUnreadable' };
        const at = (re: RegExp) => r.cells.findIndex((c) => re.test(text(c)));
        const name = at(HEADERS.name);
        const late = at(HEADERS.late);
        if (name >= 0 && late >= 0) cols = { name, late, username: at(HEADERS.username), absent: at(HEADERS.absent) };
        continue;
      }
      const name = text(r.cells[cols.name]);
      const username = cols.username >= 0 ? text(r.cells[cols.username]) || null : null;
      if (!name && !username) continue;
      lines.push({ row: r.rowNo, name, username, late: number(r.cells[cols.late]), absent: cols.absent >= 0 ? number(r.cells[cols.absent]) : 0 });
      if (lines.length > MAX_ATTENDANCE_ROWS) return { problem: 'scorecards.importTooManyRows' };
    }
  } catch (e) {
    if (e instanceof UnreadableFile) return { problem: 'scorecards.importUnreadable' };
    throw e;
  }
  return cols ? { lines } : { problem: 'scorecards.importUnreadable' };
}
