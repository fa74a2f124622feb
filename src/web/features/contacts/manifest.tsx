import { Skeleton } from 'antd';
import { Suspense } from 'react';
import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { contactRoutes } from './routes';
import { timelineRenderers } from './timeline';

const ContactsTab = lazyNamed(() => import('./components/ContactsTab'), 'ContactsTab');
// the drawing library is loaded only when someone opens the map
const RelationshipMap = lazyNamed(() => import('./components/RelationshipMap'), 'RelationshipMap');

/** 客情关系 (REL): the account's key people and the relationship map on the account page; coverage across accounts. */
export const contactsWeb: WebFeature = {
  name: 'contacts',
  timelineRenderers,
  routes: contactRoutes,
  accountTabs: [
    { key: 'contacts', order: 10, access: 'contact:read', label: ({ t }) => t('contacts:tab'), render: ({ account, can }) => <ContactsTab accountId={account.id} editable={can('contact:write')} /> },
    {
      key: 'map',
      order: 20,
      access: 'contact:read',
      label: ({ t }) => <span data-testid="account-tab-map">{t('contacts:map.tab')}</span>,
      render: ({ account, can }) => (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <RelationshipMap accountId={account.id} accountName={account.name} editable={can('contact:write')} />
        </Suspense>
      ),
    },
  ],
};
