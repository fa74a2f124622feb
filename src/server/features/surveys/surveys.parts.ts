import { audit } from '../../platform/audit';
import type { MergePart } from '../../platform/parts';
import { surveysRepo } from './surveys.repo';

/** A merge moves the duplicate's survey invitations, answered or not, to the account that stays (its scores with them). */
export const mergeParts: MergePart[] = [
  {
    name: 'surveys',
    count: (trx, sourceId) => surveysRepo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const rows = await surveysRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'survey_invitation', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];
