import ExcelJS from 'exceljs';
import { call, type Client, type Response, type TestApp } from './app';
import { creditCodeCheckChar } from '../../src/shared/domain/credit-code';

/** Spreadsheet rows as a test writes them: the header row first. */
export type Rows = (string | number | boolean | Date | null)[][];

/** A valid unified social credit code: an enterprise prefix, a serial and the computed check character. */
export function creditCode(serial: number, prefix = '9132010'): string {
  const first17 = `${prefix}${String(serial).padStart(17 - prefix.length, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** The same code with a wrong check character. */
export function wrongCheckDigit(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

/** An XLSX file of the rows; `numFmts` gives cells a number format by address ({ B2: '0%' }), as a spreadsheet keeps what was typed. */
export async function xlsx(rows: Rows, sheetName = 'Sheet1', numFmts: Record<string, string> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  for (const [address, numFmt] of Object.entries(numFmts)) ws.getCell(address).numFmt = numFmt;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A date cell's wall clock (its UTC fields): the day alone at midnight, else with the time. */
const dateText = (d: Date) => (d.toISOString().endsWith('T00:00:00.000Z') ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 16).replace('T', ' '));

/** The cells of one sheet (the first unless `sheet` says which, 0-based) as text. */
export async function readXlsx(content: Buffer | ArrayBuffer, sheet = 0): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as ArrayBuffer);
  const ws = wb.worksheets[sheet];
  const out: string[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    out.push(values.map((v) => (v === null || v === undefined ? '' : v instanceof Date ? dateText(v) : String(v))));
  });
  return out;
}

const csvText = (rows: Rows) =>
  rows.map((r) => r.map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n') + '\r\n';

let gbkTable: Map<string, number[]> | undefined;
/** GB18030/GBK bytes of a text (the two-byte range, which covers Chinese as Excel saves it). */
function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const b = gbkTable.get(ch);
      if (!b) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...b);
    }
  }
  return Buffer.from(bytes);
}

export function csv(rows: Rows, encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' = 'utf-8'): Buffer {
  const text = csvText(rows);
  if (encoding === 'gb18030') return gbk(text);
  return Buffer.from((encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
}

/** A multipart body with one file part, as a browser sends it. */
export async function multipart(fileName: string, content: Buffer) {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(content)]), fileName);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

export async function upload(t: TestApp, c: Client, url: string, fileName: string, content: Buffer, method: 'POST' | 'PUT' = 'POST'): Promise<Response> {
  const { payload, contentType } = await multipart(fileName, content);
  return call(t.app, { method, url, payload, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': contentType } });
}

/** Runs the job queue until the import leaves its busy states; returns its summary. */
export async function settle(t: TestApp, c: Client, id: number) {
  for (let i = 0; i < 50; i++) {
    const r = await c.get(`/api/imports/${id}`);
    if (!['uploaded', 'validating', 'committing'].includes(r.body.status)) return r.body;
    await t.platform.jobs.runDue();
  }
  throw new Error(`import ${id} did not settle`);
}

/** Uploads a file and waits for the dry run. */
export async function dryRun(t: TestApp, c: Client, kind: string, fileName: string, content: Buffer, query = '') {
  const r = await upload(t, c, `/api/imports?kind=${kind}${query}`, fileName, content);
  if (r.status !== 200) throw new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`);
  return settle(t, c, r.body.id);
}

export async function reportRows(c: Client, id: number, status?: string) {
  const r = await c.get(`/api/imports/${id}/rows?pageSize=200${status ? `&status=${status}` : ''}`);
  if (r.status !== 200) throw new Error(`rows: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.items as { rowNo: number; status: string; errors: { field: string; column: string | null; key: string; value: string | null; params?: Record<string, unknown> }[]; values: Record<string, unknown>; match: any; action: string | null; effectiveAction: string | null; recordId: number | null; accountId: number | null }[];
}

/** Commits and waits; returns the final summary. */
export async function commit(t: TestApp, c: Client, id: number, version: number, skipErrorRows = false) {
  const r = await c.post(`/api/imports/${id}/commit`, { version, skipErrorRows });
  if (r.status !== 200) throw new Error(`commit: ${r.status} ${JSON.stringify(r.body)}`);
  return settle(t, c, id);
}

/** GET of a file (export, template) as raw bytes. */
export async function download(t: TestApp, c: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}
