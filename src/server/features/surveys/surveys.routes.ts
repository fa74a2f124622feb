import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse } from '../../../shared/contracts/common';
import {
  invitationCreate,
  invitationDetail,
  invitationListQuery,
  invitationPage,
  issuedInvitation,
  publicAnswer,
  publicSurvey,
  questionSets,
  scoresQuery,
  scoresReport,
  surveySettingsUpdate,
  surveySettingsView,
  surveyTokenParam,
  type Invitation,
  type InvitationDetail,
} from '../../../shared/contracts/surveys';
import { invitationStatus, questionSet, ratingKeys, type InvitationReason } from '../../../shared/domain/surveys';
import surveysZh from '../../../shared/locales/zh-CN/surveys.json';
import { PUBLIC } from '../../../shared/permissions';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { createSmtpSender, interpolate, type MailSender } from '../../platform/notifications/email';
import type { InvitationRow } from './surveys.repo';
import * as service from './surveys.service';

export const SURVEY_SCHEDULE_JOB = 'surveys.schedule';
/** After the dunning (08:30): a working morning, when the owners read their notices. */
export const SURVEY_SCHEDULE_AT = '09:00';
/** The public routes answer at most this body (a survey's answers are a few hundred bytes). */
const PUBLIC_BODY_LIMIT = 16 * 1024;

export const invitationOut = (r: InvitationRow, now = new Date()): Invitation => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  unitName: r.unit_name,
  contactId: r.contact_id,
  contactName: r.contact_name,
  contactHasEmail: Boolean(r.contact_has_email),
  reason: r.reason as InvitationReason,
  ticketId: r.ticket_id,
  status: invitationStatus({ answeredAt: r.answered_at, revokedAt: r.revoked_at, expiresAt: r.expires_at }, now),
  questionSet: r.question_set,
  createdBy: r.created_by === null ? null : { id: r.created_by, name: r.created_by_name ?? '' },
  createdAt: iso(r.created_at),
  issuedAt: iso(r.issued_at),
  expiresAt: iso(r.expires_at),
  emailedAt: iso(r.emailed_at),
  revokedAt: iso(r.revoked_at),
  answeredAt: iso(r.answered_at),
  csat: r.csat,
  nps: r.nps,
});

export const invitationDetailOut = (r: InvitationRow): InvitationDetail => {
  const set = questionSet(r.question_set);
  const scores = (r.item_scores ?? {}) as Record<string, number>;
  return {
    ...invitationOut(r),
    revokedBy: r.revoked_by === null ? null : { id: r.revoked_by, name: r.revoked_by_name ?? '' },
    items: set ? ratingKeys(set).map((key) => ({ key, name: set.questions.find((q) => q.key === key)!.name, score: typeof scores[key] === 'number' ? scores[key] : null })) : [],
    comment: r.comment,
  };
};

/** The e-mail to a contact is in the business language: its words come from the zh-CN resources. */
const MAIL = surveysZh.email;
export const renderInvitationEmail = (e: { account: string; contact: string; owner: string; url: string; expires: string }) => ({
  subject: interpolate(MAIL.subject, e),
  text: `${interpolate(MAIL.body, e)}\n`,
});

/** The daily schedule and the e-mail of links, run by the server and by `tongmeng worker`. */
export function registerSurveyJobs(p: Platform, sender?: MailSender) {
  const deps = { db: p.db, jobs: p.jobs, notifier: p.notifier, config: p.config };
  p.jobs.schedule(SURVEY_SCHEDULE_JOB, { dailyAt: SURVEY_SCHEDULE_AT, timeZone: p.config.BUSINESS_TZ }, async () => {
    await service.runSchedule(deps);
  });
  let mailer = sender;
  p.jobs.register(
    service.SURVEY_EMAIL_JOB,
    async (payload) => {
      const id = Number((payload as { invitationId?: unknown } | null)?.invitationId);
      if (!Number.isInteger(id) || id <= 0) throw new Error(`bad payload for ${service.SURVEY_EMAIL_JOB}: ${JSON.stringify(payload)}`);
      await service.sendInvitationEmail(
        p.db,
        id,
        renderInvitationEmail,
        async (mail) => {
          if (!mailer && !p.config.SMTP_URL) throw new Error('SMTP_URL is not configured on this instance');
          mailer ??= createSmtpSender(p.config.SMTP_URL!, p.config.SMTP_FROM);
          await mailer.send(mail);
        },
        p.config.PUBLIC_URL,
        p.config.BUSINESS_TZ,
      );
    },
    // given up: the link is not kept any longer
    { onGiveUp: (trx, payload) => service.dropInvitationEmail(trx, Number((payload as { invitationId?: unknown } | null)?.invitationId) || 0) },
  );
}

/** 满意度 (SVC-2): the public survey link, invitations, scores and settings. */
export async function surveysRoutes(fastify: FastifyInstance, p: Platform): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = p;
  const tz = p.config.BUSINESS_TZ;
  const deps = { db, jobs: p.jobs, notifier: p.notifier, config: p.config };
  const tags = ['surveys'];
  const publicTags = ['public'];
  // counted before anything else is read of the request, so junk and guesses use up the limit too
  const limited = async (req: FastifyRequest) => service.checkRate(db, req.ip, p.config.SURVEY_IP_LIMIT);
  const issuedOut = (r: Awaited<ReturnType<typeof service.create>>) => ({ invitation: invitationDetailOut(r.row), token: r.token, path: r.path, url: r.url, emailing: r.emailing });

  app.get('/api/public/surveys/:token', {
    config: { access: PUBLIC, errors: [410, 429] },
    onRequest: limited,
    schema: {
      tags: publicTags,
      summary: 'The survey a one-time link opens (no sign-in: the token is the credential): its questions and the account’s display name only. 410 for a token unknown, expired, used or revoked alike; 429 past 30 requests a minute from one address',
      params: surveyTokenParam,
      response: { 200: publicSurvey },
    },
  }, async (req) => service.openPublic(db, req.params.token));

  app.post('/api/public/surveys/:token', {
    config: { access: PUBLIC, errors: [410, 413, 429] },
    onRequest: limited,
    bodyLimit: PUBLIC_BODY_LIMIT,
    schema: {
      tags: publicTags,
      summary: 'Answer the survey once (CSAT 1–5, NPS 0–10, the set’s 1–5 items, a comment ≤ 2,000 characters); 400 names the field; of simultaneous answers one is taken, the others 410 like any used link',
      params: surveyTokenParam,
      body: publicAnswer,
      response: { 200: okResponse },
    },
  }, async (req) => {
    await service.answerPublic(deps, req.params.token, req.body);
    return { ok: true as const };
  });

  app.get('/api/surveys/question-sets', {
    config: { access: 'survey:read' },
    schema: { tags, summary: 'Every version of the survey’s questions (an answer is read with the set it was sent with) and the version new invitations get', response: { 200: questionSets } },
  }, async () => service.questionSetsView());

  app.get('/api/surveys/invitations', {
    config: { access: 'survey:read' },
    schema: { tags, summary: 'Survey invitations of the accounts in scope: account, contact, owner, unit subtree, status (comma list), reason, sent from/to, q (account or contact); sorted and paged', querystring: invitationListQuery, response: { 200: invitationPage } },
  }, async (req) => {
    const r = await service.list(db, actorOf(req), req.query, tz);
    const now = new Date();
    return { ...r, items: r.items.map((i) => invitationOut(i, now)) };
  });

  app.post('/api/surveys/invitations', {
    config: { access: 'survey:write' },
    schema: { tags, summary: 'Invite a contact of an account in scope: 201 with the link, shown this once (its token is kept only hashed); e-mailed too when the contact has an address and SMTP is set', body: invitationCreate, response: { 201: issuedInvitation } },
  }, async (req, reply) => reply.code(201).send(issuedOut(await service.create(deps, actorOf(req), req.body))));

  app.get('/api/surveys/invitations/:id', {
    config: { access: 'survey:read' },
    schema: { tags, summary: 'One invitation with its answers, read with the question set it was sent with', params: idParam, response: { 200: invitationDetail } },
  }, async (req) => invitationDetailOut(await service.get(db, actorOf(req), req.params.id)));

  app.post('/api/surveys/invitations/:id/link', {
    config: { access: 'survey:write' },
    schema: { tags, summary: 'A new link for an invitation not answered or revoked (an expired one too, with a new expiry); the old link stops working', params: idParam, response: { 200: issuedInvitation } },
  }, async (req) => issuedOut(await service.reissue(deps, actorOf(req), req.params.id)));

  app.post('/api/surveys/invitations/:id/revoke', {
    config: { access: 'survey:write' },
    schema: { tags, summary: 'Revoke a pending invitation: its link stops working (409 when answered, expired or revoked)', params: idParam, response: { 200: invitationDetail } },
  }, async (req) => invitationDetailOut(await service.revoke(db, actorOf(req), req.params.id)));

  app.get('/api/surveys/scores', {
    config: { access: 'survey:read' },
    schema: {
      tags,
      summary: 'Satisfaction over a period (answered from/to; default the last 12 months) per account, owner or unit of the accounts in scope: CSAT, 满意率 (CSAT ≥ 4) against the target, NPS, item means, answers and response rate; totals and a monthly trend',
      querystring: scoresQuery,
      response: { 200: scoresReport },
    },
  }, async (req) => service.scores(db, actorOf(req), req.query, tz));

  app.get('/api/surveys/settings', {
    config: { access: 'survey:read' },
    schema: { tags, summary: 'Link expiry (days), the target 满意率, the schedule’s cadence in months per tier, 战略 and grade, the lifecycle stages it surveys and its daily cap', response: { 200: surveySettingsView } },
  }, async () => service.getSettings(db));

  app.put('/api/surveys/settings', {
    config: { access: 'survey:configure' },
    schema: { tags, summary: 'Save the survey settings with the version read (409 when stale); audited', body: surveySettingsUpdate, response: { 200: surveySettingsView } },
  }, async (req) => service.putSettings(db, actorOf(req), req.body));
}
