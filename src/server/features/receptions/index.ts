import { defineFeature } from '../../platform/feature';
import { receptionsRoutes } from './receptions.routes';
import { receptionApprovable } from './receptions.service';
import { timelineSources, mergeParts, handoverParts } from './receptions.parts';
import { RECEPTIONS_TABLES } from './receptions.tables';

export const receptionsFeature = defineFeature({
  name: 'receptions',
  tables: RECEPTIONS_TABLES,
  routes: receptionsRoutes,
  wire: (p) => receptionApprovable.register(p.approvals),
  timelineSources,
  mergeParts,
  handoverParts,
});
