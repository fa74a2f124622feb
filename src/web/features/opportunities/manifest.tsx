import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { opportunityRoutes } from './routes';
import { timelineRenderers } from './timeline';

const AccountOpportunities = lazyNamed(() => import('./components/AccountOpportunities'), 'AccountOpportunities');

/** 客户开发项目 (PIPE): the projects; the account's on its page (mounted while shown, so it reads afresh). */
export const opportunitiesWeb: WebFeature = {
  name: 'opportunities',
  timelineRenderers,
  routes: opportunityRoutes,
  accountTabs: [
    {
      key: 'opportunities',
      order: 70,
      access: 'opportunity:read',
      label: ({ t }) => <span data-testid="account-tab-opportunities">{t('opportunities:account.tab')}</span>,
      render: ({ account, active }) => (active ? <AccountOpportunities accountId={account.id} /> : null),
    },
  ],
};
