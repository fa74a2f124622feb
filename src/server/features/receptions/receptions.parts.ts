import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { registerHandoverPart } from '../handover/handover.parts';
import { registerMergePart } from '../merge/merge.parts';
import { registerTimelineSource } from '../timeline/timeline.registry';
import { boundFor } from '../timeline/timeline.rules';
import { receptionsRepo } from './receptions.repo';
import { receptionScope } from './receptions.service';

/**
 * What receptions add to the registries (ARCHITECTURE.md): the account's 动态 shows every
 * reception that left draft; an account merge moves them to the account that stays; a leaver's
 * open receptions (not cancelled, report not yet confirmed) go to the successor.
 */

registerTimelineSource({
  name: 'receptions',
  kinds: ['reception'],
  async events(db, actor, q) {
    if (!can(actor, 'reception:read') || !q.kinds.has('reception')) return [];
    const rows = await receptionsRepo.timelineEvents(db, q.accountId, receptionScope(actor, 'reception:read'), boundFor('reception', q.before), q.limit);
    return rows.map((r) => ({
      kind: 'reception' as const,
      id: r.id,
      at: r.at instanceof Date ? r.at : new Date(r.at),
      dateOnly: false,
      actorId: r.owner_id,
      actorName: r.owner_name,
      params: { kind: r.kind, status: r.status, reportStatus: r.report_status, level: r.level, place: r.place },
      link: `/receptions/${r.id}`,
    }));
  },
});

registerMergePart({
  name: 'receptions',
  count: (trx, sourceId) => receptionsRepo.countOfAccount(trx, sourceId),
  async move(trx, ctx) {
    const rows = await receptionsRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'reception', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
    return rows.length;
  },
});

registerHandoverPart({
  name: 'receptions',
  needsSuccessor: true,
  async preview(trx, userId, limit) {
    return { count: await receptionsRepo.countLiveOwned(trx, userId), items: await receptionsRepo.firstLiveOwned(trx, userId, limit) };
  },
  async transfer(trx, ctx) {
    if (ctx.successorId === null) throw new Error('handover part needs a successor');
    const to = ctx.successorId;
    const rows = await receptionsRepo.moveLiveOwned(trx, ctx.userId, to);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'reception', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to, unit_id: r.unit_id } });
    return rows.length;
  },
});
