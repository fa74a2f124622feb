import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';

const TimelineTab = lazyNamed(() => import('./components/TimelineTab'), 'TimelineTab');

/** 客户时间线 (ACC-2): everything that happened with the account, from every room. */
export const timelineWeb: WebFeature = {
  name: 'timeline',
  // mounted only while shown, so it reads afresh what the other tabs changed
  accountTabs: [{ key: 'timeline', order: 80, label: ({ t }) => t('timeline:tab'), render: ({ account, active }) => (active ? <TimelineTab accountId={account.id} /> : null) }],
};
