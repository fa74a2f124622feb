import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/contracts/common';
import { MONEY_METRICS, TARGET_LEVELS, targetImport, targetImportResult, type TargetCellInput, type TargetLevel, type TargetMetric, type TargetPlanDetail, type TargetRowKind } from '../../../shared/contracts/targets';
import { levelOf, periodSum } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors';
import zh from '../../../shared/locales/zh-CN/targets.json';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { xlsxBook, type SheetColumn } from '../../platform/spreadsheet';
import { zipEntrySizes } from '../../platform/zip';
import * as service from './targets.service';

/**
 * The decomposition grid as a workbook (PERF-1 "import and export of the grid as XLSX"): one sheet per level
 * (基础 / 冲刺 / 挑战), a row per grid row with its key (`user:12`, `unit:3`) in the first column, the months in
 * 元 (money metrics) or counts, and the year. The import reads the same layout back into a draft or rejected
 * plan: every sheet that is there, by the key column; a cell left empty keeps its value (a stretch or
 * challenge cell emptied is unset). The words are the business language's (zh-CN).
 */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The workbook is for directors in the business language: its words come from the zh-CN resources. */
const X = { ...zh.documents, levels: zh.levels };
const MONTHS = Array.from({ length: 12 }, (_, m) => zh.months[String(m + 1) as keyof typeof zh.months]);
/** The most a workbook may unpack to: a grid of 200 rows is a few hundred KB. */
const MAX_UNPACKED = 20 * 1024 * 1024;

type ImportError = { sheet: string; row: number; column: string | null; key: string; params?: Record<string, string | number> };

export async function targetsXlsxRoutes(app: ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance, p: Platform): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tz = p.config.BUSINESS_TZ;
  const tags = ['targets'];

  typed.get('/api/targets/:id/export', {
    config: { access: 'target:read' },
    schema: { tags, summary: 'The plan’s grid as XLSX: a sheet per level, a row per grid row (the rows the caller sees), months and the year', params: idParam, produces: [XLSX_TYPE] },
  }, async (req, reply) => {
    const plan = await service.get(db, actorOf(req), req.params.id, tz);
    const buf = await workbook(plan, tz);
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="targets-${plan.year}-${plan.metric}-${plan.unit.id}.xlsx"`).send(buf);
  });

  typed.post('/api/targets/:id/import', {
    config: { access: 'target:manage' },
    bodyLimit: 8 * 1024 * 1024,
    schema: { tags, summary: 'Read the export’s layout back into a draft or rejected plan (all or nothing: any error refuses the file, each named by sheet, row and column)', params: idParam, body: targetImport, response: { 200: targetImportResult } },
  }, async (req) => {
    const actor = actorOf(req);
    const plan = await service.get(db, actor, req.params.id, tz);
    if (!plan.canEdit) throw new AppError('INVALID_STATE', `The plan is ${plan.status}; its cells change only through a change request`, undefined, { key: 'targets.notEditable', params: { status: plan.status } });
    const content = Buffer.from(req.body.contentBase64, 'base64');
    const read = await readWorkbook(content, plan);
    if (read.errors.length) return { applied: 0, errors: read.errors, plan: null };
    if (read.cells.length === 0) return { applied: 0, errors: [{ sheet: '', row: 0, column: null, key: 'targets.importEmpty' }], plan: null };
    await service.saveCells(db, actor, plan.id, { version: req.body.version, cells: read.cells });
    return { applied: read.cells.length, errors: [], plan: await service.get(db, actor, plan.id, tz) };
  });
}

const isMoney = (metric: TargetMetric) => MONEY_METRICS.includes(metric);

async function workbook(plan: TargetPlanDetail, timeZone: string): Promise<Buffer> {
  const money = isMoney(plan.metric);
  const columns: SheetColumn[] = [
    { header: X.keyHeader, kind: 'text', note: X.keyNote },
    { header: X.name, kind: 'text' },
    ...MONTHS.map((header): SheetColumn => ({ header, kind: money ? 'money' : 'number' })),
    { header: X.year, kind: money ? 'money' : 'number' },
  ];
  const show = (v: number) => (money ? v / 100 : v);
  return xlsxBook(
    TARGET_LEVELS.map((level) => ({
      sheetName: X.levels[level],
      columns,
      timeZone,
      rows: plan.rows.map((r) => ({
        values: [`${r.kind}:${r.id}`, r.role === 'total' ? `${r.name}（${X.total}）` : r.name, ...r.months.map((c) => (level === 'base' || c[level] !== null ? show(levelOf(c, level)) : null)), show(periodSum(r.months, level, 'year'))],
        style: r.role === 'total' ? { bold: true } : undefined,
      })),
    })),
  );
}

/** The cells a workbook gives, or why it cannot be used. */
export async function readWorkbook(content: Buffer, plan: TargetPlanDetail): Promise<{ cells: TargetCellInput[]; errors: ImportError[] }> {
  const fail = (key: string): { cells: TargetCellInput[]; errors: ImportError[] } => ({ cells: [], errors: [{ sheet: '', row: 0, column: null, key }] });
  const unpacked = [...zipEntrySizes(content).values()].reduce((s, n) => s + n, 0);
  if (unpacked === 0) return fail('targets.importUnreadable');
  if (unpacked > MAX_UNPACKED) return fail('targets.importTooLarge');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return fail('targets.importUnreadable');
  }
  const money = isMoney(plan.metric);
  const rows = new Map(plan.rows.filter((r) => r.editable).map((r) => [`${r.kind}:${r.id}`, r]));
  const known = new Set(plan.rows.map((r) => `${r.kind}:${r.id}`));
  const errors: ImportError[] = [];
  // the new cells, starting from the plan's
  const next = new Map<string, { kind: TargetRowKind; id: number; month: number; base: number; stretch: number | null; challenge: number | null; touched: boolean }>();
  for (const r of rows.values()) r.months.forEach((c, m) => next.set(`${r.kind}:${r.id}:${m + 1}`, { kind: r.kind, id: r.id, month: m + 1, ...c, touched: false }));
  let sheets = 0;
  for (const level of TARGET_LEVELS) {
    const ws = wb.getWorksheet(X.levels[level]);
    if (!ws) continue;
    sheets++;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const key = String(row.getCell(1).text ?? '').trim();
      if (key === '') return;
      if (!known.has(key)) return void errors.push({ sheet: ws.name, row: n, column: 'A', key: 'targets.importUnknownRow', params: { key } });
      const target = rows.get(key);
      // a row the caller may not write (the total of a sub-plan) is skipped as it came
      if (!target) return;
      for (let m = 1; m <= 12; m++) {
        const cell = row.getCell(m + 2);
        const raw = cell.value;
        if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
          if (level !== 'base') mark(next, key, m, level, null);
          continue;
        }
        const num = typeof raw === 'number' ? raw : typeof raw === 'object' && raw !== null && 'result' in raw ? Number((raw as { result: unknown }).result) : Number(String(raw).replace(/[,，\s]/g, ''));
        const column = cell.address.replace(/\d+$/, '');
        if (!Number.isFinite(num) || num < 0) {
          errors.push({ sheet: ws.name, row: n, column, key: 'targets.importBadNumber' });
          continue;
        }
        const value = money ? Math.round(num * 100) : Math.round(num);
        if (!money && value !== num) {
          errors.push({ sheet: ws.name, row: n, column, key: 'targets.importWholeNumber' });
          continue;
        }
        mark(next, key, m, level, value);
      }
    });
  }
  if (sheets === 0) return fail('targets.importNoSheet');
  const cells = [...next.values()].filter((c) => c.touched).map(({ touched: _t, ...c }) => c);
  return { cells, errors };
}

function mark(next: Map<string, { base: number; stretch: number | null; challenge: number | null; touched: boolean }>, key: string, month: number, level: TargetLevel, value: number | null) {
  const cell = next.get(`${key}:${month}`)!;
  if (level === 'base') {
    if (cell.base !== value) Object.assign(cell, { base: value ?? 0, touched: true });
  } else if (cell[level] !== value) Object.assign(cell, { [level]: value, touched: true });
}
