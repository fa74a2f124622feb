import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../src/shared/domain/credit-code';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { insertReception } from '../support/receptions';
import { insertProject } from '../support/pipeline';

let t: TestApp;
const c: Record<string, Client> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['gm', 'director', 'manager_a', 'spec_a1', 'spec_b1', 'prov_director']) c[u] = await t.login(u);
});
afterAll(async () => t?.close());

type Body = Record<string, any>;
const ok = (r: { status: number; body: Body }) => {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const code = (serial: number) => {
  const first17 = `9132010013${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
};
const version = async (id: number) => (await c.gm.get(`/api/accounts/${id}`)).body.version as number;
const paths = (r: { body: Body }) => (r.body.error.details.issues as { path: string }[]).map((i) => i.path);
const year = new Date().getFullYear();

describe('account merge (issue 3 item 5)', () => {
  const ids: Record<string, number> = {};
  let contact: Body;
  let planItem: Body;
  let ownTask: Body;

  beforeAll(async () => {
    // 集团 ← source (team B's duplicate) ← its branch; the target (team A) stands alone
    ids.group = ok(await c.director.post('/api/accounts', { name: '苏锡精密机械集团' })).id;
    ids.target = ok(await c.spec_a1.post('/api/accounts', { name: '苏锡精密机械（无锡）有限公司', phone: '0510-88886666' })).id;
    ids.source = ok(
      await c.director.post('/api/accounts', {
        name: '苏锡精机无锡公司',
        shortName: '苏锡精机无锡',
        creditCode: code(1),
        phone: '0510-11112222',
        address: '无锡市新吴区长江路 8 号',
        parentId: ids.group,
        ownerId: t.org.users.spec_b1,
      }),
    ).id;
    ids.branch = ok(await c.director.post('/api/accounts', { name: '苏锡精机无锡公司江阴办事处', parentId: ids.source, ownerId: t.org.users.spec_b1 })).id;

    ok(await c.spec_a1.put(`/api/accounts/${ids.target}/revenue`, { rows: [{ year: year - 1, source: 'import', amount: 300_000_00, note: '财务导入' }], version: await version(ids.target) }));
    ok(await c.spec_a1.put(`/api/accounts/${ids.target}/team`, { members: [{ userId: t.org.users.spec_a1, role: 'specialist' }], version: await version(ids.target) }));
    // before its revenue arrives: revenue of a developing account moves it to active by itself
    ok(await c.spec_b1.post(`/api/accounts/${ids.source}/lifecycle`, { to: 'developing', reason: '已立项', version: await version(ids.source) }));
    ok(
      await c.spec_b1.put(`/api/accounts/${ids.source}/revenue`, {
        rows: [
          { year: year - 1, source: 'import', amount: 800_000_00, note: '合同台账' },
          { year: year - 2, source: 'manual', amount: 50_000_00, note: '' },
        ],
        version: await version(ids.source),
      }),
    );
    ok(
      await c.spec_b1.put(`/api/accounts/${ids.source}/team`, {
        members: [
          { userId: t.org.users.spec_a1, role: 'specialist' },
          { userId: t.org.users.spec_b1, role: 'account_manager' },
        ],
        version: await version(ids.source),
      }),
    );
    contact = ok(await c.spec_b1.post('/api/contacts', { accountId: ids.source, name: '顾总', title: '总经理' }));
    ok(await c.spec_b1.post(`/api/contacts/${contact.id}/relationship`, { stage: 'interested', evidence: '参观了我方工厂', version: contact.version }));
    ok(await c.spec_b1.post(`/api/accounts/${ids.source}/needs`, { productType: '数控机床维保', quantity: 12, unit: '台' }));
    ok(await c.spec_b1.post(`/api/accounts/${ids.source}/countermeasures`, { contactId: contact.id, direction: 'expand', problem: '维保响应慢', measure: '驻厂工程师' }));
    planItem = ok(await c.spec_b1.post(`/api/accounts/${ids.source}/plan-items`, { level: 'gm', contactIds: [contact.id], measures: '总经理层面会晤' }));
    ownTask = ok(await c.spec_b1.post('/api/tasks', { title: '补全档案', linkUrl: `/accounts/${ids.source}?tab=profile` }));
    ids.project = await insertProject(t.database.db, { accountId: ids.source, ownerId: t.org.users.spec_b1!, name: '重复档案上的项目', stage: 2 });
    ids.visit = ok(await c.spec_b1.post('/api/visits', { accountId: ids.source, contactIds: [contact.id], purpose: 'first', method: 'onsite', plannedAt: new Date().toISOString() })).visit.id;
    ids.reception = await insertReception(t.database.db, { accountId: ids.source, ownerId: t.org.users.spec_b1! });
    const receipt = await c.director.post('/api/receipts', { accountId: ids.source, amount: 50_000, receivedOn: '2026-04-01' });
    expect(receipt.status).toBe(201);
    ids.receipt = receipt.body.id;
    const ticket = await c.spec_b1.post('/api/tickets', { kind: 'complaint', severity: 'medium', channel: 'phone', accountId: ids.source, title: '重复档案上的投诉' });
    expect(ticket.status).toBe(201);
    ids.ticket = ticket.body.id;
  });

  it('previews the counts per part and the fields that would be filled', async () => {
    const r = ok(await c.director.get(`/api/accounts/${ids.target}/merge-preview?sourceId=${ids.source}`));
    expect(r.target).toMatchObject({ id: ids.target, name: '苏锡精密机械（无锡）有限公司', creditCode: null });
    expect(r.source).toMatchObject({ id: ids.source, ownerName: '冯专员', creditCode: code(1) });
    expect(Object.fromEntries(r.parts.map((p: Body) => [p.key, p.count]))).toEqual({
      contacts: 1,
      revenue: 2,
      team: 2,
      children: 1,
      changes: expect.any(Number),
      tasks: 2,
      needs: 1,
      countermeasures: 1,
      planItems: 1,
      opportunities: 1,
      giftPlans: 0,
      giftApplications: 0,
      tripAccounts: 0,
      contactLogs: 0,
      visits: 1,
      receptions: 1,
      monthlyPlanItems: 0,
      contracts: 0,
      receipts: 1,
      surveys: 0,
      tickets: 1,
      recovery: 0,
      events: 0,
    });
    const fields = Object.fromEntries(r.fields.map((f: Body) => [f.field, f.value]));
    // the target keeps its phone; its empty fields take the source's
    expect(fields).toEqual({ shortName: '苏锡精机无锡', creditCode: code(1), address: '无锡市新吴区长江路 8 号', parentId: '苏锡精密机械集团' });
  });

  it('refuses itself, a group loop, stale versions and anyone without the right or the scope', async () => {
    const self = await c.director.get(`/api/accounts/${ids.target}/merge-preview?sourceId=${ids.target}`);
    expect(self.status).toBe(400);
    expect(paths(self)).toEqual(['sourceId']);
    const loop = await c.director.post(`/api/accounts/${ids.branch}/merge`, { sourceId: ids.source, reason: '反向', version: await version(ids.branch), sourceVersion: await version(ids.source) });
    expect(loop.status).toBe(400);
    expect(loop.body.error.details.issues[0]).toMatchObject({ path: 'sourceId', key: 'merge.cycle' });
    const stale = await c.director.post(`/api/accounts/${ids.target}/merge`, { sourceId: ids.source, reason: '重复录入', version: await version(ids.target), sourceVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await c.manager_a.get(`/api/accounts/${ids.target}/merge-preview?sourceId=${ids.source}`)).status).toBe(403);
    expect((await c.spec_a1.post(`/api/accounts/${ids.target}/merge`, { sourceId: ids.source, reason: 'x', version: 1, sourceVersion: 1 })).status).toBe(403);
    // the province's director merges in the province only: a KA account is hidden, as target or as source
    const own = ok(await c.prov_director.post('/api/accounts', { name: '江苏分公司自有客户' })).id;
    expect((await c.prov_director.get(`/api/accounts/${ids.target}/merge-preview?sourceId=${own}`)).status).toBe(404);
    const cross = await c.prov_director.post(`/api/accounts/${own}/merge`, { sourceId: ids.source, reason: '越权', version: 1, sourceVersion: await version(ids.source) });
    expect(cross.status).toBe(404);
    expect(cross.body.error.i18n.key).toBe('merge.sourceNotFound');
    expect((await c.gm.get(`/api/accounts/${ids.source}`)).status).toBe(200);
  });

  it('moves everything onto the target in one go and deletes the duplicate', async () => {
    const before = await t.database.db.selectFrom('accounts').selectAll().where('id', '=', ids.source).executeTakeFirstOrThrow();
    const r = ok(
      await c.director.post(`/api/accounts/${ids.target}/merge`, { sourceId: ids.source, reason: '同一家企业重复建档', version: await version(ids.target), sourceVersion: await version(ids.source) }),
    );
    expect(r).toMatchObject({ targetId: ids.target, sourceId: ids.source });
    expect(r.filledFields.sort()).toEqual(['address', 'creditCode', 'parentId', 'shortName']);
    expect(Object.fromEntries(r.parts.map((p: Body) => [p.key, p.count]))).toMatchObject({ contacts: 1, revenue: 2, team: 2, children: 1, tasks: 2, needs: 1, countermeasures: 1, planItems: 1, opportunities: 1, visits: 1, receptions: 1, receipts: 1, tickets: 1 });
    expect((await t.database.db.selectFrom('tickets').select('account_id').where('id', '=', ids.ticket).executeTakeFirstOrThrow()).account_id).toBe(ids.target);
    expect((await t.database.db.selectFrom('visits').select('account_id').where('id', '=', ids.visit).executeTakeFirstOrThrow()).account_id).toBe(ids.target);
    expect((await t.database.db.selectFrom('receptions').select('account_id').where('id', '=', ids.reception).executeTakeFirstOrThrow()).account_id).toBe(ids.target);
    expect((await t.database.db.selectFrom('receipts').select('account_id').where('id', '=', ids.receipt).executeTakeFirstOrThrow()).account_id).toBe(ids.target);
    expect((await t.database.db.selectFrom('opportunities').select(['account_id', 'version']).where('id', '=', ids.project).executeTakeFirstOrThrow())).toEqual({ account_id: ids.target, version: 2 });

    expect((await c.gm.get(`/api/accounts/${ids.source}`)).status).toBe(404);
    const target = ok(await c.gm.get(`/api/accounts/${ids.target}`));
    expect(target).toMatchObject({ phone: '0510-88886666', creditCode: code(1), address: '无锡市新吴区长江路 8 号', shortName: '苏锡精机无锡', parentId: ids.group });
    // revenue of the same year and source is summed: 300万 + 800万 last year makes it 大型
    expect(target.revenueByYear).toEqual([{ year: year - 1, amount: 1_100_000_00 }, { year: year - 2, amount: 50_000_00 }]);
    expect(target.tier).toBe('large');
    expect(target.categories).toContain('group');
    expect(target.team.map((m: Body) => `${m.userId}:${m.role}`).sort()).toEqual([`${t.org.users.spec_a1}:specialist`, `${t.org.users.spec_b1}:account_manager`].sort());
    expect(target.children.map((ch: Body) => ch.id)).toEqual([ids.branch]);
    // found by the pinyin of the short name it took over
    expect((await c.gm.get('/api/accounts?q=sxjjwx')).body.items.map((a: Body) => a.id)).toContain(ids.target);

    const contacts = ok(await c.director.get(`/api/accounts/${ids.target}/contacts`)).items;
    expect(contacts.map((x: Body) => x.name)).toEqual(['顾总']);
    const history = ok(await c.director.get(`/api/contacts/${contact.id}/history`)).items;
    expect(history.some((h: Body) => h.field === 'stage' && h.to === 'interested' && h.evidence === '参观了我方工厂')).toBe(true);
    const needs = ok(await c.director.get(`/api/accounts/${ids.target}/needs`));
    expect(needs.needs.map((n: Body) => n.productType)).toEqual(['数控机床维保']);
    expect(needs.countermeasures.map((m: Body) => m.contactName)).toEqual(['顾总']);
    const plan = ok(await c.director.get(`/api/accounts/${ids.target}/plan`)).items;
    expect(plan.map((i: Body) => i.id)).toEqual([planItem.id]);
    const db = t.database.db;
    const tasks = await db.selectFrom('tasks').select(['id', 'link_url']).where('id', 'in', [ownTask.id, planItem.taskId]).orderBy('id').execute();
    expect(tasks.map((x) => x.link_url).sort()).toEqual([`/accounts/${ids.target}?tab=plan`, `/accounts/${ids.target}?tab=profile`].sort());

    // the history came along, with a 'merged' entry on top
    const changes = ok(await c.director.get(`/api/accounts/${ids.target}/changes`)).items;
    expect(changes.some((ch: Body) => ch.field === 'lifecycle' && ch.reason === '已立项')).toBe(true);
    expect(changes.find((ch: Body) => ch.field === 'merged')).toMatchObject({ from: '苏锡精机无锡公司', to: '苏锡精密机械（无锡）有限公司', reason: '同一家企业重复建档', actorName: '张总监' });
    const timeline = ok(await c.director.get(`/api/accounts/${ids.target}/timeline?kinds=account_merged`)).items;
    expect(timeline).toMatchObject([{ kind: 'account_merged', params: { source: '苏锡精机无锡公司', reason: '同一家企业重复建档' } }]);

    // the duplicate's full record stays in the audit trail
    const audit = await db.selectFrom('audit_log').select(['action', 'diff', 'actor_id']).where('entity', '=', 'account').where('entity_id', '=', String(ids.source)).where('action', '=', 'merged_into').executeTakeFirstOrThrow();
    const diff = (typeof audit.diff === 'string' ? JSON.parse(audit.diff) : audit.diff) as Record<string, unknown>;
    expect(audit.actor_id).toBe(t.org.users.director);
    expect(diff.name).toEqual([before.name, null]);
    expect(diff.credit_code).toEqual([code(1), null]);
    expect(diff.owner_id).toEqual([t.org.users.spec_b1, null]);
    expect((diff._ as Body).targetId).toBe(ids.target);
    const targetAudit = await db.selectFrom('audit_log').select('diff').where('entity', '=', 'account').where('entity_id', '=', String(ids.target)).where('action', '=', 'merge').executeTakeFirstOrThrow();
    expect(JSON.stringify(targetAudit.diff)).toContain('credit_code');
  });
});
