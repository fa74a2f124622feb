import type { Kdb } from '../server/db/client';
import type { Actor } from '../server/platform/actor';
import { ApprovalEngine } from '../server/platform/approvals/engine';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import { ensureDefaultChains } from '../server/features/org/bootstrap';
import { accountContacts } from '../server/features/contacts/contacts.service';
import * as events from '../server/features/events/events.service';
import { eventCostCreate, eventCreate, followUpCreate, serviceLogInput, type EventCreate, type EventCostCreate, type ServiceLogInput } from '../shared/contracts/events';
import { businessDate, localDate, zonedInstant } from '../shared/domain/business-time';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { fieldworkSeedRepo as seed, stepper } from './demo-fieldwork.repo';

/**
 * 增值服务与客户活动 in the demo (issue 15 item 8), through the services and the approval engine, each step
 * dated back to its day:
 *   2026 年度大客户座谈会 (HQ, 陈思远): approved five weeks ago, held three weeks ago — eight guests from
 *     four accounts (赵磊 invited 东吴邮政's), six registered, five came, one declined; its costs went
 *     ¥1,900 over the ¥30,000 budget with the reason (the director was told); two attendees followed up
 *     with visit plans; closed with the summary;
 *   私人银行客户健康养生沙龙 (HQ, 陈思远, seed 000 第三章 "为银行的私人银行俱乐部会员举办高端养生活动"): next
 *     week, approved, guests of 江南银行 invited and registering;
 *   江苏区域客户答谢会 (江苏, 马骏): ¥80,000, so the GM signs after the director — waiting for 徐海峰;
 *   智能制造客户体验日 (赵磊): a draft —
 * and a service log on a few accounts (training, care, a priority channel, consulting, an experience).
 * Loaded once: a second run finds the seminar and changes nothing.
 */
type AccountKey = (typeof DEMO_ACCOUNTS)[number]['key'];

const STAMPED = {
  approval_instances: ['created_at', 'updated_at', 'finished_at'],
  approval_steps: ['acted_at'],
  approval_events: ['at'],
  notifications: ['created_at'],
  customer_events: ['created_at', 'updated_at', 'submitted_at', 'decided_at', 'held_at', 'closed_at'],
  event_invitations: ['invited_at', 'responded_at', 'checked_in_at', 'followup_at'],
  event_costs: ['created_at'],
  service_logs: ['created_at', 'updated_at'],
  visits: ['created_at', 'updated_at'],
};

const SEMINAR = '2026 年度大客户座谈会';

export async function loadDemoEvents(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<number> {
  if (await db.selectFrom('customer_events').select('id').where('title', '=', SEMINAR).executeTakeFirst()) {
    opts.log('Demo data: the events are already there; nothing to do.');
    return 0;
  }
  const tz = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  const accounts = await seed.accountIdsByName(db, DEMO_ACCOUNTS.map((a) => a.name));
  const accountId = (key: AccountKey) => accounts.get(DEMO_ACCOUNTS.find((a) => a.key === key)!.name)?.id;
  const needed: AccountKey[] = ['jnbank', 'jnbankNj', 'jnclub', 'sxgroup', 'dwpost', 'hssteel', 'jyelec', 'lyequip'];
  if (needed.some((k) => accountId(k) === undefined)) {
    opts.log('Demo data: the demo accounts are missing, so no events.');
    return 0;
  }
  const { byId: actorOf, byName: user } = demoActors(db, org, 'events');
  await ensureDefaultChains(db);
  const notifier = new Notifier(new JobQueue(db), false);
  const engine = new ApprovalEngine(db, notifier, tz);
  events.eventApprovable.register(engine);
  const step = stepper(db, now, STAMPED);
  const today = localDate(now, tz);
  /** a local time `days` from today (negative: before) */
  const at = (days: number, hh: number, mm = 0) => zonedInstant(tz, today.year, today.month0, today.day + days, hh, mm);
  const dayOf = (days: number) => businessDate(at(days, 12), tz);

  // the GM reads every event (its scope is the company)
  const [chen, zhao, ma, gm] = await Promise.all([user('chensiyuan'), user('zhaolei'), user('majun'), user('wangjianguo')]);
  const people = async (who: Actor, key: AccountKey, n: number) => (await accountContacts(db, who, accountId(key)!)).filter((c) => c.status === 'active').slice(0, n);
  const approveAll = async (eventId: number, when: Date) => {
    const approvalId = (await events.get(db, gm, eventId)).approvalId!;
    for (let who = await seed.currentApprover(db, approvalId); who !== undefined; who = await seed.currentApprover(db, approvalId)) {
      const approver = await actorOf(who);
      await step(when, () => engine.approve(approver, approvalId, '同意，注意控制费用'));
    }
  };
  const plan = (who: Actor, when: Date, input: EventCreate) => step(when, () => events.create(db, who, eventCreate.parse(input)));
  const version = async (id: number) => (await events.get(db, gm, id)).version;
  const invitationOf = async (id: number, contactId: number) => (await events.get(db, gm, id)).invitations.find((i) => i.contact.id === contactId)!;
  const respond = async (who: Actor, id: number, contactId: number, when: Date, change: { response?: 'registered' | 'declined'; attended?: boolean }) => {
    const inv = await invitationOf(id, contactId);
    await step(when, () => events.updateInvitation(db, who, id, inv.id, { version: inv.version, ...change }));
  };
  const cost = (id: number, when: Date, input: EventCostCreate) => step(when, () => events.addCost(db, chen, id, eventCostCreate.parse(input), notifier));
  let count = 0;

  // ---- 2026 年度大客户座谈会: held three weeks ago
  const seminar = await plan(chen, at(-38, 10, 20), {
    kind: 'seminar',
    title: SEMINAR,
    startsAt: at(-21, 14).toISOString(),
    endsAt: at(-21, 17, 30).toISOString(),
    venue: '总部大厦 18 楼多功能厅',
    capacity: 40,
    budget: 3_000_000,
    agenda: '14:00 签到\n14:30 张明远总监致辞：大客户部年度工作回顾\n15:00 新产品与服务方案介绍\n16:00 客户代表交流发言\n17:00 答谢茶叙',
  });
  count++;
  await step(at(-38, 10, 40), async () => events.submit(db, engine, chen, seminar, await version(seminar)));
  await approveAll(seminar, at(-37, 9, 15));
  const guests = {
    jnbank: await people(chen, 'jnbank', 3),
    jnclub: await people(chen, 'jnclub', 1),
    sxgroup: await people(chen, 'sxgroup', 2),
    dwpost: await people(zhao, 'dwpost', 2),
  };
  await step(at(-33, 10), () => events.invite(db, chen, seminar, { contactIds: [...guests.jnbank, ...guests.jnclub, ...guests.sxgroup].map((c) => c.id) }));
  await step(at(-32, 15), () => events.invite(db, zhao, seminar, { contactIds: guests.dwpost.map((c) => c.id) }));
  const all = [...guests.jnbank, ...guests.jnclub, ...guests.sxgroup];
  for (const [i, c] of all.entries()) {
    // 江南会所's general manager declined; the rest registered over the following days
    await respond(chen, seminar, c.id, at(-30 + (i % 4), 11), { response: c === guests.jnclub[0] ? 'declined' : 'registered' });
  }
  for (const c of guests.dwpost) await respond(zhao, seminar, c.id, at(-28, 16), { response: 'registered' });
  // on the day: everyone registered came but one of 苏锡精机's
  for (const c of [...guests.jnbank, ...guests.sxgroup.slice(0, 1), ...guests.dwpost.slice(0, 1)]) await respond(chen, seminar, c.id, at(-21, 14, 10), { attended: true });
  for (const c of [...guests.sxgroup.slice(1), ...guests.dwpost.slice(1)]) await respond(chen, seminar, c.id, at(-21, 17, 30), { attended: false });
  await step(at(-21, 17, 45), async () => events.hold(db, chen, seminar, await version(seminar)));
  await cost(seminar, at(-21, 18), { category: 'venue', amount: 1_200_000, spentOn: dayOf(-21), note: '多功能厅半天场租' });
  await cost(seminar, at(-20, 10), { category: 'catering', amount: 980_000, spentOn: dayOf(-21), note: '茶歇与答谢茶叙' });
  await cost(seminar, at(-20, 10, 5), { category: 'materials', amount: 260_000, spentOn: dayOf(-22), note: '会议资料与易拉宝' });
  await cost(seminar, at(-20, 10, 10), { category: 'gifts', amount: 750_000, spentOn: dayOf(-21), note: '到场嘉宾伴手礼', overBudgetReason: '到场嘉宾伴手礼按实际人数补足，超出预算 ¥1,900' });
  // the two bank attendees are followed up with visit plans
  for (const [i, c] of guests.jnbank.slice(0, 2).entries()) {
    const inv = await invitationOf(seminar, c.id);
    const input = followUpCreate.parse({ kind: 'visit', version: inv.version, plannedAt: at(3 + i, 10).toISOString(), purpose: 'relationship', method: 'onsite', note: i === 0 ? '座谈会上提出代发工资系统升级需求，上门详谈' : '了解分行明年培训预算' });
    await step(at(-19, 9, 30 + i), () => events.followUp(db, chen, seminar, inv.id, input));
  }
  await step(at(-18, 16), async () => events.close(db, chen, seminar, { version: await version(seminar), summary: '邀请 8 位、报名 7 位、到场 5 位（江南银行 3 位、苏锡精机 1 位、东吴邮政 1 位）。客户对新版服务方案反馈积极，江南银行提出代发工资系统升级需求，已安排两次跟进拜访。费用超预算 ¥1,900（伴手礼按到场人数补足）。' }));

  // ---- 私人银行客户健康养生沙龙: next week, registering
  const salon = await plan(chen, at(-9, 15), {
    kind: 'salon',
    title: '私人银行客户健康养生沙龙',
    startsAt: at(6, 14, 30).toISOString(),
    endsAt: at(6, 17).toISOString(),
    venue: '江南会所 二楼雅集厅',
    capacity: 30,
    budget: 1_500_000,
    agenda: '与江南银行私人银行俱乐部合办：中医养生讲座、茶艺体验；会后由客户经理一对一交流。',
  });
  count++;
  await step(at(-9, 15, 20), async () => events.submit(db, engine, chen, salon, await version(salon)));
  await approveAll(salon, at(-8, 10));
  const salonGuests = [...(await people(chen, 'jnbank', 2)), ...(await people(chen, 'jnbankNj', 2))];
  await step(at(-6, 11), () => events.invite(db, chen, salon, { contactIds: salonGuests.map((c) => c.id) }));
  for (const c of salonGuests.slice(0, 2)) await respond(chen, salon, c.id, at(-3, 14), { response: 'registered' });

  // ---- 江苏区域客户答谢会: ¥80,000, waiting for the director (the GM signs after)
  const gala = await plan(ma, at(-2, 9, 30), { kind: 'gala', title: '江苏区域客户答谢会', startsAt: at(20, 18).toISOString(), endsAt: at(20, 21).toISOString(), venue: '常州香格里拉大酒店 宴会厅', capacity: 120, budget: 8_000_000, agenda: '年度答谢晚宴，邀请华胜特钢、嘉盈电子等重点客户高层。' });
  count++;
  await step(at(-2, 9, 50), async () => events.submit(db, engine, ma, gala, await version(gala)));
  const galaGuests = [...(await people(ma, 'hssteel', 2)), ...(await people(ma, 'jyelec', 1))];
  await step(at(-2, 10), () => events.invite(db, ma, gala, { contactIds: galaGuests.map((c) => c.id) }));

  // ---- 智能制造客户体验日: a draft
  await plan(zhao, at(-1, 16), { kind: 'experience', title: '智能制造客户体验日', startsAt: at(27, 9, 30).toISOString(), endsAt: at(27, 16).toISOString(), venue: '无锡展示中心', budget: 2_000_000, agenda: '龙跃智能等制造业客户参观展示中心、体验产线数字化方案。' });
  count++;

  // ---- the service log
  const log = (who: Actor, key: AccountKey, days: number, input: Omit<ServiceLogInput, 'providedOn'>) => step(at(days, 18), () => events.createServiceLog(db, who, accountId(key)!, serviceLogInput.parse({ ...input, providedOn: dayOf(days) })));
  const jnbankPeople = guests.jnbank;
  await log(chen, 'jnbank', -26, { kind: 'training', title: '资金管理系统操作培训（分行运营条线 20 人）', contactId: jnbankPeople[1]?.id ?? null, cost: 150_000, note: '半天集中培训，配发操作手册' });
  await log(chen, 'jnbank', -12, { kind: 'care', title: '行长生日慰问', contactId: jnbankPeople[0]?.id ?? null, cost: 60_000, note: '鲜花与贺卡' });
  await log(zhao, 'dwpost', -15, { kind: 'priority', title: '“双十一”寄递旺季专属保障通道', cost: 0, note: '7×24 小时专人值守，故障 30 分钟响应' });
  await log(ma, 'hssteel', -10, { kind: 'consulting', title: '年度降本增效方案咨询', cost: 300_000, note: '提交书面方案一份' });
  await log(chen, 'jnclub', -5, { kind: 'experience', title: '会所管理系统新版本试用', cost: 0, note: '开放 30 天试用账号' });
  await log(zhao, 'lyequip', -4, { kind: 'training', title: '产线数字化方案现场讲解', cost: 80_000 });

  opts.log(`Demo data: ${count} customer events and 6 value-added services.`);
  return count;
}
