import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client';
import { containsPattern } from '../../platform/listing';
import type { DB } from '../../db/schema';
import { unitPathOf } from '../../platform/org.repo';

const OPEN_STEP_STATUSES = ['pending', 'waiting'];
const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);

type InstanceEb = ExpressionBuilder<DB, 'approval_instances'>;


/** Whose turn it is: the current pending step is held by the user, directly or as the delegator. */
function inboxOf(eb: InstanceEb, userId: number): Expression<SqlBool> {
  return eb.and([
    eb('approval_instances.status', '=', 'pending'),
    eb.exists(
      eb
        .selectFrom('approval_steps as s')
        .select('s.id')
        .whereRef('s.instance_id', '=', 'approval_instances.id')
        .whereRef('s.seq', '=', 'approval_instances.current_seq')
        .where('s.status', '=', 'pending')
        .where((e) => e.or([e('s.approver_id', '=', userId), e.and([e('s.original_approver_id', '=', userId), e('s.via', '=', 'delegation')])])),
    ),
  ]);
}

function doneBy(eb: InstanceEb, userId: number): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('approval_events as e')
      .select('e.id')
      .whereRef('e.instance_id', '=', 'approval_instances.id')
      .where('e.actor_id', '=', userId)
      .where('e.action', 'in', ['approve', 'reject', 'return', 'transfer']),
  );
}

export const approvalsRepo = {
  instanceSelect(db: Executor) {
    return db
      .selectFrom('approval_instances')
      .innerJoin('users as submitter', 'submitter.id', 'approval_instances.submitter_id')
      .innerJoin('org_units', 'org_units.id', 'approval_instances.unit_id')
      .selectAll('approval_instances')
      .select(['submitter.name as submitter_name', unitPathOf('approval_instances.unit_id').as('unit_name')])
      .select((eb) => [
        eb
          .selectFrom('approval_steps as cs')
          .select('cs.name')
          .whereRef('cs.instance_id', '=', 'approval_instances.id')
          .whereRef('cs.seq', '=', 'approval_instances.current_seq')
          .as('current_step_name'),
        sql<string[]>`coalesce((select array_remove(array[a.name, o.name], null) from approval_steps cs2
          join users a on a.id = cs2.approver_id left join users o on o.id = cs2.original_approver_id and cs2.via = 'delegation'
          where cs2.instance_id = approval_instances.id and cs2.seq = approval_instances.current_seq and cs2.status = 'pending'), '{}')`.as('current_approver_names'),
      ]);
  },

  async list(
    db: Executor,
    opts: { box: 'inbox' | 'submitted' | 'done'; userId: number; status?: string; docType?: string; q?: string; sort: { column: string; desc: boolean }; limit: number; offset: number },
  ) {
    const filter = (eb: InstanceEb) => {
      const conds: Expression<SqlBool>[] = [];
      if (opts.box === 'inbox') conds.push(inboxOf(eb, opts.userId));
      else if (opts.box === 'submitted') conds.push(eb('approval_instances.submitter_id', '=', opts.userId));
      else conds.push(doneBy(eb, opts.userId));
      if (opts.status) conds.push(eb('approval_instances.status', '=', opts.status));
      if (opts.docType) conds.push(eb('approval_instances.doc_type', '=', opts.docType));
      if (opts.q) conds.push(eb('approval_instances.title', 'ilike', containsPattern(opts.q)));
      return eb.and(conds);
    };
    const [items, count] = await Promise.all([
      this.instanceSelect(db)
        .where(filter)
        .orderBy(sql.ref(opts.sort.column), opts.sort.desc ? 'desc' : 'asc')
        .orderBy('approval_instances.id', 'desc')
        .limit(opts.limit)
        .offset(opts.offset)
        .execute(),
      db.selectFrom('approval_instances').where(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  async inboxCount(db: Executor, userId: number) {
    const r = await db
      .selectFrom('approval_instances')
      .where((eb) => inboxOf(eb, userId))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async findInstance(db: Executor, id: number) {
    return this.instanceSelect(db).where('approval_instances.id', '=', id).executeTakeFirst();
  },

  async steps(db: Executor, instanceId: number) {
    return db
      .selectFrom('approval_steps')
      .innerJoin('users as a', 'a.id', 'approval_steps.approver_id')
      .leftJoin('users as o', 'o.id', 'approval_steps.original_approver_id')
      .leftJoin('users as b', 'b.id', 'approval_steps.acted_by')
      .selectAll('approval_steps')
      .select(['a.name as approver_name', 'o.name as original_approver_name', 'b.name as acted_by_name'])
      .where('approval_steps.instance_id', '=', instanceId)
      .orderBy('approval_steps.seq')
      .execute();
  },

  async events(db: Executor, instanceId: number) {
    return db
      .selectFrom('approval_events')
      .leftJoin('users as a', 'a.id', 'approval_events.actor_id')
      .leftJoin('users as t', 't.id', 'approval_events.to_user_id')
      .selectAll('approval_events')
      .select(['a.name as actor_name', 't.name as to_user_name'])
      .where('approval_events.instance_id', '=', instanceId)
      .orderBy('approval_events.id')
      .execute();
  },

  // ---- chains ----

  chainSelect(db: Executor) {
    return db.selectFrom('approval_chains').leftJoin('org_units', 'org_units.id', 'approval_chains.unit_id').selectAll('approval_chains').select(unitPathOf('approval_chains.unit_id').as('unit_name'));
  },
  async listChains(db: Executor, docType?: string) {
    let q = this.chainSelect(db);
    if (docType) q = q.where('approval_chains.doc_type', '=', docType);
    return q.orderBy('approval_chains.doc_type').orderBy('approval_chains.id').execute();
  },
  async findChain(db: Executor, id: number) {
    return this.chainSelect(db).where('approval_chains.id', '=', id).executeTakeFirst();
  },
  async insertChain(db: Executor, v: { docType: string; unitId: number | null; name: string; steps: unknown; active: boolean; allowRepeatApprover: boolean }) {
    return db
      .insertInto('approval_chains')
      .values({ doc_type: v.docType, unit_id: v.unitId, name: v.name, steps: JSON.stringify(v.steps), active: v.active, allow_repeat_approver: v.allowRepeatApprover })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  async updateChain(db: Executor, id: number, version: number, v: { unit_id?: number | null; name?: string; steps?: unknown; active?: boolean; allow_repeat_approver?: boolean }) {
    const { steps, ...rest } = v;
    return db
      .updateTable('approval_chains')
      .set({ ...rest, ...(steps !== undefined && { steps: JSON.stringify(steps) }), version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  async unitExists(db: Executor, id: number) {
    return Boolean(await db.selectFrom('org_units').select('id').where('id', '=', id).executeTakeFirst());
  },
  async existingUserIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return [];
    return (await db.selectFrom('users').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
  },
  async findUser(db: Executor, id: number) {
    return db.selectFrom('users').select(['id', 'name', 'status', 'unit_id']).where('id', '=', id).executeTakeFirst();
  },

  // ---- delegations ----

  delegationSelect(db: Executor) {
    return db
      .selectFrom('delegations')
      .innerJoin('users as u', 'u.id', 'delegations.user_id')
      .innerJoin('users as d', 'd.id', 'delegations.delegate_id')
      .selectAll('delegations')
      .select(['u.name as user_name', 'd.name as delegate_name']);
  },
  async listDelegations(db: Executor, userId: number | null) {
    let q = this.delegationSelect(db);
    if (userId !== null) q = q.where((eb) => eb.or([eb('delegations.user_id', '=', userId), eb('delegations.delegate_id', '=', userId)]));
    return q.orderBy('delegations.starts_on', 'desc').orderBy('delegations.id', 'desc').execute();
  },
  async findDelegation(db: Executor, id: number) {
    return this.delegationSelect(db).where('delegations.id', '=', id).executeTakeFirst();
  },
  async insertDelegation(db: Executor, v: { userId: number; delegateId: number; startsOn: string; endsOn: string; reason: string; createdBy: number }) {
    return db
      .insertInto('delegations')
      .values({ user_id: v.userId, delegate_id: v.delegateId, starts_on: v.startsOn, ends_on: v.endsOn, reason: v.reason, created_by: v.createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  async revokeDelegation(db: Executor, id: number) {
    return db.updateTable('delegations').set({ revoked_at: sql`now()` }).where('id', '=', id).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
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
