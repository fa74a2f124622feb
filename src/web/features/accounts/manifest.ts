import type { WebFeature } from '../../app/types';
import { accountRoutes } from './routes';
import { timelineRenderers } from './timeline';

/** 客户档案 (ACC): the account list, the 360 page (other rooms add their tabs) and the account form. */
export const accountsWeb: WebFeature = { name: 'accounts', routes: accountRoutes, timelineRenderers };
