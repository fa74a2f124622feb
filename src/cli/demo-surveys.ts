import type { Kdb } from '../server/db/client';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import { answerPublic, create as createInvitation, type SurveyDeps } from '../server/features/surveys/surveys.service';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { dealsSeedRepo } from './demo-deals.repo';
import { stepper } from './demo-fieldwork.repo';
import { surveysSeedRepo } from './demo-surveys.repo';

/**
 * 满意度 demo (issue 15 item 9, surveys answered): over the last half year, customers of the demo department
 * answered satisfaction surveys their account managers sent — most of them satisfied, a hotel group only
 * so-so and the at-risk village bank unhappy (its comment says why) — and one link sent three days ago
 * waits for its answer. Each survey is sent by the account's owner through the service and answered
 * through the public link's service, as a customer would; `stepper` then dates the sending and the answer
 * back. Loaded once: a second run finds the demo surveys and changes nothing.
 */

const DAY = 86_400_000;
type AccountKey = (typeof DEMO_ACCOUNTS)[number]['key'];

interface SurveyIdea {
  account: AccountKey;
  /** sent, days ago */
  sent: number;
  /** answered, days ago; none: still waiting */
  answered?: number;
  csat?: number;
  nps?: number;
  items?: Record<string, number | null>;
  comment?: string;
}

const SURVEYS: SurveyIdea[] = [
  { account: 'jnbank', sent: 163, answered: 160, csat: 5, nps: 10, items: { service: 5, care: 5, competitive: 4, industry: 4 }, comment: '项目组响应及时，新系统上线平稳，希望明年继续加强对分行的培训。' },
  { account: 'qtrcb', sent: 131, answered: 127, csat: 4, nps: 8, items: { service: 4, care: 4, competitive: 3, industry: 4 } },
  { account: 'dwpost', sent: 101, answered: 99, csat: 5, nps: 9, items: { service: 5, care: 4, competitive: 4, industry: 5 }, comment: '外勤专员拜访很勤，问题当天就有人处理。' },
  { account: 'qthotels', sent: 76, answered: 71, csat: 3, nps: 6, items: { service: 3, care: 3, competitive: 2, industry: null }, comment: '价格比同类产品偏高，旺季时售后响应偏慢。' },
  { account: 'sxgroup', sent: 58, answered: 55, csat: 4, nps: 9, items: { service: 4, care: 4, competitive: 4, industry: 3 }, comment: '希望多分享一些制造业同行的案例和行业动态。' },
  { account: 'jnclub', sent: 44, answered: 43, csat: 5, nps: 10, items: { service: 5, care: 5, competitive: 5, industry: 4 } },
  { account: 'hyvb', sent: 27, answered: 22, csat: 2, nps: 3, items: { service: 2, care: 2, competitive: 1, industry: 3 }, comment: '最近两次故障处理都超过了约定时间，竞争对手给的方案更灵活。' },
  { account: 'jnbank', sent: 20, answered: 17, csat: 4, nps: 9, items: { service: 4, care: 5, competitive: 4, industry: 3 }, comment: '整体满意，行业动态资料可以再及时一些。' },
  { account: 'taihuhotel', sent: 13, answered: 11, csat: 4, nps: 7, items: { service: 4, care: 3, competitive: 4, industry: 4 } },
  { account: 'ydpost', sent: 8, answered: 6, csat: 5, nps: 9, items: { service: 5, care: 5, competitive: 4, industry: 4 } },
  { account: 'yjbank', sent: 3 },
];

export interface DemoSurveysResult {
  answered: number;
  pending: number;
}

/** Loads the satisfaction surveys demo once (after the demo accounts); a second call changes nothing. */
export async function loadDemoSurveys(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<DemoSurveysResult> {
  const result: DemoSurveysResult = { answered: 0, pending: 0 };
  const accounts = await dealsSeedRepo.accountIdsByName(db, DEMO_ACCOUNTS.map((a) => a.name));
  const spec = (key: AccountKey) => DEMO_ACCOUNTS.find((a) => a.key === key)!;
  const ids = SURVEYS.map((s) => accounts.get(spec(s.account).name));
  if (ids.some((id) => id === undefined)) {
    opts.log('Demo data: the demo accounts are missing, so no satisfaction surveys.');
    return result;
  }
  if (await surveysSeedRepo.anySentBySomeone(db, ids as number[])) {
    opts.log('Demo data: the satisfaction surveys are already there; nothing to do.');
    return result;
  }
  const now = opts.now ?? new Date();
  const tz = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY + 2 * 3_600_000);
  const notifier = new Notifier(new JobQueue(db), false);
  const deps: SurveyDeps = { db, jobs: new JobQueue(db), notifier, config: { SMTP_URL: undefined, PUBLIC_URL: process.env.PUBLIC_URL || 'http://localhost:3000', BUSINESS_TZ: tz } };
  const step = stepper(db, now, surveysSeedRepo.STAMPED);
  const { byName: actor } = demoActors(db, org, 'surveys');

  for (const [i, s] of SURVEYS.entries()) {
    const accountId = ids[i]!;
    const contactId = await dealsSeedRepo.firstContact(db, accountId);
    if (contactId === undefined) continue;
    const owner = await actor(spec(s.account).owner);
    const sent = await step(at(s.sent), () => createInvitation(deps, owner, { accountId, contactId }));
    if (s.answered === undefined) {
      result.pending++;
      continue;
    }
    await step(at(s.answered), () => answerPublic(deps, sent.token, { csat: s.csat!, nps: s.nps!, items: s.items, comment: s.comment ?? null }));
    result.answered++;
  }
  opts.log(`Demo data: ${result.answered} satisfaction surveys answered over the last half year, ${result.pending} waiting for its answer.`);
  return result;
}
