import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../platform/listing';

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);
/** Does a task's web link point at the account's pages? */
const linksTo = (id: number) => sql<boolean>`(link_url = ${`/accounts/${id}`} or link_url like ${`/accounts/${id}?%`} or link_url like ${`/accounts/${id}/%`} or link_url like ${`/accounts/${id}#%`})`;

const taskColumns = [
  'tasks.id',
  'tasks.owner_id',
  'tasks.title',
  'tasks.description',
  'tasks.due_at',
  'tasks.link_entity',
  'tasks.link_id',
  'tasks.link_url',
  'tasks.status',
  'tasks.source',
  'tasks.created_by',
  'tasks.completed_at',
  'tasks.version',
  'tasks.created_at',
] as const;

const overdue = sql<boolean>`(tasks.status = 'open' and tasks.due_at is not null and tasks.due_at < now())`.as('overdue');

export type TaskSortColumn = 'due_at' | 'created_at';

export interface TaskListFilter {
  ownerId: number;
  status?: string;
  overdue?: boolean;
  dueFrom?: Date;
  dueTo?: Date;
  q?: string;
  sort: { column: TaskSortColumn; desc: boolean };
  limit: number;
  offset: number;
}

export interface NewTaskRow {
  ownerId: number;
  title: string;
  description: string;
  dueAt: Date | null;
  linkEntity: string | null;
  linkId: number | null;
  linkUrl: string | null;
  source: string;
  createdBy: number | null;
}

export const tasksRepo = {
  async list(db: Executor, f: TaskListFilter) {
    let base = db.selectFrom('tasks').where('tasks.owner_id', '=', f.ownerId);
    if (f.status) base = base.where('tasks.status', '=', f.status);
    if (f.overdue) base = base.where('tasks.status', '=', 'open').where('tasks.due_at', '<', sql<Date>`now()`);
    if (f.dueFrom) base = base.where('tasks.due_at', '>=', f.dueFrom);
    if (f.dueTo) base = base.where('tasks.due_at', '<', f.dueTo);
    if (f.q) {
      const like = containsPattern(f.q);
      base = base.where((eb) => eb.or([eb('tasks.title', 'ilike', like), eb('tasks.description', 'ilike', like)]));
    }
    const dir = f.sort.desc ? 'desc' : 'asc';
    const [items, count] = await Promise.all([
      base
        .select(taskColumns)
        .select(overdue)
        // tasks without a due date come last in either direction
        .orderBy(sql.ref(`tasks.${f.sort.column}`), (ob) => (dir === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
        .orderBy('tasks.id', dir)
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
  async find(db: Executor, id: number, ownerId?: number) {
    let q = db.selectFrom('tasks').select(taskColumns).select(overdue).select('tasks.due_notified_at').where('tasks.id', '=', id);
    if (ownerId !== undefined) q = q.where('tasks.owner_id', '=', ownerId);
    return q.executeTakeFirst();
  },
  async insert(db: Executor, t: NewTaskRow) {
    const { id } = await db
      .insertInto('tasks')
      .values({
        owner_id: t.ownerId,
        title: t.title,
        description: t.description,
        due_at: t.dueAt,
        link_entity: t.linkEntity,
        link_id: t.linkId,
        link_url: t.linkUrl,
        source: t.source,
        created_by: t.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },
  async update(
    db: Executor,
    id: number,
    version: number,
    values: { title?: string; description?: string; due_at?: Date | null; link_url?: string | null; status?: string; completed?: 'set' | 'clear'; resetDueReminder?: boolean },
  ) {
    const { completed, resetDueReminder, ...plain } = values;
    const r = await db
      .updateTable('tasks')
      .set({
        ...plain,
        ...(completed === 'set' && { completed_at: sql<Date>`now()` }),
        ...(completed === 'clear' && { completed_at: null }),
        ...(resetDueReminder && { due_notified_at: null }),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },
  /** Closes the open tasks about one record; returns their rows before and after. */
  async closeLinked(db: Executor, link: { entity: string; id: number; ownerId?: number }, status: 'done' | 'cancelled') {
    let q = db
      .updateTable('tasks')
      .set({ status, completed_at: status === 'done' ? sql<Date>`now()` : null, version: sql`version + 1`, updated_at: sql`now()` })
      .where('link_entity', '=', link.entity)
      .where('link_id', '=', link.id)
      .where('status', '=', 'open');
    if (link.ownerId !== undefined) q = q.where('owner_id', '=', link.ownerId);
    return q.returning(['id', 'owner_id', 'status', 'completed_at']).execute();
  },
  async ownerExists(db: Executor, userId: number) {
    return (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
  },
  /**
   * Open tasks due within the window and not yet reminded, locked so that a second instance
   * running the same reminder skips them instead of reminding twice.
   */
  async claimDueForReminder(db: Executor, withinHours: number, limit: number) {
    return db
      .selectFrom('tasks')
      .select(['id', 'owner_id', 'title', 'due_at', 'link_url'])
      .where('status', '=', 'open')
      .where('due_notified_at', 'is', null)
      .where('due_at', '>', sql<Date>`now()`)
      .where('due_at', '<=', sql<Date>`now() + make_interval(hours => ${withinHours})`)
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  },
  async markDueNotified(db: Executor, ids: number[]) {
    if (!ids.length) return;
    await db.updateTable('tasks').set({ due_notified_at: sql<Date>`now()` }).where('id', 'in', ids).execute();
  },
  // ---- open tasks ----
  async countOpenOwnedBy(db: Executor, userId: number) {
    return count(await db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', '=', 'open').executeTakeFirst());
  },
  async firstOpenOwnedBy(db: Executor, userId: number, limit: number) {
    return db.selectFrom('tasks').select(['id', 'title as label']).where('owner_id', '=', userId).where('status', '=', 'open').orderBy('due_at').orderBy('id').limit(limit).execute();
  },
  async moveOpenOwnedTo(db: Executor, userId: number, successorId: number) {
    return db
      .updateTable('tasks')
      .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('status', '=', 'open')
      .returning(['id'])
      .execute();
  },
  /** Tasks about the account itself, or linking to any of its pages. */
  async countLinkedTo(db: Executor, accountId: number) {
    return count(
      await db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb.and([eb('link_entity', '=', 'account'), eb('link_id', '=', accountId)]), linksTo(accountId)]))
        .executeTakeFirst(),
    );
  },
  async moveLinks(db: Executor, fromId: number, toId: number) {
    const prefix = `/accounts/${fromId}`;
    return db
      .updateTable('tasks')
      .set({
        link_id: sql`case when link_entity = 'account' and link_id = ${fromId} then ${toId}::bigint else link_id end`,
        link_url: sql`case when ${linksTo(fromId)} then ${`/accounts/${toId}`} || substr(link_url, ${prefix.length + 1}) else link_url end`,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where((eb) => eb.or([eb.and([eb('link_entity', '=', 'account'), eb('link_id', '=', fromId)]), linksTo(fromId)]))
      .returning(['id'])
      .execute();
  },
};
