import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { AccountDetail } from '../../shared/contracts/accounts';
import type { TimelineEvent, TimelineKind } from '../../shared/contracts/timeline';
import type { Permission, RouteAccess } from '../../shared/permissions';

/** The areas of the navigation (issue 2 §11), in menu order; each is a collapsible group of the menu. */
export const AREAS = ['customers', 'relationships', 'development', 'field', 'visits', 'expenses', 'approvals', 'deals', 'service', 'performance', 'reports', 'system'] as const;
export type Area = (typeof AREAS)[number];

/** Who may use a page or widget: one permission, or several that it all needs (a page that also reads accounts). */
export type Access = RouteAccess | readonly RouteAccess[];

/** A page a feature contributes: its route, who may open it, and where it sits in the menu. */
export interface AppRoute {
  path: string;
  element: ReactNode;
  /** every permission the page needs to work: without one it is neither in the menu nor opened (403 page) */
  access: Access;
  /** when set, the page appears in the menu under this area */
  area?: Area;
  /** i18n key of the menu label (namespace:key) */
  labelKey?: string;
  icon?: ReactNode;
}

/**
 * A page open without signing in (the customer's survey link): outside the app's layout and session, so it
 * reads no session and shows no menu. Its API routes must be public on the server (http.ts PUBLIC_API_ROUTES).
 */
export interface PublicRoute {
  path: string;
  element: ReactNode;
}

/** What a tab of the account 360 page is given: the account, whether it is the tab shown, the caller's rights. */
export interface AccountTabContext {
  account: AccountDetail;
  active: boolean;
  can: (permission: Permission) => boolean;
  t: TFunction;
}

/** A tab a room adds to the account 360 page (ACC-2); the page shows those the caller may see, by `order`. */
export interface AccountTab {
  /** the `?tab=` value */
  key: string;
  order: number;
  /** shown only to holders of this permission */
  access?: Permission;
  label(c: AccountTabContext): ReactNode;
  render(c: AccountTabContext): ReactNode;
}

/**
 * What a room of the web app brings (ARCHITECTURE "A room declares what it brings"): its pages
 * and its tabs on the account page. A room's manifest.ts(x) exports it (the few components and
 * hooks other rooms may use are in its index.ts); app/registry.ts is the plain list.
 */
export interface WebFeature {
  name: string;
  routes?: readonly AppRoute[];
  accountTabs?: readonly AccountTab[];
  /** how the room's events read on the account timeline */
  timelineRenderers?: TimelineRenderers;
  /** what the room puts on the home page (workbench) */
  homeWidgets?: readonly HomeWidget[];
  /** what the room puts in the header, on every page (the approvals waiting for me) */
  headerItems?: readonly HeaderItem[];
  /** pages anyone may open without signing in (the survey link) */
  publicRoutes?: readonly PublicRoute[];
}

/** A button in the header beside the notifications, shown to holders of `access`, by order. */
export interface HeaderItem {
  key: string;
  order: number;
  access: Access;
  element: ReactNode;
}

/** A widget on the home page: a figure in the top row (`stat`) or a card below (`card`), shown to holders of `access`, by order. */
/** Whom a home widget matters most to, from the person's positions (ORG-1). */
export type HomeAudience = 'gm' | 'director' | 'manager' | 'specialist' | 'finance' | 'admin';

/**
 * A widget a room puts on the home page (工作台, PERF-4): a figure (`stat`) or a short list (`card`), shown to
 * holders of `access`, reading one endpoint in the caller's scope and linking to the filtered list behind it.
 * Its place: `rank` for the audiences it matters most to (lower first), else after them by `order`; a person
 * may move or hide it (their layout, kept on the server).
 */
export interface HomeWidget {
  key: string;
  kind: 'stat' | 'card';
  order: number;
  rank?: Partial<Record<HomeAudience, number>>;
  /** shown only to these audiences (a widget about a unit's people is a director's or the GM's) */
  only?: readonly HomeAudience[];
  /** its name in the layout editor: an i18n key 'namespace:key' */
  title: string;
  access: Access;
  element: ReactNode;
}

export type TimelineParams = TimelineEvent['params'];
/** An event's sentence and an optional second line (reason, evidence, outcome); `t` is the timeline namespace's. */
export type TimelineRenderer = (t: TFunction, params: TimelineParams) => { text: string; detail?: string };
export type TimelineRenderers = Partial<Record<TimelineKind, TimelineRenderer>>;
/** A timeline parameter as text ('' for none). */
export const timelineText = (v: TimelineParams[string]): string => (v === null || v === undefined ? '' : String(v));
