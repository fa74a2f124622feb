import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../platform/listing';
import type { DB } from '../../db/schema';
import { unitPathOf } from '../../platform/org.repo';

/** General requests the owner can still edit or resubmit: these go to a leaver's successor. */
export const OPEN_REQUEST_STATUSES = ['draft', 'returned', 'withdrawn'];
const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

export type RequestEb = ExpressionBuilder<DB, 'general_requests'>;
export type RequestWhere = (eb: RequestEb) => Expression<SqlBool>;


/** Someone who is or was an approver on any approval of the request may open it, whatever their data scope. */
export function approverOfRequest(eb: RequestEb, userId: number): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('approval_instances as ai')
      .innerJoin('approval_steps as s', 's.instance_id', 'ai.id')
      .select('s.id')
      .where('ai.doc_type', '=', 'general_request')
      .whereRef('ai.doc_id', '=', 'general_requests.id')
      .where((e) => e.or([e('s.approver_id', '=', userId), e('s.original_approver_id', '=', userId), e('s.acted_by', '=', userId)])),
  );
}

export const requestsRepo = {
  select(db: Executor) {
    return db
      .selectFrom('general_requests')
      .innerJoin('users as owner', 'owner.id', 'general_requests.owner_id')
      .innerJoin('org_units', 'org_units.id', 'general_requests.unit_id')
      .selectAll('general_requests')
      .select(['owner.name as owner_name', unitPathOf('general_requests.unit_id').as('unit_name')])
      .select((eb) =>
        eb
          .selectFrom('approval_instances as ai')
          .select((e) => e.fn.max('ai.id').as('m'))
          .where('ai.doc_type', '=', 'general_request')
          .whereRef('ai.doc_id', '=', 'general_requests.id')
          .as('approval_id'),
      );
  },
  async list(db: Executor, opts: { where: RequestWhere; status?: string; category?: string; ownerId?: number; q?: string; sort: { column: string; desc: boolean }; limit: number; offset: number }) {
    const filter = (eb: RequestEb) => {
      const conds: Expression<SqlBool>[] = [opts.where(eb)];
      if (opts.status) conds.push(eb('general_requests.status', '=', opts.status));
      if (opts.category) conds.push(eb('general_requests.category', '=', opts.category));
      if (opts.ownerId) conds.push(eb('general_requests.owner_id', '=', opts.ownerId));
      if (opts.q) conds.push(eb('general_requests.title', 'ilike', containsPattern(opts.q)));
      return eb.and(conds);
    };
    const [items, count] = await Promise.all([
      this.select(db)
        .where(filter)
        .orderBy(sql.ref(opts.sort.column), opts.sort.desc ? 'desc' : 'asc')
        .orderBy('general_requests.id', 'desc')
        .limit(opts.limit)
        .offset(opts.offset)
        .execute(),
      db.selectFrom('general_requests').where(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
  async find(db: Executor, id: number, where?: RequestWhere) {
    let q = this.select(db).where('general_requests.id', '=', id);
    if (where) q = q.where(where);
    return q.executeTakeFirst();
  },
  /** Serialises edits and submissions of one request (two clicks on submit, two tabs). */
  async lock(db: Executor, id: number) {
    await db.selectFrom('general_requests').select('id').where('id', '=', id).forUpdate().execute();
  },
  async insert(db: Executor, v: { title: string; category: string; amount: number; description: string; ownerId: number; unitId: number }) {
    return db
      .insertInto('general_requests')
      .values({ title: v.title, category: v.category, amount: v.amount, description: v.description, owner_id: v.ownerId, unit_id: v.unitId })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, version: number, v: { title?: string; category?: string; amount?: number; description?: string }) {
    return db
      .updateTable('general_requests')
      .set({ ...v, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  /** The status follows the approval engine; only the engine's callback calls this. */


  // ---- files ----

  async insertFile(db: Executor, v: { name: string; mime: string; size: number; sha256: string; content: Buffer; uploadedBy: number }) {
    return db
      .insertInto('files')
      .values({ name: v.name, mime: v.mime, size: v.size, sha256: v.sha256, content: v.content, uploaded_by: v.uploadedBy })
      .returning(['id', 'name', 'mime', 'size', 'created_at'])
      .executeTakeFirstOrThrow();
  },
  async findFile(db: Executor, id: number) {
    return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async filesByIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return [];
    return db.selectFrom('files').select(['id', 'uploaded_by', 'entity', 'entity_id']).where('id', 'in', ids).execute();
  },
  async attachments(db: Executor, entity: string, ids: number[]) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('files')
      .select(['id', 'name', 'mime', 'size', 'created_at', 'entity_id'])
      .where('entity', '=', entity)
      .where('entity_id', 'in', ids)
      .orderBy('id')
      .execute();
  },
  /** Links exactly `fileIds` to the record; files dropped from the list are unlinked. */
  async setAttachments(db: Executor, entity: string, entityId: number, fileIds: number[]) {
    let unlink = db.updateTable('files').set({ entity: null, entity_id: null }).where('entity', '=', entity).where('entity_id', '=', entityId);
    if (fileIds.length) unlink = unlink.where('id', 'not in', fileIds);
    await unlink.execute();
    if (fileIds.length) await db.updateTable('files').set({ entity, entity_id: entityId }).where('id', 'in', fileIds).execute();
  },
  // ---- the leaver's open general requests ----
  async countOpenOwnedBy(db: Executor, userId: number) {
    return count(await db.selectFrom('general_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', 'in', OPEN_REQUEST_STATUSES).executeTakeFirst());
  },
  async firstOpenOwnedBy(db: Executor, userId: number, limit: number) {
    return db.selectFrom('general_requests').select(['id', 'title as label']).where('owner_id', '=', userId).where('status', 'in', OPEN_REQUEST_STATUSES).orderBy('id').limit(limit).execute();
  },
  async moveOpenOwnedTo(db: Executor, userId: number, successorId: number) {
    return db
      .updateTable('general_requests')
      .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('status', 'in', OPEN_REQUEST_STATUSES)
      .returning(['id'])
      .execute();
  },
};
