import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppHandle } from '../../src/server/app';
import { bootstrap } from '../../src/server/features/org/bootstrap';
import { orgRepo } from '../../src/server/features/org/org.repo';
import { DEFAULT_DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS, loadDemoData } from '../../src/cli/demo-data';
import { call, testConfig } from '../support/app';
import { cloneTemplate, type TestDatabase } from '../support/db';

// The demo loads onto a database as a first start leaves it: root unit 总部 and user admin.
describe('demo data (issue item 12)', () => {
  let tdb: TestDatabase;
  let handle: AppHandle;
  const logs: string[][] = [];
  let first: Awaited<ReturnType<typeof loadDemoData>>;
  let second: Awaited<ReturnType<typeof loadDemoData>>;

  beforeAll(async () => {
    tdb = await cloneTemplate();
    await bootstrap(tdb.database.db, 'Admin@12345');
    handle = await buildApp({ database: tdb.database, config: testConfig() });
    for (let i = 0; i < 2; i++) {
      const lines: string[] = [];
      const result = await loadDemoData(tdb.database.db, { log: (l) => lines.push(l), password: DEFAULT_DEMO_PASSWORD });
      logs.push(lines);
      if (i === 0) first = result;
      else second = result;
    }
  });

  afterAll(async () => {
    await handle?.platform.jobs.stop();
    await handle?.app.close();
    await tdb?.drop();
  });

  it('creates the organisation once and reports the second run', async () => {
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(logs[0]!.join('\n')).toContain(`Demo users' password: ${DEFAULT_DEMO_PASSWORD}`);
    expect(logs[1]!.join('\n')).toMatch(/already there/);
    expect(second.users).toEqual(first.users);
    expect(second.units).toEqual(first.units);

    const units = await orgRepo.listUnits(tdb.database.db);
    expect(units.filter((u) => u.parent_id === null)).toHaveLength(1);
    expect(units).toHaveLength(DEMO_UNITS.length);
    expect(units.filter((u) => u.name === '大客户部')).toHaveLength(3);
    const byId = new Map(units.map((u) => [u.id, u]));
    const jsKa = byId.get(first.units.jiangsuKa)!;
    expect(byId.get(jsKa.parent_id!)!.name).toBe('江苏分公司');

    const { items, total } = await orgRepo.listUsers(tdb.database.db, { where: (eb) => eb.val(true), sort: { column: 'users.id', desc: false }, limit: 100, offset: 0 });
    expect(total).toBe(DEMO_USERS.length + 1);
    const sunli = items.find((u) => u.username === 'sunli')!;
    expect(sunli).toMatchObject({ name: '孙丽', email: 'sunli@demo.tongmeng.cn', phone: expect.stringMatching(/^138\d{8}$/) });
    expect(sunli.positions).toEqual(['office', 'office_specialist']);
    const roles = new Map((await orgRepo.listRoles(tdb.database.db)).map((r) => [r.id, r.code]));
    expect(sunli.role_ids.map((id) => roles.get(id)).sort()).toEqual(['office', 'specialist']);
    const zhaolei = items.find((u) => u.username === 'zhaolei')!;
    expect(zhaolei.role_ids.map((id) => roles.get(id))).toEqual(['specialist']);
  });

  it('lets the demo users sign in with the shared password', async () => {
    for (const username of ['wangjianguo', 'zhaolei', 'linxiaoyan']) {
      const res = await call(handle.app, { method: 'POST', url: '/api/auth/login', payload: { username, password: DEFAULT_DEMO_PASSWORD } });
      expect(res.status, username).toBe(200);
    }
    const wrong = await call(handle.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'zhaolei', password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
  });

  it("finds 张明远 as the KA director of 赵磊's unit", async () => {
    const db = tdb.database.db;
    const zhaolei = await orgRepo.findUser(db, first.users.zhaolei!);
    const directors = await orgRepo.listUsers(db, { where: (eb) => eb.val(true), unitId: zhaolei!.unit_id, position: 'ka_director', sort: { column: 'users.id', desc: false }, limit: 10, offset: 0 });
    expect(directors.items.map((u) => u.name)).toEqual(['张明远']);
    expect(zhaolei!.unit_name).toBe('大客户部');
  });
});
