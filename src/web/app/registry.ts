import { accountsWeb } from '../features/accounts/manifest';
import { adminWeb } from '../features/admin/manifest';
import { approvalsWeb } from '../features/approvals/manifest';
import { calendarWeb } from '../features/calendar/manifest';
import { contactLogWeb } from '../features/contact-log/manifest';
import { contactsWeb } from '../features/contacts/manifest';
import { contractsWeb } from '../features/contracts/manifest';
import { expensesWeb } from '../features/expenses/manifest';
import { giftsWeb } from '../features/gifts/manifest';
import { needsWeb } from '../features/needs/manifest';
import { opportunitiesWeb } from '../features/opportunities/manifest';
import { personalWeb } from '../features/personal/manifest';
import { pipelineWeb } from '../features/pipeline/manifest';
import { plansWeb } from '../features/plans/manifest';
import { receivablesWeb } from '../features/receivables/manifest';
import { receptionsWeb } from '../features/receptions/manifest';
import { ticketsWeb } from '../features/tickets/manifest';
import { surveysWeb } from '../features/surveys/manifest';
import { targetsWeb } from '../features/targets/manifest';
import { kpisWeb } from '../features/kpis/manifest';
import { scorecardsWeb } from '../features/scorecards/manifest';
import { healthWeb } from '../features/health/manifest';
import { recoveryWeb } from '../features/recovery/manifest';
import { eventsWeb } from '../features/events/manifest';
import { savedViewsWeb } from '../features/saved-views/manifest';
import { timelineWeb } from '../features/timeline/manifest';
import { transferWeb } from '../features/transfer/manifest';
import { tripsWeb } from '../features/trips/manifest';
import { visitsWeb } from '../features/visits/manifest';
import { workPlansWeb } from '../features/work-plans/manifest';
import { workdaysWeb } from '../features/workdays/manifest';
import type { AccountTab, AppRoute, HeaderItem, HomeWidget, PublicRoute, TimelineRenderers, WebFeature } from './types';

/**
 * Every room of the web app, in menu order within each area. A room declares its WebFeature in
 * src/web/features/<room>/manifest.ts(x) and is added here — nothing else in the shell changes.
 * (Its index.ts, if any, is what other rooms may use; the shell reads only manifests, so signing
 * in loads no room's components.)
 */
export const WEB_FEATURES: readonly WebFeature[] = [
  personalWeb,
  accountsWeb,
  transferWeb,
  approvalsWeb,
  adminWeb,
  workdaysWeb,
  contactsWeb,
  needsWeb,
  plansWeb,
  timelineWeb,
  savedViewsWeb,
  opportunitiesWeb,
  pipelineWeb,
  // in the order of the day's work: visits and their calendar, daily reports and monthly plans, contacts, receptions,
  // gifts (under 客情关系), trips (外勤与接待), claims (费用)
  visitsWeb,
  calendarWeb,
  workPlansWeb,
  contactLogWeb,
  receptionsWeb,
  giftsWeb,
  tripsWeb,
  expensesWeb,
  contractsWeb,
  receivablesWeb,
  ticketsWeb,
  healthWeb,
  recoveryWeb,
  surveysWeb,
  eventsWeb,
  targetsWeb,
  kpisWeb,
  scorecardsWeb,
];

/** Every page in the layout. */
export const featureRoutes: AppRoute[] = WEB_FEATURES.flatMap((f) => f.routes ?? []);

/** The pages open without signing in, outside the layout (the survey link). */
export const publicRoutes: PublicRoute[] = WEB_FEATURES.flatMap((f) => f.publicRoutes ?? []);

/** The tabs the rooms add to the account 360 page, in their order. */
export const accountTabs: AccountTab[] = WEB_FEATURES.flatMap((f) => f.accountTabs ?? []).sort((a, b) => a.order - b.order);

/** How each kind of timeline event reads, from the room it comes from. */
export const timelineRenderers: TimelineRenderers = Object.assign({}, ...WEB_FEATURES.map((f) => f.timelineRenderers ?? {}));

/** The home page's widgets from every room, in their order. */
export const homeWidgets: HomeWidget[] = WEB_FEATURES.flatMap((f) => f.homeWidgets ?? []).sort((a, b) => a.order - b.order);

/** The header's buttons from every room, in their order. */
export const headerItems: HeaderItem[] = WEB_FEATURES.flatMap((f) => f.headerItems ?? []).sort((a, b) => a.order - b.order);
