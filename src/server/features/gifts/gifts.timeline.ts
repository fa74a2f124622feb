import { can } from '../../platform/actor';
import { registerTimelineSource } from '../timeline/timeline.registry';
import { giftsRepo } from './gifts.repo';
import { giftAccountScope } from './gifts.scope';

/** The account's 动态: gift applications once submitted, at their latest step, for callers with gift:read on the account. */
registerTimelineSource({
  name: 'gifts',
  kinds: ['gift'],
  async events(db, actor, q) {
    if (!can(actor, 'gift:read') || !q.kinds.has('gift')) return [];
    const rows = await giftsRepo.timelineEvents(db, q, giftAccountScope(actor, 'gift:read'), q.limit);
    return rows.map((r) => ({
      kind: 'gift' as const,
      id: r.id,
      at: r.at instanceof Date ? r.at : new Date(r.at),
      dateOnly: false,
      actorId: r.owner_id,
      actorName: r.owner_name,
      params: { contact: r.contact_name, item: r.item_name, quantity: r.quantity, value: Number(r.value), status: r.status, overCap: r.over_cap ? 1 : 0 },
      link: `/gifts/applications/${r.id}`,
    }));
  },
});
