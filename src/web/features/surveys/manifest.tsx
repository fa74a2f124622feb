import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { surveyPublicRoutes, surveyRoutes } from './routes';

const AccountSurveysTab = lazyNamed(() => import('./components/AccountSurveysTab'), 'AccountSurveysTab');

/** 满意度 (SVC-2): the surveys page, the account's 满意度 tab (mounted while shown), and the customer's public survey page. */
export const surveysWeb: WebFeature = {
  name: 'surveys',
  routes: surveyRoutes,
  publicRoutes: surveyPublicRoutes,
  accountTabs: [
    {
      key: 'surveys',
      order: 85,
      access: 'survey:read',
      label: ({ t }) => <span data-testid="account-tab-surveys">{t('surveys:account.tab')}</span>,
      render: ({ account, active }) => (active ? <AccountSurveysTab accountId={account.id} /> : null),
    },
  ],
};
