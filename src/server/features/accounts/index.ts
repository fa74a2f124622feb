import { defineFeature } from '../../platform/feature';
import { accountsRoutes, registerAccountJobs } from './accounts.routes';
import { mergeRoutes } from './merge.routes';
import { timelineSources, mergeParts, handoverParts } from './accounts.parts';

export const accountsFeature = defineFeature({
  name: 'accounts',
  routes: async (app, p) => {
    await accountsRoutes(app, p);
    await mergeRoutes(app, p);
  },
  wire: (p) => registerAccountJobs(p),
  timelineSources,
  mergeParts,
  handoverParts,
});
