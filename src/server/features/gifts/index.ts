import { defineFeature } from '../../platform/feature';
import { giftsRoutes } from './gifts.routes';
import { giftApprovable } from './gifts.service';
import { timelineSources, mergeParts, handoverParts } from './gifts.parts';

export const giftsFeature = defineFeature({
  name: 'gifts',
  routes: giftsRoutes,
  wire: (p) => giftApprovable.register(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
