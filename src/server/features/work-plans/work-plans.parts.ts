import { audit } from '../../platform/audit';
import { type MergePart } from '../../platform/parts';
import { workPlansRepo } from './work-plans.repo';

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  /** An account named in monthly plans moves with a merge, so the plans keep naming the account that stays. */
  {
    name: 'monthlyPlanItems',
    count: (trx, sourceId) => workPlansRepo.countItemsOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const rows = await workPlansRepo.moveItemsToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const planId of new Set(rows.map((r) => r.plan_id))) {
        await audit(trx, ctx.actor, { entity: 'monthly_plan', entityId: planId, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      }
      return rows.length;
    },
  },
];
