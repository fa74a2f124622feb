import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { SlaStat } from './components/SlaStat';
import { ticketRoutes } from './routes';
import { timelineRenderers } from './timeline';

const AccountTicketsTab = lazyNamed(() => import('./components/AccountTicketsTab'), 'AccountTicketsTab');

/** 服务与投诉 (SVC-1): the tickets and their SLA settings; the account's 服务与投诉 tab (mounted while shown, so it reads afresh); tickets on the timeline. */
export const ticketsWeb: WebFeature = {
  name: 'tickets',
  routes: ticketRoutes,
  timelineRenderers,
  homeWidgets: [{ key: 'ticketsSla', kind: 'stat', order: 45, title: 'tickets:home.sla', rank: { director: 30, manager: 30 }, access: 'ticket:read', element: <SlaStat /> }],
  accountTabs: [
    {
      key: 'tickets',
      order: 77,
      access: 'ticket:read',
      label: ({ t }) => <span data-testid="account-tab-tickets">{t('tickets:account.tab')}</span>,
      render: ({ account, active }) => (active ? <AccountTicketsTab accountId={account.id} /> : null),
    },
  ],
};
