import type { Kdb } from '../server/db/client';
import type { Actor } from '../server/platform/actor';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import * as cards from '../server/features/scorecards/scorecards.service';
import type { ScorecardDetail, ScorecardKind } from '../shared/contracts/scorecards';
import { localDate, zonedInstant } from '../shared/domain/business-time';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { fieldworkSeedRepo as seed, stepper } from './demo-fieldwork.repo';
import * as workPlans from '../server/features/work-plans/work-plans.service';
import { monthlyPlanCreate } from '../shared/contracts/work-plans';

/**
 * 考核表 in the demo (issue 16 item 6), through the services, dated as the department did them:
 *   last month's cards of 总部大客户部 (张明远 evaluates) and 江苏 (徐海峰), with the field staff's monthly plans
 *     of that month, and last quarter's directors' cards (the GM evaluates) — filled from the KPI library and
 *     the attendance, judged, locked; 刘晓峰 is under 60: locked with the verbal warning (口头警告); 赵磊's waits
 *     at the evaluator's step, his self-review written (a card is locked only once its period has ended);
 *   this month's cards opened by 张明远, 陈思远's, 孙丽's and 赵磊's sent for their self-review.
 * Loaded once: a second run finds the cards and changes nothing.
 */
const STAMPED = {
  scorecards: ['created_at', 'updated_at', 'computed_at', 'locked_at'],
  monthly_plans: ['created_at', 'updated_at', 'submitted_at'],
  scorecard_items: ['entered_at'],
  attendance_months: ['updated_at'],
  notifications: ['created_at'],
};

/** The evaluator's judgments by person (the form's items; 刘晓峰 below the line last month). */
const JUDGED: Record<string, Record<string, number>> = {
  chensiyuan: { market_information: 9, teamwork: 9, knowledge: 8, judgment: 3.5, communication: 5.5, responsibility: 5, conduct: 0 },
  liuxiaofeng: { market_information: 7, teamwork: 8, knowledge: 7, judgment: 3, communication: 5, responsibility: 4, conduct: 0 },
  majun: { market_information: 8, teamwork: 8, knowledge: 8, judgment: 3.5, communication: 5, responsibility: 4.5, conduct: 0 },
  zhaolei: { daily_work: 17 },
  sunli: { daily_work: 18 },
};
/** 刘晓峰 last month: two violations of the visit-report rules and weaker judgments. */
const LOW: Record<string, number> = { market_information: 4, teamwork: 6, knowledge: 5, judgment: 2.5, communication: 4.5, responsibility: 2, conduct: 2 };
const COMMENTS: Record<string, string> = {
  market_information: '市场信息收集及时，客户档案较完整',
  daily_work: '日报按时提交，计划执行到位',
};
/** Late times and absent days per month (a 钉钉 export's figures), for the account managers' attendance item. */
const LATE: Record<string, [number, number]> = {
  chensiyuan: [0, 0],
  liuxiaofeng: [5, 1],
  majun: [2, 0],
  zhaolei: [1, 0],
  sunli: [0, 0],
};

const pad = (n: number) => String(n).padStart(2, '0');

export async function loadDemoScorecards(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<number> {
  const tz = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  if (await db.selectFrom('scorecards').select('id').where('user_id', '=', org.users.zhaolei!).limit(1).executeTakeFirst()) {
    opts.log('Demo data: the scorecards are already there; nothing to do.');
    return 0;
  }
  const { byName: user } = demoActors(db, org, 'scorecards');
  const notifier = new Notifier(new JobQueue(db), false);
  const step = stepper(db, now, STAMPED);
  const [director, xu, gm] = await Promise.all([user('zhangmingyuan'), user('xuhaifeng'), user('wangjianguo')]);
  const today = localDate(now, tz);
  /** month i before this one (1: last month) as year and 0-based month */
  const monthBack = (i: number) => {
    const m = today.year * 12 + today.month0 - i;
    return { year: Math.floor(m / 12), month0: m % 12, key: `${Math.floor(m / 12)}-${pad((m % 12) + 1)}` };
  };
  /** a day of the month after (the cards are judged and locked in its first week), never later than an hour ago */
  const after = (m: { year: number; month0: number }, day: number, hh: number) => new Date(Math.min(zonedInstant(tz, m.year, m.month0 + 1, day, hh).getTime(), now.getTime() - 3_600_000));

  const cardOf = async (who: Actor, period: string, username: string, kind: ScorecardKind): Promise<ScorecardDetail> => {
    const page = await cards.list(db, who, { period, kind, sort: '-total' });
    const row = page.items.find((r) => r.person.id === org.users[username]);
    if (!row) throw new Error(`Demo scorecards: no ${period} card of ${username}`);
    return cards.get(db, who, row.id);
  };
  const advance = async (who: Actor, card: ScorecardDetail, at: Date, comment?: string) => {
    await step(at, () => cards.advance(db, notifier, who, card.id, { version: card.version, comment }, tz));
    return cards.get(db, who, card.id);
  };
  /** A card through its cycle: self-review sent, written, judged and handed on, locked by the evaluator's director. */
  const work = async (evaluator: Actor, period: string, username: string, kind: ScorecardKind, m: { year: number; month0: number }, judged: Record<string, number> | null, until: 'self_review' | 'evaluator' | 'locked') => {
    let card = await cardOf(evaluator, period, username, kind);
    card = await advance(evaluator, card, after(m, 2, 9));
    if (until === 'self_review') return card;
    const person = await user(username);
    card = await advance(person, card, after(m, 3, 17), '本月按计划推进重点客户，下月继续加强拜访与回款跟进。');
    if (until === 'evaluator') return card;
    const entries = card.items.filter((i) => i.source === 'evaluator').map((i) => ({ key: i.key, value: judged?.[i.key] ?? i.rule.points, comment: COMMENTS[i.key] ?? null }));
    if (entries.length) {
      await step(after(m, 5, 10), () => cards.enter(db, evaluator, card.id, { version: card.version, items: entries }, after(m, 5, 10)));
      card = await cards.get(db, evaluator, card.id);
    }
    card = await advance(evaluator, card, after(m, 5, 11), '评分已与本人沟通');
    return advance(kind === 'director' ? gm : evaluator.userId === xu.userId ? xu : director, card, after(m, 6, 15), '同意');
  };

  // last month: the field staff's plans (in on the last working days of the month before), attendance from the
  // 钉钉 export, the cards opened, judged and locked in the first week of this month
  let locked = 0;
  const m = monthBack(1);
  const monthStart = zonedInstant(tz, m.year, m.month0, 1);
  const monthEnd = zonedInstant(tz, m.year, m.month0 + 1, 1);
  const planned: [string, number][] = [['chensiyuan', 1], ['liuxiaofeng', 3], ['zhaolei', 2], ['sunli', 1]];
  for (const [o, [username, more]] of planned.entries()) {
    const made = await seed.visitsMade(db, org.users[username]!, monthStart, monthEnd);
    const at = zonedInstant(tz, m.year, m.month0 - 1, 27, 16, 10 * o);
    const owner = await user(username);
    const body = { month: m.key, plannedVisits: Math.max(4, made + more), plannedExpansions: 2, plannedDeals: 1, note: '本月重点：重点客户走访与年度预算沟通。', items: [] };
    const id = await step(at, () => workPlans.createPlan(db, owner, monthlyPlanCreate.parse(body), tz, at));
    await step(at, async () => workPlans.submitPlan(db, owner, id, { version: await seed.version(db, 'monthly_plans', id) }, tz, at));
  }
  const rows = (people: string[]) => people.map((u) => ({ userId: org.users[u]!, lateTimes: LATE[u]![0], absentDays: LATE[u]![1] }));
  await step(after(m, 1, 9), () => cards.saveAttendance(db, director, { month: m.key, rows: rows(['chensiyuan', 'liuxiaofeng', 'zhaolei', 'sunli']) }, 'import', tz));
  await step(after(m, 1, 9), () => cards.saveAttendance(db, xu, { month: m.key, rows: rows(['majun']) }, 'import', tz));
  await step(after(m, 1, 10), () => cards.open(db, director, { period: m.key }, tz));
  await step(after(m, 1, 10), () => cards.open(db, xu, { period: m.key }, tz));
  for (const [who, username, kind] of [
    [director, 'chensiyuan', 'account_manager'],
    [director, 'liuxiaofeng', 'account_manager'],
    [director, 'zhaolei', 'specialist'],
    [director, 'sunli', 'specialist'],
    [xu, 'majun', 'account_manager'],
  ] as const) {
    // 赵磊's waits for the evaluator: the card the department is reviewing this week
    const until = username === 'zhaolei' ? 'evaluator' : 'locked';
    await work(who, m.key, username, kind, m, username === 'liuxiaofeng' ? LOW : JUDGED[username]!, until);
    if (until === 'locked') locked++;
  }
  // last quarter's directors' cards, evaluated and locked by the GM
  const q = Math.floor(today.month0 / 3);
  const lastQ = q === 0 ? { year: today.year - 1, q: 4 } : { year: today.year, q };
  const qEnd = { year: lastQ.year, month0: lastQ.q * 3 - 1 };
  const quarter = `${lastQ.year}-Q${lastQ.q}`;
  await step(after(qEnd, 8, 10), () => cards.open(db, gm, { period: quarter }, tz));
  for (const username of ['zhangmingyuan', 'xuhaifeng']) {
    await work(gm, quarter, username, 'director', qEnd, null, 'locked');
    locked++;
  }
  // this month: opened, in review
  const current = monthBack(0).key;
  await step(now, () => cards.open(db, director, { period: current }, tz));
  // the steps of this month's cards are dated early in it (a step the clock has not reached is dated now)
  const thisMonth = { year: today.year, month0: today.month0 - 1 };
  await work(director, current, 'chensiyuan', 'account_manager', thisMonth, null, 'self_review');
  await work(director, current, 'sunli', 'specialist', thisMonth, null, 'self_review');
  await work(director, current, 'zhaolei', 'specialist', thisMonth, null, 'self_review');
  opts.log(`Demo data: scorecards — ${locked} locked for last month and last quarter (刘晓峰 under 60), 赵磊's last month with the evaluator, this month's in self-review.`);
  return locked;
}
