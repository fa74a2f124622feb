import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { FileFormat, FileLanguage } from '../../../shared/contracts/transfer';
import type { Cell, ColumnDef, OutCell } from './transfer.columns';
import { writtenHeader } from './transfer.columns';
import { detectDelimiter, detectEncoding } from './transfer.rules';

/**
 * Reading and writing the spreadsheet files of imports and exports, streaming both ways: rows
 * come out of a reader one at a time and go into a writer one at a time, so a 100,000-row file
 * is never held as rows in memory.
 */

export class UnreadableFile extends Error {}

const CHUNK = 1 << 20;

/** The buffer in 1 MB slices, reporting how far the reader has pulled. */
function* slices(content: Buffer, from: number, onBytes?: (n: number) => void) {
  for (let i = from; i < content.length; i += CHUNK) {
    const part = content.subarray(i, i + CHUNK);
    onBytes?.(i + part.length);
    yield part;
  }
}

/** XLSX files are zip archives; anything else is taken for text. Old binary .xls is refused by name. */
export function detectFormat(fileName: string, content: Buffer): FileFormat | 'xls' {
  if (content.length >= 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) return 'xlsx';
  if (/\.xls$/i.test(fileName) || (content[0] === 0xd0 && content[1] === 0xcf && content[2] === 0x11 && content[3] === 0xe0)) return 'xls';
  return 'csv';
}

export interface SheetRow {
  /** the row number a spreadsheet shows (the header is row 1 when it is the first) */
  rowNo: number;
  cells: Cell[];
}

/** The rows of a CSV file in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK. */
async function* csvRows(content: Buffer, onBytes?: (n: number) => void): AsyncGenerator<SheetRow> {
  const { encoding, bom } = detectEncoding(content.subarray(0, 4), isUtf8(content));
  const head = new TextDecoder(encoding).decode(content.subarray(bom, bom + 64 * 1024));
  const delimiter = detectDelimiter(head.split(/\r?\n/, 1)[0] ?? '');
  const decoder = new TextDecoder(encoding);
  async function* text() {
    for (const part of slices(content, bom, onBytes)) yield decoder.decode(part, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  const parser = Readable.from(text()).pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false }));
  let rowNo = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNo++;
      yield { rowNo, cells: record };
    }
  } catch (err) {
    throw new UnreadableFile(err instanceof Error ? err.message : String(err));
  }
}

type ExcelValue = ExcelJS.CellValue;

/** A spreadsheet cell as plain text, number, boolean or date (rich text, formulas and links flattened). */
function plainCell(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainCell((v as { result?: ExcelValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return String(v);
}

/** Where a UTF-8 buffer can be cut without splitting a character: before an unfinished last one. */
export function utf8Boundary(buf: Uint8Array): number {
  let i = buf.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (buf[i] & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i];
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i >= size ? buf.length : i;
}

/** A UTF-8 byte stream re-cut so that no chunk ends inside a character. */
async function* wholeCharacters(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  let carry: Buffer | undefined;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = utf8Boundary(buf);
    carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : undefined;
    if (cut > 0) yield buf.subarray(0, cut);
  }
  if (carry) yield carry;
}

type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): unknown;
  _parseSharedStrings(entry: Readable): unknown;
};
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

/**
 * exceljs' streaming reader decodes every chunk of the unzipped XML on its own, so a Chinese
 * character that straddles two chunks turns into replacement characters. This reader hands it
 * the sheet and shared-string streams re-cut at character boundaries.
 */
class WholeCharacterReader extends BaseReader {
  override _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string) {
    return super._parseWorksheet(wholeCharacters(iterator) as AsyncIterable<Buffer>, sheetNo);
  }
  override _parseSharedStrings(entry: Readable) {
    return super._parseSharedStrings(Readable.from(wholeCharacters(entry)));
  }
}

/** The rows of the first worksheet of an XLSX file. */
async function* xlsxRows(content: Buffer, onBytes?: (n: number) => void): AsyncGenerator<SheetRow> {
  const reader = new WholeCharacterReader(Readable.from(slices(content, 0, onBytes)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // styles tell dates from numbers
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelValue[];
        // row.values is 1-based: index 0 is always empty
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        yield { rowNo: row.number, cells };
      }
      return;
    }
  } catch (err) {
    throw new UnreadableFile(err instanceof Error ? err.message : String(err));
  }
}

export function readRows(content: Buffer, format: FileFormat, onBytes?: (n: number) => void): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRows(content, onBytes) : csvRows(content, onBytes);
}

// ---------------------------------------------------------------- writing

export interface SheetWriter {
  row(cells: OutCell[]): Promise<void>;
  end(): Promise<void>;
}

/** Text that a spreadsheet would run as a formula gets a leading apostrophe in CSV (read back by cellText). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(v: OutCell): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function write(out: Writable, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

/** CSV in UTF-8 with a BOM, so Excel opens the Chinese text correctly. */
function csvWriter(out: Writable, headers: string[]): SheetWriter {
  let started = false;
  const line = (cells: OutCell[]) => `${cells.map(csvField).join(',')}\r\n`;
  return {
    async row(cells) {
      if (!started) {
        started = true;
        await write(out, `\uFEFF${line(headers)}`);
      }
      await write(out, line(cells));
    },
    async end() {
      if (!started) await write(out, `\uFEFF${line(headers)}`);
      out.end();
    },
  };
}

const columnWidth = (header: string) => Math.min(40, Math.max(10, [...header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 2)));

/** XLSX through exceljs' streaming writer: each row is written out as soon as it is added. */
function xlsxWriter(out: Writable, headers: string[], sheetName: string): SheetWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h, width: columnWidth(h) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  return {
    async row(cells) {
      ws.addRow(cells).commit();
    },
    async end() {
      ws.commit();
      await wb.commit();
    },
  };
}

export function sheetWriter(format: FileFormat, out: Writable, headers: string[], sheetName: string): SheetWriter {
  return format === 'xlsx' ? xlsxWriter(out, headers, sheetName) : csvWriter(out, headers);
}

/** exceljs keeps range validations on the worksheet; its typings only know the per-cell form. */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

/**
 * An empty import file of a kind: the header row (required columns marked *), and in XLSX a note
 * on each header with the allowed values and units, plus a drop-down on enumerated columns.
 */
export async function templateFile(format: FileFormat, columns: ColumnDef[], lang: FileLanguage, sheetName: string): Promise<Buffer> {
  const headers = columns.map((c) => writtenHeader(c, lang, true));
  if (format === 'csv') {
    return Buffer.from(`\uFEFF${headers.map((h) => csvField(h)).join(',')}\r\n`, 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h, width: columnWidth(h) }));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const choices = c.type.choices?.(lang);
    const hint = c.type.hint?.[lang];
    const note = [hint, choices?.join(lang === 'en' ? ', ' : '、')].filter(Boolean).join(lang === 'en' ? ': ' : '：');
    if (note) ws.getCell(1, i + 1).note = note;
    const list = choices ? `"${choices.join(',')}"` : undefined;
    // Excel caps a list's formula at 255 characters and separates items by commas.
    if (list && list.length <= 255 && !choices!.some((x) => x.includes(','))) {
      const col = ws.getColumn(i + 1).letter;
      validations(ws).add(`${col}2:${col}10001`, { type: 'list', allowBlank: true, formulae: [list] });
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
