import { audit } from '../../platform/audit';
import { registerHandoverPart } from '../handover/handover.parts';
import { registerMergePart } from '../merge/merge.parts';
import { visitsRepo } from './visits.repo';

/** Visits hang off an account (merge) and belong to their visitor (departure handover). */
registerMergePart({
  name: 'visits',
  count: (trx, sourceId) => visitsRepo.countOfAccount(trx, sourceId),
  async move(trx, ctx) {
    const rows = await visitsRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'visit', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
    return rows.length;
  },
});

registerHandoverPart({
  name: 'visits',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await visitsRepo.countLiveOwned(trx, userId), items: await visitsRepo.firstLiveOwned(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    if (ctx.successorId === null) throw new Error('visits handover needs a successor');
    const to = ctx.successorId;
    const rows = await visitsRepo.moveLiveOwned(trx, ctx.userId, to);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'visit', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to, unit_id: r.unit_id } });
    return rows.length;
  },
});
