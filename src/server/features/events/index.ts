import { defineFeature } from '../../platform/feature';
import { handoverParts, mergeParts, timelineSources } from './events.parts';
import { eventsRoutes } from './events.routes';
import { eventApprovable } from './events.service';
import { EVENTS_TABLES } from './events.tables';

const WORK = ['event:read', 'event:write'] as const;

/** 增值服务与客户活动 (SVC-4): events (座谈会, salons …) with budget approval, guests, attendance, costs and follow-ups; the service log per account. */
export const eventsFeature = defineFeature({
  name: 'events',
  tables: EVENTS_TABLES,
  /** read events and service records; plan and run events, invite, log services */
  permissions: [...WORK],
  grants: { gm: ['event:read'], deputy_gm: ['event:read'], ka_director: WORK, account_manager: WORK, specialist: WORK, finance: ['event:read'] },
  approvables: [eventApprovable],
  routes: eventsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});
