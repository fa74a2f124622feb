import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { AtRiskCard } from './components/AtRiskCard';
import { healthRoutes } from './routes';

const AccountHealthTab = lazyNamed(() => import('./components/AccountHealthTab'), 'AccountHealthTab');

/** 客户健康度 (SVC-3): the at-risk list and the account's 健康度 tab (mounted while shown); on the home page the red accounts. */
export const healthWeb: WebFeature = {
  name: 'health',
  routes: healthRoutes,
  homeWidgets: [{ key: 'atRisk', kind: 'card', order: 35, title: 'health:home.atRisk', rank: { director: 20, gm: 20, manager: 30 }, access: ['health:read', 'account:read'], element: <AtRiskCard /> }],
  accountTabs: [
    {
      key: 'health',
      order: 5,
      access: 'account:read',
      label: ({ t }) => <span data-testid="account-tab-health">{t('health:tab')}</span>,
      render: ({ account, active }) => (active ? <AccountHealthTab accountId={account.id} /> : null),
    },
  ],
};
