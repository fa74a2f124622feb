import { defineFeature } from '../../platform/feature';
import { receivablesRoutes, registerReceivablesJobs } from './receivables.routes';
import { RECEIVABLES_TABLES } from './receivables.tables';

/** 应收 (DEAL-2, DEAL-3): ageing as of a date, dunning (帐款催收), collection and settlement rates, statements and the finance reconciliation. */
export const receivablesFeature = defineFeature({
  name: 'receivables',
  tables: RECEIVABLES_TABLES,
  /** receivable:dunning — run the daily dunning now (finance, the KA director, the GMs) */
  permissions: ['receivable:dunning'],
  grants: { gm: ['receivable:dunning'], deputy_gm: ['receivable:dunning'], ka_director: ['receivable:dunning'], finance: ['receivable:dunning'] },
  routes: receivablesRoutes,
  wire: (p) => registerReceivablesJobs(p),
});

/** settleDunning: the collections room closes the collection tasks of instalments it paid or wrote off; collectionRates: the KPI library's rates. */
export { collectionRates, runDunning, settleDunning } from './receivables.service';
/** The contract statuses whose instalments are receivable (the KPI library's collection and settlement rates). */
export { RECEIVABLE_CONTRACT_STATUSES } from './receivables.repo';
