import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 客户开发: development projects (PIPE-1..6) — list, form and the project page. */
export const opportunityRoutes: AppRoute[] = [
  {
    path: '/opportunities',
    element: lazyPage(() => import('./pages/OpportunitiesPage'), 'OpportunitiesPage'),
    access: 'opportunity:read',
    area: 'development',
    labelKey: 'opportunities:menu.list',
    icon: <FundProjectionScreenOutlined />,
  },
  { path: '/opportunities/new', element: lazyPage(() => import('./pages/OpportunityFormPage'), 'OpportunityFormPage'), access: 'opportunity:write' },
  { path: '/opportunities/:id', element: lazyPage(() => import('./pages/OpportunityDetailPage'), 'OpportunityDetailPage'), access: 'opportunity:read' },
  { path: '/opportunities/:id/edit', element: lazyPage(() => import('./pages/OpportunityFormPage'), 'OpportunityFormPage'), access: 'opportunity:write' },
];
