import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { NUMBER_FORMATS, columnWidth, sheetValue, shownText, textWidth, type SheetInput, type SheetKind } from './spreadsheet.rules';

/**
 * The one XLSX writer of every export and template: typed cells (money with separators, real date
 * and date-time cells in the business time zone, percentages, text columns formatted as text),
 * the header row bold and frozen, and columns as wide as what they show. It streams through
 * exceljs' WorkbookWriter, so an export of 100,000 rows is never held in memory; the first
 * SAMPLE_ROWS rows are held back only to size the columns (a sheet's column widths come before
 * its rows in the file).
 */

export type { SheetKind } from './spreadsheet.rules';

export interface SheetColumn {
  header: string;
  kind: SheetKind;
  /** a note on the header cell (a template's unit or format) */
  note?: string;
  /** the values a cell may take: a drop-down on the column's first 10,000 rows */
  choices?: string[];
}

export interface XlsxSheetOptions {
  sheetName: string;
  columns: readonly SheetColumn[];
  /** the business time zone (BUSINESS_TZ): date-time cells show its wall clock */
  timeZone: string;
}

export interface RowStyle {
  bold?: boolean;
}

export interface XlsxSheet {
  row(values: readonly SheetInput[], style?: RowStyle): Promise<void>;
  end(): Promise<void>;
}

/** Rows read before the column widths are fixed. */
export const SAMPLE_ROWS = 1000;
/** Drop-downs reach this far down a template. */
const CHOICE_ROWS = 10_000;
/** Excel caps a list's formula at 255 characters and separates items by commas. */
const MAX_LIST_FORMULA = 255;

/** exceljs keeps range validations on the worksheet; its typings only know the per-cell form. */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

const workbookWriter = (out: Writable) => new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });

/** A one-sheet workbook written to `out` as rows are added; `end` finishes the file and `out`. */
export function xlsxSheet(out: Writable, opts: XlsxSheetOptions): XlsxSheet {
  const wb = workbookWriter(out);
  const sheet = sheetOf(wb, opts);
  return {
    row: sheet.row,
    async end() {
      await sheet.end();
      await wb.commit();
    },
  };
}

/** One sheet of a streaming workbook: `end` commits the sheet (the workbook goes on). */
function sheetOf(wb: ExcelJS.stream.xlsx.WorkbookWriter, opts: XlsxSheetOptions): XlsxSheet {
  const { columns, timeZone } = opts;
  // Excel refuses sheet names over 31 characters and with any of : \ / ? * [ ]
  const ws = wb.addWorksheet(opts.sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widest = columns.map((c) => textWidth(c.header));
  let held: { values: ExcelJS.CellValue[]; style?: RowStyle }[] | null = [];

  const add = (values: ExcelJS.CellValue[], style?: RowStyle) => {
    const row = ws.addRow(values);
    if (style?.bold) row.font = { bold: true };
    row.commit();
  };

  const start = () => {
    ws.columns = columns.map((c, i) => {
      const numFmt = NUMBER_FORMATS[c.kind];
      return { header: c.header, width: columnWidth(widest[i]), ...(numFmt && { style: { numFmt } }) };
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    columns.forEach((c, i) => {
      if (c.note) ws.getCell(1, i + 1).note = c.note;
      const list = c.choices ? `"${c.choices.join(',')}"` : undefined;
      if (list && list.length <= MAX_LIST_FORMULA && !c.choices!.some((x) => x.includes(','))) {
        const col = ws.getColumn(i + 1).letter;
        validations(ws).add(`${col}2:${col}${CHOICE_ROWS + 1}`, { type: 'list', allowBlank: true, formulae: [list] });
      }
    });
    header.commit();
    for (const r of held!) add(r.values, r.style);
    held = null;
  };

  return {
    async row(values, style) {
      const cells = columns.map((c, i) => sheetValue(c.kind, values[i], timeZone));
      if (!held) return add(cells, style);
      cells.forEach((v, i) => (widest[i] = Math.max(widest[i], textWidth(shownText(columns[i].kind, v)))));
      held.push({ values: cells, style });
      if (held.length >= SAMPLE_ROWS) start();
    },
    async end() {
      if (held) start();
      ws.commit();
    },
  };
}

export type SheetRows = Iterable<{ values: readonly SheetInput[]; style?: RowStyle }>;

/** A small workbook (a template, a month's reconciliation) as a buffer. */
export async function xlsxFile(opts: XlsxSheetOptions, rows: SheetRows = []): Promise<Buffer> {
  return xlsxBook([{ ...opts, rows }]);
}

/** A small workbook of several sheets, in order, as a buffer. */
export async function xlsxBook(sheets: readonly (XlsxSheetOptions & { rows: SheetRows })[]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = workbookWriter(out);
  for (const { rows, ...opts } of sheets) {
    const sheet = sheetOf(wb, opts);
    for (const r of rows) await sheet.row(r.values, r.style);
    await sheet.end();
  }
  await wb.commit();
  await done;
  return Buffer.concat(parts);
}
