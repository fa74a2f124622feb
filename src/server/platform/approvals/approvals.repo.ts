import { sql } from 'kysely';
import type { Executor } from '../../db/client';

/** SQL of the approval engine (FLOW-1). Transitions are conditional updates: they return nothing when someone else got there first. */
export const engineRepo = {
  async findUnit(db: Executor, id: number) {
    return db.selectFrom('org_units').select(['id', 'path', 'depth']).where('id', '=', id).executeTakeFirst();
  },
  async findUser(db: Executor, id: number) {
    return db.selectFrom('users').select(['id', 'name', 'status', 'unit_id']).where('id', '=', id).executeTakeFirst();
  },
  /** Active chains of a doc type for the given units (ids) or company-wide (null). */
  async candidateChains(db: Executor, docType: string, unitIds: number[]) {
    return db
      .selectFrom('approval_chains')
      .select(['id', 'name', 'unit_id', 'steps', 'allow_repeat_approver'])
      .where('doc_type', '=', docType)
      .where('active', '=', true)
      .where((eb) => eb.or([eb('unit_id', 'is', null), ...(unitIds.length ? [eb('unit_id', 'in', unitIds)] : [])]))
      .orderBy('id')
      .execute();
  },
  /** The active holder of a position whose unit lies in the subtree at `path`, nearest to its top, lowest id first. */
  async positionHolderUnder(db: Executor, position: string, path: string) {
    return db
      .selectFrom('users')
      .innerJoin('user_positions', 'user_positions.user_id', 'users.id')
      .innerJoin('org_units', 'org_units.id', 'users.unit_id')
      .select(['users.id', 'users.name'])
      .where('user_positions.position', '=', position)
      .where('users.status', '=', 'active')
      .where('org_units.path', 'like', `${path}%`)
      .orderBy('org_units.depth')
      .orderBy('users.id')
      .limit(1)
      .executeTakeFirst();
  },
  /** The delegate standing in for `userId` on business date `day`, if any (an active user). */
  async activeDelegate(db: Executor, userId: number, day: string) {
    return db
      .selectFrom('delegations')
      .innerJoin('users', 'users.id', 'delegations.delegate_id')
      .select(['users.id', 'users.name'])
      .where('delegations.user_id', '=', userId)
      .where('delegations.revoked_at', 'is', null)
      .where('delegations.starts_on', '<=', day)
      .where('delegations.ends_on', '>=', day)
      .where('users.status', '=', 'active')
      .orderBy('delegations.id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },
  async hasPending(db: Executor, docType: string, docId: number) {
    const r = await db.selectFrom('approval_instances').select('id').where('doc_type', '=', docType).where('doc_id', '=', docId).where('status', '=', 'pending').executeTakeFirst();
    return Boolean(r);
  },
  async insertInstance(db: Executor, v: { docType: string; docId: number; title: string; amount: number | null; secondAmount: number | null; submitterId: number; unitId: number; chainId: number | null; allowRepeatApprover: boolean }) {
    return db
      .insertInto('approval_instances')
      .values({ doc_type: v.docType, doc_id: v.docId, title: v.title, amount: v.amount, second_amount: v.secondAmount, submitter_id: v.submitterId, unit_id: v.unitId, chain_id: v.chainId, allow_repeat_approver: v.allowRepeatApprover, status: 'pending', current_seq: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async insertStep(db: Executor, v: { instanceId: number; seq: number; name: string; approverId: number; originalApproverId: number | null; status: string }) {
    await db
      .insertInto('approval_steps')
      .values({ instance_id: v.instanceId, seq: v.seq, name: v.name, approver_id: v.approverId, original_approver_id: v.originalApproverId, via: v.originalApproverId === null ? null : 'delegation', status: v.status })
      .execute();
  },
  async insertEvent(db: Executor, v: { instanceId: number; actorId: number | null; action: string; stepSeq: number | null; toUserId?: number | null; comment?: string | null }) {
    await db
      .insertInto('approval_events')
      .values({ instance_id: v.instanceId, actor_id: v.actorId, action: v.action, step_seq: v.stepSeq, to_user_id: v.toUserId ?? null, comment: v.comment ?? null })
      .execute();
  },
  async findInstance(db: Executor, id: number) {
    return db.selectFrom('approval_instances').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Row lock on the instance: every action on one instance runs one at a time, across server processes. */
  async lockInstance(db: Executor, id: number) {
    return db.selectFrom('approval_instances').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },
  async steps(db: Executor, instanceId: number) {
    return db.selectFrom('approval_steps').selectAll().where('instance_id', '=', instanceId).orderBy('seq').execute();
  },
  async isParticipant(db: Executor, instanceId: number, userId: number) {
    const r = await db
      .selectFrom('approval_steps')
      .select('id')
      .where('instance_id', '=', instanceId)
      .where((eb) => eb.or([eb('approver_id', '=', userId), eb('original_approver_id', '=', userId), eb('acted_by', '=', userId)]))
      .limit(1)
      .executeTakeFirst();
    return Boolean(r);
  },
  /** The one transition of a pending step; undefined when it was already decided. */
  async decideStep(db: Executor, stepId: number, v: { status: string; actedBy: number; comment: string | null }) {
    return db
      .updateTable('approval_steps')
      .set({ status: v.status, acted_by: v.actedBy, acted_at: sql`now()`, comment: v.comment })
      .where('id', '=', stepId)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
  },
  async transferStep(db: Executor, stepId: number, fromUserId: number, toUserId: number) {
    return db
      .updateTable('approval_steps')
      .set({ approver_id: toUserId, original_approver_id: fromUserId, via: 'transfer' })
      .where('id', '=', stepId)
      .where('status', '=', 'pending')
      .where('approver_id', '=', fromUserId)
      .returningAll()
      .executeTakeFirst();
  },
  async activateStep(db: Executor, stepId: number) {
    return db.updateTable('approval_steps').set({ status: 'pending' }).where('id', '=', stepId).where('status', '=', 'waiting').returningAll().executeTakeFirst();
  },
  async cancelOpenSteps(db: Executor, instanceId: number) {
    await db.updateTable('approval_steps').set({ status: 'cancelled' }).where('instance_id', '=', instanceId).where('status', 'in', ['waiting', 'pending']).execute();
  },
  /** Moves a pending instance on; undefined when its version moved meanwhile. */
  async updateInstance(db: Executor, id: number, version: number, v: { status?: string; currentSeq: number | null; finished?: boolean }) {
    return db
      .updateTable('approval_instances')
      .set({
        ...(v.status !== undefined && { status: v.status }),
        current_seq: v.currentSeq,
        ...(v.finished && { finished_at: sql`now()` }),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
  },
  async userNames(db: Executor, ids: number[]) {
    if (ids.length === 0) return new Map<number, string>();
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async anyChain(db: Executor, docType: string) {
    return db.selectFrom('approval_chains').select('id').where('doc_type', '=', docType).limit(1).executeTakeFirst();
  },
  async insertChain(db: Executor, v: { docType: string; unitId: number | null; name: string; steps: unknown; active: boolean }) {
    return db
      .insertInto('approval_chains')
      .values({ doc_type: v.docType, unit_id: v.unitId, name: v.name, steps: JSON.stringify(v.steps), active: v.active })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async lockChains(db: Executor) {
    await sql`lock table approval_chains in share row exclusive mode`.execute(db);
  },
};
