import { defineFeature } from '../../platform/feature';
import { needsRepo } from './needs.repo';
import { needsRoutes } from './needs.routes';
import { timelineSources, mergeParts } from './needs.parts';
import { NEEDS_TABLES } from './needs.tables';

export const needsFeature = defineFeature({
  name: 'needs',
  tables: NEEDS_TABLES,
  routes: needsRoutes,
  timelineSources,
  mergeParts,
});

/** A leaver's open countermeasures: the plans room hands them to the successor with the plan items (its 'plans' part). */
export const openCountermeasures = {
  count: needsRepo.countOpenCountermeasures.bind(needsRepo),
  first: needsRepo.firstOpenCountermeasures.bind(needsRepo),
  move: needsRepo.moveOpenCountermeasures.bind(needsRepo),
};
