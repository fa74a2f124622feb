import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bufferSource, detectFormat, readRows, sheetWriter, utf8Boundary, zipEntrySizes } from './transfer.files';

const ROWS = [
  ['客户名称', '企业性质', '地址'],
  ['江南会所有限公司', '民营', '南京市鼓楼区中山路 1 号，"东门"'],
  ['中国邮政储蓄银行股份有限公司', '国企', '北京市西城区金融大街 3 号'],
];

async function xlsxOf(rows: string[][], sharedStrings: boolean) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: sharedStrings } as never));
}

/** A file as an export writes it: exceljs' streaming writer, text inline in the sheet. */
async function streamedXlsx(rows: string[][]) {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => out.on('end', resolve));
  const w = sheetWriter('xlsx', out, { sheetName: 'S', columns: rows[0].map((header) => ({ header, kind: 'text' as const })), timeZone: 'Asia/Shanghai' });
  for (const r of rows.slice(1)) await w.row(r);
  await w.end();
  await done;
  return Buffer.concat(parts);
}

async function all(content: Buffer, format: 'csv' | 'xlsx', slice: number) {
  const out: unknown[][] = [];
  for await (const r of readRows(bufferSource(content, slice), format)) out.push(r.cells);
  return out;
}

describe('reading files slice by slice', () => {
  it('CSV in UTF-8 keeps characters whole across any slice boundary', async () => {
    const text = '\uFEFF' + ROWS.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
    for (const slice of [1, 2, 5, 7, 1 << 20]) expect(await all(Buffer.from(text, 'utf8'), 'csv', slice), `slice ${slice}`).toEqual(ROWS);
  });

  it('CSV in GB18030 (as Excel in China saves it) is recognised and decoded', async () => {
    // 客户名称,企业性质 / 江南会,民营 in GBK
    const gbk = Buffer.from('bfcdbba7c3fbb3c62cc6f3d2b5d0d4d6ca0d0abdadc4cfbbe12cc3f1d3aa0d0a', 'hex');
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('客户名称,企业性质\r\n江南会,民营\r\n');
    for (const slice of [3, 1 << 20]) expect(await all(gbk, 'csv', slice)).toEqual([['客户名称', '企业性质'], ['江南会', '民营']]);
  });

  it.each([true, false])('XLSX (shared strings: %s) reads the same, whatever the slices', async (shared) => {
    const file = await xlsxOf(ROWS, shared);
    expect(detectFormat('a.xlsx', file)).toBe('xlsx');
    for (const slice of [97, 1 << 20]) expect(await all(file, 'xlsx', slice)).toEqual(ROWS);
  });

  it('XLSX: no Chinese character is broken where the unzipped XML is cut into chunks', async () => {
    // ~600 KB of sheet XML (inline text) or of shared strings: many chunk boundaries, most inside a three-byte character
    const rows = [['客户名称', '地址'], ...Array.from({ length: 4000 }, (_, i) => [`华信达泰瑞恒通远安盛${i}号有限公司`, `江苏省南京市鼓楼区中山北路${i}号国际大厦`])];
    for (const file of [await streamedXlsx(rows), await xlsxOf(rows, true)]) {
      const read = await all(file, 'xlsx', 1 << 20);
      expect(read.length).toBe(rows.length);
      expect(read.filter((r, i) => r[0] !== rows[i][0] || r[1] !== rows[i][1])).toEqual([]);
    }
  });

  it('finds the sheet\'s size in the zip directory, from the archive\'s tail alone', async () => {
    const file = await xlsxOf(ROWS, false);
    const whole = zipEntrySizes(file);
    expect(whole.get('xl/worksheets/sheet1.xml')).toBeGreaterThan(100);
    expect(zipEntrySizes(file.subarray(file.length - 3000), file.length)).toEqual(whole);
    expect(zipEntrySizes(file.subarray(file.length - 30), file.length).size).toBe(0);
  });

  it('a UTF-8 buffer is cut before an unfinished character only', () => {
    const bytes = Buffer.from('国企', 'utf8'); // 6 bytes
    expect(utf8Boundary(bytes)).toBe(6);
    expect(utf8Boundary(bytes.subarray(0, 4))).toBe(3);
    expect(utf8Boundary(bytes.subarray(0, 5))).toBe(3);
    expect(utf8Boundary(Buffer.from('ab'))).toBe(2);
  });
});

describe('NUL characters in a file (issue 11 item 1)', () => {
  it('are dropped from headers and cells of CSV and XLSX alike, so the database can store the rows', async () => {
    const csvFile = Buffer.from('客户名称\u0000,行业\r\n江南\u0000银行,银\u0000行\r\n', 'utf8');
    expect(await all(csvFile, 'csv', 1 << 20)).toEqual([
      ['客户名称', '行业'],
      ['江南银行', '银行'],
    ]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['客户名称\u0000', '员工人数']);
    ws.addRow(['江南\u0000银行', 12]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await all(xlsx, 'xlsx', 1 << 20)).toEqual([
      ['客户名称', '员工人数'],
      ['江南银行', 12],
    ]);
  });
});
