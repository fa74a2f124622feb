import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { AccountPlanItemTable } from '../../db/schema';
import { OPEN_PLAN_STATUSES } from '../../../shared/contracts/plans';
import { type AccountScope } from '../../platform/scope';
import { after, ms } from '../../platform/timeline.repo';
import type { SourceQuery } from '../../platform/timeline';

export type PlanItemValues = Updateable<AccountPlanItemTable>;

/** tasks.link_entity of the task an open plan item puts on its responsible person's list */
export const PLAN_TASK_ENTITY = 'plan_item';
export const planLink = (accountId: number) => `/accounts/${accountId}?tab=plan`;

const OPEN = [...OPEN_PLAN_STATUSES];
const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

function items(db: Executor) {
  return db
    .selectFrom('account_plan_items as i')
    .innerJoin('users as owner', 'owner.id', 'i.owner_id')
    .selectAll('i')
    .select((eb) => [
      'owner.name as owner_name',
      eb
        .selectFrom('tasks')
        .select('tasks.id')
        .where('tasks.link_entity', '=', PLAN_TASK_ENTITY)
        .whereRef('tasks.link_id', '=', 'i.id')
        .where('tasks.status', '=', 'open')
        .orderBy('tasks.id', 'desc')
        .limit(1)
        .as('task_id'),
    ]);
}

export const plansRepo = {
  async accountInScope(db: Executor, accountId: number, scope: AccountScope) {
    return db.selectFrom('accounts').select(['accounts.id', 'accounts.name']).where('accounts.id', '=', accountId).where(scope).executeTakeFirst();
  },

  async itemsOf(db: Executor, accountId: number) {
    return items(db).where('i.account_id', '=', accountId).orderBy('i.created_at').orderBy('i.id').execute();
  },
  async item(db: Executor, id: number) {
    return items(db).where('i.id', '=', id).executeTakeFirst();
  },
  /** Locks the item when its account is in the scope; carries the account's name for the task title. */
  async itemForUpdate(db: Executor, id: number, scope: AccountScope) {
    return db
      .selectFrom('account_plan_items')
      .innerJoin('accounts', 'accounts.id', 'account_plan_items.account_id')
      .selectAll('account_plan_items')
      .select('accounts.name as account_name')
      .where('account_plan_items.id', '=', id)
      .where(scope)
      .forUpdate('account_plan_items')
      .executeTakeFirst();
  },
  async insertItem(db: Executor, values: Insertable<AccountPlanItemTable>) {
    return db.insertInto('account_plan_items').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async updateItem(db: Executor, id: number, values: PlanItemValues) {
    return db
      .updateTable('account_plan_items')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async deleteItem(db: Executor, id: number) {
    await db.deleteFrom('account_plan_items').where('id', '=', id).execute();
  },

  async contactsOf(db: Executor, itemIds: number[]) {
    if (!itemIds.length) return [];
    return db
      .selectFrom('account_plan_item_contacts as l')
      .innerJoin('contacts as c', 'c.id', 'l.contact_id')
      .select(['l.item_id', 'c.id', 'c.name', 'c.title', 'c.status'])
      .where('l.item_id', 'in', itemIds)
      .orderBy('c.name')
      .orderBy('c.id')
      .execute();
  },
  async contactIdsOf(db: Executor, itemId: number) {
    const rows = await db.selectFrom('account_plan_item_contacts').select('contact_id').where('item_id', '=', itemId).orderBy('contact_id').execute();
    return rows.map((r) => r.contact_id);
  },
  /** Which of the ids are contacts of the account. */
  async contactsOfAccount(db: Executor, accountId: number, contactIds: number[]) {
    if (!contactIds.length) return new Set<number>();
    const rows = await db.selectFrom('contacts').select('id').where('account_id', '=', accountId).where('id', 'in', contactIds).execute();
    return new Set(rows.map((r) => r.id));
  },
  async setContacts(db: Executor, itemId: number, contactIds: number[]) {
    await db.deleteFrom('account_plan_item_contacts').where('item_id', '=', itemId).execute();
    if (contactIds.length) await db.insertInto('account_plan_item_contacts').values(contactIds.map((contact_id) => ({ item_id: itemId, contact_id }))).execute();
  },

  /** Keeps the open task in step with the item's words and due date; a new due date earns a new reminder. */
  async syncOpenTask(db: Executor, itemId: number, values: { title?: string; description?: string; dueAt?: Date | null }) {
    await db
      .updateTable('tasks')
      .set({
        ...(values.title !== undefined && { title: values.title }),
        ...(values.description !== undefined && { description: values.description }),
        ...(values.dueAt !== undefined && { due_at: values.dueAt, due_notified_at: null }),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('link_entity', '=', PLAN_TASK_ENTITY)
      .where('link_id', '=', itemId)
      .where('status', '=', 'open')
      .execute();
  },

  // ---- departure handover: open items the leaver is responsible for ----
  async countOpenItems(db: Executor, userId: number) {
    return count(await db.selectFrom('account_plan_items').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', 'in', OPEN).executeTakeFirst());
  },
  async firstOpenItems(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('account_plan_items as i')
      .innerJoin('accounts', 'accounts.id', 'i.account_id')
      .select(['i.id', sql<string>`accounts.name || ' · ' || i.measures`.as('label')])
      .where('i.owner_id', '=', userId)
      .where('i.status', 'in', OPEN)
      .orderBy('i.due_on', (ob) => ob.asc().nullsLast())
      .orderBy('i.id')
      .limit(limit)
      .execute();
  },
  /** Moves the open items and the open tasks that belong to them, wherever the tasks part put those. */
  async moveOpenItems(db: Executor, userId: number, successorId: number) {
    const rows = await db
      .updateTable('account_plan_items')
      .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('status', 'in', OPEN)
      .returning(['id'])
      .execute();
    if (!rows.length) return { items: rows, tasks: [] };
    const ids = rows.map((r) => r.id);
    const tasks = await db
      .selectFrom('tasks')
      .select(['id', 'owner_id'])
      .where('link_entity', '=', PLAN_TASK_ENTITY)
      .where('link_id', 'in', ids)
      .where('status', '=', 'open')
      .where('owner_id', '<>', successorId)
      .forUpdate()
      .execute();
    if (tasks.length) {
      await db
        .updateTable('tasks')
        .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', 'in', tasks.map((t) => t.id))
        .execute();
    }
    return { items: rows, tasks };
  },

  // ---- account merge ----
  async countOfAccount(db: Executor, accountId: number) {
    return count(await db.selectFrom('account_plan_items').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  /** Moves the items; their tasks' links follow in the merge's tasks part. */
  async moveItems(db: Executor, fromId: number, toId: number) {
    const rows = await db
      .updateTable('account_plan_items')
      .set({ account_id: toId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('account_id', '=', fromId)
      .returning('id')
      .execute();
    return rows.length;
  },
  async planItemEvents(db: Executor, q: SourceQuery, closed: boolean, limit: number) {
    const kind = closed ? 'plan_item_closed' : 'plan_item_created';
    const at = ms(closed ? 'i.closed_at' : 'i.created_at');
    let query = db
      .selectFrom('account_plan_items as i')
      .leftJoin('users as u', 'u.id', closed ? 'i.closed_by' : 'i.created_by')
      .innerJoin('users as owner', 'owner.id', 'i.owner_id')
      .select(['i.id', at.as('at'), 'u.id as actor_id', 'u.name as actor_name', 'i.level', 'i.measures', 'i.status', 'i.outcome', 'i.done_on', 'owner.name as owner_name'])
      .where('i.account_id', '=', q.accountId);
    if (closed) query = query.where('i.closed_at', 'is not', null).where('i.status', 'not in', [...OPEN_PLAN_STATUSES]);
    return query.where(after(kind, q, at, 'i.id')).orderBy(at, 'desc').orderBy('i.id', 'desc').limit(limit).execute();
  },
};
