import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { recoveryRoutes } from './routes';
import { timelineRenderers } from './timeline';

const AccountRecoveryTab = lazyNamed(() => import('./components/AccountRecoveryTab'), 'AccountRecoveryTab');

/** 挽回方案 (SVC-3): the plans and one plan's page; the account's 挽回方案 tab beside 健康度 (mounted while shown); plans on the timeline. */
export const recoveryWeb: WebFeature = {
  name: 'recovery',
  routes: recoveryRoutes,
  timelineRenderers,
  accountTabs: [
    {
      key: 'recovery',
      order: 6,
      access: 'recovery:read',
      label: ({ t }) => <span data-testid="account-tab-recovery">{t('recovery:tab')}</span>,
      render: ({ account, active }) => (active ? <AccountRecoveryTab account={account} /> : null),
    },
  ],
};
