import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { invitationListQuery, PublicAnswer, scoresQuery, SurveySettingsUpdate } from '../../../shared/contracts/surveys';
import { businessDate, zonedInstant } from '../../../shared/domain/business-time';
import {
  addMonths,
  allRatingKeys,
  answerProblems,
  cadenceMonths,
  CURRENT_QUESTION_SET,
  QUESTION_SETS,
  questionSet,
  readSurveySettings,
  shortestCadence,
  surveyDue,
  type InvitationReason,
  type ScoreCounts,
  type SurveySettings,
} from '../../../shared/domain/surveys';
import type { z } from 'zod';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import type { JobQueue } from '../../platform/jobs/queue';
import { pageWindow, resolveSort } from '../../platform/listing';
import { absoluteUrl } from '../../platform/notifications/email';
import type { Notifier } from '../../platform/notifications/notifier';
import { accountScope } from '../../platform/scope';
import { defineSetting, readWith } from '../../platform/settings';
import { INVITATION_SORT_COLUMNS, surveysRepo as repo, type ScoreFilter } from './surveys.repo';
import { scoreFigures, sumCounts, type ItemSums } from './surveys.rules';
import { healthChanged } from '../health';

/** What the room needs of the platform beyond the database: the queue, the notifier and the configuration. */
export interface SurveyDeps {
  db: Kdb;
  jobs: Pick<JobQueue, 'enqueue'>;
  notifier: Pick<Notifier, 'notify'>;
  config: Pick<Config, 'SMTP_URL' | 'PUBLIC_URL' | 'BUSINESS_TZ'>;
}

export const SURVEY_EMAIL_JOB = 'surveys.email';
/** With the queue's doubling backoff, 12 attempts keep retrying for about an hour of mail-server outage. */
const EMAIL_ATTEMPTS = 12;

export const surveySetting = defineSetting('surveys', readWith(readSurveySettings), readSurveySettings(undefined));

// ---- errors ----

const notFound = () => new AppError('NOT_FOUND', 'Survey invitation not found', undefined, { key: 'surveys.notFound' });
const accountNotFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
/** One answer for every token that does not open a survey now: unknown, expired, answered or revoked alike. */
export const linkUnavailable = () => new AppError('GONE', 'This survey link is not valid: it may have expired, been used or been withdrawn', undefined, { key: 'surveys.linkUnavailable' });
const notPending = (status: string) => new AppError('INVALID_STATE', `The invitation is ${status}`, undefined, { key: 'surveys.notPending', params: { status } });
const answered = () => new AppError('INVALID_STATE', 'The invitation was answered or revoked; send a new one', undefined, { key: 'surveys.closed' });

/** The keys of what is wrong with answers (shared/domain/surveys answerProblems). */
const answerKeys = { required: 'surveys.required', unknownItem: 'surveys.unknownItem', outOfRange: 'surveys.outOfRange' } as const;

// ---- tokens ----

/** A link's secret: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
/** What the database keeps of a token: its SHA-256, hex. A lookup by it is the comparison (no timing to learn from). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
export const linkPath = (token: string) => `/s/${token}`;

// ---- business days ----

const dayStart = (date: string, tz: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedInstant(tz, y, m - 1, d);
};
const nextDay = (date: string) => {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

// ---- settings ----

export async function getSettings(db: Executor) {
  const s = await surveySetting.get(db);
  return { settings: s.value, version: s.version, updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null };
}

export async function putSettings(db: Kdb, actor: Actor, body: SurveySettingsUpdate) {
  const { version, ...value } = body;
  await surveySetting.put(db, actor, readSurveySettings(value), version);
  return getSettings(db);
}

// ---- invitations ----

export async function list(db: Kdb, actor: Actor, q: z.infer<typeof invitationListQuery>, tz: string) {
  const filter = {
    scope: accountScope(actor, 'survey:read'),
    q: q.q || undefined,
    accountId: q.accountId,
    contactId: q.contactId,
    ownerId: q.ownerId,
    unitId: q.unitId,
    statuses: q.status,
    reason: q.reason,
    from: q.from ? dayStart(q.from, tz) : undefined,
    to: q.to ? dayStart(nextDay(q.to), tz) : undefined,
  };
  const sort = resolveSort(q.sort, INVITATION_SORT_COLUMNS, '-createdAt');
  const [items, total] = await Promise.all([repo.list(db, filter, sort, pageWindow(q)), repo.count(db, filter)]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function get(db: Executor, actor: Actor, id: number) {
  const row = await repo.find(db, id, accountScope(actor, 'survey:read'));
  if (!row) throw notFound();
  return row;
}

interface InviteInput {
  accountId: number;
  contact: { id: number; email: string | null };
  reason: InvitationReason;
  ticketId?: number;
  scheduleKey?: string;
  createdBy: number | null;
  settings: SurveySettings;
}

/** Queues the link's e-mail to the contact when SMTP is set and the contact has an address; whether it did. */
async function queueEmail(trx: Executor, deps: Pick<SurveyDeps, 'jobs' | 'config'> | null, invitationId: number, token: string, email: string | null): Promise<boolean> {
  const to = email?.trim();
  if (!deps?.config.SMTP_URL || !to) return false;
  await repo.queueEmail(trx, invitationId, token, to);
  await deps.jobs.enqueue(trx, SURVEY_EMAIL_JOB, { invitationId }, { maxAttempts: EMAIL_ATTEMPTS, dedupeKey: `${SURVEY_EMAIL_JOB}:${invitationId}` });
  return true;
}

/** Writes an invitation with a fresh link (and queues its e-mail); undefined when one of its kind is already there (the ticket's, the day's). */
async function invite(trx: Executor, deps: Pick<SurveyDeps, 'jobs' | 'config'> | null, v: InviteInput) {
  const token = newToken();
  const row = await repo.insert(trx, {
    accountId: v.accountId,
    contactId: v.contact.id,
    reason: v.reason,
    ticketId: v.ticketId,
    scheduleKey: v.scheduleKey,
    questionSet: CURRENT_QUESTION_SET,
    tokenHash: tokenHash(token),
    expiryDays: v.settings.expiryDays,
    createdBy: v.createdBy,
  });
  if (!row) return undefined;
  const emailing = await queueEmail(trx, deps, row.id, token, v.contact.email);
  return { id: row.id, token, emailing };
}

/** The contact of the account to invite: 400 naming contactId when it is not the account's or has left. */
async function contactToInvite(trx: Executor, accountId: number, contactId: number) {
  const c = await repo.accountAndContact(trx, accountId, contactId, null);
  if (!c) throw validationError([issue('contactId', 'surveys.contactNotOfAccount', "Choose one of the account's contacts")]);
  if (c.status !== 'active') throw validationError([issue('contactId', 'surveys.contactLeft', 'The contact has left; choose another')]);
  return c;
}

/** 发送满意度调查: a new invitation of one contact by hand; its link is in this answer only. */
export async function create(deps: SurveyDeps, actor: Actor, body: { accountId: number; contactId: number }) {
  const made = await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.accountInScope(trx, body.accountId, accountScope(actor, 'survey:write')))) throw accountNotFound();
    const contact = await contactToInvite(trx, body.accountId, body.contactId);
    const settings = (await surveySetting.get(trx)).value;
    const out = (await invite(trx, deps, { accountId: body.accountId, contact: { id: contact.contact_id, email: contact.email }, reason: 'manual', createdBy: actor.userId, settings }))!;
    await audit(trx, actor, { entity: 'survey_invitation', entityId: out.id, action: 'create', after: { account_id: body.accountId, contact_id: body.contactId, reason: 'manual' }, data: { emailing: out.emailing } });
    return out;
  });
  return issued(deps, actor, made);
}

async function issued(deps: SurveyDeps, actor: Actor, made: { id: number; token: string; emailing: boolean }) {
  const path = linkPath(made.token);
  return { row: await get(deps.db, actor, made.id), token: made.token, path, url: absoluteUrl(deps.config.PUBLIC_URL, path), emailing: made.emailing };
}

/** 重新生成链接: a new link for an invitation not answered or revoked (expired ones too); the old link stops working. */
export async function reissue(deps: SurveyDeps, actor: Actor, id: number) {
  const made = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.lock(trx, id, accountScope(actor, 'survey:write'));
    if (!row) throw notFound();
    if (row.answered_at || row.revoked_at) throw answered();
    const contact = await repo.accountAndContact(trx, row.account_id, row.contact_id, null);
    const settings = (await surveySetting.get(trx)).value;
    const token = newToken();
    await repo.reissue(trx, id, tokenHash(token), settings.expiryDays);
    // a link e-mailed before no longer works: the new one goes the same way
    await repo.dropEmail(trx, id);
    const emailing = contact?.status === 'active' ? await queueEmail(trx, deps, id, token, contact.email) : false;
    await audit(trx, actor, { entity: 'survey_invitation', entityId: id, action: 'link', data: { emailing } });
    return { id, token, emailing };
  });
  return issued(deps, actor, made);
}

/** 撤回: a pending invitation's link stops working. */
export async function revoke(db: Kdb, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    const row = await repo.lock(trx, id, accountScope(actor, 'survey:write'));
    if (!row) throw notFound();
    if (!(await repo.revoke(trx, id, actor.userId))) {
      throw notPending(row.answered_at ? 'answered' : row.revoked_at ? 'revoked' : 'expired');
    }
    await repo.dropEmail(trx, id);
    await audit(trx, actor, { entity: 'survey_invitation', entityId: id, action: 'revoke' });
  });
  return get(db, actor, id);
}

/** The tickets room's survey when a ticket closes (see index.ts). */
export async function afterTicket(trx: Executor, deps: Pick<SurveyDeps, 'jobs' | 'config' | 'notifier'> | null, actor: Actor, v: { accountId: number; contactId: number | null; ticketId: number }) {
  let contact: { id: number; name: string; email: string | null } | undefined;
  if (v.contactId !== null) {
    const c = await repo.accountAndContact(trx, v.accountId, v.contactId, null);
    contact = c && c.status === 'active' ? { id: c.contact_id, name: c.contact_name, email: c.email } : undefined;
  } else {
    contact = (await repo.primaryContacts(trx, [v.accountId]))[0];
  }
  if (!contact) return null;
  const settings = (await surveySetting.get(trx)).value;
  const made = await invite(trx, deps, { accountId: v.accountId, contact, reason: 'ticket_closed', ticketId: v.ticketId, createdBy: actor.via === 'system' ? null : actor.userId, settings });
  if (!made) return null;
  await audit(trx, actor, { entity: 'survey_invitation', entityId: made.id, action: 'create', after: { account_id: v.accountId, contact_id: contact.id, reason: 'ticket_closed', ticket_id: v.ticketId }, data: { emailing: made.emailing } });
  if (!made.emailing && deps) {
    const account = await repo.ownerOf(trx, v.accountId);
    if (account) await deps.notifier.notify(trx, { userIds: [account.owner_id], kind: 'survey.toSend', params: { account: account.name, contact: contact.name }, link: `/accounts/${v.accountId}?tab=surveys` });
  }
  return { invitationId: made.id, token: made.token, path: linkPath(made.token), emailing: made.emailing };
}

// ---- the public link ----

/** Counts the request against the address's limit per minute: 429 past it. */
export async function checkRate(db: Kdb, ip: string, limitPerMinute: number) {
  if ((await repo.hit(db, ip)) > limitPerMinute) throw new AppError('RATE_LIMITED', 'Too many requests from this address; try again in a minute', undefined, { key: 'surveys.rateLimited' });
}

/** The survey the token opens: the questions of its set and the account's display name, nothing else. */
export async function openPublic(db: Kdb, token: string) {
  const row = await repo.openByHash(db, tokenHash(token));
  const set = row && questionSet(row.question_set);
  if (!row || !set) throw linkUnavailable();
  return {
    accountName: row.account_name,
    questionSet: set.version,
    questions: set.questions.map((q) => ({ key: q.key, kind: q.kind, text: q.text, required: q.required })),
    scale: set.scale,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** The customer's answers: validated against the invitation's set, then taken once (410 for every later or losing try). */
export async function answerPublic(deps: Pick<SurveyDeps, 'db' | 'notifier'>, token: string, body: PublicAnswer) {
  const hash = tokenHash(token);
  const open = await repo.openByHash(deps.db, hash);
  const set = open && questionSet(open.question_set);
  if (!open || !set) throw linkUnavailable();
  const problems = answerProblems(set, body);
  if (problems.length) throw validationError(problems.map((p) => issue(p.path, answerKeys[p.problem], `Answer ${p.path}: ${p.problem}`)));
  const items = Object.fromEntries(Object.entries(body.items ?? {}).filter((e): e is [string, number] => e[1] !== null));
  const comment = body.comment?.trim() || null;
  await deps.db.transaction().execute(async (trx) => {
    const done = await repo.consume(trx, hash, { csat: body.csat, nps: body.nps, items, comment });
    if (!done) throw linkUnavailable();
    await repo.dropEmail(trx, done.id);
    await healthChanged(trx, [done.account_id]);
    await audit(trx, null, { entity: 'survey_invitation', entityId: done.id, action: 'answer', data: { csat: body.csat, nps: body.nps } });
    const about = await repo.namesOf(trx, done.id);
    if (about) {
      await deps.notifier.notify(trx, {
        userIds: [about.owner_id],
        kind: 'survey.answered',
        params: { account: about.account_name, contact: about.contact_name, csat: body.csat, nps: body.nps },
        link: `/accounts/${done.account_id}?tab=surveys`,
      });
    }
  });
}

// ---- the schedule ----

/**
 * 定期满意度调查: invites the primary contact of every account due by its cadence (tier, 战略, grade; the
 * strictest wins) whose last invitation is older than that, in the lifecycle stages the settings name, the
 * longest unsurveyed first and at most `maxPerRun` a day. One invitation per account and business day
 * however many runs (the unique schedule key); each owner gets one notice of what was made for them.
 */
export async function runSchedule(deps: SurveyDeps, now = new Date()) {
  const tz = deps.config.BUSINESS_TZ;
  const today = businessDate(now, tz);
  const settings = (await surveySetting.get(deps.db)).value;
  await repo.pruneHits(deps.db);
  const shortest = shortestCadence(settings.cadence);
  if (shortest === null || !settings.lifecycles.length) return { invited: 0 };
  // a looser first filter in SQL (two days' slack over the time zone), the exact test by the rules
  const since = new Date(dayStart(addMonths(today, -shortest), tz).getTime() - 2 * 86_400_000);
  const candidates = await repo.scheduleCandidates(deps.db, settings.lifecycles, since, tz);
  const due = candidates
    .filter((a) => surveyDue(cadenceMonths(settings.cadence, { tier: a.tier, strategic: a.cat_strategic, grade: a.grade }), a.last_on, today))
    .sort((a, b) => (a.last_on ?? '').localeCompare(b.last_on ?? '') || a.id - b.id)
    .slice(0, settings.maxPerRun);
  const contacts = await repo.primaryContacts(deps.db, due.map((a) => a.id));
  const ownerOf = new Map(due.map((a) => [a.id, a.owner_id]));
  return deps.db.transaction().execute(async (trx) => {
    const perOwner = new Map<number, number>();
    let invited = 0;
    for (const c of contacts) {
      const made = await invite(trx, deps, { accountId: c.account_id, contact: c, reason: 'scheduled', scheduleKey: today, createdBy: null, settings });
      if (!made) continue;
      invited++;
      await audit(trx, null, { entity: 'survey_invitation', entityId: made.id, action: 'create', after: { account_id: c.account_id, contact_id: c.id, reason: 'scheduled' }, data: { emailing: made.emailing } });
      const owner = ownerOf.get(c.account_id)!;
      perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
    }
    for (const [owner, count] of perOwner) {
      await deps.notifier.notify(trx, { userIds: [owner], kind: 'survey.scheduled', params: { count }, link: '/surveys?reason=scheduled&status=pending' });
    }
    return { invited };
  });
}

// ---- e-mail ----

export interface SurveyMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The 'surveys.email' job: mails the invitation's link (held in the outbox) to its contact, then forgets
 * the link. Nothing to do when the invitation was answered, revoked or given a new link meanwhile.
 */
export async function sendInvitationEmail(db: Kdb, invitationId: number, render: (e: { account: string; contact: string; owner: string; url: string; expires: string }) => Omit<SurveyMail, 'to'>, send: (mail: SurveyMail) => Promise<void>, publicUrl: string, tz: string) {
  const e = await repo.emailToSend(db, invitationId);
  if (!e) {
    await repo.dropEmail(db, invitationId);
    return false;
  }
  const mail = render({ account: e.account_name, contact: e.contact_name, owner: e.owner_name, url: absoluteUrl(publicUrl, linkPath(e.token)), expires: businessDate(new Date(e.expires_at), tz) });
  await send({ to: e.email, ...mail });
  await db.transaction().execute(async (trx) => {
    await repo.markEmailed(trx, invitationId);
    await repo.dropEmail(trx, invitationId);
  });
  return true;
}

export const dropInvitationEmail = (db: Executor, invitationId: number) => repo.dropEmail(db, invitationId);

// ---- scores ----

/** The rating items any set asked, each with the name its latest set gives it. */
export function itemKeys() {
  return allRatingKeys().map((key) => ({ key, name: [...QUESTION_SETS].reverse().flatMap((s) => s.questions).find((q) => q.key === key)!.name }));
}

/** The months (YYYY-MM) from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m.slice(0, 7) <= to.slice(0, 7); m = addMonths(m, 1)) out.push(m.slice(0, 7));
  return out;
}

/** The period of a scores query: as asked, else the last 12 months (the 1st of the month 11 months ago) to today. */
export function periodOf(q: { from?: string; to?: string }, today: string) {
  const to = q.to ?? today;
  const from = q.from ?? addMonths(`${to.slice(0, 7)}-01`, -11);
  if (from > to) throw validationError([issue('to', 'common.endBeforeStart', 'The end date is before the start date')]);
  if (monthsBetween(from, to).length > 120) throw validationError([issue('from', 'surveys.periodTooLong', 'Ask for at most ten years')]);
  return { from, to };
}

export async function scores(db: Kdb, actor: Actor, q: z.infer<typeof scoresQuery>, tz: string) {
  const { from, to } = periodOf(q, businessDate(new Date(), tz));
  const f: ScoreFilter = { scope: accountScope(actor, 'survey:read'), accountId: q.accountId, ownerId: q.ownerId, unitId: q.unitId, from: dayStart(from, tz), to: dayStart(nextDay(to), tz) };
  const [settings, counted, items, sent, monthly] = await Promise.all([
    surveySetting.get(db),
    repo.scoreCounts(db, f, q.groupBy),
    repo.itemSums(db, f, q.groupBy),
    repo.sentCounts(db, f, q.groupBy),
    repo.monthly(db, f, tz),
  ]);
  const target = settings.value.targetSatisfiedRate;
  const keys = itemKeys();
  const zero: ScoreCounts = { answers: 0, csatSum: 0, satisfied: 0, promoters: 0, detractors: 0 };
  const groups = new Map<number, { counts: ScoreCounts; last: Date | null; sent: number; answered: number; items: ItemSums }>();
  const group = (key: number) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { counts: zero, last: null, sent: 0, answered: 0, items: new Map() }));
    return g;
  };
  for (const c of counted) Object.assign(group(c.key), { counts: c.counts, last: c.lastAnsweredAt });
  for (const s of sent) Object.assign(group(s.key), { sent: s.sent, answered: s.answered });
  for (const i of items) group(i.key).items.set(i.item, { sum: i.sum, n: i.n });
  const names = await repo.groupNames(db, q.groupBy, [...groups.keys()]);
  const rows = [...groups.entries()]
    .map(([key, g]) => ({ key, name: names.get(key) ?? '', ...scoreFigures(g.counts, g, g.items, g.last, target, keys) }))
    .sort((a, b) => b.answers - a.answers || b.sent - a.sent || a.name.localeCompare(b.name, 'zh-CN'));
  const all = [...groups.values()];
  const totalItems: ItemSums = new Map();
  for (const g of all) for (const [k, v] of g.items) totalItems.set(k, { sum: (totalItems.get(k)?.sum ?? 0) + v.sum, n: (totalItems.get(k)?.n ?? 0) + v.n });
  const last = all.reduce<Date | null>((m, g) => (g.last && (!m || g.last > m) ? g.last : m), null);
  const totals = scoreFigures(sumCounts(all.map((g) => g.counts)), { sent: all.reduce((s, g) => s + g.sent, 0), answered: all.reduce((s, g) => s + g.answered, 0) }, totalItems, last, target, keys);
  const byMonth = new Map(monthly.map((m) => [m.month, m.counts]));
  const trend = monthsBetween(from, to).map((month) => {
    const s = scoreFigures(byMonth.get(month) ?? zero, { sent: 0, answered: 0 }, new Map(), null, target, []);
    return { month, answers: s.answers, csat: s.csat, satisfiedRate: s.satisfiedRate, nps: s.nps };
  });
  return { from, to, groupBy: q.groupBy, target, itemKeys: keys, totals, rows, trend };
}

export interface Satisfaction {
  csat: number | null;
  satisfiedRate: number | null;
  nps: number | null;
  answers: number;
  lastAnsweredAt: Date | null;
}

/** The health score's satisfaction measure (see index.ts). */
export async function satisfactionOf(db: Executor, accountIds: readonly number[], period: { from: Date; to: Date }): Promise<Map<number, Satisfaction>> {
  const ids = [...new Set(accountIds)];
  const rows = await repo.countsOfAccounts(db, ids, period.from, period.to);
  const byId = new Map(rows.map((r) => [r.accountId, r]));
  return new Map(
    ids.map((id) => {
      const r = byId.get(id);
      const s = scoreFigures(r?.counts ?? { answers: 0, csatSum: 0, satisfied: 0, promoters: 0, detractors: 0 }, { sent: 0, answered: 0 }, new Map(), r?.lastAnsweredAt ?? null, 0, []);
      return [id, { csat: s.csat, satisfiedRate: s.satisfiedRate, nps: s.nps, answers: s.answers, lastAnsweredAt: r?.lastAnsweredAt ?? null }];
    }),
  );
}

/** The question sets, newest last, as the owner's pages read old answers. */
export function questionSetsView() {
  return { current: CURRENT_QUESTION_SET, sets: QUESTION_SETS.map((s) => ({ version: s.version, scale: s.scale, questions: s.questions.map((q) => ({ key: q.key, kind: q.kind, name: q.name, text: q.text, required: q.required })) })) };
}
