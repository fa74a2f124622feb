import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { eventRoutes } from './routes';
import { timelineRenderers } from './timeline';

const AccountServicesTab = lazyNamed(() => import('./components/AccountServicesTab'), 'AccountServicesTab');

/** 增值服务与客户活动 (SVC-4): the events and one event's page; the account's 增值服务 tab (mounted while shown); services and attendance on the timeline. */
export const eventsWeb: WebFeature = {
  name: 'events',
  routes: eventRoutes,
  timelineRenderers,
  accountTabs: [
    {
      key: 'services',
      order: 78,
      access: 'event:read',
      label: ({ t }) => <span data-testid="account-tab-services">{t('events:tab')}</span>,
      render: ({ account, active }) => (active ? <AccountServicesTab account={account} /> : null),
    },
  ],
};
