import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { OverdueContractsStat } from './components/OverdueContractsStat';
import { contractRoutes } from './routes';
import { timelineRenderers } from './timeline';

const AccountContractsTab = lazyNamed(() => import('./components/AccountContractsTab'), 'AccountContractsTab');

/** 合同 (DEAL-1): the contracts; the account's 合同与回款 tab (mounted while shown, so it reads afresh); contracts on the timeline; overdue ones on the home page. */
export const contractsWeb: WebFeature = {
  name: 'contracts',
  routes: contractRoutes,
  timelineRenderers,
  accountTabs: [
    {
      key: 'contracts',
      order: 75,
      access: 'contract:read',
      label: ({ t }) => <span data-testid="account-tab-contracts">{t('deals:account.tab')}</span>,
      render: ({ account, active }) => (active ? <AccountContractsTab accountId={account.id} /> : null),
    },
  ],
  homeWidgets: [{ key: 'overdueContracts', kind: 'stat', order: 40, title: 'deals:home.overdueContracts', rank: { director: 20, gm: 20, finance: 20, manager: 40 }, access: 'contract:read', element: <OverdueContractsStat /> }],
};
