import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { OpportunityPlanTable } from '../../db/schema';
import { type OwnedScope } from '../../platform/scope';

export type PlanValues = Updateable<OpportunityPlanTable>;

export const devPlansRepo = {
  /** The project when it is in the scope; `lock` takes its row lock for a write. */
  async opportunity(db: Executor, id: number, scope: OwnedScope<'opportunities'>, lock = false) {
    const q = db.selectFrom('opportunities').select(['id', 'name', 'status', 'owner_id', 'unit_id']).where('id', '=', id).where(scope);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  /** The project and its account, named on the approval page of its plan. */
  async names(db: Executor, opportunityId: number) {
    return db.selectFrom('opportunities').innerJoin('accounts', 'accounts.id', 'opportunities.account_id').select(['opportunities.name', 'opportunities.expected_value', 'accounts.name as account_name']).where('opportunities.id', '=', opportunityId).executeTakeFirst();
  },
  async plan(db: Executor, opportunityId: number) {
    return db
      .selectFrom('opportunity_plans as p')
      .innerJoin('users as creator', 'creator.id', 'p.created_by')
      .selectAll('p')
      .select('creator.name as created_by_name')
      .where('p.opportunity_id', '=', opportunityId)
      .executeTakeFirst();
  },
  async planForUpdate(db: Executor, opportunityId: number) {
    return db.selectFrom('opportunity_plans').selectAll().where('opportunity_id', '=', opportunityId).forUpdate().executeTakeFirst();
  },
  async userNames(db: Executor, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async activeUserIds(db: Executor, ids: number[]) {
    if (!ids.length) return new Set<number>();
    const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('status', '=', 'active').execute();
    return new Set(rows.map((r) => r.id));
  },
  async insert(db: Executor, values: Insertable<OpportunityPlanTable>) {
    return db.insertInto('opportunity_plans').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, opportunityId: number, values: PlanValues) {
    return db
      .updateTable('opportunity_plans')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('opportunity_id', '=', opportunityId)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  /** The status the approval engine reports; `submitted` stamps submitted_at, anything else decided_at. */

};
