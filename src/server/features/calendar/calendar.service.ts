import type { Executor, Kdb } from '../../db/client';
import { CALENDAR_MAX_DAYS, type CalendarEvent, type CalendarRange } from '../../../shared/contracts/calendar';
import { iso } from '../../../shared/contracts/common';
import { businessDate, zonedInstant } from '../../../shared/domain/business-time';
import { writeIcs, type IcsEvent } from '../../../shared/domain/ics.rules';
import { AppError, issue, validationError } from '../../../shared/errors';
import { can, type Actor } from '../../platform/actor';
import { loadActorForUser, randomToken, sha256 } from '../../platform/auth/actor-loader';
import { audit } from '../../platform/audit';
import { absoluteUrl, interpolate } from '../../platform/notifications/email';
import calendarZh from '../../../shared/locales/zh-CN/calendar.json';
import receptionsZh from '../../../shared/locales/zh-CN/receptions.json';
import tripsZh from '../../../shared/locales/zh-CN/trips.json';
import visitsZh from '../../../shared/locales/zh-CN/visits.json';
import { calendarRepo, type Window } from './calendar.repo';
import { eventLocation, eventUid, uidDomain } from './calendar.rules';
import { ownedScope } from '../../platform/scope';

const DAY = 86_400_000;
/** A visit has no end time: it is shown as one hour; a reception without an end as two. */
const VISIT_LENGTH = 60 * 60_000;
const RECEPTION_LENGTH = 2 * 60 * 60_000;
/** The feed covers the recent past and the coming quarter. */
const FEED_PAST_DAYS = 31;
const FEED_AHEAD_DAYS = 92;
/** Token prefix: tells a feed token apart from an API token in logs. */
const FEED_PREFIX = 'tmcal_';

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** 400 on `to` when the range runs backwards or is longer than CALENDAR_MAX_DAYS. */
export function checkRange(r: CalendarRange): void {
  const days = dayNumber(r.to) - dayNumber(r.from) + 1;
  if (days < 1) throw validationError([issue('to', 'calendar.rangeBackwards', 'to must not be before from')]);
  if (days > CALENDAR_MAX_DAYS) throw validationError([issue('to', 'calendar.rangeTooLong', `At most ${CALENDAR_MAX_DAYS} days`, { max: CALENDAR_MAX_DAYS })]);
}

function windowOf(from: string, to: string, tz: string): Window {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return { start: zonedInstant(tz, fy, fm - 1, fd), end: zonedInstant(tz, ty, tm - 1, td + 1), fromDay: from, toDay: to };
}

/** Every visit, reception and trip the actor may read (each in its own scope) inside the window, by start. */
async function eventsIn(db: Executor, actor: Actor, w: Window): Promise<CalendarEvent[]> {
  const [visits, receptions, trips] = await Promise.all([
    can(actor, 'visit:read') ? calendarRepo.visits(db, ownedScope('visits', actor, 'visit:read'), w) : [],
    can(actor, 'reception:read') ? calendarRepo.receptions(db, ownedScope('receptions', actor, 'reception:read'), w) : [],
    can(actor, 'trip:read') ? calendarRepo.trips(db, ownedScope('business_trips', actor, 'trip:read'), w) : [],
  ]);
  const events: CalendarEvent[] = [
    ...visits.map((v) => {
      const at = new Date(v.at);
      const location = eventLocation({ kind: 'visit', checkInPlace: v.check_in_place, account: v });
      return { kind: 'visit' as const, id: v.id, title: v.account_name, start: iso(at), end: iso(new Date(at.getTime() + VISIT_LENGTH)), allDay: false, status: v.status, ownerId: v.owner_id, ownerName: v.owner_name, link: `/visits/${v.id}`, location };
    }),
    ...receptions.map((r) => {
      const start = new Date(r.starts_at);
      const end = r.ends_at ? new Date(r.ends_at) : new Date(start.getTime() + RECEPTION_LENGTH);
      return { kind: 'reception' as const, id: r.id, title: r.account_name, start: iso(start), end: iso(end), allDay: false, status: r.status, ownerId: r.owner_id, ownerName: r.owner_name, link: `/receptions/${r.id}`, location: eventLocation({ kind: 'reception', place: r.place }) };
    }),
    ...trips.map((t) => ({ kind: 'trip' as const, id: t.id, title: t.destination, start: t.start_on, end: t.end_on, allDay: true, status: t.status, ownerId: t.owner_id, ownerName: t.owner_name, link: `/trips/${t.id}`, location: eventLocation({ kind: 'trip', destination: t.destination }) })),
  ];
  // all-day events sort at the start of their first day
  const sortKey = (e: CalendarEvent) => (e.allDay ? `${e.start}T00:00:00.000Z` : e.start);
  return events.sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.kind.localeCompare(b.kind) || a.id - b.id);
}

export async function listEvents(db: Kdb, actor: Actor, range: CalendarRange, tz: string) {
  checkRange(range);
  return { from: range.from, to: range.to, items: await eventsIn(db, actor, windowOf(range.from, range.to, tz)) };
}

/**
 * The feed is read by calendar apps, not by the web, so it speaks the business language (zh-CN),
 * from the same resources as the screens — as e-mails do.
 */
const ICS_TEXT = { kinds: calendarZh.kinds, ...calendarZh.ics };
const STATUS_TEXT: Record<CalendarEvent['kind'], Record<string, string>> = { visit: visitsZh.statuses, reception: receptionsZh.statuses, trip: tripsZh.statuses };

function toIcs(actorName: string, events: CalendarEvent[], publicUrl: string, now: Date): string {
  const domain = uidDomain(publicUrl);
  const items: IcsEvent[] = events.map((e) => ({
    uid: eventUid(e.kind, e.id, domain),
    title: interpolate(ICS_TEXT.summary, { kind: ICS_TEXT.kinds[e.kind], title: e.title }),
    start: e.allDay ? e.start : new Date(e.start),
    end: e.allDay ? e.end : new Date(e.end),
    allDay: e.allDay,
    description: `${e.ownerName} · ${STATUS_TEXT[e.kind][e.status] ?? e.status}`,
    location: e.location,
    url: absoluteUrl(publicUrl, e.link),
  }));
  return writeIcs({ name: interpolate(ICS_TEXT.name, { name: actorName }), stamp: now, events: items });
}

export async function exportIcs(db: Kdb, actor: Actor, range: CalendarRange, tz: string, publicUrl: string, now = new Date()) {
  checkRange(range);
  return toIcs(actor.name, await eventsIn(db, actor, windowOf(range.from, range.to, tz)), publicUrl, now);
}

const feedNotFound = () => new AppError('NOT_FOUND', 'Calendar feed not found', undefined, { key: 'calendar.feedNotFound' });

/** The public feed: the token's user's calendar from a month back to a quarter ahead, in that user's current scope. */
export async function feedIcs(db: Kdb, token: string, tz: string, publicUrl: string, now = new Date()) {
  const user = await calendarRepo.userOfFeedToken(db, sha256(token));
  if (!user) throw feedNotFound();
  const actor = await loadActorForUser(db, user.id);
  if (!actor) throw feedNotFound();
  await calendarRepo.touchFeedToken(db, user.id);
  const today = businessDate(now, tz);
  const w = windowOf(addDays(today, -FEED_PAST_DAYS), addDays(today, FEED_AHEAD_DAYS), tz);
  return toIcs(actor.name, await eventsIn(db, actor, w), publicUrl, now);
}

export async function feedTokenStatus(db: Kdb, actor: Actor) {
  const row = await calendarRepo.feedToken(db, actor.userId);
  return { exists: Boolean(row), prefix: row?.prefix ?? null, createdAt: iso(row?.created_at), lastUsedAt: iso(row?.last_used_at) };
}

/** (Re)creates the actor's feed token; the old URL stops working. The token is returned once, only its hash is kept. */
export async function createFeedToken(db: Kdb, actor: Actor) {
  const token = FEED_PREFIX + randomToken(24);
  return db.transaction().execute(async (trx) => {
    const before = await calendarRepo.feedToken(trx, actor.userId);
    const row = await calendarRepo.putFeedToken(trx, actor.userId, sha256(token), token.slice(0, FEED_PREFIX.length + 4));
    await audit(trx, actor, { entity: 'calendar_feed', entityId: actor.userId, action: before ? 'regenerate' : 'create' });
    return { token, path: `/api/calendar/feed/${token}.ics`, createdAt: iso(row.created_at) };
  });
}

export async function revokeFeedToken(db: Kdb, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    if (await calendarRepo.deleteFeedToken(trx, actor.userId)) await audit(trx, actor, { entity: 'calendar_feed', entityId: actor.userId, action: 'revoke' });
  });
}
