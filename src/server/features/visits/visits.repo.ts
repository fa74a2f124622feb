import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { VisitTable } from '../../db/schema';
import { containsPattern } from '../../platform/listing';
import { type OwnedScope } from '../../platform/scope';
import { after, ms } from '../../platform/timeline.repo';
import type { SourceQuery } from '../../platform/timeline';

export type VisitValues = Updateable<VisitTable>;
export type VisitSortColumn = 'planned_at' | 'checked_in_at' | 'created_at';

export interface VisitFilter {
  scope: OwnedScope<'visits'>;
  q?: string;
  accountId?: number;
  contactId?: number;
  ownerId?: number;
  status?: string;
  reportStatus?: string;
  /** business-day bounds of planned_at */
  from?: Date;
  to?: Date;
  sort: { column: VisitSortColumn; desc: boolean };
  limit: number;
  offset: number;
}

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);
/** Statuses a leaver hands over: the visit has not happened or its report is still to be written. */
const LIVE = ['draft', 'pending', 'approved', 'rejected', 'withdrawn', 'checked_in'];

export const visitsRepo = {
  async list(db: Executor, f: VisitFilter) {
    let base = db.selectFrom('visits').innerJoin('accounts as a', 'a.id', 'visits.account_id').innerJoin('users as o', 'o.id', 'visits.owner_id').where(f.scope);
    if (f.q) base = base.where('a.name', 'ilike', containsPattern(f.q));
    if (f.accountId) base = base.where('visits.account_id', '=', f.accountId);
    if (f.contactId) base = base.where((eb) => eb.exists(eb.selectFrom('visit_contacts as vc').select('vc.visit_id').whereRef('vc.visit_id', '=', 'visits.id').where('vc.contact_id', '=', f.contactId!)));
    if (f.ownerId) base = base.where('visits.owner_id', '=', f.ownerId);
    if (f.status) base = base.where('visits.status', '=', f.status);
    if (f.reportStatus) base = base.where('visits.report_status', '=', f.reportStatus);
    if (f.from) base = base.where('visits.planned_at', '>=', f.from);
    if (f.to) base = base.where('visits.planned_at', '<', f.to);
    const dir = f.sort.desc ? 'desc' : 'asc';
    const [items, total] = await Promise.all([
      base
        .select([
          'visits.id',
          'visits.account_id',
          'a.name as account_name',
          'visits.owner_id',
          'o.name as owner_name',
          'visits.purpose',
          'visits.method',
          'visits.planned_at',
          'visits.status',
          'visits.report_status',
          'visits.result',
          'visits.checked_in_at',
          'visits.contact_seq',
          'visits.cost_total',
          'visits.version',
        ])
        .orderBy(sql.ref(`visits.${f.sort.column}`), (ob) => (dir === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
        .orderBy('visits.id', dir)
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { items, total: count(total) };
  },

  /** One visit in the scope; `lock` takes its row lock for a write. */
  async find(db: Executor, id: number, scope: OwnedScope<'visits'>, lock = false) {
    const q = db.selectFrom('visits').selectAll().where('id', '=', id).where(scope);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  async findById(db: Executor, id: number) {
    return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async detailNames(db: Executor, v: { account_id: number; owner_id: number; report_reviewer_id: number | null }) {
    const account = await db.selectFrom('accounts').select(['id', 'name', 'address']).where('id', '=', v.account_id).executeTakeFirstOrThrow();
    const ids = [v.owner_id, ...(v.report_reviewer_id ? [v.report_reviewer_id] : [])];
    const users = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return { account, users: new Map(users.map((u) => [u.id, u.name])) };
  },
  async contacts(db: Executor, visitId: number) {
    return db
      .selectFrom('visit_contacts as vc')
      .innerJoin('contacts as c', 'c.id', 'vc.contact_id')
      .select(['c.id', 'c.name', 'c.title', 'vc.met'])
      .where('vc.visit_id', '=', visitId)
      .orderBy('c.id')
      .execute();
  },
  /** The ids among `ids` that are contacts of the account. */
  async contactsOfAccount(db: Executor, accountId: number, ids: number[]) {
    if (!ids.length) return new Set<number>();
    const rows = await db.selectFrom('contacts').select('id').where('account_id', '=', accountId).where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  },
  async accountName(db: Executor, accountId: number) {
    return (await db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirst())?.name;
  },
  async userUnit(db: Executor, userId: number) {
    return (await db.selectFrom('users').select('unit_id').where('id', '=', userId).executeTakeFirstOrThrow()).unit_id;
  },
  async insert(db: Executor, values: Insertable<VisitTable>) {
    return db.insertInto('visits').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, values: VisitValues) {
    return db
      .updateTable('visits')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  /** The planned contacts: replaces the list (a draft's edit). */
  async setPlannedContacts(db: Executor, visitId: number, contactIds: number[]) {
    await db.deleteFrom('visit_contacts').where('visit_id', '=', visitId).execute();
    if (contactIds.length) await db.insertInto('visit_contacts').values(contactIds.map((c) => ({ visit_id: visitId, contact_id: c }))).execute();
  },
  /** The contacts met: marks them (adding those not planned) and unmarks the rest. */
  async setMetContacts(db: Executor, visitId: number, contactIds: number[]) {
    await db.updateTable('visit_contacts').set({ met: false }).where('visit_id', '=', visitId).execute();
    if (!contactIds.length) return;
    await db
      .insertInto('visit_contacts')
      .values(contactIds.map((c) => ({ visit_id: visitId, contact_id: c, met: true })))
      .onConflict((oc) => oc.columns(['visit_id', 'contact_id']).doUpdateSet({ met: true }))
      .execute();
  },
  /** The met contacts' last contact moves up to the visit (never back). */
  async touchContacts(db: Executor, contactIds: number[], at: Date) {
    if (!contactIds.length) return;
    await db
      .updateTable('contacts')
      .set({ last_contact_at: sql`greatest(coalesce(last_contact_at, ${at}), ${at})` })
      .where('id', 'in', contactIds)
      .execute();
  },
  /** The recorded visits to an account other than `exceptId`, with their check-in time (第几次联系). */
  async recordedVisitTimes(db: Executor, accountId: number, exceptId: number) {
    return db
      .selectFrom('visits')
      .select(['id', 'checked_in_at'])
      .where('account_id', '=', accountId)
      .where('status', '=', 'recorded')
      .where('id', '<>', exceptId)
      .execute();
  },
  /** The status the approval engine reports; `submitted` stamps submitted_at, anything else decided_at. */


  /** Who approved the plan's first (director's) step: the report goes to them for review. */
  async planApprover(db: Executor, approvalId: number) {
    const row = await db
      .selectFrom('approval_steps')
      .select(['acted_by', 'approver_id'])
      .where('instance_id', '=', approvalId)
      .where('status', '=', 'approved')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return row ? (row.acted_by ?? row.approver_id) : undefined;
  },

  // ------------------------------------------------------------ merge, handover

  async countOfAccount(db: Executor, accountId: number) {
    return count(await db.selectFrom('visits').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirst());
  },
  async moveToAccount(db: Executor, fromId: number, toId: number) {
    return db.updateTable('visits').set({ account_id: toId, version: sql`version + 1`, updated_at: sql`now()` }).where('account_id', '=', fromId).returning('id').execute();
  },
  /** Visits still to be made, recorded or reported: what a leaver hands over. */
  async countLiveOwned(db: Executor, userId: number) {
    return count(
      await db
        .selectFrom('visits')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_id', '=', userId)
        .where((eb) => eb.or([eb('status', 'in', LIVE), eb.and([eb('status', '=', 'recorded'), eb('report_status', 'in', ['none', 'returned'])])]))
        .executeTakeFirst(),
    );
  },
  async firstLiveOwned(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('visits as v')
      .innerJoin('accounts as a', 'a.id', 'v.account_id')
      .select(['v.id', sql<string>`a.name || ' · ' || to_char(v.planned_at, 'YYYY-MM-DD')`.as('label')])
      .where('v.owner_id', '=', userId)
      .where((eb) => eb.or([eb('v.status', 'in', LIVE), eb.and([eb('v.status', '=', 'recorded'), eb('v.report_status', 'in', ['none', 'returned'])])]))
      .orderBy('v.id')
      .limit(limit)
      .execute();
  },
  /** The successor owns them and their unit becomes the successor's (the data scope follows). */
  async moveLiveOwned(db: Executor, userId: number, successorId: number) {
    return db
      .updateTable('visits')
      .set({ owner_id: successorId, unit_id: sql`(select u.unit_id from users u where u.id = ${successorId})`, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where((eb) => eb.or([eb('status', 'in', LIVE), eb.and([eb('status', '=', 'recorded'), eb('report_status', 'in', ['none', 'returned'])])]))
      .returning(['id', 'unit_id'])
      .execute();
  },
  /** Recorded visits to the account the caller may read, at their check-in. */
  async visitEvents(db: Executor, q: SourceQuery, scope: OwnedScope<'visits'>, limit: number) {
    const at = ms('visits.checked_in_at');
    return db
      .selectFrom('visits')
      .innerJoin('users as u', 'u.id', 'visits.owner_id')
      .select(['visits.id', at.as('at'), 'visits.owner_id as actor_id', 'u.name as actor_name', 'visits.purpose', 'visits.result', 'visits.contact_seq', 'visits.met_name'])
      .where('visits.account_id', '=', q.accountId)
      .where('visits.status', '=', 'recorded')
      .where(scope)
      .where(after('visit', q, at, 'visits.id'))
      .orderBy(at, 'desc')
      .orderBy('visits.id', 'desc')
      .limit(limit)
      .execute();
  },
};
