import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { giftRoutes } from './routes';
import { timelineRenderers } from './timeline';

const GiftPlanTab = lazyNamed(() => import('./components/GiftPlanTab'), 'GiftPlanTab');

/** 礼品馈赠 (ACT-8): applications, catalogue and stock, plans; the account's gift plan on its page. */
export const giftsWeb: WebFeature = {
  name: 'gifts',
  timelineRenderers,
  routes: giftRoutes,
  accountTabs: [{ key: 'gifts', order: 60, access: 'gift:read', label: ({ t }) => t('gifts:tab'), render: ({ account, can }) => <GiftPlanTab accountId={account.id} editable={can('gift:apply')} /> }],
};
