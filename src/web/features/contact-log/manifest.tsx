import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { contactLogRoutes } from './routes';
import { timelineRenderers } from './timeline';

const LazyContactLogPanel = lazyNamed(() => import('./components/ContactLogPanel'), 'ContactLogPanel');

/** 客户联络记录 (ACT-5): the log across accounts, and each account's on its page. */
export const contactLogWeb: WebFeature = {
  name: 'contact-log',
  timelineRenderers,
  routes: contactLogRoutes,
  accountTabs: [{ key: 'contactLog', order: 30, access: 'contact:read', label: ({ t }) => t('contactLog:panelTitle'), render: ({ account, can }) => <LazyContactLogPanel accountId={account.id} editable={can('contact:write')} /> }],
};
