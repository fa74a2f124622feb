import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteAfterTicket, satisfactionOf } from '../../src/server/features/surveys';
import { SURVEY_EMAIL_JOB, runSchedule, surveySetting } from '../../src/server/features/surveys/surveys.service';
import { SURVEY_SCHEDULE_JOB } from '../../src/server/features/surveys/surveys.routes';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import { businessDate } from '../../src/shared/domain/business-time';
import { DEFAULT_SURVEY_SETTINGS } from '../../src/shared/domain/surveys';
import { call, createTestApp, type Client, type TestApp } from '../support/app';
import { insertAccount } from '../support/pipeline';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * 满意度 (issue 15 item 4): invitations, the public one-time link (answer, single use under 50 simultaneous
 * answers, expiry, revoke, a new link), scores per account, owner and unit with the trend, the data scope,
 * the tickets room's and the health score's entry points, and the daily schedule run once however often.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const u = () => t.org.users;
const db = () => t.database.db;
const tz = () => t.platform.config.BUSINESS_TZ;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const open = (token: string, headers: Record<string, string> = {}) => call(t.app, { method: 'GET', url: `/api/public/surveys/${token}`, headers });
const answer = (token: string, payload: unknown, headers: Record<string, string> = {}) => call(t.app, { method: 'POST', url: `/api/public/surveys/${token}`, payload: payload as object, headers });
const paths = (r: { body: { error: { details: { issues: { path: string }[] } } } }) => r.body.error.details.issues.map((i) => i.path).sort();

let contactSeq = 0;
async function contact(accountId: number, o: { name?: string; email?: string | null; key?: boolean; decider?: boolean; influence?: number; status?: string } = {}) {
  const r = await db()
    .insertInto('contacts')
    .values({ account_id: accountId, name: o.name ?? `联系人${++contactSeq}`, email: o.email ?? null, is_key_person: o.key ?? false, is_decider: o.decider ?? false, influence: o.influence ?? null, status: o.status ?? 'active', left_at: o.status === 'left' ? '2026-01-01' : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
async function account(name: string, owner: number, extra: { lifecycle?: string; tier?: string; grade?: string; strategic?: boolean } = {}) {
  const id = await insertAccount(db(), name, owner);
  await sql`update accounts set lifecycle = ${extra.lifecycle ?? 'active'}, tier = ${extra.tier ?? 'large'}, grade = ${extra.grade ?? null}, cat_strategic = ${extra.strategic ?? false} where id = ${id}`.execute(db());
  return id;
}
async function invite(who: Client, accountId: number, contactId: number) {
  const r = await who.post('/api/surveys/invitations', { accountId, contactId });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { invitation: { id: number; status: string }; token: string; path: string; url: string; emailing: boolean };
}
const good = { csat: 5, nps: 9, items: { service: 4, care: 5, competitive: 3, industry: null }, comment: '服务很及时，希望多介绍行业动态。' };

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'gm', 'director', 'manager_a', 'manager_b', 'spec_a1', 'spec_b1', 'finance']) c[name] = await t.login(name);
});
afterAll(async () => t?.close());

describe('an invitation and its one-time link', () => {
  it('is made for a contact of an account in scope; the token is 32 random bytes, kept only as its SHA-256', async () => {
    const accountId = await account('满意度测试银行股份有限公司', u().manager_a!);
    await sql`update accounts set short_name = '满意度银行' where id = ${accountId}`.execute(db());
    const contactId = await contact(accountId, { name: '钱行长' });
    const made = await invite(c.manager_a!, accountId, contactId);
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(made.token, 'base64url')).toHaveLength(32);
    expect(made.path).toBe(`/s/${made.token}`);
    expect(made.url).toBe(`http://localhost:3000/s/${made.token}`);
    expect(made.emailing).toBe(false);
    expect(made.invitation).toMatchObject({ status: 'pending', reason: 'manual', accountId, contactId, contactName: '钱行长', questionSet: 1, createdBy: { id: u().manager_a } });
    const row = await db().selectFrom('survey_invitations').selectAll().where('id', '=', made.invitation.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(made.token));
    expect(JSON.stringify(row)).not.toContain(made.token);
    expect(await db().selectFrom('survey_email_outbox').selectAll().execute()).toEqual([]);
    // 14 days by default
    const days = (new Date(row.expires_at).getTime() - new Date(row.issued_at).getTime()) / 86_400_000;
    expect(days).toBeCloseTo(14, 3);
    // no answer ever shows the token again
    const read = await c.manager_a!.get(`/api/surveys/invitations/${made.invitation.id}`);
    expect(JSON.stringify(read.body)).not.toContain(made.token);
    const listed = await c.manager_a!.get(`/api/surveys/invitations?accountId=${accountId}`);
    expect(listed.body.items.map((i: { id: number }) => i.id)).toEqual([made.invitation.id]);
    expect(JSON.stringify(listed.body)).not.toContain(made.token);
  });

  it('opens without a session to the questions and the account’s display name only, setting no cookie', async () => {
    const accountId = await account('公开页测试集团有限公司', u().manager_a!);
    await sql`update accounts set short_name = '公开页集团', customer_strategy = '内部备注：价格敏感' where id = ${accountId}`.execute(db());
    const made = await invite(c.manager_a!, accountId, await contact(accountId, { name: '孙处长' }));
    const r = await open(made.token);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['accountName', 'expiresAt', 'questionSet', 'questions', 'scale']);
    expect(r.body.accountName).toBe('公开页集团');
    expect(r.body.questions.map((q: { key: string }) => q.key)).toEqual(['csat', 'nps', 'service', 'care', 'competitive', 'industry', 'comment']);
    expect(r.body.questions[0].text['zh-CN']).toContain('满意');
    expect(JSON.stringify(r.body)).not.toMatch(/孙处长|孙经理|一组|内部备注|公开页测试集团/);
    expect(r.headers['set-cookie']).toBeUndefined();
    // a signed-in browser's cookie changes nothing and is neither read nor renewed
    const withSession = await open(made.token, { cookie: c.manager_a!.cookie });
    expect(withSession.status).toBe(200);
    expect(withSession.headers['set-cookie']).toBeUndefined();
    expect(withSession.body).toEqual(r.body);
  });

  it('takes the answers once: the invitation is answered with them, the owner is told, the link is then gone', async () => {
    const accountId = await account('答卷测试酒店有限公司', u().spec_a1!);
    const contactId = await contact(accountId, { name: '周经理' });
    const made = await invite(c.manager_a!, accountId, contactId);
    const r = await answer(made.token, good);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ ok: true });
    expect(r.headers['set-cookie']).toBeUndefined();
    const detail = (await c.manager_a!.get(`/api/surveys/invitations/${made.invitation.id}`)).body;
    expect(detail).toMatchObject({ status: 'answered', csat: 5, nps: 9, comment: good.comment });
    expect(detail.items.map((i: { key: string; score: number | null }) => [i.key, i.score])).toEqual([
      ['service', 4],
      ['care', 5],
      ['competitive', 3],
      ['industry', null],
    ]);
    expect(detail.items[0].name['zh-CN']).toBe('服务效果与质量');
    const notice = await db().selectFrom('notifications').selectAll().where('user_id', '=', u().spec_a1!).where('kind', '=', 'survey.answered').executeTakeFirst();
    expect(notice).toMatchObject({ link: `/accounts/${accountId}?tab=surveys` });
    expect(notice!.params).toMatchObject({ account: '答卷测试酒店有限公司', contact: '周经理', csat: 5, nps: 9 });
    const again = await answer(made.token, good);
    const reopened = await open(made.token);
    expect([again.status, reopened.status]).toEqual([410, 410]);
    expect(again.body.error).toMatchObject({ code: 'GONE', i18n: { key: 'surveys.linkUnavailable' } });
    const audit = await db().selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'survey_invitation').where('entity_id', '=', String(made.invitation.id)).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'create', actor_id: u().manager_a },
      { action: 'answer', actor_id: null },
    ]);
  });

  it('refuses answers off the scale, items the set does not ask and a long comment with a 400 naming each field, without using the link', async () => {
    const accountId = await account('校验测试农商行股份有限公司', u().manager_a!);
    const made = await invite(c.manager_a!, accountId, await contact(accountId));
    expect(paths(await answer(made.token, { csat: 6, nps: 11 }))).toEqual(['csat', 'nps']);
    expect(paths(await answer(made.token, { nps: 5 }))).toEqual(['csat']);
    expect(paths(await answer(made.token, { csat: 3, nps: 5, items: { price: 4, service: 0 } }))).toEqual(['items.price', 'items.service']);
    expect(paths(await answer(made.token, { csat: 3, nps: 5, comment: 'x'.repeat(2001) }))).toEqual(['comment']);
    expect(paths(await answer(made.token, { csat: 3.5, nps: '5' }))).toEqual(['csat', 'nps']);
    expect(paths(await answer(made.token, { csat: 3, nps: 5, comment: '好\u0000' }))).toEqual(['comment']);
    const junk = await call(t.app, { method: 'POST', url: `/api/public/surveys/${made.token}`, payload: 'not json', headers: { 'content-type': 'application/json' } });
    expect(junk.status).toBe(400);
    const huge = await call(t.app, { method: 'POST', url: `/api/public/surveys/${made.token}`, payload: { csat: 3, nps: 5, comment: 'x'.repeat(40_000) } });
    expect(huge.status).toBe(413);
    expect((await open(made.token)).status).toBe(200);
    expect((await answer(made.token, { csat: 3, nps: 5, comment: 'x'.repeat(2000) })).status).toBe(200);
  });

  it('of 50 simultaneous answers exactly one is taken; the other 49 get the used link’s 410', async () => {
    const accountId = await account('并发答卷测试有限公司', u().manager_a!);
    const made = await invite(c.manager_a!, accountId, await contact(accountId));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => answer(made.token, { csat: (i % 5) + 1, nps: i % 11 })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410)).toHaveLength(49);
    const won = results.findIndex((r) => r.status === 200);
    const row = await db().selectFrom('survey_invitations').select(['csat', 'nps', 'answered_at']).where('id', '=', made.invitation.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ csat: (won % 5) + 1, nps: won % 11 });
    expect(await db().selectFrom('notifications').select('id').where('kind', '=', 'survey.answered').where('link', '=', `/accounts/${accountId}?tab=surveys`).execute()).toHaveLength(1);
  });

  it('expires: the link is gone, the list says expired; a new link (new expiry) works and the old one stays gone', async () => {
    const accountId = await account('过期测试邮政有限公司', u().manager_a!);
    const made = await invite(c.manager_a!, accountId, await contact(accountId));
    await sql`update survey_invitations set expires_at = now() - interval '1 second' where id = ${made.invitation.id}`.execute(db());
    expect((await open(made.token)).status).toBe(410);
    expect((await answer(made.token, good)).status).toBe(410);
    const listed = await c.manager_a!.get(`/api/surveys/invitations?accountId=${accountId}&status=expired`);
    expect(listed.body.items.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([[made.invitation.id, 'expired']]);
    expect((await c.manager_a!.get(`/api/surveys/invitations?accountId=${accountId}&status=pending`)).body.total).toBe(0);
    const renewed = await c.manager_a!.post(`/api/surveys/invitations/${made.invitation.id}/link`);
    expect(renewed.status).toBe(200);
    expect(renewed.body.token).not.toBe(made.token);
    expect(renewed.body.invitation.status).toBe('pending');
    expect((await open(made.token)).status).toBe(410);
    expect((await open(renewed.body.token)).status).toBe(200);
    expect((await answer(renewed.body.token, good)).status).toBe(200);
    // answered: no new link
    expect((await c.manager_a!.post(`/api/surveys/invitations/${made.invitation.id}/link`)).status).toBe(409);
  });

  it('is revoked by its sender: the link is gone and a second revoke is a 409', async () => {
    const accountId = await account('撤回测试会所有限公司', u().manager_a!);
    const made = await invite(c.manager_a!, accountId, await contact(accountId));
    const r = await c.manager_a!.post(`/api/surveys/invitations/${made.invitation.id}/revoke`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'revoked', revokedBy: { id: u().manager_a } });
    expect((await open(made.token)).status).toBe(410);
    expect((await answer(made.token, good)).status).toBe(410);
    const again = await c.manager_a!.post(`/api/surveys/invitations/${made.invitation.id}/revoke`);
    expect(again.status).toBe(409);
    expect(again.body.error.i18n).toEqual({ key: 'surveys.notPending', params: { status: 'revoked' } });
    expect((await c.manager_a!.post(`/api/surveys/invitations/${made.invitation.id}/link`)).status).toBe(409);
  });

  it('answers an unknown, a malformed and an almost-right token exactly like a used one', async () => {
    const accountId = await account('猜测测试有限公司', u().manager_a!);
    const made = await invite(c.manager_a!, accountId, await contact(accountId));
    await answer(made.token, good);
    const used = await open(made.token);
    const flipped = made.token.slice(0, -1) + (made.token.endsWith('A') ? 'B' : 'A');
    for (const token of ['x', 'A'.repeat(43), flipped, sha256(made.token)]) {
      const r = await open(token);
      expect(r.status, token).toBe(410);
      expect(r.body).toEqual(used.body);
      const p = await answer(token, good);
      expect(p.status).toBe(410);
      expect(p.body).toEqual(used.body);
    }
  });

  it('refuses a contact of another account or one who left (400 naming contactId) and an account outside the scope (404)', async () => {
    const mine = await account('联系人校验甲有限公司', u().manager_a!);
    const other = await account('联系人校验乙有限公司', u().manager_a!);
    const stranger = await contact(other);
    const left = await contact(mine, { status: 'left' });
    const a = await c.manager_a!.post('/api/surveys/invitations', { accountId: mine, contactId: stranger });
    expect([a.status, paths(a)]).toEqual([400, ['contactId']]);
    const b = await c.manager_a!.post('/api/surveys/invitations', { accountId: mine, contactId: left });
    expect([b.status, paths(b)]).toEqual([400, ['contactId']]);
    expect(b.body.error.details.issues[0].key).toBe('surveys.contactLeft');
    const teamB = await account('二组客户有限公司', u().manager_b!);
    const outside = await c.spec_a1!.post('/api/surveys/invitations', { accountId: teamB, contactId: await contact(teamB) });
    expect(outside.status).toBe(404);
  });
});

describe('data scope', () => {
  it('lists, reads and revokes only the invitations of accounts in the caller’s scope', async () => {
    const own = await account('范围测试周专员客户', u().spec_a1!);
    const teamB = await account('范围测试二组客户', u().manager_b!);
    const a = await invite(c.spec_a1!, own, await contact(own));
    const b = await invite(c.manager_b!, teamB, await contact(teamB));
    const ids = async (who: Client) => ((await who.get('/api/surveys/invitations?pageSize=200&q=范围测试')).body.items as { id: number }[]).map((i) => i.id).sort();
    expect(await ids(c.spec_a1!)).toEqual([a.invitation.id]);
    expect(await ids(c.spec_b1!)).toEqual([]);
    expect(await ids(c.manager_b!)).toEqual([b.invitation.id]);
    expect(await ids(c.manager_a!)).toEqual([a.invitation.id]);
    expect(await ids(c.director!)).toEqual([a.invitation.id, b.invitation.id].sort());
    expect((await c.spec_a1!.get(`/api/surveys/invitations/${b.invitation.id}`)).status).toBe(404);
    expect((await c.spec_a1!.post(`/api/surveys/invitations/${b.invitation.id}/revoke`)).status).toBe(404);
    expect((await c.spec_a1!.post(`/api/surveys/invitations/${b.invitation.id}/link`)).status).toBe(404);
    expect((await c.finance!.get('/api/surveys/invitations')).status).toBe(403);
  });
});

describe('scores', () => {
  /** An answered invitation, answered at `at` (sent a day before). */
  async function answered(accountId: number, csat: number, nps: number, items: Record<string, number>, at: string) {
    const contactId = await contact(accountId);
    const r = await db()
      .insertInto('survey_invitations')
      .values({ account_id: accountId, contact_id: contactId, reason: 'manual', question_set: 1, token_hash: sha256(`${accountId}-${contactSeq}-${at}`), expires_at: new Date(at), created_at: new Date(new Date(at).getTime() - 86_400_000), answered_at: new Date(at), csat, nps, item_scores: JSON.stringify(items) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  it('per owner, account and unit: CSAT, 满意率 against the target, NPS, item means, response rate and the monthly trend', async () => {
    // a unit of its own so other tests' answers stay out: 三组 under the KA department, with two people
    const ka = await db().selectFrom('org_units').select(['id', 'path']).where('id', '=', t.org.units.ka).executeTakeFirstOrThrow();
    const unit = await db().insertInto('org_units').values({ parent_id: ka.id, name: '三组', kind: 'team', path: `${ka.path}x/`, depth: 2 }).returning('id').executeTakeFirstOrThrow();
    await sql`update org_units set path = ${ka.path} || id || '/' where id = ${unit.id}`.execute(db());
    const p1 = (await db().insertInto('users').values({ username: 'score_p1', name: '甲经理', unit_id: unit.id, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow()).id;
    const p2 = (await db().insertInto('users').values({ username: 'score_p2', name: '乙经理', unit_id: unit.id, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow()).id;
    const x1 = await account('评分甲一', p1);
    const x2 = await account('评分甲二', p1);
    const y1 = await account('评分乙一', p2);
    await answered(x1, 5, 10, { service: 5, care: 4 }, '2026-09-10T02:00:00Z');
    await answered(x1, 4, 8, { service: 4 }, '2026-10-05T02:00:00Z');
    await answered(x2, 2, 3, { service: 2, competitive: 1 }, '2026-10-20T02:00:00Z');
    await answered(y1, 5, 9, {}, '2026-10-31T15:59:00Z'); // 2026-10-31 23:59 in Shanghai
    await answered(y1, 3, 7, {}, '2026-10-31T16:01:00Z'); // already 2026-11-01 there: outside the period
    // sent in the period, not answered; and a revoked one that does not count
    await db().insertInto('survey_invitations').values({ account_id: y1, contact_id: await contact(y1), reason: 'manual', question_set: 1, token_hash: sha256(`unanswered-${y1}`), expires_at: new Date('2026-10-30T00:00:00Z'), created_at: new Date('2026-10-15T00:00:00Z') }).execute();
    await db().insertInto('survey_invitations').values({ account_id: y1, contact_id: await contact(y1), reason: 'manual', question_set: 1, token_hash: sha256(`revoked-${y1}`), expires_at: new Date('2026-10-30T00:00:00Z'), created_at: new Date('2026-10-16T00:00:00Z'), revoked_at: new Date('2026-10-17T00:00:00Z') }).execute();

    const r = await c.gm!.get(`/api/surveys/scores?from=2026-09-01&to=2026-10-31&groupBy=owner&unitId=${unit.id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const report = r.body;
    expect(report).toMatchObject({ from: '2026-09-01', to: '2026-10-31', groupBy: 'owner', target: 90 });
    expect(report.itemKeys.map((k: { key: string }) => k.key)).toEqual(['service', 'care', 'competitive', 'industry']);
    const byName = Object.fromEntries(report.rows.map((row: { name: string }) => [row.name, row]));
    // 甲: 5/10, 4/8, 2/3 → CSAT 3.67, 满意率 2/3, NPS (1 − 1)/3 = 0
    expect(byName['甲经理']).toMatchObject({ key: p1, answers: 3, csat: 3.67, satisfiedRate: 66.7, nps: 0, sent: 3, answeredOfSent: 3, responseRate: 100, meetsTarget: false, items: { service: 3.67, care: 4, competitive: 1, industry: null } });
    // 乙: 5/9 in the period (3/7 is on 1 November there); sent 3 in the period (the revoked left out), 1 answered in it
    expect(byName['乙经理']).toMatchObject({ key: p2, answers: 1, csat: 5, satisfiedRate: 100, nps: 100, sent: 3, answeredOfSent: 2, responseRate: 66.7, meetsTarget: true, lastAnsweredAt: '2026-10-31T15:59:00.000Z' });
    expect(report.totals).toMatchObject({ answers: 4, csat: 4, satisfiedRate: 75, nps: 25, sent: 6, answeredOfSent: 5, meetsTarget: false, items: { service: 3.67, care: 4, competitive: 1 } });
    expect(report.trend).toEqual([
      { month: '2026-09', answers: 1, csat: 5, satisfiedRate: 100, nps: 100 },
      { month: '2026-10', answers: 3, csat: 3.67, satisfiedRate: 66.7, nps: 0 },
    ]);

    const accounts = (await c.gm!.get(`/api/surveys/scores?from=2026-09-01&to=2026-10-31&groupBy=account&unitId=${unit.id}`)).body;
    expect(accounts.rows.map((row: { key: number; answers: number; csat: number }) => [row.key, row.answers, row.csat])).toEqual([
      [x1, 2, 4.5],
      [y1, 1, 5],
      [x2, 1, 2],
    ]);
    const units = (await c.gm!.get(`/api/surveys/scores?from=2026-09-01&to=2026-11-30&groupBy=unit&unitId=${unit.id}`)).body;
    expect(units.rows).toHaveLength(1);
    expect(units.rows[0]).toMatchObject({ key: unit.id, name: '三组', answers: 5 });
    expect(units.trend.map((p: { month: string; answers: number }) => [p.month, p.answers])).toEqual([
      ['2026-09', 1],
      ['2026-10', 3],
      ['2026-11', 1],
    ]);
    // one account; and the target from the settings
    const one = (await c.gm!.get(`/api/surveys/scores?from=2026-09-01&to=2026-10-31&groupBy=account&accountId=${x1}`)).body;
    expect(one.rows.map((row: { key: number }) => row.key)).toEqual([x1]);
    const saved = await c.gm!.get('/api/surveys/settings');
    const put = await c.gm!.put('/api/surveys/settings', { ...saved.body.settings, targetSatisfiedRate: 60, version: saved.body.version });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const lowered = (await c.gm!.get(`/api/surveys/scores?from=2026-09-01&to=2026-10-31&groupBy=owner&unitId=${unit.id}`)).body;
    expect([lowered.target, lowered.rows.find((row: { key: number }) => row.key === p1).meetsTarget]).toEqual([60, true]);
    const stale = await c.gm!.put('/api/surveys/settings', { ...saved.body.settings, version: saved.body.version });
    expect(stale.status).toBe(409);
    await c.gm!.put('/api/surveys/settings', { ...saved.body.settings, version: put.body.version });

    // the scope: a manager of another team sees none of these accounts' answers
    expect((await c.manager_b!.get(`/api/surveys/scores?from=2026-09-01&to=2026-10-31&groupBy=owner&unitId=${unit.id}`)).body.totals.answers).toBe(0);
    // the period is checked
    const backwards = await c.gm!.get('/api/surveys/scores?from=2026-10-01&to=2026-09-01');
    expect([backwards.status, paths(backwards)]).toEqual([400, ['to']]);

    // the health score's reading: every account asked, answered or not
    const s = await satisfactionOf(db(), [x1, x2, y1, x1], { from: new Date('2026-09-01T00:00:00+08:00'), to: new Date('2026-11-01T00:00:00+08:00') });
    expect([...s.keys()]).toEqual([x1, x2, y1]);
    expect(s.get(x1)).toEqual({ csat: 4.5, satisfiedRate: 100, nps: 50, answers: 2, lastAnsweredAt: new Date('2026-10-05T02:00:00Z') });
    expect(s.get(y1)).toMatchObject({ answers: 1, nps: 100 });
    const none = await satisfactionOf(db(), [x2], { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') });
    expect(none.get(x2)).toEqual({ csat: null, satisfiedRate: null, nps: null, answers: 0, lastAnsweredAt: null });
  });
});

describe('the tickets room’s survey', () => {
  it('invites the ticket’s contact once per ticket, or the account’s primary contact, and tells the owner to send it', async () => {
    const accountId = await account('工单回访测试有限公司', u().manager_a!);
    const plain = await contact(accountId, { name: '普通联系人' });
    const key = await contact(accountId, { name: '关键人', key: true, influence: 3 });
    await contact(accountId, { name: '离职关键人', key: true, decider: true, status: 'left' });
    const actor = (await loadActorForUser(db(), u().spec_a1!))!;
    const first = await db().transaction().execute((trx) => inviteAfterTicket(trx, actor, { accountId, contactId: plain, ticketId: 900_001 }));
    expect(first).toMatchObject({ emailing: false });
    expect(first!.path).toBe(`/s/${first!.token}`);
    const again = await db().transaction().execute((trx) => inviteAfterTicket(trx, actor, { accountId, contactId: plain, ticketId: 900_001 }));
    expect(again).toBeNull();
    const primary = await db().transaction().execute((trx) => inviteAfterTicket(trx, actor, { accountId, contactId: null, ticketId: 900_002 }));
    const rows = await db().selectFrom('survey_invitations').select(['id', 'contact_id', 'reason', 'ticket_id', 'created_by']).where('account_id', '=', accountId).orderBy('id').execute();
    expect(rows.map((r) => [r.contact_id, r.reason, r.ticket_id, r.created_by])).toEqual([
      [plain, 'ticket_closed', 900_001, u().spec_a1],
      [key, 'ticket_closed', 900_002, u().spec_a1],
    ]);
    expect(rows[1]!.id).toBe(primary!.invitationId);
    // another account's contact, or nobody to ask: nothing
    const other = await account('工单回访无联系人有限公司', u().manager_a!);
    expect(await db().transaction().execute((trx) => inviteAfterTicket(trx, actor, { accountId: other, contactId: plain, ticketId: 900_003 }))).toBeNull();
    expect(await db().transaction().execute((trx) => inviteAfterTicket(trx, actor, { accountId: other, contactId: null, ticketId: 900_004 }))).toBeNull();
    const notices = await db().selectFrom('notifications').select(['kind', 'params', 'link']).where('user_id', '=', u().manager_a!).where('kind', '=', 'survey.toSend').where('link', '=', `/accounts/${accountId}?tab=surveys`).execute();
    expect(notices.map((n) => (n.params as { contact: string }).contact)).toEqual(['普通联系人', '关键人']);
    // the link works, and rolls back with the ticket's transaction
    expect((await open(first!.token)).status).toBe(200);
    await expect(db().transaction().execute(async (trx) => {
      await inviteAfterTicket(trx, actor, { accountId, contactId: plain, ticketId: 900_005 });
      throw new Error('the ticket did not close');
    })).rejects.toThrow('did not close');
    expect(await db().selectFrom('survey_invitations').select('id').where('ticket_id', '=', 900_005).execute()).toEqual([]);
  });
});

describe('the daily schedule', () => {
  it('invites each due account’s primary contact once, by cadence and lifecycle, however many runs; each owner is told once', async () => {
    // only this test's accounts are customers the schedule surveys
    await sql`update accounts set lifecycle = 'prospect'`.execute(db());
    const owner = u().manager_b!;
    const never = await account('定期甲（从未调查）', owner, { tier: 'smb' });
    await contact(never, { name: '甲普通' });
    const neverDecider = await contact(never, { name: '甲决策人', decider: true });
    const strategic = await account('定期乙（战略，4 个月前）', owner, { strategic: true });
    const strategicContact = await contact(strategic, { name: '乙关键人', key: true });
    const recent = await account('定期丙（4 个月前）', owner, { tier: 'large' });
    await contact(recent);
    const prospect = await account('定期丁（潜在客户）', owner, { lifecycle: 'prospect' });
    await contact(prospect);
    const nobody = await account('定期戊（无在职联系人）', owner);
    await contact(nobody, { status: 'left' });
    const revokedOnly = await account('定期己（上次已撤回）', owner, { lifecycle: 'maintaining' });
    const revokedContact = await contact(revokedOnly);
    const fourMonths = new Date(Date.now() - 122 * 86_400_000);
    for (const [acc, con] of [[strategic, strategicContact], [recent, await contact(recent)]] as const) {
      await db().insertInto('survey_invitations').values({ account_id: acc, contact_id: con, reason: 'manual', question_set: 1, token_hash: sha256(`old-${acc}`), expires_at: fourMonths, created_at: fourMonths }).execute();
    }
    await db().insertInto('survey_invitations').values({ account_id: revokedOnly, contact_id: revokedContact, reason: 'manual', question_set: 1, token_hash: sha256(`rev-${revokedOnly}`), expires_at: new Date(), created_at: new Date(Date.now() - 86_400_000), revoked_at: new Date() }).execute();

    const deps = { db: db(), jobs: t.platform.jobs, notifier: t.platform.notifier, config: t.platform.config };
    const first = await Promise.all([runSchedule(deps), runSchedule(deps)]);
    expect(first[0].invited + first[1].invited).toBe(3);
    const today = businessDate(new Date(), tz());
    const made = await db().selectFrom('survey_invitations').select(['account_id', 'contact_id', 'schedule_key', 'created_by']).where('reason', '=', 'scheduled').orderBy('account_id').execute();
    expect(made).toEqual([
      { account_id: never, contact_id: neverDecider, schedule_key: today, created_by: null },
      { account_id: strategic, contact_id: strategicContact, schedule_key: today, created_by: null },
      { account_id: revokedOnly, contact_id: revokedContact, schedule_key: today, created_by: null },
    ]);
    expect((await runSchedule(deps)).invited).toBe(0);
    const notices = await db().selectFrom('notifications').select(['params', 'link']).where('user_id', '=', owner).where('kind', '=', 'survey.scheduled').execute();
    expect(notices).toEqual([{ params: { count: 3 }, link: '/surveys?reason=scheduled&status=pending' }]);

    // the daily cap, the longest unsurveyed first; a cadence nobody asks for invites nobody
    await sql`delete from survey_invitations where reason = 'scheduled'`.execute(db());
    const setting = await surveySetting.get(db());
    const admin = (await loadActorForUser(db(), u().admin!))!;
    await surveySetting.put(db(), admin, { ...setting.value, maxPerRun: 1 });
    expect((await runSchedule(deps)).invited).toBe(1);
    expect((await db().selectFrom('survey_invitations').select('account_id').where('reason', '=', 'scheduled').execute()).map((r) => r.account_id)).toEqual([never]);
    await sql`delete from survey_invitations where reason = 'scheduled'`.execute(db());
    await surveySetting.put(db(), admin, { ...DEFAULT_SURVEY_SETTINGS, cadence: { tiers: { heavy: null, large: null, smb: null }, strategic: null, grades: { A: null, B: null, C: null, D: null } } });
    expect((await runSchedule(deps)).invited).toBe(0);
    await surveySetting.put(db(), admin, DEFAULT_SURVEY_SETTINGS);
  });

  it('is a daily job of the queue, run through it', async () => {
    await sql`update accounts set lifecycle = 'prospect'`.execute(db());
    const accountId = await account('定期队列测试有限公司', u().manager_b!);
    await contact(accountId);
    await t.platform.jobs.enqueue(db(), SURVEY_SCHEDULE_JOB, null);
    while ((await t.platform.jobs.runDue()) > 0);
    const job = await db().selectFrom('jobs').select('status').where('name', '=', SURVEY_SCHEDULE_JOB).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    expect(await db().selectFrom('survey_invitations').select('id').where('account_id', '=', accountId).where('reason', '=', 'scheduled').execute()).toHaveLength(1);
  });
});

describe('e-mail of the link (SMTP configured)', () => {
  let mail: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mail = await createTestApp({ config: { SMTP_URL: sink.url, SMTP_FROM: 'Tongmeng <noreply@tm.example.cn>', PUBLIC_URL: 'https://tm.example.cn/' } });
  });
  afterAll(async () => {
    await mail?.close();
    await sink?.close();
  });

  it('mails the link to a contact with an address through the job queue, then forgets it; a new link goes the same way', async () => {
    const mdb = mail.database.db;
    const manager = await mail.login('manager_a');
    const accountId = await insertAccount(mdb, '邮件调查测试银行', mail.org.users.manager_a!);
    const contactId = (await mdb.insertInto('contacts').values({ account_id: accountId, name: '吴主任', email: 'wu@bank.example.cn' }).returning('id').executeTakeFirstOrThrow()).id;
    const made = (await manager.post('/api/surveys/invitations', { accountId, contactId })).body;
    expect(made.emailing).toBe(true);
    expect(made.url).toBe(`https://tm.example.cn/s/${made.token}`);
    expect(await mdb.selectFrom('survey_email_outbox').select('invitation_id').execute()).toEqual([{ invitation_id: made.invitation.id }]);
    expect(await mdb.selectFrom('jobs').select('status').where('name', '=', SURVEY_EMAIL_JOB).execute()).toEqual([{ status: 'queued' }]);
    while ((await mail.platform.jobs.runDue()) > 0);
    await sink.waitFor(1);
    const m = sink.messages.find((x) => x.to.includes('wu@bank.example.cn'))!;
    expect(m.subject).toBe('邮件调查测试银行：诚邀您参加客户满意度调查');
    expect(m.text).toContain('尊敬的 吴主任：');
    expect(m.text).toContain(`https://tm.example.cn/s/${made.token}`);
    expect(m.text).toContain('孙经理');
    expect(await mdb.selectFrom('survey_email_outbox').select('invitation_id').execute()).toEqual([]);
    expect((await manager.get(`/api/surveys/invitations/${made.invitation.id}`)).body.emailedAt).not.toBeNull();
    // a new link: mailed again, the first one gone
    const renewed = (await manager.post(`/api/surveys/invitations/${made.invitation.id}/link`)).body;
    expect(renewed.emailing).toBe(true);
    while ((await mail.platform.jobs.runDue()) > 0);
    await sink.waitFor(2);
    expect(sink.messages[1]!.text).toContain(`https://tm.example.cn/s/${renewed.token}`);
    // revoked before its mail went: nothing is sent and the link is not kept
    const second = (await manager.post('/api/surveys/invitations', { accountId, contactId })).body;
    await manager.post(`/api/surveys/invitations/${second.invitation.id}/revoke`);
    while ((await mail.platform.jobs.runDue()) > 0);
    expect(sink.messages).toHaveLength(2);
    expect(await mdb.selectFrom('survey_email_outbox').select('invitation_id').execute()).toEqual([]);
  });
});

describe('account merge', () => {
  it('moves the duplicate’s invitations and answers to the account that stays', async () => {
    const keep = await account('合并保留客户有限公司', u().director!);
    const dupe = await account('合并重复客户有限公司', u().director!);
    const made = await invite(c.director!, dupe, await contact(dupe));
    await answer(made.token, good);
    const versions = await db().selectFrom('accounts').select(['id', 'version']).where('id', 'in', [keep, dupe]).execute();
    const v = (id: number) => versions.find((x) => x.id === id)!.version;
    const preview = await c.director!.get(`/api/accounts/${keep}/merge-preview?sourceId=${dupe}`);
    expect(preview.body.parts.find((p: { key: string }) => p.key === 'surveys')).toEqual({ key: 'surveys', count: 1 });
    const r = await c.director!.post(`/api/accounts/${keep}/merge`, { sourceId: dupe, reason: '重复建档', version: v(keep), sourceVersion: v(dupe) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const row = await db().selectFrom('survey_invitations').select('account_id').where('id', '=', made.invitation.id).executeTakeFirstOrThrow();
    expect(row.account_id).toBe(keep);
  });
});
