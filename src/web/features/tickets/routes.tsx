import { CustomerServiceOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 服务与投诉 (SVC-1): the list, the form (log, edit), one ticket, the SLA settings. */
export const ticketRoutes: AppRoute[] = [
  { path: '/tickets', element: lazyPage(() => import('./pages/TicketsPage'), 'TicketsPage'), access: 'ticket:read', area: 'service', labelKey: 'tickets:menu.tickets', icon: <CustomerServiceOutlined /> },
  { path: '/tickets/new', element: lazyPage(() => import('./pages/TicketFormPage'), 'TicketFormPage'), access: ['ticket:write', 'account:read'] },
  { path: '/tickets/settings', element: lazyPage(() => import('./pages/TicketSettingsPage'), 'TicketSettingsPage'), access: 'ticket:manage', area: 'service', labelKey: 'tickets:menu.settings', icon: <FieldTimeOutlined /> },
  { path: '/tickets/:id', element: lazyPage(() => import('./pages/TicketDetailPage'), 'TicketDetailPage'), access: 'ticket:read' },
  { path: '/tickets/:id/edit', element: lazyPage(() => import('./pages/TicketFormPage'), 'TicketFormPage'), access: 'ticket:write' },
];
