import { defineFeature } from '../../platform/feature';
import { giftsRoutes } from './gifts.routes';
import { registerGiftDocTypes } from './gifts.service';
import { timelineSources, mergeParts, handoverParts } from './gifts.parts';

export const giftsFeature = defineFeature({
  name: 'gifts',
  routes: giftsRoutes,
  wire: (p) => registerGiftDocTypes(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
