import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type {
  AgeingQuery,
  AgeingReport,
  AgeingRow,
  DunningItem,
  DunningListQuery,
  RateRow,
  RatesQuery,
  RatesReport,
  Receivable,
  ReceivableList,
  ReceivableListQuery,
  ReceivablesSettings,
  ReceivablesSettingsUpdate,
  ReceivableStatus,
  Statement,
  StatementQuery,
} from '../../../shared/contracts/receivables';
import { iso } from '../../../shared/contracts/common';
import { boundsProblem, bucketRanges, DEFAULT_AGEING_BOUNDS, DEFAULT_DUNNING_DAYS, instalmentStatus } from '../../../shared/domain/receivables';
import { businessDate, zonedInstant } from '../../../shared/domain/business-time';
import { formatMoney } from '../../../shared/domain/money';
import receivablesZh from '../../../shared/locales/zh-CN/receivables.json';
import type { Actor } from '../../platform/actor';
import { interpolate } from '../../platform/notifications/email';
import type { Notifier } from '../../platform/notifications/notifier';
import { orgReads } from '../../platform/org.repo';
import { pageWindow, resolveSort } from '../../platform/listing';
import { accountReachable, accountScope } from '../../platform/scope';
import { defineSetting } from '../../platform/settings';
import { closeTasksFor, createTask } from '../tasks';
import { loadWorkTime } from '../workdays';
import { contractScope, receiptScope, receivablesRepo as repo, type ReceivableFilter, type ReceivableSortColumn } from './receivables.repo';
import {
  addDays,
  buildStatement,
  DUNNING_TASK_ENTITY,
  DUNNING_TASK_SOURCE,
  dunningActions,
  dunningDaysProblem,
  dunningTaskDueOn,
  monthRange,
  periodRange,
  ratio,
  settingsIssues,
} from './receivables.rules';

const READ = 'receipt:read' as const;

// ---- settings ----

/** 账龄区间: the buckets' upper bounds in days overdue. */
export const ageingSetting = defineSetting('receivables.ageing', z.object({ bounds: z.array(z.number().int()).refine((b) => boundsProblem(b) === null) }), { bounds: [...DEFAULT_AGEING_BOUNDS] });
/** 帐款催收: the days overdue of the four dunning levels. */
export const dunningSetting = defineSetting('receivables.dunning', z.object({ days: z.array(z.number().int()).refine((d) => dunningDaysProblem(d) === null) }), { days: [...DEFAULT_DUNNING_DAYS] });

export async function getSettings(db: Executor): Promise<ReceivablesSettings> {
  const [ageing, dunning] = await Promise.all([ageingSetting.get(db), dunningSetting.get(db)]);
  return {
    ageing: { bounds: ageing.value.bounds, labels: bucketRanges(ageing.value.bounds), version: ageing.version },
    dunning: { days: dunning.value.days, version: dunning.version },
  };
}

/** Saves either part or both in one transaction (a stale version of either: 409, nothing saved). */
export async function putSettings(db: Kdb, actor: Actor, input: ReceivablesSettingsUpdate): Promise<ReceivablesSettings> {
  const issues = settingsIssues(input);
  if (issues.length) throw validationError(issues);
  await db.transaction().execute(async (trx) => {
    if (input.ageing) await ageingSetting.put(trx, actor, { bounds: input.ageing.bounds }, input.ageing.version);
    if (input.dunning) await dunningSetting.put(trx, actor, { days: input.dunning.days }, input.dunning.version);
  });
  return getSettings(db);
}

// ---- ageing ----

const filterOf = (q: { unitId?: number; ownerId?: number; accountId?: number }): ReceivableFilter => ({ unitId: q.unitId, ownerId: q.ownerId, accountId: q.accountId });

/** The names of rate rows: people, or unit paths. */
const namesOf = (db: Executor, groupBy: RatesQuery['groupBy'], ids: number[]): Promise<Map<number, string>> => (groupBy === 'person' ? repo.userNames(db, ids) : repo.unitNames(db, ids));

/** Receivable ageing as of a date per account, owner or unit, over the contracts the actor reaches with receipt:read. */
export async function ageing(db: Kdb, actor: Actor, q: AgeingQuery, today: string): Promise<AgeingReport> {
  const asOf = q.asOf ?? today;
  const { bounds } = (await ageingSetting.get(db)).value;
  const cells = await repo.ageing(db, { asOf, scope: contractScope(actor, READ), filter: filterOf(q), bounds, groupBy: q.groupBy });
  const width = bounds.length + 2;
  const byKey = new Map<number, AgeingRow>();
  const totals = { buckets: new Array<number>(width).fill(0), total: 0, count: 0, overdue: 0 };
  for (const c of cells) {
    const row = byKey.get(c.key) ?? { key: c.key, name: c.name ?? '', buckets: new Array<number>(width).fill(0), total: 0, count: 0, overdue: 0 };
    const total = Number(c.total);
    row.buckets[c.bucket] = (row.buckets[c.bucket] ?? 0) + total;
    row.total += total;
    row.count += Number(c.count);
    row.overdue += Number(c.overdue);
    byKey.set(c.key, row);
    totals.buckets[c.bucket] = (totals.buckets[c.bucket] ?? 0) + total;
    totals.total += total;
    totals.count += Number(c.count);
    totals.overdue += Number(c.overdue);
  }
  const rows = [...byKey.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name) || a.key - b.key);
  return { asOf, groupBy: q.groupBy, bounds, labels: bucketRanges(bounds), rows, totals };
}

const SORTS: Record<string, ReceivableSortColumn> = { daysOverdue: 'days', dueDate: 'due_date', outstanding: 'outstanding', amount: 'amount', accountName: 'account_name', contractNumber: 'number' };

type ReceivableRow = Awaited<ReturnType<typeof repo.receivables>>[number];
const receivableOut = (r: ReceivableRow, asOf: string): Receivable => ({
  instalmentId: r.id,
  contractId: r.contract_id,
  contractNumber: r.number,
  contractStatus: r.contract_status,
  accountId: r.account_id,
  accountName: r.account_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  seq: r.seq,
  milestone: r.milestone,
  dueDate: r.due_date,
  amount: Number(r.amount),
  paid: Number(r.paid),
  writtenOff: Number(r.written_off),
  outstanding: Number(r.outstanding),
  daysOverdue: Number(r.days),
  bucket: Number(r.bucket),
  // something is outstanding, so the derived status is one of the open three
  status: instalmentStatus({ amount: Number(r.amount), paid: Number(r.paid), writtenOff: Number(r.written_off), dueDate: r.due_date }, asOf) as ReceivableStatus,
  dunningLevel: Number(r.dunning_level),
});

/** The receivables behind an ageing cell: a page, with the count and outstanding sum of all that match. */
export async function receivables(db: Kdb, actor: Actor, q: ReceivableListQuery, today: string): Promise<ReceivableList> {
  const asOf = q.asOf ?? today;
  const { bounds } = (await ageingSetting.get(db)).value;
  const sort = resolveSort(q.sort, SORTS, '-daysOverdue');
  const o = { asOf, scope: contractScope(actor, READ), filter: filterOf(q), bounds, bucket: q.bucket, status: q.status };
  const rows = await repo.receivables(db, { ...o, sort, ...pageWindow(q) });
  // past the last page the rows carry no totals: count them alone
  const summary = rows[0] ? { count: Number(rows[0].total_count), outstanding: Number(rows[0].total_outstanding) } : await repo.receivablesSummary(db, o);
  return { items: rows.map((r) => receivableOut(r, asOf)), total: summary.count, outstanding: summary.outstanding, page: q.page, pageSize: q.pageSize, asOf, labels: bucketRanges(bounds) };
}

/** Every receivable of the filters (the export's second sheet). */
export async function allReceivables(db: Kdb, actor: Actor, q: Omit<ReceivableListQuery, 'page' | 'pageSize' | 'sort'>, today: string) {
  const asOf = q.asOf ?? today;
  const { bounds } = (await ageingSetting.get(db)).value;
  const rows = await repo.receivables(db, { asOf, scope: contractScope(actor, READ), filter: filterOf(q), bounds, bucket: q.bucket, status: q.status, sort: { column: 'days', desc: true } });
  return rows.map((r) => receivableOut(r, asOf));
}

// ---- dunning ----

/** Candidates per batch of the daily run (each batch one transaction). */
const DUNNING_BATCH = 500;
const DUNNING_TEXT = receivablesZh.dunning;

/** The end of the working day of 'YYYY-MM-DD' (the working hours' end, business time). */
function endOfWorkingDay(date: string, end: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedInstant(timeZone, y, m - 1, d, Number(end.slice(0, 2)), Number(end.slice(3, 5)));
}

export interface DunningRunResult {
  /** steps recorded by this run */
  steps: number;
  /** instalments that got a new level */
  instalments: number;
  tasks: number;
}

/**
 * 帐款催收, the daily run as of `asOf`: every open overdue instalment of a signed or in-progress
 * contract gets each level its days overdue reached (receivables.dunning) recorded in dunning_steps
 * with `on conflict do nothing returning` — only the rows this run inserted act, so a second run or
 * a second instance never repeats a level. Level 1 tells the owner; 2 gives the owner a collection
 * task (due at the end of the third working day on — the working calendar's days and hours — linked
 * to the contract); 3 tells the KA director above the owner's unit and gives them a task; 4 tells the GM. Levels skipped at once (first found 40 days
 * overdue) are recorded together and the owner is told once, at the highest.
 */
export async function runDunning(db: Kdb, asOf: string, notifier: Notifier, opts: { timeZone: string; batch?: number }): Promise<DunningRunResult> {
  const { days } = (await dunningSetting.get(db)).value;
  const result: DunningRunResult = { steps: 0, instalments: 0, tasks: 0 };
  const work = await loadWorkTime(db);
  const taskDue = endOfWorkingDay(dunningTaskDueOn(asOf, work.calendar), work.hours.end, opts.timeZone);
  let after: { dueDate: string; id: number } | undefined;
  for (;;) {
    const batch = await repo.dunningCandidates(db, { asOf, days, after, limit: opts.batch ?? DUNNING_BATCH });
    if (!batch.length) break;
    after = { dueDate: batch.at(-1)!.due_date, id: batch.at(-1)!.id };
    const byId = new Map(batch.map((b) => [b.id, b]));
    await db.transaction().execute(async (trx) => {
      const inserted = await repo.insertSteps(trx, { asOf, days, instalmentIds: batch.map((b) => b.id) });
      result.steps += inserted.length;
      for (const a of dunningActions(inserted.map((s) => ({ instalmentId: s.instalment_id, level: s.level })))) {
        const c = byId.get(a.instalmentId)!;
        result.instalments += 1;
        const link = `/contracts/${c.contract_id}`;
        const params = { level: a.ownerLevel, account: c.account_name, contract: c.number, seq: c.seq, days: Number(c.days), outstanding: formatMoney(Number(c.outstanding)), dueDate: c.due_date, asOf, owner: c.owner_name };
        await notifier.notify(trx, { userIds: [c.owner_id], kind: 'receivables.dunning', params, link });
        const task = (ownerId: number, title: string) =>
          createTask(
            trx,
            { ownerId, title, description: interpolate(DUNNING_TEXT.taskDescription, params), dueAt: taskDue, linkEntity: DUNNING_TASK_ENTITY, linkId: c.id, linkUrl: link, source: DUNNING_TASK_SOURCE, createdBy: null },
            notifier,
          );
        if (a.ownerTask) {
          const t = await task(c.owner_id, interpolate(DUNNING_TEXT.taskTitle, params));
          await repo.setStepTask(trx, c.id, 2, t.id);
          result.tasks += 1;
        }
        if (a.director) {
          const director = await orgReads.positionHolderAbove(trx, c.owner_unit_id, 'ka_director');
          if (director && director.id !== c.owner_id) {
            await notifier.notify(trx, { userIds: [director.id], kind: 'receivables.dunningDirector', params, link });
            const t = await task(director.id, interpolate(DUNNING_TEXT.directorTaskTitle, params));
            await repo.setStepTask(trx, c.id, 3, t.id);
            result.tasks += 1;
          }
        }
        if (a.gm) {
          const gm = await orgReads.positionHolderAbove(trx, c.owner_unit_id, 'gm');
          if (gm && gm.id !== c.owner_id) await notifier.notify(trx, { userIds: [gm.id], kind: 'receivables.dunningGm', params, link });
        }
      }
    });
  }
  return result;
}

/**
 * Closes the open collection tasks of those instalments that are now paid or written off, in the
 * caller's transaction (the collections room calls it after an allocation or an approved write-off).
 */
export async function settleDunning(trx: Executor, instalmentIds: number[], actor: Actor | null): Promise<void> {
  for (const id of await repo.settledAmong(trx, [...new Set(instalmentIds)])) {
    await closeTasksFor(trx, { linkEntity: DUNNING_TASK_ENTITY, linkId: id, status: 'done', actor });
  }
}

/** Instalments with dunning steps in scope: their levels and the owner's open collection task. */
export async function dunningList(db: Kdb, actor: Actor, q: DunningListQuery, today: string) {
  const { rows, total } = await repo.dunningPage(db, { asOf: today, scope: contractScope(actor, READ), filter: filterOf(q), level: q.level, open: q.state === 'open', ...pageWindow(q) });
  const steps = await repo.dunningSteps(db, rows.map((r) => r.id));
  const tasks = new Map((await repo.openTasks(db, steps.flatMap((s) => (s.task_id ? [s.task_id] : [])))).map((t) => [t.id, t]));
  const items: DunningItem[] = rows.map((r) => {
    const own = steps.filter((s) => s.instalment_id === r.id);
    // the owner's task (level 2) first, else the director's
    const open = own
      .filter((s) => s.task_id && tasks.has(s.task_id))
      .sort((a, b) => a.level - b.level)
      .map((s) => tasks.get(s.task_id!)!)[0];
    return {
      instalmentId: r.id,
      contractId: r.contract_id,
      contractNumber: r.number,
      accountId: r.account_id,
      accountName: r.account_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      unitName: r.unit_name,
      seq: r.seq,
      dueDate: r.due_date,
      amount: Number(r.amount),
      outstanding: Number(r.outstanding),
      daysOverdue: Number(r.days),
      level: Number(r.level),
      steps: own.map((s) => ({ level: s.level, daysOverdue: s.days_overdue, at: iso(s.at) })),
      task: open ? { id: open.id, ownerId: open.owner_id, ownerName: open.owner_name, dueAt: iso(open.due_at), status: open.status } : null,
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

// ---- rates (DEAL-3) ----

/** The range a rates query asks about: its period, or from and to. */
function rateRange(q: Pick<RatesQuery, 'period' | 'from' | 'to'>): { from: string; to: string } {
  if (q.period) {
    const range = periodRange(q.period);
    if (!range) throw validationError([issue('period', 'receivables.periodInvalid', 'A period is YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn')]);
    return range;
  }
  if (!q.from || !q.to) throw validationError([issue(q.from ? 'to' : 'from', 'receivables.rangeRequired', 'Give a period, or from and to')]);
  if (q.to < q.from) throw validationError([issue('to', 'receivables.rangeOrder', 'to comes before from')]);
  return { from: q.from, to: q.to };
}

const emptyRate = () => ({ due: 0, received: 0, planned: 0, settled: 0 });
const withRates = <T extends { due: number; received: number; planned: number; settled: number }>(r: T) => ({ ...r, collectionRate: ratio(r.received, r.due), settlementRate: ratio(r.settled, r.planned) });

/**
 * 回款率 and 合同结算率 over the period (DEAL-3) per person (the contract's owner), team (the contract's
 * unit) or unit (each child unit of unitId with its subtree, and unitId's own contracts), over the
 * contracts the actor reaches with receipt:read. The KPI library calls this.
 */
export async function collectionRates(db: Executor, actor: Actor, q: RatesQuery, timeZone: string): Promise<RatesReport> {
  const { from, to } = rateRange(q);
  let key: RawBuilder<number>;
  let filter: { unitId?: number } = { unitId: q.unitId };
  let top: number | undefined;
  if (q.groupBy === 'person') key = sql<number>`contracts.owner_id`;
  else if (q.groupBy === 'team') key = sql<number>`contracts.unit_id`;
  else {
    const unit = await repo.unit(db, q.unitId ?? actor.unitId);
    if (!unit) throw validationError([issue('unitId', 'receivables.unitNotFound', 'No such unit')]);
    top = unit.id;
    filter = { unitId: unit.id };
    // the child of `unit` on the contract unit's path ('/1/4/7/': depth 1's child is the third id), or the unit itself
    key = sql<number>`coalesce(nullif(split_part(trim(both '/' from cu.path), '/', ${sql.lit(unit.depth + 2)}), '')::bigint, ${sql.lit(unit.id)})`;
  }
  const [y, m, d] = addDays(to, 1).split('-').map(Number) as [number, number, number];
  const settledBefore = zonedInstant(timeZone, y, m - 1, d);
  const scope = contractScope(actor, READ);
  const [collection, settlement] = await Promise.all([repo.collection(db, { from, to, scope, filter, key }), repo.settlement(db, { from, to, settledBefore, scope, filter, key })]);
  const byKey = new Map<number, ReturnType<typeof emptyRate>>();
  const at = (k: number) => byKey.get(Number(k)) ?? byKey.set(Number(k), emptyRate()).get(Number(k))!;
  for (const c of collection) Object.assign(at(c.key), { due: Number(c.due), received: Number(c.received) });
  for (const s of settlement) Object.assign(at(s.key), { planned: Number(s.planned), settled: Number(s.settled) });
  const names = await namesOf(db, q.groupBy, [...byKey.keys()]);
  const rows: RateRow[] = [...byKey]
    .map(([k, v]) => withRates({ key: k, name: names.get(k) ?? '', direct: top === k, ...v }))
    .sort((a, b) => Number(a.direct) - Number(b.direct) || b.due - a.due || a.name.localeCompare(b.name) || a.key - b.key);
  const sum = rows.reduce((t, r) => ({ due: t.due + r.due, received: t.received + r.received, planned: t.planned + r.planned, settled: t.settled + r.settled }), emptyRate());
  return { from, to, groupBy: q.groupBy, rows, totals: withRates(sum) };
}

// ---- statement ----

const accountNotFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'common.notFound' });

/**
 * 对账单 of an account over [from, to]: the opening balance (owed at the end of the day before),
 * the entries in date order with the running balance, the closing balance and the unallocated credit.
 * Over the account's receivable contracts the actor reaches with receipt:read; 404 when the actor
 * reaches neither the account nor any of its contracts.
 */
export async function statement(db: Kdb, actor: Actor, accountId: number, q: StatementQuery): Promise<Statement> {
  if (q.to < q.from) throw validationError([issue('to', 'receivables.rangeOrder', 'to comes before from')]);
  const account = await repo.account(db, accountId);
  if (!account) throw accountNotFound();
  const scope = contractScope(actor, READ);
  if (!(await accountReachable(db, accountId, accountScope(actor, READ))) && !(await repo.hasContractInScope(db, accountId, scope))) throw accountNotFound();
  const [opening, entries, credit] = await Promise.all([
    repo.owedAt(db, { accountId, on: addDays(q.from, -1), scope }),
    repo.statementEntries(db, { accountId, from: q.from, to: q.to, scope }),
    repo.credit(db, accountId, receiptScope(actor, READ)),
  ]);
  const built = buildStatement(
    opening,
    entries.map((e) => ({ date: e.date, kind: e.kind, ref: e.ref, contractId: e.contract_id, contractNumber: e.contract_number, seq: e.seq, milestone: e.milestone, debit: Number(e.debit), credit: Number(e.credit), invoiced: Number(e.invoiced) })),
  );
  return { account: { id: account.id, name: account.name }, from: q.from, to: q.to, ...built, credit };
}

// ---- reconciliation ----

/** Finance's month: confirmed receipts with their allocations, credit at month end, instalments due in the month. */
export async function reconciliation(db: Kdb, actor: Actor, period: string, timeZone: string) {
  const { from, to } = monthRange(period);
  const [y, m, d] = addDays(to, 1).split('-').map(Number) as [number, number, number];
  const end = zonedInstant(timeZone, y, m - 1, d);
  const receipts = receiptScope(actor, 'receipt:confirm');
  const [month, credit, due] = await Promise.all([
    repo.monthReceipts(db, { from, to, scope: receipts }),
    repo.creditAt(db, { to, end, scope: receipts }),
    repo.monthInstalments(db, { from, to, scope: contractScope(actor, 'receipt:confirm') }),
  ]);
  return { from, to, receipts: month, credit, due };
}

/** Today in business time. */
export const todayIn = (timeZone: string, now = new Date()) => businessDate(now, timeZone);
