import type { ReactNode } from 'react';
import type { RouteAccess } from '../../shared/permissions';

/** The areas of the navigation (issue 2 §11), in menu order. */
export const AREAS = ['customers', 'relationships', 'development', 'field', 'visits', 'approvals', 'deals', 'service', 'performance', 'reports', 'system'] as const;
export type Area = (typeof AREAS)[number];

/** A page a feature contributes: its route, who may open it, and where it sits in the menu. */
export interface AppRoute {
  path: string;
  element: ReactNode;
  access: RouteAccess;
  /** when set, the page appears in the menu under this area */
  area?: Area;
  /** i18n key of the menu label (namespace:key) */
  labelKey?: string;
  icon?: ReactNode;
}
