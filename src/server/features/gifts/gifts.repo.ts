import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { GiftApplicationTable, GiftItemTable, GiftPlanTable, GiftStockMovementTable } from '../../db/schema';
import type { SourceQuery } from '../../platform/timeline';
import { after } from '../../platform/timeline.repo';
import { type AccountScope } from '../../platform/scope';
import { unitPathOf } from '../../platform/org.repo';

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);
const bumped = { version: sql<number>`version + 1`, updated_at: sql<Date>`now()` };

function plans(db: Executor) {
  return db
    .selectFrom('gift_plans as p')
    .innerJoin('accounts', 'accounts.id', 'p.account_id')
    .innerJoin('gift_items as i', 'i.id', 'p.item_id')
    .innerJoin('users as r', 'r.id', 'p.responsible_id')
    .selectAll('p')
    .select(['accounts.name as account_name', 'accounts.industry', 'i.name as item_name', 'r.name as responsible_name']);
}

function applications(db: Executor) {
  return db
    .selectFrom('gift_applications as g')
    .innerJoin('accounts', 'accounts.id', 'g.account_id')
    .innerJoin('contacts as c', 'c.id', 'g.contact_id')
    .innerJoin('gift_items as i', 'i.id', 'g.item_id')
    .innerJoin('users as o', 'o.id', 'g.owner_id')
    .innerJoin('org_units as u', 'u.id', 'g.unit_id')
    .leftJoin('users as ib', 'ib.id', 'g.issued_by')
    .selectAll('g')
    .select(['accounts.name as account_name', 'c.name as contact_name', 'c.title as contact_title', 'i.name as item_name', 'i.unit as item_unit', 'o.name as owner_name', unitPathOf('g.unit_id').as('unit_name'), 'ib.name as issued_by_name']);
}

export interface ApplicationFilter {
  scope: AccountScope;
  accountId?: number;
  status?: string;
  overCap?: boolean;
}

export const giftsRepo = {
  // ---- catalogue and stock ----
  async items(db: Executor) {
    return db.selectFrom('gift_items').selectAll().orderBy('active', 'desc').orderBy('name').orderBy('id').execute();
  },
  async item(db: Executor, id: number, lock = false) {
    const q = db.selectFrom('gift_items').selectAll().where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  async itemByKey(db: Executor, nameKey: string) {
    return db.selectFrom('gift_items').select('id').where('name_key', '=', nameKey).executeTakeFirst();
  },
  async insertItem(db: Executor, values: Insertable<GiftItemTable>) {
    return db.insertInto('gift_items').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateItem(db: Executor, id: number, values: Updateable<GiftItemTable>) {
    return db.updateTable('gift_items').set({ ...values, ...bumped }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async movements(db: Executor, itemId: number, limit: number) {
    return db
      .selectFrom('gift_stock_movements as m')
      .leftJoin('users as u', 'u.id', 'm.actor_id')
      .selectAll('m')
      .select('u.name as actor_name')
      .where('m.item_id', '=', itemId)
      .orderBy('m.id', 'desc')
      .limit(limit)
      .execute();
  },
  async insertMovement(db: Executor, values: Insertable<GiftStockMovementTable>) {
    return db.insertInto('gift_stock_movements').values(values).returningAll().executeTakeFirstOrThrow();
  },

  // ---- accounts, contacts, users ----
  async accountInScope(db: Executor, accountId: number, scope: AccountScope) {
    return db.selectFrom('accounts').select(['accounts.id', 'accounts.name']).where('accounts.id', '=', accountId).where(scope).executeTakeFirst();
  },
  async contactOfAccount(db: Executor, contactId: number, accountId: number) {
    return db.selectFrom('contacts').select(['id', 'name']).where('id', '=', contactId).where('account_id', '=', accountId).executeTakeFirst();
  },
  async contactInScope(db: Executor, contactId: number, scope: AccountScope) {
    return db.selectFrom('contacts').innerJoin('accounts', 'accounts.id', 'contacts.account_id').select('contacts.id').where('contacts.id', '=', contactId).where(scope).executeTakeFirst();
  },
  /** Active holders of the gift administrator's position: they issue what was approved. */
  async giftAdminIds(db: Executor) {
    const rows = await db
      .selectFrom('user_positions as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select('u.id')
      .where('p.position', '=', 'gift_admin')
      .where('u.status', '=', 'active')
      .execute();
    return rows.map((r) => r.id);
  },

  // ---- plans ----
  async plansOf(db: Executor, accountId: number) {
    return plans(db).where('p.account_id', '=', accountId).orderBy('p.id').execute();
  },
  async plan(db: Executor, id: number) {
    return plans(db).where('p.id', '=', id).executeTakeFirstOrThrow();
  },
  async planForUpdate(db: Executor, id: number, scope: AccountScope) {
    return db
      .selectFrom('gift_plans')
      .innerJoin('accounts', 'accounts.id', 'gift_plans.account_id')
      .selectAll('gift_plans')
      .where('gift_plans.id', '=', id)
      .where(scope)
      .forUpdate('gift_plans')
      .executeTakeFirst();
  },
  async insertPlan(db: Executor, values: Insertable<GiftPlanTable>) {
    return db.insertInto('gift_plans').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updatePlan(db: Executor, id: number, values: Updateable<GiftPlanTable>) {
    return db.updateTable('gift_plans').set({ ...values, ...bumped }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async deletePlan(db: Executor, id: number) {
    await db.deleteFrom('gift_plans').where('id', '=', id).execute();
  },

  // ---- applications ----
  async applicationList(db: Executor, f: ApplicationFilter, page: number, pageSize: number) {
    let q = db.selectFrom('gift_applications as g').innerJoin('accounts', 'accounts.id', 'g.account_id').where(f.scope);
    if (f.accountId) q = q.where('g.account_id', '=', f.accountId);
    if (f.status) q = q.where('g.status', '=', f.status);
    if (f.overCap !== undefined) q = q.where('g.over_cap', '=', f.overCap);
    const total = count(await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
    const ids = await q.select('g.id').orderBy('g.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    if (!ids.length) return { total, rows: [] };
    const rows = await applications(db).where('g.id', 'in', ids.map((r) => r.id)).orderBy('g.id', 'desc').execute();
    return { total, rows };
  },
  /** One application as its approvers see it on the approval page. */
  async applicationById(db: Executor, id: number) {
    return applications(db).where('g.id', '=', id).executeTakeFirst();
  },
  async application(db: Executor, id: number, scope: AccountScope) {
    return applications(db).where('g.id', '=', id).where(scope).executeTakeFirst();
  },
  async applicationForUpdate(db: Executor, id: number, scope: AccountScope) {
    return db
      .selectFrom('gift_applications')
      .innerJoin('accounts', 'accounts.id', 'gift_applications.account_id')
      .selectAll('gift_applications')
      .select('accounts.name as account_name')
      .where('gift_applications.id', '=', id)
      .where(scope)
      .forUpdate('gift_applications')
      .executeTakeFirst();
  },
  async insertApplication(db: Executor, values: Insertable<GiftApplicationTable>) {
    return db.insertInto('gift_applications').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateApplication(db: Executor, id: number, values: Updateable<GiftApplicationTable>) {
    return db.updateTable('gift_applications').set({ ...values, ...bumped }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async deleteApplication(db: Executor, id: number) {
    await db.deleteFrom('gift_applications').where('id', '=', id).execute();
  },
  /** The status the approval engine reports; pending stamps submitted_at, a decision decided_at. */

  /**
   * The recipient's gifts in a calendar year (by gift date), in fen: issued, approved and still
   * pending — so two applications that each fit the cap cannot both pass without the GM while
   * neither is decided. `excludeId` leaves one application out. The caller locks the contact row
   * first when it decides on the sum.
   */
  async recipientYearTotal(db: Executor, contactId: number, year: number, excludeId?: number) {
    let q = db
      .selectFrom('gift_applications')
      .select(sql<string>`coalesce(sum(value), 0)`.as('n'))
      .where('contact_id', '=', contactId)
      .where('status', 'in', ['pending', 'approved', 'issued'])
      .where('gift_on', '>=', `${year}-01-01`)
      .where('gift_on', '<=', `${year}-12-31`);
    if (excludeId) q = q.where('id', '<>', excludeId);
    return count(await q.executeTakeFirst());
  },
  /** Serialises cap decisions for one recipient (two submissions at once see each other's totals). */
  async lockContact(db: Executor, contactId: number) {
    await db.selectFrom('contacts').select('id').where('id', '=', contactId).forUpdate().executeTakeFirst();
  },
  async signatures(db: Executor, approvalId: number) {
    return db
      .selectFrom('approval_steps as s')
      .innerJoin('users as u', (j) => j.on(sql<boolean>`u.id = coalesce(s.acted_by, s.approver_id)`))
      .select(['s.name', 'u.name as approver_name', 's.status', 's.acted_at'])
      .where('s.instance_id', '=', approvalId)
      .orderBy('s.seq')
      .execute();
  },

  /** Timeline: the account's submitted applications at their latest step (submitted, decided or issued). */
  async timelineEvents(db: Executor, q: SourceQuery, scope: AccountScope, limit: number) {
    const at = sql<Date>`date_trunc('milliseconds', coalesce(g.issued_at, g.decided_at, g.submitted_at))`;
    return db
      .selectFrom('gift_applications as g')
      .innerJoin('accounts', 'accounts.id', 'g.account_id')
      .innerJoin('contacts as c', 'c.id', 'g.contact_id')
      .innerJoin('gift_items as i', 'i.id', 'g.item_id')
      .innerJoin('users as o', 'o.id', 'g.owner_id')
      .select(['g.id', at.as('at'), 'g.owner_id', 'o.name as owner_name', 'g.status', 'g.quantity', 'g.value', 'g.over_cap', 'c.name as contact_name', 'i.name as item_name'])
      .where('g.account_id', '=', q.accountId)
      .where('g.submitted_at', 'is not', null)
      .where(scope)
      .where(after('gift', q, at, 'g.id'))
      .orderBy(at, 'desc')
      .orderBy('g.id', 'desc')
      .limit(limit)
      .execute();
  },

  // ---- merge and handover ----
  async countOfAccount(db: Executor, accountId: number) {
    const [p, a] = await Promise.all([
      db.selectFrom('gift_plans').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst(),
      db.selectFrom('gift_applications').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst(),
    ]);
    return { plans: count(p), applications: count(a) };
  },
  async movePlans(db: Executor, sourceId: number, targetId: number) {
    const rows = await db.updateTable('gift_plans').set({ account_id: targetId, ...bumped }).where('account_id', '=', sourceId).returning('id').execute();
    return rows.length;
  },
  async moveApplications(db: Executor, sourceId: number, targetId: number) {
    const rows = await db.updateTable('gift_applications').set({ account_id: targetId, ...bumped }).where('account_id', '=', sourceId).returning('id').execute();
    return rows.length;
  },
  /** Applications a leaving user still holds: not yet issued. */
  async countOpenOwned(db: Executor, userId: number) {
    return count(await db.selectFrom('gift_applications').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', '<>', 'issued').executeTakeFirst());
  },
  async firstOpenOwned(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('gift_applications as g')
      .innerJoin('contacts as c', 'c.id', 'g.contact_id')
      .innerJoin('gift_items as i', 'i.id', 'g.item_id')
      .select(['g.id', sql<string>`c.name || ' · ' || i.name`.as('label')])
      .where('g.owner_id', '=', userId)
      .where('g.status', '<>', 'issued')
      .orderBy('g.id')
      .limit(limit)
      .execute();
  },
  async moveOpenOwned(db: Executor, userId: number, to: number) {
    return db.updateTable('gift_applications').set({ owner_id: to, ...bumped }).where('owner_id', '=', userId).where('status', '<>', 'issued').returning('id').execute();
  },
  async countResponsible(db: Executor, userId: number) {
    return count(await db.selectFrom('gift_plans').select((eb) => eb.fn.countAll<number>().as('n')).where('responsible_id', '=', userId).executeTakeFirst());
  },
  async firstResponsible(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('gift_plans as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .innerJoin('gift_items as i', 'i.id', 'p.item_id')
      .select(['p.id', sql<string>`a.name || ' · ' || i.name`.as('label')])
      .where('p.responsible_id', '=', userId)
      .orderBy('p.id')
      .limit(limit)
      .execute();
  },
  async moveResponsible(db: Executor, userId: number, to: number) {
    return db.updateTable('gift_plans').set({ responsible_id: to, ...bumped }).where('responsible_id', '=', userId).returning('id').execute();
  },
};
