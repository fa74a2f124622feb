import { defineFeature } from '../../platform/feature';
import { accountsRepo } from './accounts.repo';
import { accountsRoutes, registerAccountJobs } from './accounts.routes';
import { mergeRoutes } from './merge.routes';
import { timelineSources, mergeParts, handoverParts } from './accounts.parts';
import { ACCOUNTS_TABLES } from './accounts.tables';

export const accountsFeature = defineFeature({
  name: 'accounts',
  tables: ACCOUNTS_TABLES,
  routes: async (app, p) => {
    await accountsRoutes(app, p);
    await mergeRoutes(app, p);
  },
  wire: (p) => registerAccountJobs(p),
  timelineSources,
  mergeParts,
  handoverParts,
});

export { refreshAccount } from './accounts.derived.service';
export { gradeFromAssessment } from './accounts.changes.service';
export { loadSettings as loadAccountSettings } from './accounts.settings.service';

// the import and export of accounts (transfer room): profile columns, list filter, rules, bulk classification and history
export { PROFILE_COLUMNS as ACCOUNT_PROFILE_COLUMNS, profileValues as accountProfileValues } from './accounts.fields';
export { accountListFilter } from './accounts.service';
export { categoryList, creditCodeIssue } from './accounts.rules';
export { classifyNew, refreshDerivedMany } from './accounts.derived.service';
export const accountExportBatch = accountsRepo.exportAccounts.bind(accountsRepo);
export const insertAccountChanges = accountsRepo.insertChanges.bind(accountsRepo);
