import type { Kdb } from '../server/db/client';
import { ApprovalEngine } from '../server/platform/approvals/engine';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import { ensureDefaultChains } from '../server/features/org/bootstrap';
import * as targets from '../server/features/targets/targets.service';
import type { TargetCellInput, TargetMetric, TargetRowKind } from '../shared/contracts/targets';
import { split } from '../shared/domain/targets';
import { localDate, zonedInstant } from '../shared/domain/business-time';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { fieldworkSeedRepo as seed, stepper } from './demo-fieldwork.repo';

/**
 * 目标与分解 in the demo (issue 16 item 6), through the services and the approval engine, dated to January:
 *   总部大客户部 签约额 (seed 000 第二章: the department's year decomposed to its people by month, lighter in
 *     the Spring Festival months and heavier at the year end; 冲刺 +20 %, 挑战 +50 %) and 拜访次数 — set by
 *     张明远, approved by the GM on 8 January and locked;
 *   赵磊 asked to lower his December visits (the year-end customer freeze) — waiting for 张明远;
 *   江苏大客户部 签约额 — decomposed by 徐海峰 and waiting for the GM.
 * Loaded once: a second run finds the plans and changes nothing.
 */
const STAMPED = {
  approval_instances: ['created_at', 'updated_at', 'finished_at'],
  approval_steps: ['acted_at'],
  approval_events: ['at'],
  notifications: ['created_at'],
  target_plans: ['created_at', 'updated_at', 'submitted_at', 'decided_at'],
  target_changes: ['created_at', 'updated_at', 'submitted_at', 'decided_at'],
};

const WAN = 1_000_000;
/** The year's shape: January and February (the Spring Festival) light, the fourth quarter heavy. */
const SEASON = [6, 6, 8, 8, 8, 8, 8, 8, 8, 9, 9, 12];

export async function loadDemoTargets(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<number> {
  const tz = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  const today = localDate(now, tz);
  const year = today.year;
  if (await db.selectFrom('target_plans').select('id').where('unit_id', '=', org.units.ka).where('year', '=', year).executeTakeFirst()) {
    opts.log('Demo data: the targets are already there; nothing to do.');
    return 0;
  }
  const { byId: actorOf, byName: user } = demoActors(db, org, 'targets');
  await ensureDefaultChains(db);
  const engine = new ApprovalEngine(db, new Notifier(new JobQueue(db), false), tz);
  targets.targetPlanApprovable.register(engine);
  targets.targetChangeApprovable.register(engine);
  const step = stepper(db, now, STAMPED);
  const jan = (day: number, hh: number) => zonedInstant(tz, year, 0, day, hh);
  const [director, zhao, xu, gm] = await Promise.all([user('zhangmingyuan'), user('zhaolei'), user('xuhaifeng'), user('wangjianguo')]);
  const users = org.users;

  /** A year's amount over the months by the season; stretch and challenge as shares above it (money only). */
  const row = (kind: TargetRowKind, id: number, yearAmount: number, money: boolean): TargetCellInput[] =>
    split(yearAmount, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], SEASON).map((base, m) => ({
      kind,
      id,
      month: m + 1,
      base,
      stretch: money ? Math.round(base * 1.2) : null,
      challenge: money ? Math.round(base * 1.5) : null,
    }));
  /** The unit's plan: each person's year by the season, the unit's months their sums (nothing left unallocated). */
  const decompose = async (who: typeof director, unitId: number, metric: TargetMetric, people: [string, number][], money: boolean, when: Date) => {
    const plan = await step(when, () => targets.create(db, who, { unitId, metric, year }));
    const rows = people.map(([username, amount]) => row('user', users[username]!, amount, money));
    const sum = (m: number, level: 'base' | 'stretch' | 'challenge') => (money || level === 'base' ? rows.reduce((s, r) => s + (r[m]![level] ?? 0), 0) : null);
    const total = Array.from({ length: 12 }, (_, m): TargetCellInput => ({ kind: 'unit', id: unitId, month: m + 1, base: sum(m, 'base')!, stretch: sum(m, 'stretch'), challenge: sum(m, 'challenge') }));
    const cells = [...total, ...rows.flat()];
    const v1 = (await targets.get(db, gm, plan, tz)).version;
    await step(when, () => targets.saveCells(db, who, plan, { version: v1, cells }));
    const v2 = (await targets.get(db, gm, plan, tz)).version;
    await step(when, () => targets.submit(db, engine, who, plan, v2));
    return plan;
  };
  const approve = async (approvalId: number, when: Date, comment: string) => {
    for (let who = await seed.currentApprover(db, approvalId); who !== undefined; who = await seed.currentApprover(db, approvalId)) {
      const approver = await actorOf(who);
      await step(when, () => engine.approve(approver, approvalId, comment));
    }
  };

  // 总部大客户部: 960万 signed in the year (seed 000's 5万 a month per person, grown with the department)
  const sales = await decompose(director, org.units.ka, 'sales', [['zhangmingyuan', 120 * WAN], ['chensiyuan', 300 * WAN], ['liuxiaofeng', 300 * WAN], ['zhaolei', 180 * WAN], ['sunli', 60 * WAN]], true, jan(5, 10));
  await approve((await targets.get(db, gm, sales, tz)).approvalId!, jan(8, 16), '同意，按月跟踪达成');
  const visits = await decompose(director, org.units.ka, 'visits', [['zhangmingyuan', 24], ['chensiyuan', 60], ['liuxiaofeng', 60], ['zhaolei', 120]], false, jan(5, 11));
  await approve((await targets.get(db, gm, visits, tz)).approvalId!, jan(8, 16), '同意');
  // 赵磊: December's visits lowered for the year-end freeze, waiting for the director
  const december = (await targets.get(db, gm, visits, tz)).rows.find((r) => r.kind === 'user' && r.id === users.zhaolei)!.months[11]!.base;
  await step(now, () => targets.requestChange(db, engine, zhao, visits, { reason: '12 月多家政府客户年底封账、暂停接待，申请下调 12 月拜访目标', lines: [{ kind: 'user', id: users.zhaolei!, month: 12, level: 'base', value: Math.max(0, december - 4) }] }));
  // 江苏大客户部: decomposed by 徐海峰, waiting for the GM
  await decompose(xu, org.units.jiangsuKa, 'sales', [['xuhaifeng', 120 * WAN], ['majun', 360 * WAN]], true, jan(6, 9));
  opts.log('Demo data: targets for the year — 总部大客户部 签约额 and 拜访 locked, a change of 赵磊 waiting, 江苏 waiting for the GM.');
  return 3;
}
