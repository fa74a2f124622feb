import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { RuleSet, ScorecardStatus } from '../../../shared/contracts/scorecards';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/schema';

/** A card's where-clause: the caller's scope over the cards (by the person scored and their unit). */
export type CardScope = (eb: ExpressionBuilder<DB, 'scorecards'>) => Expression<SqlBool>;

const CARD_COLUMNS = [
  'c.id',
  'c.user_id',
  'c.unit_id',
  'c.period',
  'c.kind',
  'c.rule_set',
  'c.status',
  'c.evaluator_id',
  'c.total',
  'c.complete',
  'c.warning',
  'c.self_comment',
  'c.evaluator_comment',
  'c.director_comment',
  'c.return_reason',
  'c.computed_at',
  'c.locked_at',
  'c.locked_by',
  'c.version',
  'c.updated_at',
] as const;

export interface CardValues {
  status?: ScorecardStatus;
  total?: number;
  complete?: boolean;
  warning?: boolean;
  self_comment?: string | null;
  evaluator_comment?: string | null;
  director_comment?: string | null;
  return_reason?: string | null;
  computed_at?: Date;
  locked_at?: Date | null;
  locked_by?: number | null;
}

export interface ItemValues {
  card_id: number;
  key: string;
  value: number | null;
  absent: number | null;
  numerator: number | null;
  denominator: number | null;
  points: number | null;
  comment: string | null;
  entered_by: number | null;
  entered_at: Date | null;
}

export const scorecardsRepo = {
  unit(db: Executor, id: number) {
    return db.selectFrom('org_units').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
  },

  /** The active people of a unit subtree holding one of the positions, with their positions. */
  async people(db: Executor, unitPath: string, positions: readonly string[]) {
    const rows = await db
      .selectFrom('users')
      .innerJoin('org_units as u', 'u.id', 'users.unit_id')
      .innerJoin('user_positions as p', 'p.user_id', 'users.id')
      .select(['users.id', 'users.name', 'users.username', 'users.unit_id', 'u.name as unit_name', 'u.path as unit_path', 'p.position'])
      .where('users.status', '=', 'active')
      .where('u.path', 'like', `${unitPath}%`)
      .where('p.position', 'in', [...positions])
      .orderBy('u.path')
      .orderBy('users.name')
      .execute();
    const out = new Map<number, { id: number; name: string; username: string; unitId: number; unitName: string; unitPath: string; positions: string[] }>();
    for (const r of rows) {
      const p = out.get(r.id) ?? { id: r.id, name: r.name, username: r.username, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path, positions: [] };
      p.positions.push(r.position);
      out.set(r.id, p);
    }
    return [...out.values()];
  },

  /** Opens a card unless the person has one for the period and form; its id, or null when it existed. */
  async insertCard(db: Executor, v: { userId: number; unitId: number; period: string; kind: string; ruleSet: RuleSet; evaluatorId: number | null; openedBy: number }) {
    const r = await db
      .insertInto('scorecards')
      .values({ user_id: v.userId, unit_id: v.unitId, period: v.period, kind: v.kind, rule_set: JSON.stringify(v.ruleSet), evaluator_id: v.evaluatorId, opened_by: v.openedBy })
      .onConflict((oc) => oc.columns(['user_id', 'period', 'kind']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r?.id ?? null;
  },

  card(db: Executor, id: number, scope: CardScope | null) {
    let q = db
      .selectFrom('scorecards as c')
      .innerJoin('users as p', 'p.id', 'c.user_id')
      .innerJoin('org_units as u', 'u.id', 'c.unit_id')
      .leftJoin('users as e', 'e.id', 'c.evaluator_id')
      .leftJoin('users as l', 'l.id', 'c.locked_by')
      .select([...CARD_COLUMNS, 'p.name as person_name', 'p.username as person_username', 'u.name as unit_name', 'u.path as unit_path', 'e.name as evaluator_name', 'l.name as locked_by_name'])
      .select((eb) => eb.selectFrom('user_positions as up').select('up.position').whereRef('up.user_id', '=', 'c.user_id').orderBy('up.position').limit(1).as('position'))
      .where('c.id', '=', id);
    if (scope) q = q.where((eb) => scope(eb as unknown as ExpressionBuilder<DB, 'scorecards'>));
    return q.executeTakeFirst();
  },

  lock(db: Executor, id: number) {
    return db.selectFrom('scorecards as c').innerJoin('org_units as u', 'u.id', 'c.unit_id').select([...CARD_COLUMNS, 'u.path as unit_path']).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
  },

  items(db: Executor, cardIds: readonly number[]) {
    if (!cardIds.length) return Promise.resolve([]);
    return db
      .selectFrom('scorecard_items as i')
      .leftJoin('users as e', 'e.id', 'i.entered_by')
      .select(['i.card_id', 'i.key', 'i.value', 'i.absent', 'i.numerator', 'i.denominator', 'i.points', 'i.comment', 'i.entered_by', 'e.name as entered_by_name', 'i.entered_at'])
      .where('i.card_id', 'in', [...cardIds])
      .execute();
  },

  async upsertItems(db: Executor, rows: readonly ItemValues[]) {
    if (!rows.length) return;
    await db
      .insertInto('scorecard_items')
      .values([...rows])
      .onConflict((oc) =>
        oc.columns(['card_id', 'key']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          absent: eb.ref('excluded.absent'),
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          points: eb.ref('excluded.points'),
          comment: eb.ref('excluded.comment'),
          entered_by: eb.ref('excluded.entered_by'),
          entered_at: eb.ref('excluded.entered_at'),
        })),
      )
      .execute();
  },

  async update(db: Executor, id: number, values: CardValues) {
    await db
      .updateTable('scorecards')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  },

  /** Several cards' totals written at once (a fill of a period's cards). */
  async updateTotals(db: Executor, rows: readonly { id: number; total: number; complete: boolean; warning: boolean }[], computedAt: Date) {
    if (!rows.length) return;
    await sql`
      update scorecards c set total = v.total, complete = v.complete, warning = v.warning, computed_at = ${computedAt}, version = c.version + 1, updated_at = now()
      from unnest(${sql.val(rows.map((r) => r.id))}::bigint[], ${sql.val(rows.map((r) => r.total))}::numeric[], ${sql.val(rows.map((r) => r.complete))}::boolean[], ${sql.val(rows.map((r) => r.warning))}::boolean[]) as v(id, total, complete, warning)
      where c.id = v.id`.execute(db);
  },

  /** One period's cards of a form in scope (a unit subtree when given), each with its items' points. */
  async list(db: Executor, f: { period: string; kind: string; unitPath: string | null; status: string | null }, scope: CardScope) {
    let q = db
      .selectFrom('scorecards as c')
      .innerJoin('users as p', 'p.id', 'c.user_id')
      .innerJoin('org_units as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.user_id', 'c.unit_id', 'c.status', 'c.total', 'c.complete', 'c.warning', 'c.rule_set', 'p.name as person_name', 'u.name as unit_name'])
      .where('c.period', '=', f.period)
      .where('c.kind', '=', f.kind)
      .where((eb) => scope(eb as unknown as ExpressionBuilder<DB, 'scorecards'>));
    if (f.unitPath) q = q.where('u.path', 'like', `${f.unitPath}%`);
    if (f.status) q = q.where('c.status', '=', f.status);
    const cards = await q.orderBy('c.total', 'desc').orderBy('p.name').limit(2000).execute();
    const items = await db.selectFrom('scorecard_items').select(['card_id', 'key', 'points']).where('card_id', 'in', cards.length ? cards.map((c) => c.id) : [0]).execute();
    return { cards, items };
  },

  /** A person's last cards of a form in scope, newest first. */
  trend(db: Executor, userId: number, kind: string, scope: CardScope, limit: number) {
    return db
      .selectFrom('scorecards as c')
      .select(['c.id', 'c.period', 'c.status', 'c.total', 'c.warning'])
      .where('c.user_id', '=', userId)
      .where('c.kind', '=', kind)
      .where((eb) => scope(eb as unknown as ExpressionBuilder<DB, 'scorecards'>))
      .orderBy('c.period', 'desc')
      .limit(limit)
      .execute();
  },

  userName(db: Executor, id: number) {
    return db.selectFrom('users').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  },

  /** The locked cards of a period in scope for the payroll export, people in unit order. */
  locked(db: Executor, period: string, unitPath: string | null, scope: CardScope) {
    let q = db
      .selectFrom('scorecards as c')
      .innerJoin('users as p', 'p.id', 'c.user_id')
      .innerJoin('org_units as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.kind', 'c.rule_set', 'c.total', 'c.warning', 'c.locked_at', 'p.name as person_name', 'p.username', 'u.name as unit_name'])
      .where('c.period', '=', period)
      .where('c.status', '=', 'locked')
      .where((eb) => scope(eb as unknown as ExpressionBuilder<DB, 'scorecards'>));
    if (unitPath) q = q.where('u.path', 'like', `${unitPath}%`);
    return q.orderBy('c.kind').orderBy('u.path').orderBy('p.name').execute();
  },

  // ---- reopenings ----

  reopening(db: Executor, id: number) {
    return db
      .selectFrom('scorecard_reopenings as r')
      .innerJoin('scorecards as c', 'c.id', 'r.card_id')
      .innerJoin('users as p', 'p.id', 'c.user_id')
      .select(['r.id', 'r.card_id', 'r.status', 'r.reason', 'r.requested_by', 'c.kind', 'c.period', 'c.total', 'p.name as person_name'])
      .where('r.id', '=', id)
      .executeTakeFirst();
  },

  latestReopening(db: Executor, cardId: number) {
    return db
      .selectFrom('scorecard_reopenings as r')
      .innerJoin('users as q', 'q.id', 'r.requested_by')
      .select(['r.id', 'r.status', 'r.reason', 'r.requested_by', 'q.name as requester_name', 'r.created_at', 'r.approval_id'])
      .where('r.card_id', '=', cardId)
      .orderBy('r.id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  pendingReopening(db: Executor, cardId: number) {
    return db.selectFrom('scorecard_reopenings').select('id').where('card_id', '=', cardId).where('status', '=', 'pending').executeTakeFirst();
  },

  async insertReopening(db: Executor, v: { cardId: number; reason: string; requestedBy: number }) {
    const r = await db.insertInto('scorecard_reopenings').values({ card_id: v.cardId, reason: v.reason, requested_by: v.requestedBy }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  // ---- attendance ----

  attendance(db: Executor, userIds: readonly number[], months: readonly string[]) {
    if (!userIds.length || !months.length) return Promise.resolve([]);
    return db.selectFrom('attendance_months').selectAll().where('user_id', 'in', [...userIds]).where('month', 'in', [...months]).execute();
  },

  async upsertAttendance(db: Executor, rows: readonly { user_id: number; month: string; late_times: number; absent_days: number; source: string; updated_by: number | null }[]) {
    if (!rows.length) return;
    await db
      .insertInto('attendance_months')
      .values([...rows])
      .onConflict((oc) =>
        oc.columns(['user_id', 'month']).doUpdateSet((eb) => ({
          late_times: eb.ref('excluded.late_times'),
          absent_days: eb.ref('excluded.absent_days'),
          source: eb.ref('excluded.source'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  },

  /** The locked cards of the people over the periods, with the person's name. */
  lockedCardsOf(db: Executor, userIds: readonly number[], periods: readonly string[]) {
    if (!userIds.length) return Promise.resolve([]);
    return db
      .selectFrom('scorecards')
      .innerJoin('users', 'users.id', 'scorecards.user_id')
      .select(['scorecards.user_id', 'users.name'])
      .where('scorecards.user_id', 'in', [...userIds])
      .where('scorecards.period', 'in', [...periods])
      .where('scorecards.status', '=', 'locked')
      .execute();
  },

  /** The cards not locked of the people over the periods (attendance saved: their attendance items again). */
  openCardsOf(db: Executor, userIds: readonly number[], periods: readonly string[]) {
    if (!userIds.length) return Promise.resolve([]);
    return db
      .selectFrom('scorecards')
      .select('id')
      .where('user_id', 'in', [...userIds])
      .where('period', 'in', [...periods])
      .where('status', '!=', 'locked')
      .orderBy('id')
      .execute();
  },
};
