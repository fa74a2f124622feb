import { lazyNamed } from '../../app/lazyPage';
import type { WebFeature } from '../../app/types';
import { timelineRenderers } from './timeline';

const PlanTab = lazyNamed(() => import('./components/PlanTab'), 'PlanTab');

/** 客户关系计划 (REL-4): the account's relationship plan on its page. */
export const plansWeb: WebFeature = {
  name: 'plans',
  timelineRenderers,
  accountTabs: [{ key: 'plan', order: 50, access: 'contact:read', label: ({ t }) => t('plans:tab'), render: ({ account, can }) => <PlanTab accountId={account.id} editable={can('contact:write')} /> }],
};
