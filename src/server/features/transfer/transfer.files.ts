import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Readable, type Writable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { FileFormat, FileLanguage } from '../../../shared/contracts/transfer';
import { xlsxFile, xlsxSheet, type SheetColumn } from '../../platform/spreadsheet';
import { formattedNumber } from './cells.rules';
import type { Cell, ColumnDef, OutCell } from './transfer.columns';
import { writtenHeader } from './transfer.columns';
import { zipEntrySizes } from '../../platform/zip';
import { detectDelimiter, detectEncoding } from './transfer.rules';

/**
 * Reading and writing the spreadsheet files of imports and exports, streaming both ways: rows
 * come out of a reader one at a time and go into a writer one at a time, so a 100,000-row file
 * is never held as rows in memory.
 */

export { zipEntrySizes };

export class UnreadableFile extends Error {}

/** How far a reader has got, 0–1. */
export type OnFraction = (fraction: number) => void;

/** A stored file, read a slice at a time (it may be read more than once). */
export interface FileSource {
  size: number;
  slices(): AsyncIterable<Buffer>;
  /** the last megabyte or two, where a zip archive keeps its directory */
  tail(): Promise<Buffer>;
}

/** A file held in memory as a source, cut in slices of `slice` bytes. */
export function bufferSource(content: Buffer, slice = 1 << 20): FileSource {
  return {
    size: content.length,
    async *slices() {
      for (let i = 0; i < content.length; i += slice) yield content.subarray(i, i + slice);
    },
    tail: async () => content.subarray(Math.max(0, content.length - 2 * slice)),
  };
}

/** The source's slices, reporting the share of the file read. */
async function* counted(source: FileSource, onFraction?: OnFraction) {
  let read = 0;
  for await (const part of source.slices()) {
    read += part.length;
    onFraction?.(read / Math.max(1, source.size));
    yield part;
  }
}

async function firstSlice(source: FileSource): Promise<Buffer> {
  for await (const part of source.slices()) return part;
  return Buffer.alloc(0);
}

/** Whether the whole file is valid UTF-8, checked slice by slice (a character may straddle two). */
async function isUtf8File(source: FileSource): Promise<boolean> {
  let carry: Buffer | undefined;
  for await (const part of source.slices()) {
    const buf = carry ? Buffer.concat([carry, part]) : part;
    const cut = utf8Boundary(buf);
    if (!isUtf8(buf.subarray(0, cut))) return false;
    carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : undefined;
  }
  return !carry || isUtf8(carry);
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
async function* csvRows(source: FileSource, onFraction?: OnFraction): AsyncGenerator<SheetRow> {
  const first = await firstSlice(source);
  const { encoding, bom } = detectEncoding(first.subarray(0, 4), await isUtf8File(source));
  const head = new TextDecoder(encoding).decode(first.subarray(bom, bom + 64 * 1024));
  const delimiter = detectDelimiter(head.split(/\r?\n/, 1)[0] ?? '');
  const decoder = new TextDecoder(encoding);
  async function* text() {
    let skip = bom;
    for await (const part of counted(source, onFraction)) {
      yield decoder.decode(skip ? part.subarray(skip) : part, { stream: true });
      skip = 0;
    }
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

/**
 * A cell's text on its own. The XML parser hands out substrings of the ~100 KB text chunk it
 * decoded, and V8 keeps such a slice pointing into its parent: one code or name kept for the
 * duplicate check would hold the whole chunk. Prepending a character and slicing it off again
 * copies the text into a string of its own size (short strings are copies already).
 */
const detached = (s: string) => (s.length < 13 ? s : (' ' + s).slice(1));

/** A spreadsheet cell as plain text, number, boolean or date (rich text, formulas and links flattened). */
function plainCell(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return detached(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainCell((v as { result?: ExcelValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return String(v);
}

/** A spreadsheet cell read with its number format: "5%" for 0.05 in a percent format (cells.rules.ts). */
function sheetCell(cell: ExcelJS.Cell): Cell {
  const v = plainCell(cell.value);
  return typeof v === 'number' ? formattedNumber(v, cell.numFmt) : v;
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

/** A UTF-8 byte stream re-cut so that no chunk ends inside a character; `onBytes` counts what passed. */
async function* wholeCharacters(source: AsyncIterable<Buffer | string>, onBytes?: (n: number) => void): AsyncGenerator<Buffer | string> {
  let carry: Buffer | undefined;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    onBytes?.(chunk.length);
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
 * the sheet and shared-string streams re-cut at character boundaries, and counts the sheet's
 * bytes as they are parsed (the sheet may be parsed only after the whole archive was read).
 */
class WholeCharacterReader extends BaseReader {
  onSheetBytes?: (sheetNo: string, n: number) => void;
  override _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string) {
    return super._parseWorksheet(wholeCharacters(iterator, (n) => this.onSheetBytes?.(sheetNo, n)) as AsyncIterable<Buffer>, sheetNo);
  }
  override _parseSharedStrings(entry: Readable) {
    return super._parseSharedStrings(Readable.from(wholeCharacters(entry)));
  }
}

/**
 * exceljs keeps every cell address it ever decodes in a module-wide cache (lib/utils/col-cache.js),
 * which grows by the number of cells read: 1.5 million entries for 100,000 rows of 15 columns.
 * Emptying it between chunks keeps a large file's memory flat; it only ever saves a re-parse.
 */
const addressCache = createRequire(import.meta.url)('exceljs/lib/utils/col-cache.js') as { _hash: Record<string, unknown> };
const ADDRESS_CACHE_ROWS = 1000;

/** The rows of the first worksheet of an XLSX file; progress is the share of that sheet's XML parsed. */
async function* xlsxRows(source: FileSource, onFraction?: OnFraction): AsyncGenerator<SheetRow> {
  const sizes = zipEntrySizes(await source.tail(), source.size);
  const reader = new WholeCharacterReader(Readable.from(source.slices()), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // styles tell dates from numbers, and percentages from fractions
    styles: 'cache',
    entries: 'ignore',
  });
  let parsed = 0;
  reader.onSheetBytes = (sheetNo, n) => {
    parsed += n;
    const size = sizes.get(`xl/worksheets/sheet${sheetNo}.xml`);
    if (size) onFraction?.(Math.min(1, parsed / size));
  };
  try {
    for await (const sheet of reader) {
      let n = 0;
      for await (const row of sheet) {
        const cells: Cell[] = [];
        // columns are 1-based; a gap between filled cells is an empty cell
        row.eachCell((cell, col) => void (cells[col - 1] = sheetCell(cell)));
        for (let i = 0; i < cells.length; i++) cells[i] ??= null;
        yield { rowNo: row.number, cells };
        if (++n % ADDRESS_CACHE_ROWS === 0) addressCache._hash = {};
      }
      return;
    }
  } catch (err) {
    throw new UnreadableFile(err instanceof Error ? err.message : String(err));
  } finally {
    addressCache._hash = {};
  }
}

/**
 * The rows of a CSV or XLSX file. A NUL character in a cell (a binary artefact: no spreadsheet
 * shows or types one, and the database cannot store it) is dropped here, for both formats, so a
 * header or value carrying one imports as what the user sees.
 */
export async function* readRows(source: FileSource, format: FileFormat, onFraction?: OnFraction): AsyncGenerator<SheetRow> {
  const rows = format === 'xlsx' ? xlsxRows(source, onFraction) : csvRows(source, onFraction);
  for await (const row of rows) {
    yield row.cells.some((c) => typeof c === 'string' && c.includes('\u0000')) ? { rowNo: row.rowNo, cells: row.cells.map((c) => (typeof c === 'string' ? c.replaceAll('\u0000', '') : c)) } : row;
  }
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

/** The sheet columns of an export or a template: headers in the file's language, cell kinds from the value types. */
export function sheetColumns(columns: readonly ColumnDef[], lang: FileLanguage, template = false): SheetColumn[] {
  return columns.map((c) => ({ header: writtenHeader(c, lang, template), kind: c.type.kind ?? 'text' }));
}

export interface SheetSpec {
  sheetName: string;
  columns: readonly SheetColumn[];
  /** BUSINESS_TZ, for date-time cells */
  timeZone: string;
}

/** CSV, or XLSX through the one spreadsheet writer (typed cells, frozen bold header, fitted widths). */
export function sheetWriter(format: FileFormat, out: Writable, spec: SheetSpec): SheetWriter {
  if (format === 'csv') return csvWriter(out, spec.columns.map((c) => c.header));
  const sheet = xlsxSheet(out, spec);
  return { row: (cells) => sheet.row(cells), end: () => sheet.end() };
}

/**
 * An empty import file of a kind: the header row (required columns marked *), and in XLSX a note
 * on each header with the allowed values and units, a drop-down on enumerated columns, and each
 * column formatted for what it takes — text columns as text, so a postcode or account number
 * typed into them keeps its zeros and digits.
 */
export async function templateFile(format: FileFormat, columns: ColumnDef[], lang: FileLanguage, sheetName: string, timeZone: string): Promise<Buffer> {
  const sheet = sheetColumns(columns, lang, true);
  if (format === 'csv') {
    return Buffer.from(`\uFEFF${sheet.map((c) => csvField(c.header)).join(',')}\r\n`, 'utf8');
  }
  const described = sheet.map((s, i) => {
    const choices = columns[i].type.choices?.(lang);
    const hint = [columns[i].type.hint?.[lang], columns[i].note?.[lang]].filter(Boolean).join(lang === 'en' ? '; ' : '；');
    const note = [hint, choices?.join(lang === 'en' ? ', ' : '、')].filter(Boolean).join(lang === 'en' ? ': ' : '：');
    return { ...s, ...(note && { note }), ...(choices && { choices }) };
  });
  return xlsxFile({ sheetName, columns: described, timeZone });
}
