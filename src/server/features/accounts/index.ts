import { defineFeature } from '../../platform/feature';
import { accountsRepo } from './accounts.repo';
import { accountsRoutes, registerAccountJobs } from './accounts.routes';
import { mergeRoutes } from './merge.routes';
import { timelineSources, mergeParts, handoverParts } from './accounts.parts';
import { ACCOUNTS_TABLES } from './accounts.tables';

/** ACC: everyone on accounts works them; the director and up also assign owners, set trade terms (ORG-4) and merge duplicates. */
const ACCOUNT_WORK = ['account:read', 'account:create', 'account:update'] as const;
const ACCOUNT_LEAD = [...ACCOUNT_WORK, 'account:assign', 'account:trade-terms', 'account:merge'] as const;

export const accountsFeature = defineFeature({
  name: 'accounts',
  tables: ACCOUNTS_TABLES,
  permissions: ['account:read', 'account:create', 'account:update', 'account:assign', 'account:configure', 'account:trade-terms', 'account:merge'],
  grants: { gm: ACCOUNT_LEAD, deputy_gm: ACCOUNT_LEAD, ka_director: ACCOUNT_LEAD, account_manager: ACCOUNT_WORK, specialist: ACCOUNT_WORK },
  routes: async (app, p) => {
    await accountsRoutes(app, p);
    await mergeRoutes(app, p);
  },
  wire: (p) => registerAccountJobs(p),
  timelineSources,
  mergeParts,
  handoverParts,
});

export { refreshAccount, syncContractFigures, syncContractFiguresFor } from './accounts.derived.service';
export { gradeFromAssessment, moveLifecycle } from './accounts.changes.service';
export { loadSettings as loadAccountSettings } from './accounts.settings.service';

// the import and export of accounts (transfer room): profile columns, list filter, rules, bulk classification and history
export { PROFILE_COLUMNS as ACCOUNT_PROFILE_COLUMNS, profileValues as accountProfileValues } from './accounts.fields';
export { accountListFilter } from './accounts.service';
export { categoryList, creditCodeIssue } from './accounts.rules';
export { classifyNew, refreshDerivedMany } from './accounts.derived.service';
export const accountExportBatch = accountsRepo.exportAccounts.bind(accountsRepo);
export const insertAccountChanges = accountsRepo.insertChanges.bind(accountsRepo);
