import { SmileOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, PublicRoute } from '../../app/types';

/** 满意度 (SVC-2): the page of invitations and scores, in the 服务 area. */
export const surveyRoutes: AppRoute[] = [{ path: '/surveys', element: lazyPage(() => import('./pages/SurveysPage'), 'SurveysPage'), access: ['survey:read', 'account:read'], area: 'service', labelKey: 'surveys:menu.surveys', icon: <SmileOutlined /> }];

/** The customer's survey page: no sign-in, no layout; the link's token is the credential. */
export const surveyPublicRoutes: PublicRoute[] = [{ path: '/s/:token', element: lazyPage(() => import('./pages/PublicSurveyPage'), 'PublicSurveyPage') }];
