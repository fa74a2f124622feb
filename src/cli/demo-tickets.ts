import type { Kdb } from '../server/db/client';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import { runEscalation } from '../server/features/tickets';
import { create, judge, move, type TicketContext } from '../server/features/tickets/tickets.service';
import { ticketCreate, type TicketCreate } from '../shared/contracts/tickets';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { dealsSeedRepo } from './demo-deals.repo';
import { ticketsSeedRepo } from './demo-tickets.repo';

/**
 * Service requests and complaints demo (issue 15 item 1–3): four tickets on demo accounts, each through the
 * services with the clock of the moment it is meant to have happened (the services take one), so their SLA
 * clocks and history read true — a critical complaint received ten days ago that nobody answered, breached
 * and escalated to the director and the GM by the escalation run of now; an enquiry received half an hour
 * ago, within its SLA; a complaint handled, closed and judged valid by the director; a service request
 * waiting for the customer. Loaded once: a second run finds them and changes nothing.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type AccountKey = (typeof DEMO_ACCOUNTS)[number]['key'];
type Step = { after: number; by: string } & ({ move: 'start' | 'wait' | 'resolve' | 'close'; note?: string; resolution?: string } | { judge: 'valid' | 'invalid'; reason: string; responsible: string });

interface TicketIdea {
  account: AccountKey;
  by: string;
  /** received, this long before now */
  ago: number;
  input: Omit<TicketCreate, 'accountId' | 'receivedAt' | 'contactId'>;
  steps: Step[];
}

const TICKETS: TicketIdea[] = [
  {
    account: 'jnclub',
    by: 'chensiyuan',
    ago: 10 * DAY,
    input: { kind: 'complaint', severity: 'critical', channel: 'phone', title: '会所中央空调故障三天无人处理', description: '江南会所行政总监来电：二楼宴会厅中央空调自周一起停机，已三次报修，维保人员未到场。周五有重要接待，要求立即处理并给出书面说明。' },
    steps: [],
  },
  {
    account: 'sxgroup',
    by: 'chensiyuan',
    ago: 30 * MINUTE,
    input: { kind: 'enquiry', severity: 'medium', channel: 'email', title: '询问二期产线设备报价与交期', description: '采购部邮件询问二期产线 6 台数控设备的报价、交期和付款方式，希望本周内得到答复。' },
    steps: [],
  },
  {
    account: 'dwpost',
    by: 'zhaolei',
    ago: 12 * DAY,
    input: { kind: 'complaint', severity: 'high', channel: 'onsite', title: '分拣设备交付延误两周', description: '客户物流中心负责人现场反映：合同约定 11 月底交付的分拣设备延误两周，影响双十二旺季，要求说明原因和补救措施。' },
    steps: [
      { after: 40 * MINUTE, by: 'zhaolei', move: 'start', note: '已到现场向客户道歉并了解影响' },
      { after: 26 * HOUR, by: 'zhaolei', move: 'resolve', resolution: '协调工厂加急发货，设备已于次日到货安装；赠送一年延保作为补偿。' },
      { after: 2 * DAY, by: 'zhaolei', move: 'close', note: '客户确认设备运行正常' },
      { after: 3 * DAY, by: 'zhangmingyuan', judge: 'valid', reason: '交付延误属实，专员未及时跟踪发货进度并提前告知客户。', responsible: 'zhaolei' },
    ],
  },
  {
    account: 'qthotels',
    by: 'linxiaoyan',
    ago: 2 * DAY,
    input: { kind: 'service', severity: 'high', channel: 'wechat', title: '客房管理系统升级需确认停机窗口', description: '客户信息部要求升级客房管理系统，需客户确认夜间停机窗口和各门店配合人员。' },
    steps: [
      { after: 30 * MINUTE, by: 'linxiaoyan', move: 'start' },
      { after: 3 * HOUR, by: 'linxiaoyan', move: 'wait', note: '已发送升级方案，等待客户确认停机时间' },
    ],
  },
];

export interface DemoTicketsResult {
  tickets: number;
  escalations: number;
}

export async function loadDemoTickets(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<DemoTicketsResult> {
  const result: DemoTicketsResult = { tickets: 0, escalations: 0 };
  if (await ticketsSeedRepo.anyTitled(db, TICKETS.map((x) => x.input.title))) {
    opts.log('Demo data: the tickets are already there; nothing to do.');
    return result;
  }
  const timeZone = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  const accounts = await dealsSeedRepo.accountIdsByName(db, DEMO_ACCOUNTS.map((a) => a.name));
  const accountId = (key: AccountKey) => accounts.get(DEMO_ACCOUNTS.find((a) => a.key === key)!.name);
  if (TICKETS.some((x) => accountId(x.account) === undefined)) {
    opts.log('Demo data: the demo accounts are missing, so no tickets.');
    return result;
  }
  const { byName: user } = demoActors(db, org, 'tickets');
  const notifier = new Notifier(new JobQueue(db), false);
  const at = (when: Date): TicketContext => ({ timeZone, notifier, now: when });

  for (const x of TICKETS) {
    const received = new Date(now.getTime() - x.ago);
    const account = accountId(x.account)!;
    const input = ticketCreate.parse({ ...x.input, accountId: account, contactId: (await dealsSeedRepo.firstContact(db, account)) ?? null, receivedAt: received.toISOString() });
    const id = await create(db, await user(x.by), input, at(received));
    result.tickets += 1;
    for (const s of x.steps) {
      const when = new Date(received.getTime() + s.after);
      const version = await ticketsSeedRepo.version(db, id);
      if ('move' in s) await move(db, await user(s.by), id, s.move, { version, note: s.note, resolution: s.resolution }, at(when));
      else await judge(db, await user(s.by), id, { version, validity: s.judge, reason: s.reason, responsibleId: org.users[s.responsible]! }, { now: when });
    }
  }
  // the escalation of now: the unanswered complaint has long passed its warning, breach and GM instants
  result.escalations = (await runEscalation(db, notifier, { timeZone, now })).levels;
  opts.log(`Demo data: ${result.tickets} service tickets, ${result.escalations} SLA escalations.`);
  return result;
}
