import { defineFeature } from '../../platform/feature';
import { giftsRoutes } from './gifts.routes';
import { giftApprovable } from './gifts.service';
import { timelineSources, mergeParts, handoverParts } from './gifts.parts';
import { GIFTS_TABLES } from './gifts.tables';

export const giftsFeature = defineFeature({
  name: 'gifts',
  tables: GIFTS_TABLES,
  routes: giftsRoutes,
  wire: (p) => giftApprovable.register(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
