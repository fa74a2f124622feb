import { defineFeature } from '../../platform/feature';
import { tasksRoutes, registerTaskJobs } from './tasks.routes';
import { mergeParts, handoverParts } from './tasks.parts';

export const tasksFeature = defineFeature({
  name: 'tasks',
  routes: tasksRoutes,
  wire: (p) => registerTaskJobs(p),
  mergeParts,
  handoverParts,
});

export { closeTasksFor, createTask } from './tasks.service';
