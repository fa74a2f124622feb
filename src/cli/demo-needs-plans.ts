import type { Kdb } from '../server/db/client';
import type { Actor } from '../server/platform/actor';
import { accountContacts } from '../server/features/contacts/contacts.service';
import { createCountermeasure, createNeed, updateNeed } from '../server/features/needs/needs.service';
import { completePlanItem, createPlanItem } from '../server/features/plans/plans.service';
import { countermeasureCreate, needCreate, needUpdate, type MoveDirection } from '../shared/contracts/needs';
import { planItemComplete, planItemCreate, type PlanLevel } from '../shared/contracts/plans';
import { businessDate } from '../shared/domain/business-time';
import type { DemoAccountSpec, Rng } from './demo-accounts';

/**
 * Needs, countermeasures and strengthening plans for a share of the demo accounts (ACC-8,
 * REL-6), in the words of each industry: what the customer asks for, who is drifting which way
 * and what we do at each level of their organisation. Plan items are their owner's own, so the
 * tasks they create land on the owner's to-do list without a notification.
 */

type Kind = DemoAccountSpec['kind'];

interface NeedIdea {
  product: string;
  unit: string;
  /** quantity range */
  qty: [number, number];
  /** price range per unit in 元 */
  price: [number, number];
  reason: string;
}

const NEEDS: Record<Kind, NeedIdea[]> = {
  bank: [
    { product: '网点智能柜员机', unit: '台', qty: [20, 80], price: [120_000, 180_000], reason: '监管推动网点转型，柜面业务向自助渠道分流，减少柜员配置' },
    { product: '对公客户营销管理平台', unit: '套', qty: [1, 1], price: [1_500_000, 2_800_000], reason: '对公条线考核加码，需要统一管理客户经理的拜访和商机' },
    { product: '数据中心运维外包服务', unit: '年', qty: [1, 3], price: [600_000, 900_000], reason: '科技部人员编制有限，夜间和节假日值守压力大' },
  ],
  post: [
    { product: '寄递业务智能调度系统', unit: '套', qty: [1, 1], price: [900_000, 1_600_000], reason: '旺季件量翻倍，人工排班和派车跟不上，时效投诉增多' },
    { product: '网点自助寄件终端', unit: '台', qty: [30, 120], price: [25_000, 40_000], reason: '便民服务点延长营业时间，但人手不足' },
    { product: '仓储物流管理系统升级', unit: '套', qty: [1, 1], price: [500_000, 800_000], reason: '新建区域分拨中心，需要与总部系统打通' },
  ],
  hotel: [
    { product: '酒店客房与前台管理系统', unit: '套', qty: [1, 3], price: [300_000, 600_000], reason: '老系统停止维护，集团要求各门店统一会员和房态' },
    { product: '会员积分营销平台', unit: '套', qty: [1, 1], price: [400_000, 700_000], reason: '会所会员续费率下降，希望通过积分和活动提升黏性' },
    { product: '宴会与会议预订系统', unit: '套', qty: [1, 1], price: [150_000, 300_000], reason: '年会和商会活动增多，线下登记容易撞档' },
  ],
  mfg: [
    { product: '设备预测性维护平台', unit: '套', qty: [1, 1], price: [1_200_000, 2_000_000], reason: '关键设备非计划停机损失大，希望提前预警' },
    { product: '生产执行系统（MES）', unit: '个车间', qty: [2, 6], price: [350_000, 600_000], reason: '客户审厂要求生产过程可追溯，纸质记录难以应付' },
    { product: '供应链协同平台', unit: '套', qty: [1, 1], price: [800_000, 1_300_000], reason: '原材料涨价，采购希望与上游供应商实时共享库存和交期' },
  ],
  gov: [
    { product: '政务数据共享交换平台', unit: '套', qty: [1, 1], price: [2_000_000, 3_500_000], reason: '“一网通办”考核要求跨部门数据实时共享' },
    { product: '一网通办自助服务终端', unit: '台', qty: [15, 60], price: [40_000, 70_000], reason: '服务大厅窗口排队时间长，群众满意度测评偏低' },
    { product: '公共数据治理服务', unit: '年', qty: [1, 2], price: [700_000, 1_100_000], reason: '数据资源目录编制和质量核查任务重，人手不足' },
  ],
  ins: [
    { product: '理赔影像智能识别系统', unit: '套', qty: [1, 1], price: [900_000, 1_500_000], reason: '车险小额案件多，人工审单时效达不到总公司要求' },
    { product: '车险线上出单平台', unit: '套', qty: [1, 1], price: [600_000, 1_000_000], reason: '渠道费用管控趋严，希望提高直销线上占比' },
    { product: '客服智能外呼', unit: '坐席', qty: [50, 200], price: [3_000, 6_000], reason: '续保提醒和回访量大，客服中心人力成本高' },
  ],
};

const REGION: Record<Kind, (city: string, province: string) => string> = {
  bank: (city) => `${city}辖内网点`,
  post: (city, province) => `${province}${city}及周边县区`,
  hotel: (city) => `${city}各门店`,
  mfg: (city) => `${city}生产基地`,
  gov: (city) => `${city}本级及所辖区县`,
  ins: (_city, province) => `${province}分支机构`,
};

const COMPETITORS = ['华信科技', '博远软件', '中软恒达'];

interface MoveIdea {
  direction: MoveDirection;
  note: string;
  problem: string;
  measure: string;
}

const MOVES: Record<DemoAccountSpec['pattern'], MoveIdea[]> = {
  healthy: [
    { direction: 'expand', note: '计划把试点推广到全辖', problem: '试点效果认可，但推广预算要等下半年调整', measure: '协助客户整理试点成效报告，配合预算申报材料' },
    { direction: 'maintain', note: '', problem: '对接人工作繁忙，日常沟通以微信为主', measure: '每月一次例行拜访，季度出具服务报告' },
  ],
  no_dm: [{ direction: 'wait', note: '决策层尚未表态', problem: '只接触到使用部门，不清楚谁拍板、预算在哪个口子', measure: '请内部向导引荐分管领导，准备一页纸的高层汇报材料' }],
  single: [{ direction: 'wait', note: '', problem: '只有一位采购联系人，信息来源单一', measure: '借技术交流会认识使用部门和信息部门的骨干' }],
  opponent: [
    { direction: 'reduce', note: '新任分管领导倾向压缩外包', problem: '有影响力的反对者在评审会上质疑我方方案成熟度', measure: '安排同类客户现场参观，邀请反对者参加技术答疑会' },
    { direction: 'to_competitor', note: '竞争对手在做高层公关', problem: '竞争对手请对方领导考察了其样板工程', measure: '由总经理出面回访，提出联合创新项目' },
  ],
  cold: [{ direction: 'reduce', note: '今年续约金额下降', problem: '对接部门调整后联系减少，满意度回访未答复', measure: '重新梳理组织架构，上门拜访新任负责人并做服务回顾' }],
  competitor: [
    { direction: 'to_competitor', note: '在比较竞争对手的整体方案', problem: '竞争对手报价低 15%，并承诺驻场服务', measure: '重新测算总拥有成本，突出运维响应和本地化团队优势' },
    { direction: 'wait', note: '招标时间推迟', problem: '客户内部对建设范围意见不一', measure: '提供分期建设方案，先上线急需模块' },
  ],
};

/** What we do at each level (seed 003 客户关系强化表 under 强化影响力). */
const MEASURES: Record<PlanLevel, string[]> = {
  gm: ['安排我方总经理高层互访，交流年度合作规划', '邀请参加行业年会并安排圆桌发言', '组织参观我方标杆客户现场'],
  deputy_gm: ['分管副总牵头召开项目推进会', '邀请参加新产品发布会并单独沟通', '提交分期建设方案，争取列入年度预算'],
  dept_manager: ['组织专题技术交流会，展示同行业案例', '联合编写需求规格，锁定关键技术指标', '季度服务回顾会，通报问题整改情况'],
  dept_head: ['驻场工程师每周例会沟通进度', '安排产品培训，提升科室使用熟练度', '节日问候与工作餐交流'],
  staff: ['开展操作培训和技能竞赛', '建立使用问题快速响应群', '收集一线使用意见并反馈产品团队'],
};
const OURS: Record<number, string> = { 0: '刚认识，交换过名片', 1: '对我方方案有兴趣，愿意约见', 2: '信任我方，愿意分享内部信息', 3: '同盟关系，主动为我方发声' };
const THEIRS = ['与竞争对手高层是校友，私交较好', '竞争对手做过其上一期项目，关系稳定', '竞争对手近期频繁拜访，送过考察邀请', '与竞争对手接触不多'];
const OUTCOMES = ['会面顺利，对方同意下季度启动联合调研', '交流会反馈良好，对方安排了后续技术对接', '客户确认了需求范围，同意进入方案评审'];

const LEVEL_ORDER: PlanLevel[] = ['gm', 'deputy_gm', 'dept_manager', 'dept_head', 'staff'];
const STAGE_INDEX: Record<string, number> = { acquainted: 0, interested: 1, trusting: 2, ally: 3 };

function levelOf(c: { layer: string | null; title: string | null }): PlanLevel {
  const title = c.title ?? '';
  if (c.layer === 'decision') return /副/.test(title) ? 'deputy_gm' : 'gm';
  if (c.layer === 'management') return /副|科长|主管/.test(title) ? 'dept_head' : 'dept_manager';
  return 'staff';
}

export interface DemoPlanAccount {
  id: number;
  spec: DemoAccountSpec;
  owner: Actor;
  r: Rng;
}

export interface DemoNeedsResult {
  needs: number;
  countermeasures: number;
  planItems: number;
}

interface ArchiveSteps {
  /** runs one step through the services and dates what it wrote to `at` */
  step: <T>(at: Date, fn: () => Promise<T>) => Promise<T>;
  /** a weekday about `days` back at a local time */
  workday: (days: number, hh: number, mm?: number) => Date;
  /** the end of a business date's working day (17:00 local) */
  closeAt: (date: string) => Date;
}

/**
 * Needs, countermeasures and plan items for the accounts given (those the demo just created),
 * each dated when it is meant to have been entered: needs a few months back (a met one closed
 * since), countermeasures a month or so back, plan items just before they started.
 */
export async function loadDemoNeedsAndPlans(db: Kdb, accounts: DemoPlanAccount[], opts: { tz: string; now: Date; cities: Record<string, { province: string }> } & ArchiveSteps): Promise<DemoNeedsResult> {
  const out: DemoNeedsResult = { needs: 0, countermeasures: 0, planItems: 0 };
  const { step, workday } = opts;
  const day = (offset: number) => businessDate(new Date(opts.now.getTime() + offset * 86_400_000), opts.tz);
  for (const { id, spec, owner, r } of accounts) {
    // a share of the accounts: those being worked on, and not every one of them
    if (spec.lifecycle === 'prospect' || spec.lifecycle === 'lost' || !r.chance(0.65)) continue;
    const province = opts.cities[spec.city]!.province;
    // spreads the accounts' dates without drawing on r (which would change what the demo holds)
    const jitter = (id * 7) % 20;

    const pool = NEEDS[spec.kind];
    const first = r.int(0, pool.length - 1);
    const ideas = [pool[first]!, pool[(first + 1) % pool.length]!].slice(0, r.int(1, 2));
    for (const [n, idea] of ideas.entries()) {
      const qty = r.int(idea.qty[0], idea.qty[1]);
      // prices are quoted in round thousands of 元
      const low = Math.round(r.int(idea.price[0], (idea.price[0] + idea.price[1]) / 2) / 1000) * 1000;
      const needId = await step(workday(150 - n * 60 + jitter, 10, 20), () =>
        createNeed(
          db,
          owner,
          id,
          needCreate.parse({ productType: idea.product, quantity: qty, unit: idea.unit, region: REGION[spec.kind](`${spec.city}市`, province), priceMin: low * 100, priceMax: idea.price[1] * 100, reason: idea.reason }),
        ),
      );
      out.needs++;
      // an active account has had one need met already
      if (n === 1 && (spec.lifecycle === 'active' || spec.lifecycle === 'maintaining')) await step(workday(30 + jitter, 16, 10), () => updateNeed(db, owner, needId, needUpdate.parse({ status: 'met', version: 1 })));
    }

    const people = (await accountContacts(db, owner, id)).filter((c) => c.status === 'active');
    const key = people.find((c) => c.support < 0) ?? people.find((c) => c.buying_role === 'decision_maker') ?? people[0];
    for (const [n, move] of MOVES[spec.pattern].entries()) {
      await step(workday(28 + n * 5 + jitter, 14, 0), () => createCountermeasure(
        db,
        owner,
        id,
        countermeasureCreate.parse({
          contactId: n === 0 && key ? key.id : null,
          direction: move.direction,
          directionNote: move.note || null,
          problem: move.problem,
          measure: move.measure,
          // the at-risk accounts carry an overdue countermeasure worth noticing
          dueOn: spec.lifecycle === 'at_risk' && n === 0 ? day(-r.int(3, 12)) : day(r.int(7, 40)),
        }),
      ));
      out.countermeasures++;
    }

    const byLevel = new Map<PlanLevel, typeof people>();
    for (const c of people) byLevel.set(levelOf(c), [...(byLevel.get(levelOf(c)) ?? []), c]);
    const levels = LEVEL_ORDER.filter((l) => byLevel.has(l)).slice(0, r.int(2, 3));
    const competitor = r.pick(COMPETITORS);
    for (const [n, level] of levels.entries()) {
      const at = byLevel.get(level)!;
      const best = Math.max(...at.map((c) => STAGE_INDEX[c.stage] ?? 0));
      const start = -r.int(20, 60);
      // the first item is done, an at-risk account's second is overdue, the rest lie ahead
      const due = n === 0 ? start + r.int(10, 18) : spec.lifecycle === 'at_risk' && n === 1 ? -r.int(2, 9) : r.int(10, 45);
      // entered two days before it starts; a done one closed on the day it was done
      const itemId = await step(workday(2 - start, 9, 15 + n), () => createPlanItem(
        db,
        owner,
        id,
        planItemCreate.parse({
          level,
          contactIds: at.slice(0, 2).map((c) => c.id),
          ourRelationship: OURS[best],
          ourStage: at.find((c) => STAGE_INDEX[c.stage] === best)?.stage ?? null,
          competitor,
          competitorRelationship: spec.pattern === 'competitor' || spec.pattern === 'opponent' ? THEIRS[r.int(0, 2)] : THEIRS[3],
          measures: r.pick(MEASURES[level]),
          startOn: day(start),
          dueOn: day(due),
          notes: level === 'gm' ? '需提前两周与对方办公室确认行程' : null,
          status: n === 0 || due < 0 ? 'in_progress' : 'planned',
        }),
        { tz: opts.tz },
      ));
      out.planItems++;
      if (n === 0) {
        const doneOn = day(Math.min(-1, start + r.int(5, 15)));
        const outcome = r.pick(OUTCOMES);
        await step(opts.closeAt(doneOn), () =>
          completePlanItem(db, owner, itemId, planItemComplete.parse({ doneOn, outcome, version: 1 }), { tz: opts.tz }, opts.now),
        );
      }
    }
  }
  return out;
}
