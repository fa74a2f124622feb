import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/schema';

/** General requests the owner can still edit or resubmit: these go to the successor. */
export const OPEN_REQUEST_STATUSES = ['draft', 'returned', 'withdrawn'];
const OPEN_STEP_STATUSES = ['pending', 'waiting'];

const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

export const handoverRepo = {
  async findUser(db: Executor, id: number, where?: (eb: ExpressionBuilder<DB, 'users'>) => Expression<SqlBool>) {
    let q = db.selectFrom('users').select(['id', 'username', 'name', 'status', 'unit_id', 'left_at', 'version']).where('id', '=', id);
    if (where) q = q.where(where);
    return q.executeTakeFirst();
  },
  async usersByIds(db: Executor, ids: number[]) {
    if (!ids.length) return [];
    return db.selectFrom('users').select(['id', 'status']).where('id', 'in', ids).execute();
  },
  /** Locks the leaver's row so two handovers of the same person cannot interleave. */
  async lockUser(db: Executor, id: number) {
    return db.selectFrom('users').select(['id', 'status', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
  },
  async markLeft(db: Executor, id: number, leftAt: string) {
    return db
      .updateTable('users')
      .set({ status: 'left', left_at: leftAt, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '<>', 'left')
      .returning(['id', 'status', 'left_at'])
      .executeTakeFirst();
  },
  async endSessions(db: Executor, userId: number) {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },
  async revokeTokens(db: Executor, userId: number) {
    const rows = await db.updateTable('api_tokens').set({ revoked_at: sql`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null).returning('id').execute();
    return rows.length;
  },

  // ---- accounts ----
  async countAccounts(db: Executor, userId: number) {
    return count(await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).executeTakeFirst());
  },
  async firstAccounts(db: Executor, userId: number, limit: number) {
    return db.selectFrom('accounts').select(['id', 'name as label']).where('owner_id', '=', userId).orderBy('name').orderBy('id').limit(limit).execute();
  },
  async moveAccounts(db: Executor, userId: number, successorId: number, actorId: number | null) {
    const rows = await db
      .updateTable('accounts')
      .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .returning(['id', 'version'])
      .execute();
    if (rows.length) {
      await db
        .insertInto('account_changes')
        .values(rows.map((r) => ({ account_id: r.id, field: 'owner', from_value: String(userId), to_value: String(successorId), reason: 'handover', reason_key: 'handover', actor_id: actorId })))
        .execute();
    }
    return rows;
  },

  // ---- contacts (where the leaver is our relationship owner) ----
  async countContacts(db: Executor, userId: number) {
    return count(await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('our_owner_id', '=', userId).executeTakeFirst());
  },
  async firstContacts(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .select(['contacts.id', sql<string>`contacts.name || ' · ' || accounts.name`.as('label')])
      .where('contacts.our_owner_id', '=', userId)
      .orderBy('contacts.name')
      .orderBy('contacts.id')
      .limit(limit)
      .execute();
  },
  async moveContacts(db: Executor, userId: number, successorId: number) {
    return db
      .updateTable('contacts')
      .set({ our_owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('our_owner_id', '=', userId)
      .returning(['id'])
      .execute();
  },

  // ---- open tasks ----
  async countTasks(db: Executor, userId: number) {
    return count(await db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', '=', 'open').executeTakeFirst());
  },
  async firstTasks(db: Executor, userId: number, limit: number) {
    return db.selectFrom('tasks').select(['id', 'title as label']).where('owner_id', '=', userId).where('status', '=', 'open').orderBy('due_at').orderBy('id').limit(limit).execute();
  },
  async moveTasks(db: Executor, userId: number, successorId: number) {
    return db
      .updateTable('tasks')
      .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('status', '=', 'open')
      .returning(['id'])
      .execute();
  },

  // ---- approval steps waiting for the leaver on running instances ----
  openSteps(db: Executor, userId: number) {
    return db
      .selectFrom('approval_steps')
      .innerJoin('approval_instances', 'approval_instances.id', 'approval_steps.instance_id')
      .where('approval_steps.approver_id', '=', userId)
      .where('approval_steps.status', 'in', OPEN_STEP_STATUSES)
      .where('approval_instances.status', '=', 'pending');
  },
  async countSteps(db: Executor, userId: number) {
    return count(await this.openSteps(db, userId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  },
  async firstSteps(db: Executor, userId: number, limit: number) {
    return this.openSteps(db, userId)
      .select(['approval_steps.id', sql<string>`approval_instances.title || ' · ' || approval_steps.name`.as('label')])
      .orderBy('approval_instances.id')
      .orderBy('approval_steps.seq')
      .limit(limit)
      .execute();
  },
  async stepsToMove(db: Executor, userId: number) {
    return this.openSteps(db, userId)
      .select(['approval_steps.id', 'approval_steps.instance_id', 'approval_steps.seq', 'approval_steps.status', 'approval_instances.submitter_id', 'approval_instances.title', 'approval_instances.allow_repeat_approver'])
      .orderBy('approval_steps.id')
      .execute();
  },
  /** Every step of the given approval instances (the repeat-approver rule reads them all). */
  async stepsOfInstances(db: Executor, instanceIds: number[]) {
    if (!instanceIds.length) return [];
    return db
      .selectFrom('approval_steps')
      .select(['id', 'instance_id', 'approver_id', 'original_approver_id', 'via', 'status', 'acted_by'])
      .where('instance_id', 'in', instanceIds)
      .execute();
  },
  async moveStep(db: Executor, stepId: number, userId: number, successorId: number) {
    return db
      .updateTable('approval_steps')
      .set({ approver_id: successorId, original_approver_id: userId, via: 'transfer' })
      .where('id', '=', stepId)
      .where('approver_id', '=', userId)
      .returning('id')
      .executeTakeFirst();
  },
  async bumpInstance(db: Executor, instanceId: number) {
    await db.updateTable('approval_instances').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', instanceId).execute();
  },
  async insertTransferEvent(db: Executor, e: { instanceId: number; actorId: number | null; stepSeq: number; toUserId: number; comment: string }) {
    await db.insertInto('approval_events').values({ instance_id: e.instanceId, actor_id: e.actorId, action: 'transfer', step_seq: e.stepSeq, to_user_id: e.toUserId, comment: e.comment }).execute();
  },

  // ---- the leaver's open general requests ----
  async countRequests(db: Executor, userId: number) {
    return count(await db.selectFrom('general_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).where('status', 'in', OPEN_REQUEST_STATUSES).executeTakeFirst());
  },
  async firstRequests(db: Executor, userId: number, limit: number) {
    return db.selectFrom('general_requests').select(['id', 'title as label']).where('owner_id', '=', userId).where('status', 'in', OPEN_REQUEST_STATUSES).orderBy('id').limit(limit).execute();
  },
  async moveRequests(db: Executor, userId: number, successorId: number) {
    return db
      .updateTable('general_requests')
      .set({ owner_id: successorId, version: sql`version + 1`, updated_at: sql`now()` })
      .where('owner_id', '=', userId)
      .where('status', 'in', OPEN_REQUEST_STATUSES)
      .returning(['id'])
      .execute();
  },

  // ---- delegations from or to the leaver that are still in force ----
  activeDelegations(db: Executor, userId: number) {
    return db
      .selectFrom('delegations')
      .where((eb) => eb.or([eb('user_id', '=', userId), eb('delegate_id', '=', userId)]))
      .where('revoked_at', 'is', null)
      .where('ends_on', '>=', sql<string>`current_date`);
  },
  async countDelegations(db: Executor, userId: number) {
    return count(await this.activeDelegations(db, userId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
  },
  async firstDelegations(db: Executor, userId: number, limit: number) {
    return db
      .selectFrom('delegations')
      .innerJoin('users as u', 'u.id', 'delegations.user_id')
      .innerJoin('users as d', 'd.id', 'delegations.delegate_id')
      .select(['delegations.id', sql<string>`u.name || ' → ' || d.name || ' (' || delegations.starts_on || '~' || delegations.ends_on || ')'`.as('label')])
      .where((eb) => eb.or([eb('delegations.user_id', '=', userId), eb('delegations.delegate_id', '=', userId)]))
      .where('delegations.revoked_at', 'is', null)
      .where('delegations.ends_on', '>=', sql<string>`current_date`)
      .orderBy('delegations.id')
      .limit(limit)
      .execute();
  },
  async revokeDelegations(db: Executor, userId: number) {
    return db
      .updateTable('delegations')
      .set({ revoked_at: sql`now()` })
      .where((eb) => eb.or([eb('user_id', '=', userId), eb('delegate_id', '=', userId)]))
      .where('revoked_at', 'is', null)
      .where('ends_on', '>=', sql<string>`current_date`)
      .returning(['id', 'user_id', 'delegate_id'])
      .execute();
  },
};
