import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgRepo } from '../../src/server/features/org/org.repo';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { TEST_PASSWORD } from '../support/fixtures';
import { insertAccount } from '../support/pipeline';

/**
 * Names people can tell apart (issue 13 item 9): every branch has its own 大客户部, so wherever the
 * server names a unit it gives its path below the company root — 江苏分公司 / 大客户部 — and the
 * head office's reads 大客户部 (the root, the same for everyone, is left out; the root itself reads
 * as its name).
 */
let t: TestApp;
const c: Record<string, Client> = {};
let jsKa: number;
let zhangwei: number;

const JS_KA = '江苏分公司 / 大客户部';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', t.org.units.province).executeTakeFirstOrThrow();
  const unit = await orgRepo.insertUnit(db, { parentId: province.id, name: '大客户部', code: null, kind: 'department', sortOrder: 0, parentPath: province.path, depth: 2 });
  jsKa = unit.id;
  // a second 张伟 in the province's 大客户部, besides a 张伟 in the head office's
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const add = async (username: string, unitId: number) => {
    const { id } = await orgRepo.insertUser(db, { username, name: '张伟', phone: null, email: null, unitId, passwordHash, mustChangePassword: false });
    await orgRepo.setPositions(db, id, ['field_specialist']);
    const role = await db.selectFrom('roles').select('id').where('code', '=', 'specialist').executeTakeFirstOrThrow();
    await orgRepo.setUserRoles(db, id, [role.id]);
    return id;
  };
  zhangwei = await add('zhangwei_js', jsKa);
  await add('zhangwei_hq', t.org.units.ka);
  for (const u of ['admin', 'gm', 'finance', 'zhangwei_js']) c[u] = await t.login(u);
});
afterAll(async () => t?.close());

describe('unit names as paths', () => {
  it('users: the two 张伟 differ by their unit path; the root reads as its name', async () => {
    const r = await c.admin!.get('/api/users?q=张伟&sort=username');
    expect(r.status).toBe(200);
    expect(r.body.items.map((u: { username: string; unitName: string }) => [u.username, u.unitName])).toEqual([
      ['zhangwei_hq', '大客户部'],
      ['zhangwei_js', JS_KA],
    ]);
    expect((await c.admin!.get(`/api/users/${t.org.users.gm}`)).body.unitName).toBe('总部');
    expect((await c.admin!.get(`/api/users/${t.org.users.spec_a1}`)).body.unitName).toBe('大客户部 / 一组');
    expect((await c.zhangwei_js!.get('/api/auth/me')).body.unitName).toBe(JS_KA);
  });

  it('accounts: list, detail and the unit change in the timeline name the unit by its path', async () => {
    const id = await insertAccount(t.database.db, '路径客户', zhangwei);
    const one = await c.gm!.get(`/api/accounts/${id}`);
    expect(one.body.unitName).toBe(JS_KA);
    const list = await c.gm!.get('/api/accounts?q=路径客户');
    expect(list.body.items.map((a: { unitName: string }) => a.unitName)).toEqual([JS_KA]);

    const moved = await c.gm!.post(`/api/accounts/${id}/assign`, { ownerId: t.org.users.spec_a1, reason: '调整', version: one.body.version });
    expect(moved.status).toBe(200);
    const timeline = await c.gm!.get(`/api/accounts/${id}/timeline`);
    expect(timeline.status).toBe(200);
    const unitChange = timeline.body.items.find((e: { kind: string; params: { field?: string } }) => e.kind === 'account_change' && e.params.field === 'unit');
    expect(unitChange.params).toMatchObject({ from: JS_KA, to: '大客户部 / 一组' });
  });

  it('expenses: a claim names its unit, budgets and control rates their unit subject by path', async () => {
    const claim = await c.zhangwei_js!.post('/api/expense-claims', { title: '路径', lines: [{ kind: 'other', refId: null, category: '交通费', amount: 100, occurredOn: '2026-11-03' }] });
    expect(claim.status).toBe(201);
    expect(claim.body.unitName).toBe(JS_KA);
    expect((await c.zhangwei_js!.get('/api/expense-claims')).body.items[0].unitName).toBe(JS_KA);
    const budget = await c.finance!.post('/api/budgets', { unitId: jsKa, category: '交通费', period: '2026-11', amount: 1_000 });
    expect(budget.status).toBe(201);
    expect(budget.body.subjectName).toBe(JS_KA);
    const ctl = await c.finance!.get('/api/budgets/control?period=2026-11');
    expect(ctl.body.items.find((r: { subject: string; subjectId: number }) => r.subject === 'unit' && r.subjectId === jsKa)).toMatchObject({ subjectName: JS_KA });
  });
});
