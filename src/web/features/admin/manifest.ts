import type { WebFeature } from '../../app/types';
import { adminRoutes } from './routes';

/** 系统管理 (ORG): units, users, roles, approval chains, delegations, audit, jobs. */
export const adminWeb: WebFeature = { name: 'admin', routes: adminRoutes };
