import type { Kdb, Trx } from '../server/db/client';
import { authRepo } from '../server/platform/auth/auth.repo';
import { audit } from '../server/platform/audit';
import { hashPassword } from '../server/platform/auth/passwords';
import { ensureDefaultRoles } from '../server/features/org/bootstrap';
import { ROLE_FOR_POSITION } from '../shared/permissions';
import { orgRepo } from '../server/features/org/org.repo';
import type { OrgUnitKind, Position } from '../shared/permissions';
import { loadDemoAccounts } from './demo-accounts';
import { loadDemoDeals } from './demo-deals';
import { loadDemoFieldwork } from './demo-fieldwork';
import { loadDemoPipeline } from './demo-pipeline';
import { loadDemoTickets } from './demo-tickets';
import { loadDemoSurveys } from './demo-surveys';
import { recomputeAllHealth } from '../server/features/health';
import { loadDemoRecoveryPlans, loadDemoRecoverySignals } from './demo-recovery';
import { loadDemoEvents } from './demo-events';
import { loadDemoScorecards } from './demo-scorecards';
import { loadDemoTargets } from './demo-targets';

/**
 * The demo organisation (issue item 12): a key-account department with Chinese names, so a
 * fresh install can be explored. Later features add their own demo records on top of the ids
 * returned here (see DemoOrg), keyed by unit key and username.
 */

export const DEFAULT_DEMO_PASSWORD = 'Demo@2026';
export const DEMO_EMAIL_DOMAIN = 'demo.tongmeng.cn';

export type DemoUnitKey = 'hq' | 'ka' | 'finance' | 'jiangsu' | 'jiangsuKa' | 'zhejiang' | 'zhejiangKa';

export interface DemoUnit {
  key: DemoUnitKey;
  name: string;
  code: string;
  kind: OrgUnitKind;
  parent?: DemoUnitKey;
}

export interface DemoUser {
  username: string;
  name: string;
  unit: DemoUnitKey;
  positions: Position[];
  phone: string;
}

// The root (总部) usually exists already from the first start; it is created only when missing.
export const DEMO_UNITS: DemoUnit[] = [
  { key: 'hq', name: '总部', code: 'HQ', kind: 'company' },
  { key: 'ka', name: '大客户部', code: 'KA', kind: 'department', parent: 'hq' },
  { key: 'finance', name: '财务部', code: 'FIN', kind: 'department', parent: 'hq' },
  { key: 'jiangsu', name: '江苏分公司', code: 'JS', kind: 'province', parent: 'hq' },
  { key: 'jiangsuKa', name: '大客户部', code: 'JS-KA', kind: 'department', parent: 'jiangsu' },
  { key: 'zhejiang', name: '浙江分公司', code: 'ZJ', kind: 'province', parent: 'hq' },
  { key: 'zhejiangKa', name: '大客户部', code: 'ZJ-KA', kind: 'department', parent: 'zhejiang' },
];

export const DEMO_USERS: DemoUser[] = [
  { username: 'wangjianguo', name: '王建国', unit: 'hq', positions: ['gm'], phone: '13800138001' },
  { username: 'lizhiqiang', name: '李志强', unit: 'hq', positions: ['deputy_gm'], phone: '13800138002' },
  { username: 'zhangmingyuan', name: '张明远', unit: 'ka', positions: ['ka_director'], phone: '13800138003' },
  { username: 'chensiyuan', name: '陈思远', unit: 'ka', positions: ['account_manager'], phone: '13800138004' },
  { username: 'liuxiaofeng', name: '刘晓峰', unit: 'ka', positions: ['account_manager'], phone: '13800138005' },
  { username: 'zhaolei', name: '赵磊', unit: 'ka', positions: ['field_specialist'], phone: '13800138006' },
  { username: 'sunli', name: '孙丽', unit: 'ka', positions: ['office_specialist', 'office'], phone: '13800138007' },
  { username: 'zhouting', name: '周婷', unit: 'ka', positions: ['gift_admin'], phone: '13800138008' },
  { username: 'wufang', name: '吴芳', unit: 'finance', positions: ['finance_manager'], phone: '13800138009' },
  { username: 'xuhaifeng', name: '徐海峰', unit: 'jiangsuKa', positions: ['ka_director'], phone: '13800138010' },
  { username: 'majun', name: '马骏', unit: 'jiangsuKa', positions: ['account_manager'], phone: '13800138011' },
  { username: 'huangzhiwei', name: '黄志伟', unit: 'zhejiangKa', positions: ['ka_director'], phone: '13800138012' },
  { username: 'linxiaoyan', name: '林晓燕', unit: 'zhejiangKa', positions: ['account_manager'], phone: '13800138013' },
];

export interface DemoOrg {
  /** false when the demo organisation was already there */
  created: boolean;
  units: Record<DemoUnitKey, number>;
  users: Record<string, number>;
}

export interface DemoOptions {
  log: (line: string) => void;
  /** defaults to DEMO_PASSWORD from the environment, else DEFAULT_DEMO_PASSWORD */
  password?: string;
  onStep?: (done: number, total: number) => void;
}

export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

type UnitRow = Awaited<ReturnType<typeof orgRepo.listUnits>>[number];

/** Finds the demo units among existing ones: by code, and a province's 大客户部 under its province. */
function matchUnits(units: UnitRow[]): Partial<Record<DemoUnitKey, number>> {
  const found: Partial<Record<DemoUnitKey, number>> = {};
  for (const spec of DEMO_UNITS) {
    const byCode = units.find((u) => u.code === spec.code);
    const parentId = spec.parent ? found[spec.parent] : null;
    const byPlace = units.find((u) => u.name === spec.name && (spec.parent ? u.parent_id === parentId : u.parent_id === null));
    const hit = byCode ?? byPlace;
    if (hit) found[spec.key] = hit.id;
  }
  return found;
}

/** Loads the demo organisation, then the demo accounts (demo-accounts.ts), development projects (demo-pipeline.ts), the last month's field work (demo-fieldwork.ts), the contracts with their collections (demo-deals.ts), service tickets and complaints (demo-tickets.ts), the satisfaction surveys (demo-surveys.ts) and the customer events with the value-added services (demo-events.ts) and the year's targets (demo-targets.ts) and the staff scorecards (demo-scorecards.ts), then computes every account's health; a second call changes nothing but the health's computed time. */
export async function loadDemoData(db: Kdb, opts: DemoOptions): Promise<DemoOrg> {
  const org = await loadDemoOrg(db, opts);
  await loadDemoAccounts(db, org, { log: opts.log });
  await loadDemoPipeline(db, org, { log: opts.log });
  await loadDemoFieldwork(db, org, { log: opts.log });
  await loadDemoDeals(db, org, { log: opts.log });
  await loadDemoTickets(db, org, { log: opts.log });
  await loadDemoSurveys(db, org, { log: opts.log });
  await loadDemoEvents(db, org, { log: opts.log });
  await loadDemoTargets(db, org, { log: opts.log });
  await loadDemoScorecards(db, org, { log: opts.log });
  const story = await loadDemoRecoverySignals(db, org, { log: opts.log });
  // every account's health from what the demo recorded (the nightly recompute's work, done now)
  const health = await recomputeAllHealth(db, process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const red = health.moves.filter((m) => m.to === 'red').length;
  opts.log(`Demo data: health computed for ${health.accounts} accounts (${red} at risk).`);
  if (story) await loadDemoRecoveryPlans(db, health.moves, { log: opts.log });
  return org;
}

/** Loads the demo organisation once; a second call reports it is there and changes nothing. */
async function loadDemoOrg(db: Kdb, opts: DemoOptions): Promise<DemoOrg> {
  await ensureDefaultRoles(db);
  const existing = await Promise.all(DEMO_USERS.map((u) => authRepo.findUserForLogin(db, u.username)));
  const present = DEMO_USERS.filter((_, i) => existing[i]);
  if (present.length === DEMO_USERS.length) {
    opts.log('Demo data: the demo organisation is already there; nothing to do.');
    const units = matchUnits(await orgRepo.listUnits(db)) as Record<DemoUnitKey, number>;
    const users = Object.fromEntries(DEMO_USERS.map((u, i) => [u.username, existing[i]!.id]));
    return { created: false, units, users };
  }
  if (present.length) {
    throw new Error(`Cannot load the demo organisation: usernames already taken by other users: ${present.map((u) => u.username).join(', ')}`);
  }

  const password = opts.password ?? demoPassword();
  const total = DEMO_UNITS.length + DEMO_USERS.length;
  let done = 0;
  opts.onStep?.(done, total);
  // Hashing is slow on purpose; do it before the transaction so the database is not held meanwhile.
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) hashes.set(u.username, await hashPassword(password));

  const result = await db.transaction().execute(async (trx: Trx) => {
    const allUnits = await orgRepo.listUnits(trx);
    const takenCodes = new Set(allUnits.map((u) => u.code).filter(Boolean));
    const root = allUnits.find((u) => u.parent_id === null);
    const units: Partial<Record<DemoUnitKey, number>> = {};
    let createdUnits = 0;
    const paths = new Map<number, { path: string; depth: number }>(allUnits.map((u) => [u.id, { path: u.path, depth: u.depth }]));
    for (const spec of DEMO_UNITS) {
      if (spec.key === 'hq' && root) {
        units.hq = root.id;
      } else {
        const parentId = spec.parent ? units[spec.parent]! : null;
        const parent = parentId ? paths.get(parentId)! : { path: '/', depth: -1 };
        const row = await orgRepo.insertUnit(trx, {
          parentId,
          name: spec.name,
          code: takenCodes.has(spec.code) ? null : spec.code,
          kind: spec.kind,
          sortOrder: DEMO_UNITS.indexOf(spec),
          parentPath: parent.path,
          depth: parent.depth + 1,
        });
        paths.set(row.id, { path: row.path, depth: row.depth });
        units[spec.key] = row.id;
        createdUnits++;
        await audit(trx, null, { entity: 'org_unit', entityId: row.id, action: 'create', after: row, data: { reason: 'demo data' } });
      }
      opts.onStep?.(++done, total);
    }
    const roleIds = new Map<string, number>();
    for (const code of new Set(Object.values(ROLE_FOR_POSITION))) {
      const role = await orgRepo.findRoleByCode(trx, code);
      if (role) roleIds.set(code, role.id);
    }
    const users: Record<string, number> = {};
    for (const u of DEMO_USERS) {
      const { id } = await orgRepo.insertUser(trx, {
        username: u.username,
        name: u.name,
        phone: u.phone,
        email: `${u.username}@${DEMO_EMAIL_DOMAIN}`,
        unitId: units[u.unit]!,
        passwordHash: hashes.get(u.username)!,
        mustChangePassword: false,
      });
      await orgRepo.setPositions(trx, id, u.positions);
      const roles = [...new Set(u.positions.map((p) => roleIds.get(ROLE_FOR_POSITION[p] ?? '')).filter((r): r is number => r !== undefined))];
      await orgRepo.setUserRoles(trx, id, roles);
      const after = await orgRepo.findUser(trx, id);
      await audit(trx, null, { entity: 'user', entityId: id, action: 'create', after, data: { reason: 'demo data' } });
      users[u.username] = id;
      opts.onStep?.(++done, total);
    }
    return { created: true, units: units as Record<DemoUnitKey, number>, users, createdUnits };
  });
  opts.log(`Demo data: created ${result.createdUnits} units and ${DEMO_USERS.length} users.`);
  opts.log(`Demo users' password: ${password}`);
  return { created: result.created, units: result.units, users: result.users };
}
