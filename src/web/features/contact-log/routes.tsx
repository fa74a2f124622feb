import { PhoneOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/types';

/** 大客户联系情况表 (ACT-5); entries are added from the account and contact pages. */
export const contactLogRoutes: AppRoute[] = [
  { path: '/contact-log', element: lazyPage(() => import('./pages/ContactLogPage'), 'ContactLogPage'), access: 'contact:read', area: 'field', labelKey: 'contactLog:menu', icon: <PhoneOutlined /> },
];
