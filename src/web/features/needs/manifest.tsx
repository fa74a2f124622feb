import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { timelineRenderers } from './timeline';

const NeedsTab = lazyNamed(() => import('./components/NeedsTab'), 'NeedsTab');

/** 客户需求与对策 (ACC-4): on the account page. */
export const needsWeb: WebFeature = {
  name: 'needs',
  timelineRenderers,
  accountTabs: [{ key: 'needs', order: 40, label: ({ t }) => t('needs:tab'), render: ({ account, can }) => <NeedsTab accountId={account.id} editable={can('account:update')} contactsReadable={can('contact:read')} /> }],
};
