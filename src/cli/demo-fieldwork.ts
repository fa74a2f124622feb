import type { Kdb } from '../server/db/client';
import type { Actor } from '../server/platform/actor';
import { ApprovalEngine } from '../server/platform/approvals/engine';
import { ensureDefaultChains } from '../server/features/org/bootstrap';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import { accountContacts } from '../server/features/contacts/contacts.service';
import { createLog } from '../server/features/contact-log/contact-log.service';
import * as expenses from '../server/features/expenses/expenses.service';
import { previousPeriod } from '../server/features/expenses/expenses.rules';
import * as gifts from '../server/features/gifts/gifts.service';
import * as receptions from '../server/features/receptions/receptions.service';
import * as trips from '../server/features/trips/trips.service';
import * as visits from '../server/features/visits/visits.service';
import { updateTask } from '../server/features/tasks/tasks.service';
import { contactLogCreate, type ContactLogKind } from '../shared/contracts/contact-log';
import { budgetInput, expenseClaimCreate, PHONE_CATEGORY, type ExpenseLineInput } from '../shared/contracts/expenses';
import { monthlyPlanCreate } from '../shared/contracts/work-plans';
import * as workPlans from '../server/features/work-plans/work-plans.service';
import { addMonths } from '../server/features/work-plans/work-plans.rules';
import { loadWorkCalendar } from '../server/features/workdays';
import { lastWorkingDayOfMonth } from '../shared/domain/workdays';
import { giftApplicationCreate, giftItemCreate, giftMovementCreate, giftPlanCreate } from '../shared/contracts/gifts';
import { receptionInput, receptionReportInput, reportConfirm, seatingSave, type ReceptionPurpose } from '../shared/contracts/receptions';
import { tripCheckinCreate, tripCreate, tripReportInput, type TripCostCategory } from '../shared/contracts/trips';
import { visitCheckIn, visitCreate, visitRecordInput, visitReview } from '../shared/contracts/visits';
import { taskUpdate } from '../shared/contracts/tasks';
import { proposeSeating, rankByTitles, titleLevel, type SeatPerson } from '../shared/domain/seating.rules';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { fieldworkSeedRepo as seed, stepper } from './demo-fieldwork.repo';
import { calendar, CATEGORIES, CITY_POS, DAY, EXPANSION_TARGETS, GIFT_ITEMS, OTHER_NOTES, OWNERS, RESULTS, TALKS, type GiftKey, type Owner } from './demo-fieldwork.data';

/**
 * Field work of the last month (issue 5 item 14): visits by the account managers and the field
 * specialist to their own accounts, receptions (a site tour and a banquet with its seating), gifts
 * from catalogue and stock, business trips with their daily check-ins, the contact log, budgets
 * and expense claims — relative to the day the demo is loaded, on weekdays in business hours.
 * Everything goes through the services and the approval engine with the approvers the chains
 * name, so approvals, notifications, tasks and timelines are the real ones; each step is then
 * back-dated to when it is meant to have happened (demo-fieldwork.repo.ts restamp). Loaded once:
 * a second run finds the gift catalogue and changes nothing.
 */


// ---------------------------------------------------------------- the loader

export interface DemoFieldworkResult {
  visits: number;
  receptions: number;
  giftApplications: number;
  trips: number;
  contactLogs: number;
  budgets: number;
  claims: number;
  monthlyPlans: number;
}


/** Loads the field-work demo once (after accounts and pipeline); a second call changes nothing. */
export async function loadDemoFieldwork(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<DemoFieldworkResult> {
  const result: DemoFieldworkResult = { visits: 0, receptions: 0, giftApplications: 0, trips: 0, contactLogs: 0, budgets: 0, claims: 0, monthlyPlans: 0 };
  if (await seed.anyGiftNamed(db, GIFT_ITEMS.map((g) => g.name))) {
    opts.log('Demo data: the field work is already there; nothing to do.');
    return result;
  }
  const tz = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  const cal = calendar(now, tz);
  const accounts = await seed.accountIdsByName(db, DEMO_ACCOUNTS.map((a) => a.name));
  if (!accounts.size) {
    opts.log('Demo data: no demo accounts, so no field work.');
    return result;
  }

  const { byId: actorOf, byName: user } = demoActors(db, org, 'field work');
  await ensureDefaultChains(db);
  const notifier = new Notifier(new JobQueue(db), false);
  const engine = new ApprovalEngine(db, notifier, tz);
  visits.visitPlanApprovable.register(engine);
  receptions.receptionApprovable.register(engine);
  gifts.giftApprovable.register(engine);
  trips.tripApprovable.register(engine);
  trips.tripReportApprovable.register(engine);
  expenses.claimApprovable.register(engine);

  /** Runs one step through the services, then dates what it wrote to `at`. */
  const step = stepper(db, now);
  /** Each current approver of the instance approves in turn, until it is decided or `stopAt` holds the step. */
  const approveAll = async (approvalId: number, times: Date[], comments: string[] = [], stopAt?: number) => {
    for (let i = 0; ; i++) {
      const approver = await seed.currentApprover(db, approvalId);
      if (approver === undefined || approver === stopAt) return;
      await step(times[Math.min(i, times.length - 1)]!, async () => engine.approve(await actorOf(approver), approvalId, comments[i] ?? '同意'));
    }
  };

  const spec = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;
  const accountOf = (key: string) => accounts.get(spec(key).name);
  const contactsCache = new Map<number, Awaited<ReturnType<typeof accountContacts>>>();
  const contactsOf = async (owner: Actor, accountId: number) => {
    if (!contactsCache.has(accountId)) contactsCache.set(accountId, (await accountContacts(db, owner, accountId)).filter((c) => c.status === 'active'));
    return contactsCache.get(accountId)!;
  };
  const claimable: Record<Owner, { kind: ExpenseLineInput['kind']; refId: number; lines: { category: string; amount: number; note: string | null }[]; on: string }[]> = {
    chensiyuan: [],
    liuxiaofeng: [],
    zhaolei: [],
    majun: [],
    linxiaoyan: [],
  };

  // ------------------------------------------------------------ visits
  const posOf = (city: string, n: number): [number, number] => {
    const [lat, lng] = CITY_POS[city] ?? CITY_POS['南京']!;
    return [Math.round((lat + ((n % 7) - 3) * 0.004) * 1e5) / 1e5, Math.round((lng + ((n % 5) - 2) * 0.005) * 1e5) / 1e5];
  };
  const visitPlan = async (owner: Actor, key: string, plannedAt: Date, n: number, extra: { cashAdvance?: number } = {}) => {
    const acc = accountOf(key)!;
    const people = await contactsOf(owner, acc.id);
    const met = people.slice(0, 1 + (n % 2));
    const purpose = n % 3 === 0 ? 'relationship' : n % 3 === 1 ? 'problem' : 'first';
    const input = visitCreate.parse({
      accountId: acc.id,
      contactIds: met.map((c) => c.id),
      purpose: spec(key).lifecycle === 'prospect' ? 'first' : purpose,
      method: 'onsite',
      plannedAt: plannedAt.toISOString(),
      planNote: `${TALKS[spec(key).kind][n % TALKS[spec(key).kind].length]!.discussed.split('，')[0]}`,
      resources: n % 2 ? [{ item: 'brochure', quantity: 10, department: '市场部' }] : [{ item: 'quotation', department: '商务部', note: '带上最新报价单' }],
      budget: (200 + (n % 4) * 100) * 100,
      cashAdvance: extra.cashAdvance ?? 0,
    });
    return { id: await visits.createVisit(db, owner, input), met, acc };
  };

  const directorOf = (owner: Owner) => (owner === 'majun' ? 'xuhaifeng' : owner === 'linxiaoyan' ? 'huangzhiwei' : 'zhangmingyuan');
  const candidates = (owner: Owner) => DEMO_ACCOUNTS.filter((a) => a.owner === owner && a.pattern !== 'cold' && a.lifecycle !== 'lost' && accountOf(a.key));
  const days = cal.recent;

  for (const [o, ownerName] of OWNERS.entries()) {
    const owner = await user(ownerName);
    const director = await user(directorOf(ownerName));
    const list = candidates(ownerName);
    if (!list.length) continue;
    for (let j = 0; j < 9; j++) {
      const n = o * 10 + j;
      const key = list[j % list.length]!.key;
      const dayIdx = Math.min(days.length - 1, Math.floor((j * days.length) / 9) + (o % 3));
      const day = days[dayIdx]!;
      const planDay = cal.before(day, 2);
      const hour = 9 + ((o * 3 + j * 5) % 7);
      const minute = j % 2 ? 30 : 0;
      const plannedAt = cal.at(day, hour, minute);
      const advance = ownerName === 'linxiaoyan' && j === 2 ? 200_000 : 0;
      const { id, met, acc } = await step(cal.at(planDay, 9, 40), () => visitPlan(owner, key, plannedAt, n, { cashAdvance: advance }));
      await step(cal.at(planDay, 9, 45), async () => visits.submitVisit(db, engine, owner, id, { version: await seed.version(db, 'visits', id) }));
      const approval = await seed.approvalId(db, 'visits', id);
      await approveAll(approval, [cal.at(planDay, 14, 10), cal.at(planDay, 16, 20)], ['同意，注意了解对方明年预算', '借支已核，同意']);
      const [lat, lng] = posOf(spec(key).city, n);
      const geo = n % 3 !== 2;
      await step(cal.at(day, hour, minute + 5), async () =>
        visits.checkIn(db, owner, id, visitCheckIn.parse({ version: await seed.version(db, 'visits', id), ...(geo ? { lat, lng, accuracy: 15 + (n % 4) * 10 } : { place: acc.address ?? `${spec(key).city}市 ${spec(key).short ?? spec(key).name}` }) })),
      );
      const talk = TALKS[spec(key).kind][n % TALKS[spec(key).kind].length]!;
      const taxi = (35 + ((n * 37) % 120)) * 100 + (n % 2) * 50;
      const lines = [{ item: '交通费', amount: taxi, note: spec(key).city === '南京' || n % 2 ? '出租车往返' : '高铁二等座' }];
      if (n % 3 === 0) lines.push({ item: '餐费', amount: (120 + ((n * 53) % 180)) * 100, note: '与客户工作餐' });
      const checkedIn = cal.at(day, hour, minute + 5);
      const nextAt = new Date(checkedIn.getTime() + (14 + (n % 8)) * DAY);
      await step(cal.at(day, hour + 1, minute + 35), async () =>
        visits.recordVisit(
          db,
          notifier,
          owner,
          id,
          visitRecordInput.parse({
            version: await seed.version(db, 'visits', id),
            metContactIds: met.map((c) => c.id),
            metName: met.map((c) => c.name).join('、') || '接待人员',
            metTitle: met.map((c) => c.title).filter(Boolean).join('、') || null,
            customerSituation: talk.situation,
            discussed: talk.discussed,
            concerns: talk.concerns,
            solved: talk.solved,
            toWatch: talk.toWatch,
            other: OTHER_NOTES[n % OTHER_NOTES.length] || null,
            result: RESULTS[n % RESULTS.length],
            expenses: lines,
            nextVisitAt: nextAt > now && n % 3 === 1 ? cal.at(cal.weekdayFrom(nextAt), 10).toISOString() : null,
          }),
        ),
      );
      result.visits++;
      // the follow-up call a week later, done when its week is over
      const followUp = await seed.openTask(db, 'visit', id);
      const due = new Date(checkedIn.getTime() + 7 * DAY);
      if (followUp && due.getTime() < now.getTime() - DAY) {
        await step(new Date(due.getTime() - DAY), () => updateTask(db, owner, Number(followUp.id), taskUpdate.parse({ status: 'done', version: followUp.version })));
      }
      // the latest visits are not reported yet, or wait for the director's review
      const recordedOnly = j === 8 && o % 2 === 0;
      if (recordedOnly) continue;
      await step(cal.at(day, 17, 50), async () => visits.submitReport(db, notifier, owner, id, { version: await seed.version(db, 'visits', id) }));
      if (j >= 7) continue;
      const reviewDay = cal.after(day, 1);
      await step(cal.at(reviewDay, 10, 15), async () =>
        visits.reviewReport(db, notifier, director, id, visitReview.parse({ version: await seed.version(db, 'visits', id), decision: 'approve', comment: n % 4 === 0 ? '记录清楚，按计划跟进' : null })),
      );
      claimable[ownerName].push({ kind: 'visit', refId: id, lines: lines.map((l) => ({ category: l.item, amount: l.amount, note: l.note })), on: day });
    }

    // the coming days: a visit approved and one waiting for the director (and one rejected)
    const lastDay = cal.past[cal.past.length - 1]!;
    const key = list[(9 + o) % list.length]!.key;
    const future = await step(cal.at(lastDay, 16, 0), () => visitPlan(owner, key, cal.at(cal.future[o % 3]!, 10 + o, 0), o * 10 + 9));
    await step(cal.at(lastDay, 16, 5), async () => visits.submitVisit(db, engine, owner, future.id, { version: await seed.version(db, 'visits', future.id) }));
    if (o < 3) await approveAll(await seed.approvalId(db, 'visits', future.id), [cal.at(lastDay, 17, 30)], ['同意']);
    result.visits++;
    // today (the home page's 今日拜访 and 待写拜访报告): HQ's people have a visit approved for this afternoon, and
    // 陈思远 and 赵磊 one they checked in at on the last working day whose record is not written yet
    if (o < 3) {
      const todayKey = list[(10 + o) % list.length]!.key;
      const planned = await step(cal.at(lastDay, 15, 0), () => visitPlan(owner, todayKey, cal.at(cal.today, 15 + o, 30), o * 10 + 7));
      await step(cal.at(lastDay, 15, 5), async () => visits.submitVisit(db, engine, owner, planned.id, { version: await seed.version(db, 'visits', planned.id) }));
      await approveAll(await seed.approvalId(db, 'visits', planned.id), [cal.at(lastDay, 17, 40)], ['同意']);
      result.visits++;
    }
    if (ownerName === 'chensiyuan' || ownerName === 'zhaolei') {
      const doneKey = list[(11 + o) % list.length]!.key;
      const visit = await step(cal.at(cal.before(lastDay, 1), 15, 10), () => visitPlan(owner, doneKey, cal.at(lastDay, 16, 0), o * 10 + 8));
      await step(cal.at(cal.before(lastDay, 1), 15, 15), async () => visits.submitVisit(db, engine, owner, visit.id, { version: await seed.version(db, 'visits', visit.id) }));
      await approveAll(await seed.approvalId(db, 'visits', visit.id), [cal.at(cal.before(lastDay, 1), 16, 30)], ['同意']);
      const [lat, lng] = posOf(spec(doneKey).city, o);
      await step(cal.at(lastDay, 16, 20), async () => visits.checkIn(db, owner, visit.id, visitCheckIn.parse({ version: await seed.version(db, 'visits', visit.id), lat, lng, accuracy: 20 })));
      result.visits++;
    }
    if (ownerName === 'majun') {
      const rejected = await step(cal.at(lastDay, 10, 0), () => visitPlan(owner, list[0]!.key, cal.at(cal.future[1]!, 15, 0), 99));
      await step(cal.at(lastDay, 10, 5), async () => visits.submitVisit(db, engine, owner, rejected.id, { version: await seed.version(db, 'visits', rejected.id) }));
      const approval = await seed.approvalId(db, 'visits', rejected.id);
      await step(cal.at(lastDay, 11, 20), async () => engine.decideAgainst(director, approval, 'reject', '上周刚拜访过，内容重复；请并入下周的技术交流一起安排'));
      result.visits++;
    }
  }

  // ------------------------------------------------------------ receptions
  const receptionDays = { tour: days[Math.max(0, days.length - 17)]!, banquet: days[Math.max(0, days.length - 6)]! };
  const chen = await user('chensiyuan');
  const lin = await user('linxiaoyan');
  const host = (name: string, title: string) => ({ name, title });

  const reception = async (owner: Actor, ownerName: Owner, key: string, day: string, input: Record<string, unknown>, report?: Record<string, unknown>, seating?: SeatPerson[]) => {
    const acc = accountOf(key);
    if (!acc) return;
    const applyDay = cal.before(day, 3);
    const id = await step(cal.at(applyDay, 10, 0), () => receptions.createReception(db, owner, receptionInput.parse({ accountId: acc.id, ...input })));
    await step(cal.at(applyDay, 10, 5), async () => receptions.submitReception(db, engine, owner, id, { version: await seed.version(db, 'receptions', id) }));
    result.receptions++;
    if (!report) return id;
    await approveAll(await seed.approvalId(db, 'receptions', id), [cal.at(applyDay, 15, 0), cal.at(cal.after(applyDay, 1), 9, 30)], ['同意，注意控制标准', '费用在预算内，同意']);
    if (seating) {
      // a round table for eight: seven diners leave one seat free, at the far end
      const plan = proposeSeating(seating, 8);
      await step(cal.at(cal.before(day, 1), 16, 0), () => receptions.saveSeating(db, owner, id, seatingSave.parse({ version: 0, seatsPerTable: 8, people: plan.people, tables: plan.tables, locked: true })));
    }
    const reportDay = cal.after(day, 1);
    await step(cal.at(reportDay, 11, 0), async () => receptions.writeReport(db, notifier, owner, id, receptionReportInput.parse({ version: await seed.version(db, 'receptions', id), date: day, ...report })));
    await step(cal.at(reportDay, 16, 30), async () => receptions.confirmReport(db, notifier, await user(directorOf(ownerName)), id, reportConfirm.parse({ version: await seed.version(db, 'receptions', id), comment: '接待安排得当' })));
    return id;
  };

  const sx = accountOf('sxgroup') ? await contactsOf(chen, accountOf('sxgroup')!.id) : [];
  const tourId = await reception(
    chen,
    'chensiyuan',
    'sxgroup',
    receptionDays.tour,
    {
      kind: 'tour',
      startsAt: cal.at(receptionDays.tour, 9, 30).toISOString(),
      endsAt: cal.at(receptionDays.tour, 14, 0).toISOString(),
      place: '公司南京研发中心及演示展厅',
      visitors: sx.slice(0, 3).map((c) => ({ name: c.name, title: c.title })),
      purposes: ['customer_visit'],
      level: 'medium',
      costs: { entertainment: 120_000, meeting: 30_000, gift: 0, ceremony: 0, other: 20_000 },
      tourRoute: '研发中心大厅 → 设备预测性维护演示线 → 运维监控中心 → 会议室座谈',
      tourGuide: '陈思远',
      tourAreas: ['演示展厅', '运维监控中心', '样机实验室'],
      note: '客户生产副总带队考察，午餐安排在园区餐厅',
    },
    {
      place: '公司南京研发中心',
      guestAttendees: sx.slice(0, 3).map((c) => ({ name: c.name, title: c.title })),
      hostAttendees: [host('张明远', '大客户部总监'), host('陈思远', '客户经理')],
      spent: { meals: 98_000, transport: 18_000, other: 15_000, lodging: 0, gifts: 0 },
      spentNotes: { meals: '园区餐厅工作午餐 8 人', transport: '接送站车辆' },
      activities: '参观演示线和运维监控中心，座谈交流预测性维护平台二期范围',
      cautions: '客户对数据不出厂区有要求，后续方案需说明本地部署',
      effect: '客户认可我方技术实力，同意下月安排技术交流并提供产线数据做评估',
      information: '竞争对手上月也邀请其参观过样板工厂',
    },
  );
  const jn = accountOf('jnbank') ? await contactsOf(chen, accountOf('jnbank')!.id) : [];
  // four of the bank's people, listed on the forms most senior first
  const guests = jn.slice(0, 4).sort((a, b) => (titleLevel(a.title) ?? 9) - (titleLevel(b.title) ?? 9));
  // ranked by their titles, so the bank's most senior guest is 主宾; the director is 副主人, opposite the GM
  const banquetPeople: SeatPerson[] = rankByTitles([
    { key: 'h1', name: '王建国', title: '总经理', side: 'host', rank: 1, interpreter: false, secondHost: false },
    { key: 'h2', name: '张明远', title: '大客户部总监', side: 'host', rank: 2, interpreter: false, secondHost: true },
    { key: 'h3', name: '陈思远', title: '客户经理', side: 'host', rank: 3, interpreter: false, secondHost: false },
    ...guests.map((c, i) => ({ key: `g${i + 1}`, name: c.name, title: c.title, side: 'guest' as const, rank: i + 1, interpreter: false, secondHost: false })),
  ]);
  const banquetId = await reception(
    chen,
    'chensiyuan',
    'jnbank',
    receptionDays.banquet,
    {
      kind: 'reception',
      startsAt: cal.at(receptionDays.banquet, 18, 0).toISOString(),
      endsAt: cal.at(receptionDays.banquet, 20, 30).toISOString(),
      place: '金陵饭店 璇宫厅',
      visitors: guests.map((c) => ({ name: c.name, title: c.title })),
      purposes: ['celebrate_cooperation', 'customer_visit'] satisfies ReceptionPurpose[],
      level: 'high',
      costs: { entertainment: 600_000, gift: 80_000, meeting: 0, ceremony: 0, other: 20_000 },
      note: '庆祝网点智能柜员机一期验收，王总出席',
    },
    {
      place: '金陵饭店 璇宫厅',
      guestAttendees: guests.map((c) => ({ name: c.name, title: c.title })),
      hostAttendees: [host('王建国', '总经理'), host('张明远', '大客户部总监'), host('陈思远', '客户经理')],
      spent: { meals: 548_000, gifts: 76_000, transport: 12_000, lodging: 0, other: 0 },
      spentNotes: { meals: '中式宴请 1 桌', gifts: '定制茶礼' },
      activities: '答谢宴，回顾一期合作，双方高层交流二期规划',
      cautions: '行长不饮酒，座次按主宾对等安排',
      effect: '行长表示二期继续合作，请我方月底前提交方案',
      information: '二期预算约 280 万元，计划明年一季度招标',
    },
    banquetPeople,
  );
  // an upcoming reception still waiting for approval
  await reception(lin, 'linxiaoyan', 'qthotels', cal.future[3]!, {
    kind: 'reception',
    startsAt: cal.at(cal.future[3]!, 12, 0).toISOString(),
    place: '钱塘大酒店 中餐厅',
    visitors: [{ name: '钱塘酒店集团信息部', title: null }],
    purposes: ['customer_visit', 'suggestion_thanks'],
    level: 'medium',
    costs: { entertainment: 150_000, gift: 0, meeting: 0, ceremony: 0, other: 0 },
    note: '会员平台需求交流后的工作午餐',
  });
  if (tourId) claimable.chensiyuan.push({ kind: 'reception', refId: tourId, on: receptionDays.tour, lines: [{ category: '招待费', amount: 98_000, note: '参观午餐' }, { category: '交通费', amount: 18_000, note: '接送站' }] });
  const banquetLines = banquetId ? [{ kind: 'reception' as const, refId: banquetId, on: receptionDays.banquet, lines: [{ category: '招待费', amount: 548_000, note: '答谢宴' }] }] : [];

  // ------------------------------------------------------------ gifts
  const zhou = await user('zhouting');
  const items = new Map<GiftKey, number>();
  const stockDay = cal.past[0]!;
  for (const g of GIFT_ITEMS) {
    const row = await step(cal.at(stockDay, 10, 0), () => gifts.createItem(db, zhou, giftItemCreate.parse({ name: g.name, spec: g.spec, unit: g.unit, unitValue: g.unitValue })));
    await step(cal.at(stockDay, 10, 30), () => gifts.addMovement(db, zhou, row.id, giftMovementCreate.parse({ kind: 'in', quantity: g.stock, note: '年度礼品集中采购入库', version: row.version })));
    items.set(g.key, row.id);
  }
  const giftPlans: [Owner, string, GiftKey, number, string][] = [
    ['chensiyuan', 'jnbank', 'tea', 4, '二期合作推进中'],
    ['zhaolei', 'dwpost', 'teaset', 2, '年度框架合作'],
    ['linxiaoyan', 'qthotels', 'silk', 6, '会员平台洽谈中'],
  ];
  for (const [ownerName, key, item, qty, status] of giftPlans) {
    const acc = accountOf(key);
    if (!acc) continue;
    await step(cal.at(stockDay, 15, 0), async () => gifts.createPlan(db, await user(ownerName), acc.id, giftPlanCreate.parse({ cooperationStatus: status, itemId: items.get(item)!, quantity: qty, budget: qty * GIFT_ITEMS.find((g) => g.key === item)!.unitValue, remark: '春节前送达' })));
  }
  /** An application of `owner` to the account's first contact; `to` says how far it goes. */
  const giftApplication = async (ownerName: Owner, key: string, item: GiftKey, qty: number, day: string, to: 'issued' | 'approved' | 'gm' | 'director', remark: string) => {
    const owner = await user(ownerName);
    const acc = accountOf(key);
    if (!acc) return undefined;
    const contact = (await contactsOf(owner, acc.id))[0];
    if (!contact) return undefined;
    const applyDay = cal.before(day, 2);
    const id = await step(cal.at(applyDay, 11, 0), () => gifts.createApplication(db, owner, giftApplicationCreate.parse({ accountId: acc.id, contactId: contact.id, itemId: items.get(item)!, quantity: qty, giftOn: day, managingDept: '办公室', remark })));
    await step(cal.at(applyDay, 11, 5), async () => gifts.submitApplication(db, engine, owner, id, await seed.version(db, 'gift_applications', id)));
    result.giftApplications++;
    const approval = await seed.approvalId(db, 'gift_applications', id);
    const times = [cal.at(applyDay, 14, 0), cal.at(applyDay, 15, 30), cal.at(applyDay, 16, 40), cal.at(cal.after(applyDay, 1), 9, 20)];
    if (to === 'director') return id;
    await approveAll(approval, times, [], to === 'gm' ? org.users.wangjianguo : undefined);
    if (to === 'issued') await step(cal.at(cal.after(applyDay, 1), 14, 0), async () => gifts.issueApplication(db, zhou, id, await seed.version(db, 'gift_applications', id)));
    return id;
  };
  const teaGift = await giftApplication('chensiyuan', 'jnbank', 'tea', 2, receptionDays.banquet, 'issued', '答谢宴随赠');
  const silkGift = await giftApplication('linxiaoyan', 'qthotels', 'silk', 3, days[Math.max(0, days.length - 8)]!, 'approved', '节日问候');
  await giftApplication('zhaolei', 'dwpost', 'teaset', 4, cal.future[2]!, 'gm', '年度框架合作签约，赠对方领导班子');
  await giftApplication('majun', 'jyelec', 'notebook', 5, cal.future[4]!, 'director', '技术交流会伴手礼');

  // ------------------------------------------------------------ business trips
  const trip = async (ownerName: Owner, spots: string[], destination: string, startIdx: number, length: number, transport: 'train' | 'car', costs: [TripCostCategory, number, string][], report: 'approved' | 'submitted') => {
    const owner = await user(ownerName);
    const ids = spots.map((k) => accountOf(k)?.id).filter((x): x is number => Boolean(x));
    const start = cal.past[startIdx]!;
    const tripDays = cal.past.slice(startIdx, startIdx + length);
    const end = tripDays[tripDays.length - 1]!;
    const applyDay = cal.before(start, 3);
    const estimate = costs.map(([category, amount, note]) => ({ category, amount, note }));
    // applied ahead of the trip: the service takes only trips that lie ahead, so it is applied for today's dates and moved
    const id = await step(cal.at(applyDay, 9, 30), () =>
      trips.createTrip(
        db,
        owner,
        tripCreate.parse({ destination, startOn: cal.today, endOn: cal.future[length - 1] ?? cal.today, purpose: `走访${spots.map((k) => spec(k).short ?? spec(k).name).join('、')}，推进年度合作与新项目`, accountIds: ids, transport, costLines: estimate, advanceRequested: 0 }),
        tz,
      ),
    );
    await step(cal.at(applyDay, 9, 35), async () => trips.submitTrip(db, engine, owner, id, { version: await seed.version(db, 'business_trips', id) }, tz));
    await approveAll(await seed.approvalId(db, 'business_trips', id), [cal.at(applyDay, 15, 0)], ['同意，注意控制住宿标准']);
    await seed.moveTrip(db, id, start, end);
    for (const [i, day] of tripDays.entries()) {
      const city = spec(spots[Math.min(i, spots.length - 1)]!).city;
      const [lat, lng] = posOf(city, i + startIdx);
      const checkedAt = cal.at(day, 17, 10 + i * 7);
      await step(checkedAt, () =>
        trips.checkIn(db, owner, id, tripCheckinCreate.parse({ latitude: lat, longitude: lng, accuracy: 30, place: `${city}市`, work: `拜访${spec(spots[Math.min(i, spots.length - 1)]!).short ?? ''}，交流合作进展并收集需求` }), tz, checkedAt),
      );
    }
    result.trips++;
    const actual = costs.map(([category, amount, note]) => ({ category, amount: Math.round(amount * 0.92), note }));
    const reportAt = cal.at(cal.after(end, 1), 10, 0);
    await step(reportAt, async () => trips.submitReport(db, engine, owner, id, tripReportInput.parse({ version: await seed.version(db, 'business_trips', id), returnedOn: end, summary: `按计划走访${spots.length}家客户，了解明年预算与采购安排，已在各客户的拜访记录中详细登记。`, actualCostLines: actual }), tz));
    if (report === 'submitted') return undefined;
    const reportApproval = await seed.approvalId(db, 'business_trips', id, 'report_approval_id');
    if (reportApproval) await approveAll(reportApproval, [new Date(reportAt.getTime() + 5 * 3_600_000)], ['报告属实，同意']);
    const category: Record<TripCostCategory, string> = { transport: '交通费', local_transport: '交通费', lodging: '住宿费', meals: '餐费', entertainment: '招待费', other: '其他' };
    return { kind: 'trip' as const, refId: id, on: end, lines: actual.map((l) => ({ category: category[l.category], amount: l.amount, note: l.note })) };
  };
  const pastCount = cal.past.length;
  const majunTrip = await trip('majun', ['jnbankSz', 'jhpost'], '江苏苏州、南通', pastCount - 16, 3, 'train', [['transport', 32_000, '高铁'], ['lodging', 90_000, '两晚'], ['meals', 30_000, '伙食补助'], ['local_transport', 12_000, '市内出租车']], 'approved');
  const linTrip = await trip('linxiaoyan', ['yjbank', 'ydresort'], '浙江宁波、温州', pastCount - 9, 2, 'car', [['transport', 46_000, '自驾油费及过路费'], ['lodging', 48_000, '一晚'], ['meals', 20_000, '伙食补助']], 'approved');
  await trip('chensiyuan', ['sxwuxi', 'sxgroup'], '江苏无锡、苏州', pastCount - 4, 2, 'train', [['transport', 18_000, '高铁'], ['lodging', 52_000, '一晚'], ['meals', 20_000, '伙食补助']], 'submitted');
  if (majunTrip) claimable.majun.unshift(majunTrip);
  if (linTrip) claimable.linxiaoyan.unshift(linTrip);

  // ------------------------------------------------------------ contact log
  const LOG_IDEAS: [ContactLogKind, string][] = [
    ['call', '电话确认下周拜访时间，对方希望顺带介绍新版本功能'],
    ['email', '发送方案修订稿和报价说明，请对方转信息部门评审'],
    ['meeting', '参加客户组织的供应商座谈会，了解明年采购计划'],
    ['call', '回访上次拜访提出的问题，对方表示已经解决'],
  ];
  for (const [o, ownerName] of OWNERS.entries()) {
    const owner = await user(ownerName);
    const list = candidates(ownerName);
    for (let k = 0; k < 3 && list.length; k++) {
      const acc = accountOf(list[(k * 2 + o) % list.length]!.key)!;
      const contact = (await contactsOf(owner, acc.id))[k % 2];
      const [kind, summary] = LOG_IDEAS[(o + k) % LOG_IDEAS.length]!;
      const day = days[Math.min(days.length - 1, 3 + k * 6 + o)]!;
      const at = cal.at(day, 10 + k * 2, 15);
      await step(at, () =>
        createLog(db, owner, contactLogCreate.parse({ accountId: acc.id, contactId: contact?.id ?? null, kind, occurredAt: at.toISOString(), place: kind === 'meeting' ? '客户会议室' : null, contactWay: kind === 'email' ? null : (contact?.mobile ?? null), summary }), tz, now),
      );
      result.contactLogs++;
    }
  }

  // ------------------------------------------------------------ expense claims
  const gift = (id: number | undefined, on: string, amount: number, note: string) => (id ? [{ kind: 'gift' as const, refId: id, on, lines: [{ category: '礼品费', amount, note }] }] : []);
  type Claimable = (typeof claimable)[Owner][number];
  const wu = await user('wufang');
  const claim = async (ownerName: Owner, title: string, records: Claimable[], to: 'paid' | 'approved' | 'pending' | 'draft') => {
    if (!records.length) return;
    const owner = await user(ownerName);
    const lines = records.flatMap((r) => r.lines.map((l) => ({ kind: r.kind, refId: r.refId, category: l.category, amount: l.amount, note: l.note, occurredOn: r.on })));
    const last = records.map((r) => r.on).sort().pop()!;
    const fileDay = cal.after(last, 2);
    const id = await step(cal.at(fileDay, 16, 0), () => expenses.createClaim(db, owner, expenseClaimCreate.parse({ title, lines })));
    result.claims++;
    if (to === 'draft') return;
    await step(cal.at(fileDay, 16, 5), async () => expenses.submitClaim(db, engine, owner, id, await seed.version(db, 'expense_claims', id)));
    if (to === 'pending') return;
    const next = cal.after(fileDay, 1);
    await approveAll(await seed.approvalId(db, 'expense_claims', id), [cal.at(fileDay, 17, 20), cal.at(next, 10, 0)], ['情况属实', '票据齐全，同意报销']);
    if (to === 'paid') await step(cal.at(cal.after(next, 1), 15, 0), async () => expenses.payClaim(db, wu, id, await seed.version(db, 'expense_claims', id)));
  };
  const c = claimable;
  await claim('chensiyuan', '拜访及参观接待费用', [...c.chensiyuan.filter((r) => r.kind === 'reception'), ...c.chensiyuan.filter((r) => r.kind === 'visit').slice(0, 4)], 'paid');
  await claim('chensiyuan', '江南银行答谢宴及礼品', [...banquetLines, ...gift(teaGift, receptionDays.banquet, 76_000, '定制茶礼 2 盒')], 'pending');
  await claim('liuxiaofeng', '客户拜访交通及餐费', c.liuxiaofeng.slice(0, 5), 'paid');
  await claim('liuxiaofeng', '本月拜访费用', c.liuxiaofeng.slice(5, 7), 'draft');
  await claim('zhaolei', '邮政及政府客户拜访费用', c.zhaolei.slice(0, 6), 'approved');
  await claim('majun', '苏州南通出差及拜访费用', c.majun.slice(0, 5), 'paid');
  await claim('linxiaoyan', '宁波温州出差、拜访及节日礼品', [...c.linxiaoyan.slice(0, 4), ...gift(silkGift, days[Math.max(0, days.length - 8)]!, 78_000, '苏绣围巾 3 条')], 'approved');

  // ------------------------------------------------------------ budgets
  // set by finance at the start of each month; sized so the month's claims sit under them, bar one
  const periods = [previousPeriod(cal.today), cal.today.slice(0, 7)];
  for (const period of periods) {
    const rows = await expenses.control(db, period);
    const firstDay = cal.past.find((d) => d.startsWith(period)) ?? `${period}-01`;
    const units = await seed.userUnits(db, OWNERS.map((u) => org.users[u]!));
    const byKey = new Map(rows.map((r) => [`${r.subject}:${r.subjectId}:${r.category}`, r.actual]));
    const budgets: { userId?: number; unitId?: number; category: string; amount: number }[] = [];
    const round = (fen: number) => Math.ceil(fen / 50_000) * 50_000;
    for (const ownerName of OWNERS) {
      const userId = org.users[ownerName]!;
      for (const category of CATEGORIES) {
        const actual = byKey.get(`user:${userId}:${category}`) ?? 0;
        // 陈思远's hospitality this month ran over its budget
        const over = ownerName === 'chensiyuan' && category === '招待费' && actual > 0;
        budgets.push({ userId, category, amount: over ? Math.max(50_000, Math.floor((actual * 0.8) / 50_000) * 50_000) : Math.max(round(actual * 1.3), category === '招待费' || category === '住宿费' ? 300_000 : 100_000) });
      }
    }
    for (const unitId of new Set(units.values())) {
      for (const category of CATEGORIES) {
        const actual = byKey.get(`unit:${unitId}:${category}`) ?? 0;
        budgets.push({ unitId, category, amount: Math.max(round(actual * 1.5), 200_000) });
      }
    }
    await step(cal.at(firstDay, 9, 0), async () => {
      for (const b of budgets) await expenses.createBudget(db, wu, budgetInput.parse({ ...b, period }));
    });
    result.budgets += budgets.length;
  }

  // ------------------------------------------------------------ phone allowance (seed 003 第19条)
  // finance sets two people's 手机费 allowance as personal budgets; the others keep the default (¥300).
  // 陈思远's bill fits and is paid, 刘晓峰's waits for finance alone, 赵磊's is over and waits for the director.
  const period = cal.today.slice(0, 7);
  const phoneDay = [...days].reverse().find((d) => d.startsWith(period));
  if (phoneDay) {
    const firstDay = cal.past.find((d) => d.startsWith(period)) ?? phoneDay;
    const phoneBudgets = [
      { userId: org.users.chensiyuan!, amount: 30_000 },
      { userId: org.users.liuxiaofeng!, amount: 40_000 },
      { unitId: org.units.ka, amount: 150_000 },
    ];
    await step(cal.at(firstDay, 9, 5), async () => {
      for (const b of phoneBudgets) await expenses.createBudget(db, wu, budgetInput.parse({ ...b, category: PHONE_CATEGORY, period }));
    });
    result.budgets += phoneBudgets.length;
    const phoneClaim = async (ownerName: Owner, amount: number, to: 'paid' | 'pending') => {
      const owner = await user(ownerName);
      const lines = [{ kind: 'phone' as const, refId: null, category: PHONE_CATEGORY, amount, note: `${period} 手机话费（含流量）`, occurredOn: phoneDay }];
      const id = await step(cal.at(phoneDay, 17, 30), () => expenses.createClaim(db, owner, expenseClaimCreate.parse({ title: `${period} 手机费`, lines })));
      await step(cal.at(phoneDay, 17, 35), async () => expenses.submitClaim(db, engine, owner, id, await seed.version(db, 'expense_claims', id)));
      result.claims++;
      if (to === 'pending') return;
      await approveAll(await seed.approvalId(db, 'expense_claims', id), [cal.at(phoneDay, 17, 50)], ['在核定标准内，同意']);
      await step(cal.at(phoneDay, 17, 55), async () => expenses.payClaim(db, wu, id, await seed.version(db, 'expense_claims', id)));
    };
    await phoneClaim('chensiyuan', 26_850, 'paid');
    await phoneClaim('liuxiaofeng', 35_600, 'pending');
    await phoneClaim('zhaolei', 42_000, 'pending');
  }

  // ------------------------------------------------------------ monthly plans (ACT-4)
  // this month's plans went in on the last working day of last month (马骏's two days late);
  // 陈思远 has already submitted next month's, 刘晓峰 has a draft of it
  const due = lastWorkingDayOfMonth(previousPeriod(cal.today), await loadWorkCalendar(db));
  const thisMonthDays = cal.past.filter((d) => d.startsWith(period));
  for (const [o, ownerName] of OWNERS.entries()) {
    const owner = await user(ownerName);
    const list = candidates(ownerName);
    const late = ownerName === 'majun' && thisMonthDays.length > 1;
    const at = late ? cal.at(thisMonthDays[1]!, 9, 20) : cal.at(due, 16 + (o % 2), 10 * o);
    const planDays = [...thisMonthDays, ...cal.future].filter((d) => d.startsWith(period));
    const items = [
      ...list.slice(0, 3).map((a, k) => ({ kind: 'visit' as const, accountId: accountOf(a.key)!.id, plannedOn: planDays[Math.min(planDays.length - 1, 2 + k * 5)] ?? null, note: null })),
      { kind: 'expansion' as const, accountId: null, targetName: EXPANSION_TARGETS[o % EXPANSION_TARGETS.length]!, note: '经朋友引荐，争取本月首次拜访' },
      ...(list[0] ? [{ kind: 'deal' as const, accountId: accountOf(list[0].key)!.id, note: '推动年度框架协议签署' }] : []),
    ];
    const body = { month: period, plannedVisits: 10 + (o % 3) * 2, plannedExpansions: 2, plannedDeals: 1, note: '本月重点：年底回款与明年预算沟通。', items };
    const id = await step(at, () => workPlans.createPlan(db, owner, monthlyPlanCreate.parse(body), tz, at));
    await step(at, async () => workPlans.submitPlan(db, owner, id, { version: await seed.version(db, 'monthly_plans', id) }, tz, at));
    result.monthlyPlans++;
  }
  const nextMonth = addMonths(period, 1);
  for (const [ownerName, submit] of [['chensiyuan', true], ['liuxiaofeng', false]] as const) {
    const owner = await user(ownerName);
    const list = candidates(ownerName);
    const body = { month: nextMonth, plannedVisits: 12, plannedExpansions: 2, plannedDeals: 1, note: '年初拜访：新年走访与全年合作规划。', items: list.slice(0, 2).map((a) => ({ kind: 'visit' as const, accountId: accountOf(a.key)!.id, note: '新年走访' })) };
    const id = await step(now, () => workPlans.createPlan(db, owner, monthlyPlanCreate.parse(body), tz, now));
    if (submit) await step(now, async () => workPlans.submitPlan(db, owner, id, { version: await seed.version(db, 'monthly_plans', id) }, tz, now));
    result.monthlyPlans++;
  }

  opts.log(
    `Demo data: created ${result.visits} visits, ${result.receptions} receptions, ${result.giftApplications} gift applications, ${result.trips} business trips, ${result.contactLogs} contact-log entries, ${result.budgets} budgets, ${result.claims} expense claims and ${result.monthlyPlans} monthly plans.`,
  );
  return result;
}
