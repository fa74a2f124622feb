import { defineFeature } from '../../platform/feature';
import { tasksRoutes, registerTaskJobs } from './tasks.routes';
import { mergeParts, handoverParts } from './tasks.parts';
import { TASKS_TABLES } from './tasks.tables';

export const tasksFeature = defineFeature({
  name: 'tasks',
  tables: TASKS_TABLES,
  routes: tasksRoutes,
  wire: (p) => registerTaskJobs(p),
  mergeParts,
  handoverParts,
});

export { closeTasksFor, completeLinkedTask, createTask, guardLinkedTasks, type LinkedTaskGuard } from './tasks.service';
