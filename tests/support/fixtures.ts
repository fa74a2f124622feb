import type { Kdb } from '../../src/server/db/client';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { orgRepo } from '../../src/server/features/org/org.repo';
import { ROLE_FOR_POSITION } from '../../src/shared/permissions';

export const TEST_PASSWORD = 'Passw0rd!test';

export interface StandardOrg {
  units: { hq: number; ka: number; teamA: number; teamB: number; finance: number; province: number };
  users: Record<string, number>;
}

let cachedHash: Promise<string> | undefined;

async function addUser(db: Kdb, username: string, name: string, unitId: number, positions: string[], roleCodes?: string[]) {
  const passwordHash = await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const { id } = await orgRepo.insertUser(db, { username, name, phone: null, email: `${username}@example.test`, unitId, passwordHash, mustChangePassword: false });
  await orgRepo.setPositions(db, id, positions);
  const codes = roleCodes ?? positions.map((p) => ROLE_FOR_POSITION[p]).filter(Boolean);
  const roles = codes.length ? await db.selectFrom('roles').select('id').where('code', 'in', codes).execute() : [];
  await orgRepo.setUserRoles(db, id, roles.map((r) => r.id));
  return id;
}

/**
 * The organisation every integration test starts from:
 *   总部 HQ (gm, deputy, admin)
 *   ├─ 大客户部 KA department (director; gift admin; office clerk)
 *   │   ├─ 一组 team A (manager_a, spec_a1, spec_a2)
 *   │   └─ 二组 team B (manager_b, spec_b1)
 *   ├─ 财务部 finance (finance manager)
 *   └─ 江苏分公司 province (prov_director)
 */
export async function seedStandardOrg(db: Kdb): Promise<StandardOrg> {
  const unit = async (parentId: number | null, name: string, kind: string, parentPath: string, depth: number) =>
    orgRepo.insertUnit(db, { parentId, name, code: null, kind, sortOrder: 0, parentPath, depth });
  const hq = await unit(null, '总部', 'company', '/', 0);
  const ka = await unit(hq.id, '大客户部', 'department', hq.path, 1);
  const teamA = await unit(ka.id, '一组', 'team', ka.path, 2);
  const teamB = await unit(ka.id, '二组', 'team', ka.path, 2);
  const finance = await unit(hq.id, '财务部', 'department', hq.path, 1);
  const province = await unit(hq.id, '江苏分公司', 'province', hq.path, 1);
  const users: Record<string, number> = {};
  users.admin = await addUser(db, 'admin', '管理员', hq.id, ['sys_admin']);
  users.gm = await addUser(db, 'gm', '王总', hq.id, ['gm']);
  users.deputy = await addUser(db, 'deputy', '李副总', hq.id, ['deputy_gm']);
  users.director = await addUser(db, 'director', '张总监', ka.id, ['ka_director']);
  users.gift_admin = await addUser(db, 'gift_admin', '赵礼品', ka.id, ['gift_admin']);
  users.office = await addUser(db, 'office', '钱文员', ka.id, ['office', 'office_specialist']);
  users.manager_a = await addUser(db, 'manager_a', '孙经理', teamA.id, ['account_manager']);
  users.spec_a1 = await addUser(db, 'spec_a1', '周专员', teamA.id, ['field_specialist']);
  users.spec_a2 = await addUser(db, 'spec_a2', '吴专员', teamA.id, ['field_specialist']);
  users.manager_b = await addUser(db, 'manager_b', '郑经理', teamB.id, ['account_manager']);
  users.spec_b1 = await addUser(db, 'spec_b1', '冯专员', teamB.id, ['field_specialist']);
  users.finance = await addUser(db, 'finance', '陈财务', finance.id, ['finance_manager']);
  users.prov_director = await addUser(db, 'prov_director', '褚总监', province.id, ['ka_director']);
  return { units: { hq: hq.id, ka: ka.id, teamA: teamA.id, teamB: teamB.id, finance: finance.id, province: province.id }, users };
}
