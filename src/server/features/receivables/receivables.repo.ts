import { expressionBuilder, sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { unitPathOf } from '../../platform/org.repo';
import { ownedScope } from '../../platform/scope';
import type { Permission } from '../../../shared/permissions';

/**
 * All SQL of the receivables room. It reads the contracts room's contracts and instalments and the
 * collections room's receipts, allocations, invoices and write-offs, and owns dunning_steps.
 *
 * The receivables as of a date D are set-based: the candidates are the instalments open now ∪ those
 * with a live allocation received after D (receipt_allocations_received_idx; those settled after D are
 * among them) ∪ those written off after D; their figures as of D subtract the allocations received
 * after D and a write-off after D.
 */

/** Contracts whose instalments are receivables: void and terminated contracts are left out. */
export const RECEIVABLE_CONTRACT_STATUSES = ['signed', 'in_progress', 'completed'] as const;
/** Contracts that dunning chases: signed or in progress (a completed contract owes nothing by its plan). */
export const DUNNING_CONTRACT_STATUSES = ['signed', 'in_progress'] as const;

const contractsEb = expressionBuilder<DB, 'contracts'>();
const receiptsEb = expressionBuilder<DB, 'receipts'>();

/** The actor's scope over contracts (by the contract's owner and unit) as a condition on `contracts`. */
export const contractScope = (actor: Actor, permission: Permission): RawBuilder<SqlBool> => ownedScope('contracts', actor, permission)(contractsEb) as RawBuilder<SqlBool>;
/** The same over receipts (`receipts`). */
export const receiptScope = (actor: Actor, permission: Permission): RawBuilder<SqlBool> => ownedScope('receipts', actor, permission)(receiptsEb) as RawBuilder<SqlBool>;

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));
const activeContract = sql<SqlBool>`contracts.status in (${list(RECEIVABLE_CONTRACT_STATUSES)})`;

export interface ReceivableFilter {
  /** the contract's unit within this unit's subtree */
  unitId?: number;
  ownerId?: number;
  accountId?: number;
}

/** The contract's unit lies in the subtree of `unitId` (= any(array(…)): the subtree's ids once, then an index). */
const inSubtree = (column: string, unitId: number) =>
  sql<SqlBool>`${sql.ref(column)} = any(array(select su.id from org_units su where su.path like (select tu.path from org_units tu where tu.id = ${unitId}) || '%'))`;

function filterSql(f: ReceivableFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (f.unitId !== undefined) parts.push(inSubtree('contracts.unit_id', f.unitId));
  if (f.ownerId !== undefined) parts.push(sql<SqlBool>`contracts.owner_id = ${f.ownerId}`);
  if (f.accountId !== undefined) parts.push(sql<SqlBool>`i.account_id = ${f.accountId}`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** The bucket index of `days` overdue under the bounds: 0 not due, 1 up to the first bound, … (bucketOf in SQL). */
function bucketSql(days: RawBuilder<number>, bounds: readonly number[]): RawBuilder<number> {
  const whens = bounds.map((b, i) => sql`when ${days} <= ${sql.lit(b)} then ${sql.lit(i + 1)}`);
  return sql<number>`(case when ${days} <= 0 then 0 ${sql.join(whens, sql` `)} else ${sql.lit(bounds.length + 1)} end)`;
}

/**
 * The receivables with something outstanding as of `asOf` in scope and filter, as a CTE chain ending
 * in `r` (one row per instalment: figures as of the date, days overdue and bucket). One pass over the
 * instalments: a candidate is open now, or has a live allocation received after the date (`later`,
 * from receipt_allocations_received_idx; an instalment settled after the date is one of these), or was
 * written off after it; its paid amount as of the date is paid_amount less those later allocations.
 */
function receivablesAsOf(asOf: string, scope: RawBuilder<SqlBool>, f: ReceivableFilter, bounds: readonly number[]) {
  const days = sql<number>`greatest(0, ${asOf}::date - b.due_date)`;
  return sql`
    later as (
      select a.instalment_id, sum(a.amount)::bigint as amt from receipt_allocations a
      where a.undone_at is null and a.received_on > ${asOf}::date group by a.instalment_id
    ),
    b as (
      select i.id, i.contract_id, i.account_id, i.seq, i.milestone, i.due_date, i.amount,
        i.paid_amount - coalesce(later.amt, 0) as paid,
        case when i.written_off > 0 and coalesce(i.written_off_on, ${asOf}::date) <= ${asOf}::date then i.written_off else 0 end as written_off,
        contracts.owner_id, contracts.unit_id, contracts.number, contracts.status as contract_status
      from contract_instalments i
      join contracts on contracts.id = i.contract_id
      left join later on later.instalment_id = i.id
      where (i.paid_amount + i.written_off < i.amount or later.instalment_id is not null or (i.written_off > 0 and i.written_off_on > ${asOf}::date))
        and ${activeContract} and (contracts.sign_date is null or contracts.sign_date <= ${asOf}::date)
        and ${scope} and ${filterSql(f)}
    ),
    r as (
      select b.*, b.amount - b.paid - b.written_off as outstanding, ${days} as days, ${bucketSql(days, bounds)} as bucket
      from b where b.amount - b.paid - b.written_off > 0
    )`;
}

export interface AsOfOptions {
  asOf: string;
  scope: RawBuilder<SqlBool>;
  filter: ReceivableFilter;
  bounds: readonly number[];
}

export type AgeingKey = 'account' | 'owner' | 'unit';
const KEY_COLUMN: Record<AgeingKey, string> = { account: 'account_id', owner: 'owner_id', unit: 'unit_id' };

/** Receivables narrowed to a bucket and a derived status (as instalmentStatus tells it). */
export interface ReceivableNarrow {
  bucket?: number;
  status?: 'not_due' | 'partly_paid' | 'overdue';
}
function narrowSql(n: ReceivableNarrow): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (n.bucket !== undefined) parts.push(sql<SqlBool>`r.bucket = ${n.bucket}`);
  if (n.status === 'overdue') parts.push(sql<SqlBool>`r.days > 0`);
  if (n.status === 'partly_paid') parts.push(sql<SqlBool>`r.days = 0 and r.paid > 0`);
  if (n.status === 'not_due') parts.push(sql<SqlBool>`r.days = 0 and r.paid = 0`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

export type ReceivableSortColumn = 'days' | 'due_date' | 'outstanding' | 'amount' | 'account_name' | 'number';

export const receivablesRepo = {
  /** Outstanding per group and bucket as of the date. */
  async ageing(db: Executor, o: AsOfOptions & { groupBy: AgeingKey }) {
    const key = sql.ref(`r.${KEY_COLUMN[o.groupBy]}`);
    // accounts and owners by a join (many keys), a unit's path per unit (few)
    const names = {
      account: sql`select g.*, n.name from g left join accounts n on n.id = g.key`,
      owner: sql`select g.*, n.name from g left join users n on n.id = g.key`,
      unit: sql`select g.*, ${unitPathOf('g.key')} as name from g`,
    }[o.groupBy];
    const rows = await sql<{ key: number; name: string | null; bucket: number; total: number; count: number; overdue: number }>`
      with ${receivablesAsOf(o.asOf, o.scope, o.filter, o.bounds)},
      g as (
        select ${key} as key, r.bucket, sum(r.outstanding) as total, count(*) as count, count(*) filter (where r.days > 0) as overdue
        from r group by ${key}, r.bucket
      )
      ${names}`.execute(db);
    return rows.rows;
  },

  /**
   * A page of receivables as of the date (all of them without a limit), with the names a list shows
   * (read for the page's rows only) and the count and outstanding sum of all that match.
   */
  async receivables(db: Executor, o: AsOfOptions & ReceivableNarrow & { sort: { column: ReceivableSortColumn; desc: boolean }; limit?: number; offset?: number }) {
    const dir = o.sort.desc ? sql`desc` : sql`asc`;
    const byName = o.sort.column === 'account_name';
    const order = (t: string) => sql`${sql.ref(`${t}.${o.sort.column}`)} ${dir}, ${sql.ref(`${t}.id`)}`;
    const page = o.limit === undefined ? sql`` : sql`limit ${o.limit} offset ${o.offset ?? 0}`;
    const rows = await sql<{
      id: number;
      contract_id: number;
      number: string;
      contract_status: string;
      account_id: number;
      account_name: string;
      owner_id: number;
      owner_name: string;
      unit_id: number;
      unit_name: string;
      seq: number;
      milestone: string;
      due_date: string;
      amount: number;
      paid: number;
      written_off: number;
      outstanding: number;
      days: number;
      bucket: number;
      dunning_level: number;
      total_count: number;
      total_outstanding: number;
    }>`
      with ${receivablesAsOf(o.asOf, o.scope, o.filter, o.bounds)},
      f as (
        select r.*${byName ? sql`, acc.name as account_name` : sql``} from r ${byName ? sql`join accounts acc on acc.id = r.account_id` : sql``}
        where ${narrowSql(o)}
      ),
      p as (
        select f.*, count(*) over () as total_count, sum(f.outstanding) over () as total_outstanding from f order by ${order('f')} ${page}
      )
      select p.id, p.contract_id, p.number, p.contract_status, p.account_id, acc.name as account_name, p.owner_id, ow.name as owner_name,
        p.unit_id, coalesce(${unitPathOf('p.unit_id')}, '') as unit_name, p.seq, p.milestone, p.due_date, p.amount, p.paid, p.written_off,
        p.outstanding, p.days, p.bucket, coalesce((select max(ds.level) from dunning_steps ds where ds.instalment_id = p.id), 0) as dunning_level,
        p.total_count, p.total_outstanding
      from p join accounts acc on acc.id = p.account_id join users ow on ow.id = p.owner_id
      order by ${order('p')}`.execute(db);
    return rows.rows;
  },

  async receivablesSummary(db: Executor, o: AsOfOptions & ReceivableNarrow) {
    const row = await sql<{ count: number; outstanding: number | null }>`
      with ${receivablesAsOf(o.asOf, o.scope, o.filter, o.bounds)}
      select count(*) as count, sum(r.outstanding) as outstanding from r where ${narrowSql(o)}`.execute(db);
    return { count: Number(row.rows[0]?.count ?? 0), outstanding: Number(row.rows[0]?.outstanding ?? 0) };
  },

  async userNames(db: Executor, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async unitNames(db: Executor, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('org_units').select(['id', sql<string>`coalesce(${unitPathOf('org_units.id')}, org_units.name)`.as('name')]).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async unit(db: Executor, id: number) {
    return db.selectFrom('org_units').select(['id', 'path', 'depth', 'name']).where('id', '=', id).executeTakeFirst();
  },

  // ---- dunning ----

  /**
   * Open instalments of signed or in-progress contracts that reached a dunning level they have no step
   * for yet (days overdue on `asOf` against the level days), with what the notices say. Keyset by
   * (due_date, id) over the open index.
   */
  async dunningCandidates(db: Executor, o: { asOf: string; days: readonly number[]; after?: { dueDate: string; id: number }; limit: number }) {
    const overdue = sql<number>`(${o.asOf}::date - i.due_date)`;
    const reached = sql<number>`(case ${sql.join(
      [...o.days].map((d, idx) => ({ d, level: idx + 1 })).reverse().map(({ d, level }) => sql`when ${overdue} >= ${sql.lit(d)} then ${sql.lit(level)}`),
      sql` `,
    )} else 0 end)`;
    const after = o.after ? sql<SqlBool>`(i.due_date, i.id) > (${o.after.dueDate}::date, ${o.after.id})` : sql<SqlBool>`true`;
    const rows = await sql<{
      id: number;
      due_date: string;
      contract_id: number;
      number: string;
      account_name: string;
      owner_id: number;
      owner_name: string;
      owner_unit_id: number;
      seq: number;
      outstanding: number;
      days: number;
    }>`
      select i.id, i.due_date, i.contract_id, contracts.number, acc.name as account_name, contracts.owner_id, ow.name as owner_name, ow.unit_id as owner_unit_id, i.seq,
        i.amount - i.paid_amount - i.written_off as outstanding, ${overdue} as days
      from contract_instalments i
      join contracts on contracts.id = i.contract_id
      join accounts acc on acc.id = i.account_id
      join users ow on ow.id = contracts.owner_id
      where i.paid_amount + i.written_off < i.amount
        and i.due_date <= ${o.asOf}::date - ${sql.lit(o.days[0]!)}
        and contracts.status in (${list(DUNNING_CONTRACT_STATUSES)})
        and ${after}
        and coalesce((select max(ds.level) from dunning_steps ds where ds.instalment_id = i.id), 0) < ${reached}
      order by i.due_date, i.id
      limit ${o.limit}`.execute(db);
    return rows.rows;
  },

  /** Records every level each instalment reached; only the rows inserted now come back (another run's are skipped). */
  async insertSteps(db: Executor, o: { asOf: string; days: readonly number[]; instalmentIds: number[] }) {
    if (!o.instalmentIds.length) return [];
    const levels = sql.join(o.days.map((d, idx) => sql`(${sql.lit(idx + 1)}, ${sql.lit(d)})`));
    const rows = await sql<{ instalment_id: number; level: number; days_overdue: number }>`
      insert into dunning_steps (instalment_id, level, days_overdue)
      select i.id, l.level, ${o.asOf}::date - i.due_date
      from contract_instalments i cross join (values ${levels}) as l(level, days)
      where i.id in (${list(o.instalmentIds)}) and ${o.asOf}::date - i.due_date >= l.days
      order by i.id, l.level
      on conflict do nothing
      returning instalment_id, level, days_overdue`.execute(db);
    return rows.rows;
  },

  async setStepTask(db: Executor, instalmentId: number, level: number, taskId: number) {
    await db.updateTable('dunning_steps').set({ task_id: taskId }).where('instalment_id', '=', instalmentId).where('level', '=', level).execute();
  },

  /** Of these instalments, those with nothing owed any more (paid or written off). */
  async settledAmong(db: Executor, ids: number[]) {
    if (!ids.length) return [];
    const rows = await db.selectFrom('contract_instalments').select('id').where('id', 'in', ids).where(sql<SqlBool>`paid_amount + written_off >= amount`).orderBy('id').execute();
    return rows.map((r) => r.id);
  },

  /** Instalments with dunning steps in scope, a page of them and their count. */
  async dunningPage(db: Executor, o: { asOf: string; scope: RawBuilder<SqlBool>; filter: ReceivableFilter; level?: number; open: boolean; limit: number; offset: number }) {
    const where = sql<SqlBool>`${o.scope} and ${filterSql(o.filter)}
      and (${o.open ? sql`i.paid_amount + i.written_off < i.amount` : sql`true`})
      and (${o.level === undefined ? sql`true` : sql`s.level >= ${o.level}`})`;
    const base = sql`
      select i.id, s.level from contract_instalments i
      join (select instalment_id, max(level) as level from dunning_steps group by instalment_id) s on s.instalment_id = i.id
      join contracts on contracts.id = i.contract_id
      where ${where}`;
    const [page, count] = await Promise.all([
      sql<{
        id: number;
        level: number;
        contract_id: number;
        number: string;
        account_id: number;
        account_name: string;
        owner_id: number;
        owner_name: string;
        unit_name: string;
        seq: number;
        due_date: string;
        amount: number;
        outstanding: number;
        days: number;
      }>`
        with p as (${base})
        select i.id, p.level, i.contract_id, contracts.number, i.account_id, acc.name as account_name, contracts.owner_id, ow.name as owner_name,
          coalesce(${unitPathOf('contracts.unit_id')}, '') as unit_name, i.seq, i.due_date, i.amount,
          i.amount - i.paid_amount - i.written_off as outstanding,
          case when i.paid_amount + i.written_off < i.amount then greatest(0, ${o.asOf}::date - i.due_date) else 0 end as days
        from p join contract_instalments i on i.id = p.id join contracts on contracts.id = i.contract_id
        join accounts acc on acc.id = i.account_id join users ow on ow.id = contracts.owner_id
        order by p.level desc, i.due_date, i.id
        limit ${o.limit} offset ${o.offset}`.execute(db),
      sql<{ n: number }>`with p as (${base}) select count(*) as n from p`.execute(db),
    ]);
    return { rows: page.rows, total: Number(count.rows[0]?.n ?? 0) };
  },

  async dunningSteps(db: Executor, ids: number[]) {
    if (!ids.length) return [];
    return db.selectFrom('dunning_steps').select(['instalment_id', 'level', 'days_overdue', 'at', 'task_id']).where('instalment_id', 'in', ids).orderBy('instalment_id').orderBy('level').execute();
  },

  /** The open tasks of these ids (the collection tasks the dunning steps made). */
  async openTasks(db: Executor, taskIds: number[]) {
    if (!taskIds.length) return [];
    return db
      .selectFrom('tasks')
      .innerJoin('users', 'users.id', 'tasks.owner_id')
      .select(['tasks.id', 'tasks.owner_id', 'users.name as owner_name', 'tasks.due_at', 'tasks.status'])
      .where('tasks.id', 'in', taskIds)
      .where('tasks.status', '=', 'open')
      .execute();
  },

  // ---- rates ----

  /**
   * Due (instalments falling due in [from, to] of receivable contracts) and received (live allocations
   * to them received by `to`) per group key. Received is paid_amount less each instalment's live
   * allocations received after `to`, looked up per instalment of the period through the covering
   * receipt_allocations_instalment_idx (no heap access), so the work follows the period's instalments
   * rather than every allocation made since; a live allocation is always of a confirmed receipt
   * (receipts: status = 'confirmed' or allocated = 0).
   */
  async collection(db: Executor, o: { from: string; to: string; scope: RawBuilder<SqlBool>; filter: ReceivableFilter; key: RawBuilder<number> }) {
    const rows = await sql<{ key: number; due: number; received: number }>`
      select ${o.key} as key, sum(i.amount) as due, sum(i.paid_amount - coalesce(later.amt, 0)) as received
      from contract_instalments i
      join contracts on contracts.id = i.contract_id
      join org_units cu on cu.id = contracts.unit_id
      left join lateral (
        select sum(a.amount)::bigint as amt from receipt_allocations a
        where a.instalment_id = i.id and a.undone_at is null and a.received_on > ${o.to}::date
      ) later on true
      where i.due_date between ${o.from}::date and ${o.to}::date and ${activeContract} and ${o.scope} and ${filterSql(o.filter)}
      group by 1`.execute(db);
    return rows.rows;
  },

  /**
   * Planned settlements: sales contracts (receivable statuses) whose last instalment falls due in
   * [from, to]; settled: those completed before `settledBefore` (the end of `to` in business time).
   */
  async settlement(db: Executor, o: { from: string; to: string; settledBefore: Date; scope: RawBuilder<SqlBool>; filter: { unitId?: number }; key: RawBuilder<number> }) {
    const rows = await sql<{ key: number; planned: number; settled: number }>`
      with last as (
        select distinct i.contract_id from contract_instalments i
        where i.due_date between ${o.from}::date and ${o.to}::date
          and not exists (select 1 from contract_instalments j where j.contract_id = i.contract_id and j.due_date > ${o.to}::date)
      )
      select ${o.key} as key, count(*) as planned,
        count(*) filter (where contracts.status = 'completed' and contracts.closed_at < ${o.settledBefore}) as settled
      from last
      join contracts on contracts.id = last.contract_id
      join org_units cu on cu.id = contracts.unit_id
      where contracts.kind = 'sales' and ${activeContract} and ${o.scope} and ${filterSql(o.filter)}
      group by 1`.execute(db);
    return rows.rows;
  },

  async childUnits(db: Executor, parentId: number) {
    return db.selectFrom('org_units').select(['id', 'path']).where('parent_id', '=', parentId).orderBy('sort_order').orderBy('id').execute();
  },

  // ---- statement ----

  async account(db: Executor, id: number) {
    return db.selectFrom('accounts').select(['id', 'name', 'owner_id', 'unit_id']).where('id', '=', id).executeTakeFirst();
  },

  /** Whether the account has a contract in the scope. */
  async hasContractInScope(db: Executor, accountId: number, scope: RawBuilder<SqlBool>) {
    const r = await sql<{ one: number }>`select 1 as one from contracts where contracts.account_id = ${accountId} and ${scope} limit 1`.execute(db);
    return r.rows.length > 0;
  },

  /**
   * What the account owed at the end of `on` over its receivable contracts in scope: what fell due
   * (a contract signed after an instalment's due date makes it due on the sign date) less the
   * allocations of confirmed receipts received and the write-offs by then.
   */
  async owedAt(db: Executor, o: { accountId: number; on: string; scope: RawBuilder<SqlBool> }) {
    const r = await sql<{ owed: number | null }>`
      select sum(
        case when greatest(i.due_date, coalesce(contracts.sign_date, i.due_date)) <= ${o.on}::date then i.amount else 0 end
        - coalesce((select sum(a.amount) from receipt_allocations a join receipts rcp on rcp.id = a.receipt_id and rcp.status = 'confirmed'
            where a.instalment_id = i.id and a.undone_at is null and a.received_on <= ${o.on}::date), 0)
        - case when i.written_off > 0 and i.written_off_on <= ${o.on}::date then i.written_off else 0 end
      ) as owed
      from contract_instalments i join contracts on contracts.id = i.contract_id
      where i.account_id = ${o.accountId} and ${activeContract} and ${o.scope}`.execute(db);
    return Number(r.rows[0]?.owed ?? 0);
  },

  /** The statement's entries in [from, to]: dues, invoices, receipts (their allocations to these contracts), write-offs. */
  async statementEntries(db: Executor, o: { accountId: number; from: string; to: string; scope: RawBuilder<SqlBool> }) {
    const rows = await sql<{
      date: string;
      kind: 'due' | 'invoice' | 'receipt' | 'write_off';
      ref: string;
      contract_id: number | null;
      contract_number: string | null;
      seq: number | null;
      milestone: string | null;
      debit: number;
      credit: number;
      invoiced: number;
    }>`
      with ins as (
        select i.*, contracts.number as contract_number, greatest(i.due_date, coalesce(contracts.sign_date, i.due_date)) as due_on
        from contract_instalments i join contracts on contracts.id = i.contract_id
        where i.account_id = ${o.accountId} and ${activeContract} and ${o.scope}
      )
      select due_on as date, 'due' as kind, contract_number as ref, contract_id, contract_number, seq, milestone, amount as debit, 0 as credit, 0 as invoiced
        from ins where due_on between ${o.from}::date and ${o.to}::date
      union all
      select inv.issued_on, 'invoice', inv.number, ins.contract_id, ins.contract_number, ins.seq, ins.milestone, 0, 0, inv.amount
        from invoices inv join ins on ins.id = inv.instalment_id
        where inv.status = 'issued' and inv.issued_on between ${o.from}::date and ${o.to}::date
      union all
      select a.received_on, 'receipt', rcp.number, null, null, null, null, 0, sum(a.amount), 0
        from receipt_allocations a join ins on ins.id = a.instalment_id join receipts rcp on rcp.id = a.receipt_id and rcp.status = 'confirmed'
        where a.undone_at is null and a.received_on between ${o.from}::date and ${o.to}::date
        group by a.received_on, rcp.number
      union all
      select written_off_on, 'write_off', contract_number, contract_id, contract_number, seq, milestone, 0, written_off, 0
        from ins where written_off > 0 and written_off_on between ${o.from}::date and ${o.to}::date`.execute(db);
    return rows.rows;
  },

  /** The account's confirmed receipts' unallocated remainder (now), over the receipts in scope. */
  async credit(db: Executor, accountId: number, scope: RawBuilder<SqlBool>) {
    const r = await sql<{ credit: number | null }>`
      select sum(receipts.amount - receipts.allocated) as credit from receipts
      where receipts.account_id = ${accountId} and receipts.status = 'confirmed' and receipts.allocated < receipts.amount and ${scope}`.execute(db);
    return Number(r.rows[0]?.credit ?? 0);
  },

  // ---- reconciliation ----

  /** Confirmed receipts received in [from, to], one row per live allocation (one row without when none). */
  async monthReceipts(db: Executor, o: { from: string; to: string; scope: RawBuilder<SqlBool> }) {
    const r = await sql<{
      number: string;
      bank_ref: string | null;
      received_on: string;
      account_name: string;
      method: string;
      amount: number;
      contract_number: string | null;
      seq: number | null;
      allocated: number | null;
    }>`
      select receipts.number, receipts.bank_ref, receipts.received_on, acc.name as account_name, receipts.method, receipts.amount,
        contracts.number as contract_number, i.seq, a.amount as allocated
      from receipts
      join accounts acc on acc.id = receipts.account_id
      left join receipt_allocations a on a.receipt_id = receipts.id and a.undone_at is null
      left join contract_instalments i on i.id = a.instalment_id
      left join contracts on contracts.id = i.contract_id
      where receipts.status = 'confirmed' and receipts.received_on between ${o.from}::date and ${o.to}::date and ${o.scope}
      order by receipts.received_on, receipts.number, contracts.number, i.seq`.execute(db);
    return r.rows;
  },

  /**
   * Credit at the end of a month: confirmed receipts received by `to` (confirmed before `end`) less
   * their allocations made before `end` and not undone by then.
   */
  async creditAt(db: Executor, o: { to: string; end: Date; scope: RawBuilder<SqlBool> }) {
    const r = await sql<{ number: string; bank_ref: string | null; received_on: string; account_name: string; amount: number; allocated: number }>`
      select receipts.number, receipts.bank_ref, receipts.received_on, acc.name as account_name, receipts.amount,
        coalesce((select sum(a.amount) from receipt_allocations a where a.receipt_id = receipts.id and a.allocated_at < ${o.end}
          and (a.undone_at is null or a.undone_at >= ${o.end})), 0) as allocated
      from receipts join accounts acc on acc.id = receipts.account_id
      where receipts.status = 'confirmed' and receipts.received_on <= ${o.to}::date and receipts.confirmed_at < ${o.end} and ${o.scope}
      order by acc.name, receipts.received_on, receipts.number`.execute(db);
    return r.rows.filter((x) => x.amount > x.allocated);
  },

  /** Instalments of receivable contracts due in [from, to] with their figures at the end of `to`. */
  async monthInstalments(db: Executor, o: { from: string; to: string; scope: RawBuilder<SqlBool> }) {
    const r = await sql<{ contract_number: string; account_name: string; seq: number; milestone: string; due_date: string; amount: number; paid: number; written_off: number }>`
      select contracts.number as contract_number, acc.name as account_name, i.seq, i.milestone, i.due_date, i.amount,
        coalesce((select sum(a.amount) from receipt_allocations a join receipts rcp on rcp.id = a.receipt_id and rcp.status = 'confirmed'
          where a.instalment_id = i.id and a.undone_at is null and a.received_on <= ${o.to}::date), 0) as paid,
        case when i.written_off > 0 and i.written_off_on <= ${o.to}::date then i.written_off else 0 end as written_off
      from contract_instalments i join contracts on contracts.id = i.contract_id join accounts acc on acc.id = i.account_id
      where i.due_date between ${o.from}::date and ${o.to}::date and ${activeContract} and ${o.scope}
      order by i.due_date, contracts.number, i.seq`.execute(db);
    return r.rows;
  },
};
