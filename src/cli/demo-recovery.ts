import type { Kdb } from '../server/db/client';
import type { BandMove } from '../server/features/health';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import { openRecoveryPlans } from '../server/features/recovery';
import { close, completeStep, openFromHealth, update } from '../server/features/recovery/recovery.service';
import type { MeasureResult } from '../shared/domain/health';
import { businessDate } from '../shared/domain/business-time';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { dealsSeedRepo } from './demo-deals.repo';
import { recoverySeedRepo } from './demo-recovery.repo';

/**
 * The churn warning's demo (issue 15 items 7 and 9). Before the first health compute: the signals that
 * slide three customers towards red, each for its own reasons —
 *   江南会所 (HQ, 陈思远): its general manager who signed with us left, the new one and the buyer lean to a
 *     competitor, on top of an unanswered critical complaint and a visit overdue;
 *   东海航运险 (浙江, 林晓燕): not visited for years and thinly covered, then the IT head and the operations
 *     director who knew us left, and the vice president leans to the competitor's integrated offer;
 *   淮扬村镇银行 (江苏, 马骏): never visited, an unhappy survey, and the two people who knew us left —
 * and one account won back: 安宁健康险 turned red in September (visits gone cold, revenue falling, a key
 * person leaning to a competitor), its plan's steps were done and the director marked it won back twelve
 * days ago (lifecycle 预警 → 挽回). After the compute, the accounts that turned red get their plans.
 */
type AccountKey = (typeof DEMO_ACCOUNTS)[number]['key'];
const DAY = 86_400_000;

/** Entered `knownDaysAgo` (the archive's people were entered long before they left or leaned away). */
const KEY_PEOPLE: { account: AccountKey; name: string; title: string; knownDaysAgo: number; leftDaysAgo?: number; leaning?: string }[] = [
  { account: 'jnclub', name: '韩立新', knownDaysAgo: 900, title: '原总经理', leftDaysAgo: 40 },
  { account: 'jnclub', name: '邵文博', knownDaysAgo: 35, title: '新任总经理', leaning: '新任总经理来自竞争对手华信科技的长期客户，倾向其会所管理系统' },
  { account: 'jnclub', name: '谭晓红', knownDaysAgo: 400, title: '采购经理', leaning: '随新任总经理要求重新比价，倾向华信科技报价' },
  { account: 'dhmarine', name: '严志强', knownDaysAgo: 1100, title: '原信息技术部总经理', leftDaysAgo: 75 },
  { account: 'dhmarine', name: '孔令芳', knownDaysAgo: 700, title: '原运营总监', leftDaysAgo: 50 },
  { account: 'dhmarine', name: '邹明', knownDaysAgo: 500, title: '分管副总裁', leaning: '多次出席华信科技的行业峰会，倾向其一体化方案' },
  { account: 'hyvb', name: '葛伟', knownDaysAgo: 800, title: '原信息科技部总经理', leftDaysAgo: 30 },
  { account: 'hyvb', name: '许静', knownDaysAgo: 600, title: '原办公室主任', leftDaysAgo: 20 },
];

/** What 安宁健康险's health said when it turned red in September (the plan keeps its drivers). */
const ANHEALTH_DRIVERS: MeasureResult[] = [
  { measure: 'visit_gap', raw: 240, score: 7, weight: 0.2, contribution: 1.33, lost: 18.67, detail: { days: 72, policyDays: 30 } },
  { measure: 'revenue_trend', raw: -42, score: 0, weight: 0.2667, contribution: 0, lost: 26.67, detail: { current: 5_800_000, previous: 10_000_000, prorated: 1 } },
  { measure: 'competitor_leaning', raw: 1, score: 50, weight: 0.0667, contribution: 3.33, lost: 3.33 },
];

export async function loadDemoRecoverySignals(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<boolean> {
  if (await recoverySeedRepo.anyPlan(db)) {
    opts.log('Demo data: the recovery plans are already there; nothing to do.');
    return false;
  }
  const timeZone = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  const accounts = await dealsSeedRepo.accountIdsByName(db, DEMO_ACCOUNTS.map((a) => a.name));
  const accountId = (key: AccountKey) => accounts.get(DEMO_ACCOUNTS.find((a) => a.key === key)!.name);
  if ([...KEY_PEOPLE.map((k) => k.account), 'anhealth' as const].some((k) => accountId(k) === undefined)) {
    opts.log('Demo data: the demo accounts are missing, so no churn warning.');
    return false;
  }
  for (const k of KEY_PEOPLE) {
    const leftAt = k.leftDaysAgo === undefined ? undefined : businessDate(new Date(now.getTime() - k.leftDaysAgo * DAY), timeZone);
    await recoverySeedRepo.addKeyPerson(db, { accountId: accountId(k.account)!, name: k.name, title: k.title, createdAt: new Date(now.getTime() - k.knownDaysAgo * DAY), leftAt, leaning: k.leaning });
  }

  // 安宁健康险: red in September, won back in November
  const { byName: user } = demoActors(db, org, 'recovery');
  const notifier = new Notifier(new JobQueue(db), false);
  const anhealth = accountId('anhealth')!;
  const opened = new Date(now.getTime() - 72 * DAY);
  await recoverySeedRepo.addHealthPoint(db, { accountId: anhealth, at: opened, score: 46, band: 'red', measures: ANHEALTH_DRIVERS });
  const move: BandMove = { accountId: anhealth, from: 'yellow', to: 'red', score: 46, drivers: ANHEALTH_DRIVERS };
  const [planId] = await db.transaction().execute((trx) => openFromHealth(trx, [move], { notifier, timeZone, now: opened }));
  if (planId === undefined) return false;
  const owner = await user('chensiyuan');
  const director = await user('zhangmingyuan');
  await update(db, owner, planId, { version: await recoverySeedRepo.version(db, planId), goal: '年底前恢复团体健康险续保，保费回到去年水平', actions: '陈思远每两周拜访一次人力资源部；张明远与客户分管副总高层会面；针对竞品报价提供三年期费率锁定方案。' });
  for (const step of await recoverySeedRepo.openSteps(db, planId)) await completeStep(db, owner, planId, step.id, new Date(opened.getTime() + 3 * DAY));
  await close(db, director, planId, { version: await recoverySeedRepo.version(db, planId), outcome: 'won_back', reason: '高层会面后客户续签团体健康险三年期合同，竞品方案未被采纳。' }, new Date(now.getTime() - 12 * DAY));
  opts.log(`Demo data: three customers sliding towards red (${KEY_PEOPLE.length} key people who left or lean to a competitor), one won back.`);
  return true;
}

/** After the first health compute: the accounts that turned red get their plans (the churn warning). */
export async function loadDemoRecoveryPlans(db: Kdb, moves: readonly BandMove[], opts: { log: (line: string) => void; tz?: string }): Promise<number> {
  const notifier = new Notifier(new JobQueue(db), false);
  const opened = await openRecoveryPlans(db, moves, { notifier, timeZone: opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai') });
  opts.log(`Demo data: ${opened.length} recovery plans opened by the churn warning.`);
  return opened.length;
}
