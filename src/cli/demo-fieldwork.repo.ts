import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../server/db/client';

const DAY = 86_400_000;

/**
 * SQL for the field-work demo (demo-fieldwork.ts): what it needs to find, and the back-dating.
 * Every step of the demo goes through the services at load time; `restamp` then moves the
 * timestamps that step wrote to the moment the step is meant to have happened. The audit trail
 * is append-only and keeps the real load time.
 */

type Stamped = Record<string, string[]>;

/** The timestamp columns a step of the field work writes with the clock, per table (not the planned times a user enters). */
const STAMPED: Stamped = {
  approval_instances: ['created_at', 'updated_at', 'finished_at'],
  approval_steps: ['acted_at'],
  approval_events: ['at'],
  notifications: ['created_at'],
  tasks: ['created_at', 'updated_at', 'completed_at'],
  visits: ['created_at', 'updated_at', 'submitted_at', 'decided_at', 'checked_in_at', 'recorded_at', 'report_submitted_at', 'report_reviewed_at'],
  receptions: ['created_at', 'updated_at', 'submitted_at', 'decided_at', 'report_submitted_at', 'report_confirmed_at'],
  reception_seating: ['updated_at'],
  gift_items: ['created_at', 'updated_at'],
  gift_stock_movements: ['at'],
  gift_plans: ['created_at', 'updated_at'],
  gift_applications: ['created_at', 'updated_at', 'submitted_at', 'decided_at', 'issued_at'],
  business_trips: ['created_at', 'updated_at', 'submitted_at', 'decided_at', 'report_submitted_at', 'report_approved_at'],
  business_trip_checkins: ['checked_at'],
  contact_logs: ['created_at'],
  expense_claims: ['created_at', 'updated_at', 'submitted_at', 'decided_at', 'paid_at'],
  expense_budgets: ['created_at', 'updated_at'],
  monthly_plans: ['created_at', 'updated_at'],
};

/**
 * The clock columns the archive's steps write (demo-accounts.ts, demo-needs-plans.ts): account
 * changes, contacts and their relationship history, needs, countermeasures and plan items with
 * their tasks — what the account timeline shows — and the accounts' own opening.
 */
export const ARCHIVE_STAMPED: Stamped = {
  accounts: ['created_at'],
  account_changes: ['at'],
  account_revenue: ['updated_at'],
  contacts: ['created_at', 'updated_at'],
  contact_relationship_history: ['at'],
  account_needs: ['created_at', 'updated_at', 'closed_at'],
  account_countermeasures: ['created_at', 'updated_at', 'closed_at'],
  account_plan_items: ['created_at', 'updated_at', 'closed_at'],
  tasks: ['created_at', 'updated_at', 'completed_at'],
  notifications: ['created_at'],
};

/**
 * Runs one step of a demo through the services, then dates what it wrote to `at` (never ahead of
 * `now`): the clock columns of `tables` written during the step. Notifications of a step more than
 * three days back are read by then.
 */
export function stepper(db: Executor, now: Date, tables: Stamped = STAMPED) {
  return async <T>(at: Date, fn: () => Promise<T>): Promise<T> => {
    const clock = await fieldworkSeedRepo.clock(db);
    const since = new Date(Math.min(clock.getTime(), Date.now()) - 1);
    const out = await fn();
    // never ahead of the load itself (the first of the month before 09:00, say)
    const when = new Date(Math.min(at.getTime(), now.getTime()));
    await fieldworkSeedRepo.restamp(db, since, when, when.getTime() < now.getTime() - 3 * DAY, tables);
    return out;
  };
}

type DocTable = 'visits' | 'receptions' | 'gift_applications' | 'business_trips' | 'expense_claims' | 'gift_items' | 'monthly_plans';

export const fieldworkSeedRepo = {
  /** The visits a person checked in within a range (a demo monthly plan is sized by them). */
  async visitsMade(db: Executor, ownerId: number, start: Date, end: Date) {
    const r = await db
      .selectFrom('visits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', ownerId)
      .where('status', 'in', ['checked_in', 'recorded'])
      .where('checked_in_at', '>=', start)
      .where('checked_in_at', '<', end)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async anyGiftNamed(db: Executor, names: string[]) {
    return Boolean(await db.selectFrom('gift_items').select('id').where('name', 'in', names).limit(1).executeTakeFirst());
  },
  async accountIdsByName(db: Executor, names: string[]) {
    const rows = await db.selectFrom('accounts').select(['id', 'name', 'address']).where('name', 'in', names).execute();
    return new Map(rows.map((r) => [r.name, { id: r.id, address: r.address }]));
  },
  async userUnits(db: Executor, ids: number[]) {
    const rows = await db.selectFrom('users').select(['id', 'unit_id']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.unit_id]));
  },
  /**
   * A contact's starting state (its first history lines, from nothing) holds the day it was
   * entered: once its entry is dated back, so is that day.
   */
  async alignStartingStates(db: Executor, contactIds: number[], tz: string) {
    if (!contactIds.length) return;
    await sql`update contact_relationship_history set occurred_on = (at at time zone ${tz})::date where from_value is null and contact_id in (${sql.join(contactIds)})`.execute(db);
  },
  /** The database's clock, so back-dating catches what this step wrote whatever the host clocks say. */
  async clock(db: Executor): Promise<Date> {
    const r = await sql<{ now: Date | string }>`select clock_timestamp() as now`.execute(db);
    return new Date(r.rows[0]!.now);
  },
  async version(db: Executor, table: DocTable, id: number): Promise<number> {
    const row = await db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow();
    return row.version;
  },
  async approvalId(db: Executor, table: 'visits' | 'receptions' | 'gift_applications' | 'business_trips' | 'expense_claims', id: number, column: 'approval_id' | 'report_approval_id' = 'approval_id'): Promise<number> {
    const row = await db
      .selectFrom(table)
      .select(sql<number | string | null>`${sql.ref(column)}`.as('approval'))
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.approval);
  },
  /** Who holds the approval's current step; undefined once it is decided. */
  async currentApprover(db: Executor, approvalId: number): Promise<number | undefined> {
    const row = await db.selectFrom('approval_steps').select('approver_id').where('instance_id', '=', approvalId).where('status', '=', 'pending').executeTakeFirst();
    return row ? Number(row.approver_id) : undefined;
  },
  async openTask(db: Executor, linkEntity: string, linkId: number) {
    return db.selectFrom('tasks').select(['id', 'version']).where('link_entity', '=', linkEntity).where('link_id', '=', linkId).where('status', '=', 'open').executeTakeFirst();
  },
  /** A trip approved ahead of time took place on these days (the service accepts only trips that lie ahead). */
  async moveTrip(db: Executor, id: number, startOn: string, endOn: string) {
    await db.updateTable('business_trips').set({ start_on: startOn, end_on: endOn }).where('id', '=', id).execute();
  },
  /**
   * Moves every clock timestamp written at or after `since` to `at` in one statement; notifications
   * older than a few days are marked read at that time, as their reader would have.
   */
  async restamp(db: Executor, since: Date, at: Date, markRead: boolean, tables: Stamped = STAMPED) {
    const ctes: RawBuilder<unknown>[] = Object.entries(tables).map(([table, cols], i) => {
      const sets = cols.map((c) => sql`${sql.ref(c)} = case when ${sql.ref(c)} >= ${since} then ${at}::timestamptz else ${sql.ref(c)} end`);
      if (table === 'notifications' && markRead) sets.push(sql`read_at = coalesce(read_at, case when created_at >= ${since} then ${at}::timestamptz end)`);
      const any = cols.length === 1 ? sql.ref(cols[0]!) : sql`greatest(${sql.join(cols.map((c) => sql.ref(c)))})`;
      return sql`${sql.raw(`u${i}`)} as (update ${sql.table(table)} set ${sql.join(sets)} where ${any} >= ${since} returning 1)`;
    });
    await sql`with ${sql.join(ctes)} select 1`.execute(db);
  },
};
