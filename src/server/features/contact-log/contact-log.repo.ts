import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/client';
import type { ContactLogTable } from '../../db/schema';
import { containsPattern } from '../../platform/listing';
import type { SourceQuery } from '../../platform/timeline';
import { after, ms } from '../../platform/timeline.repo';
import { type AccountScope } from '../../platform/scope';

export interface ContactLogFilter {
  scope: AccountScope;
  q?: string;
  accountId?: number;
  contactId?: number;
  userId?: number;
  kind?: string;
  /** instants bounding occurred_at: [from, to) */
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

function base(db: Executor, scope: AccountScope) {
  return db
    .selectFrom('contact_logs as l')
    .innerJoin('accounts', 'accounts.id', 'l.account_id')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .leftJoin('contacts as c', 'c.id', 'l.contact_id')
    .where(scope);
}
const COLUMNS = ['l.id', 'l.account_id', 'accounts.name as account_name', 'l.contact_id', 'c.name as contact_name', 'c.title as contact_title', 'l.kind', 'l.occurred_at', 'l.place', 'l.address', 'l.contact_way', 'l.summary', 'l.user_id', 'u.name as user_name', 'l.created_at', 'l.version'] as const;

export const contactLogRepo = {
  async list(db: Executor, f: ContactLogFilter) {
    let q = base(db, f.scope);
    if (f.accountId) q = q.where('l.account_id', '=', f.accountId);
    if (f.contactId) q = q.where('l.contact_id', '=', f.contactId);
    if (f.userId) q = q.where('l.user_id', '=', f.userId);
    if (f.kind) q = q.where('l.kind', '=', f.kind);
    if (f.from) q = q.where('l.occurred_at', '>=', f.from);
    if (f.to) q = q.where('l.occurred_at', '<', f.to);
    if (f.q) {
      const like = containsPattern(f.q);
      q = q.where((eb) => eb.or([eb('l.summary', 'ilike', like), eb('accounts.name', 'ilike', like), eb('c.name', 'ilike', like), eb('l.place', 'ilike', like)]));
    }
    const [items, count] = await Promise.all([
      q.select(COLUMNS).orderBy('l.occurred_at', 'desc').orderBy('l.id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  async find(db: Executor, id: number, scope: AccountScope) {
    return base(db, scope).select(COLUMNS).where('l.id', '=', id).executeTakeFirst();
  },

  async findForUpdate(db: Executor, id: number, scope: AccountScope) {
    return db.selectFrom('contact_logs as l').innerJoin('accounts', 'accounts.id', 'l.account_id').selectAll('l').where('l.id', '=', id).where(scope).forUpdate('l').executeTakeFirst();
  },

  async insert(db: Executor, values: Insertable<ContactLogTable>) {
    return db.insertInto('contact_logs').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async delete(db: Executor, id: number) {
    await db.deleteFrom('contact_logs').where('id', '=', id).execute();
  },

  // ---- registries ----

  async timelineEvents(db: Executor, q: SourceQuery, limit: number) {
    const at = ms('l.occurred_at');
    return db
      .selectFrom('contact_logs as l')
      .innerJoin('users as u', 'u.id', 'l.user_id')
      .leftJoin('contacts as c', 'c.id', 'l.contact_id')
      .select(['l.id', at.as('at'), 'l.user_id', 'u.name as user_name', 'l.kind', 'l.summary', 'l.place', 'c.name as contact_name'])
      .where('l.account_id', '=', q.accountId)
      .where(after('contact_log', q, at, 'l.id'))
      .orderBy(at, 'desc')
      .orderBy('l.id', 'desc')
      .limit(limit)
      .execute();
  },

  async countOfAccount(db: Executor, accountId: number) {
    const r = await db.selectFrom('contact_logs').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async moveToAccount(db: Executor, sourceId: number, targetId: number) {
    const r = await db.updateTable('contact_logs').set({ account_id: targetId, version: sql`version + 1` }).where('account_id', '=', sourceId).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
};
