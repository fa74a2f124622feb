import { defineFeature } from '../../platform/feature';
import { giftsRoutes } from './gifts.routes';
import { giftApprovable } from './gifts.service';
import { timelineSources, mergeParts, handoverParts } from './gifts.parts';
import { GIFTS_TABLES } from './gifts.tables';

export const giftsFeature = defineFeature({
  name: 'gifts',
  tables: GIFTS_TABLES,
  permissions: ['gift:read', 'gift:apply', 'gift:manage'],
  grants: { gm: ['gift:read'], deputy_gm: ['gift:read'], ka_director: ['gift:read', 'gift:apply'], account_manager: ['gift:read', 'gift:apply'], specialist: ['gift:read', 'gift:apply'], finance: ['gift:read'], gift_admin: ['gift:read', 'gift:manage'], office: ['gift:read'] },
  approvables: [giftApprovable],
  routes: giftsRoutes,
  timelineSources,
  mergeParts,
  handoverParts,
});
