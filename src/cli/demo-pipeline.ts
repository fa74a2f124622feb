import type { Kdb } from '../server/db/client';
import { ApprovalEngine } from '../server/platform/approvals/engine';
import { ensureDefaultChains } from '../server/features/org/bootstrap';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import { gradeFromAssessment } from '../server/features/accounts/accounts.changes.service';
import { create as createCompetitor } from '../server/features/competitors/competitors.service';
import { devPlanApprovable, savePlan, submitPlan } from '../server/features/dev-plans/dev-plans.service';
import { closeSeededProject, pipelineSeedRepo } from '../server/features/pipeline/seed.repo';
import { competitorCreate, devPlanInput, type DevPlanInput } from '../shared/contracts/opportunities';
import { businessDate } from '../shared/domain/business-time';
import { allFactorScores, DEFAULT_PIPELINE_SETTINGS, gradeAssessment, isGrade, STAGE_ITEMS, type AssessmentFactor, type FactorScores, type Stage } from '../shared/domain/pipeline';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { stepper } from './demo-fieldwork.repo';

/**
 * Account development demo (PIPE-1..7): five competitors and fifteen development projects on
 * demo accounts across all five stages — some held at a gate by missing items, graded A–D (one
 * still collecting information), plans approved and pending through the real approval engine,
 * deals won, lost, abandoned and paused with their reasons and competitors — with a back-dated
 * stage history, so the board, forecast, conversion, ageing and win-loss pages have substance.
 * Loaded once: a second run finds the projects and changes nothing.
 */

const DAY = 86_400_000;

const COMPETITORS = [
  { name: '华信科技', products: '智能柜员机、网点转型整体方案', strengths: '价格低，交付快', weaknesses: '售后网点少，定制能力弱', pricePosition: 'lower' as const },
  { name: '博远软件', products: '运维外包、数据中心服务', strengths: '银行客户多，案例丰富', weaknesses: '人员流动大', pricePosition: 'similar' as const },
  { name: '中软恒达', products: '供应链协同、MES', strengths: '与集团总部关系深，老供应商', weaknesses: '产品老旧，升级慢', pricePosition: 'higher' as const },
  { name: '智联网科', products: '会员营销平台、小程序', strengths: '互联网打法，界面好看', weaknesses: '行业理解浅', pricePosition: 'lower' as const },
  { name: '海纳数据', products: '数据治理、政务数据平台', strengths: '政府资质齐全', weaknesses: '报价高，响应慢', pricePosition: 'higher' as const },
];

type Scores = FactorScores;
const A: Scores = { share: 5, effort: 2, deal_risk: 2, business_value: 5, payment_risk: 1, supply_capacity: 5, difficulty: 2 };
const B: Scores = { share: 4, effort: 4, deal_risk: 4, business_value: 5, payment_risk: 3, supply_capacity: 3, difficulty: 4 };
const C: Scores = { share: 3, effort: 4, deal_risk: 4, business_value: 3, payment_risk: 3, supply_capacity: 2, difficulty: 4 };
const D: Scores = { share: 2, effort: 2, deal_risk: 2, business_value: 2, payment_risk: 2, supply_capacity: 4, difficulty: 2 };
/**
 * The project still collecting information (seed 003 §3.2.3 (五)2(5) 信息不足，继续收集信息): every
 * factor scored as far as it is known, with what each score rests on, and the assessor's word that
 * the information is not yet enough to grade.
 */
const COLLECT: Scores = { share: 3, effort: 4, deal_risk: 4, business_value: 4, payment_risk: 2, supply_capacity: 4, difficulty: 3 };
const COLLECT_NOTES: Partial<Record<AssessmentFactor, string>> = {
  share: '分行计划分两期建设，首期只覆盖公司业务部，份额待二期范围确定',
  effort: '需两轮方案交流和一次联合演示，售前投入约 30 人日',
  deal_risk: '分管行长尚未表态，采购走总行集采还是分行自采未定',
  business_value: '对公营销平台是今年主推产品，可复制到总行其他分行',
  payment_risk: '股份制银行分行，历年付款按合同节点执行',
  supply_capacity: '已有两家同类银行的实施团队，可抽调项目经理',
  difficulty: '需对接核心系统客户信息和行内统一认证，接口文档尚未拿到',
};

interface ProjectIdea {
  account: string;
  name: string;
  products: string[];
  stage: Stage;
  status: 'open' | 'won' | 'lost' | 'abandoned' | 'paused';
  /** 元 */
  value: number;
  /** expected close, days from today (open projects) */
  closeIn: number | null;
  /** open: days in the current stage; closed: days since closing */
  days: number;
  /** days the whole history spans */
  age: number;
  /** ticks of the current stage beyond those of the earlier stages */
  ticks: string[];
  scores?: Scores;
  /** per factor, what the score rests on */
  notes?: Partial<Record<AssessmentFactor, string>>;
  informationSufficient?: boolean;
  plan?: 'approved' | 'pending' | 'draft';
  director?: boolean;
  senior?: 'wangjianguo' | 'lizhiqiang';
  competitors?: { name: string; threat: 'low' | 'medium' | 'high' }[];
  reason?: string;
  note?: string;
  wonBy?: string;
}

const acc = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!;

const PROJECTS: ProjectIdea[] = [
  { account: 'jnbank', name: '网点智能柜员机二期', products: ['网点智能柜员机'], stage: 5, status: 'open', value: 2_800_000, closeIn: 20, days: 12, age: 160, ticks: ['strengths_presented', 'site_visit'], scores: A, plan: 'approved', director: true, senior: 'wangjianguo', competitors: [{ name: '华信科技', threat: 'high' }] },
  { account: 'sxgroup', name: '设备预测性维护平台', products: ['设备预测性维护平台'], stage: 4, status: 'open', value: 1_600_000, closeIn: 75, days: 75, age: 170, ticks: ['entry_point', 'deep_communication'], scores: B, plan: 'approved', director: true, competitors: [{ name: '中软恒达', threat: 'medium' }] },
  { account: 'jyelec', name: '生产执行系统（MES）一期', products: ['生产执行系统（MES）'], stage: 4, status: 'open', value: 1_500_000, closeIn: 45, days: 15, age: 120, ticks: ['entry_point', 'deep_communication', 'senior_involved', 'image_presented'], scores: A, plan: 'approved', director: true, senior: 'lizhiqiang' },
  { account: 'dhbankSh', name: '对公客户营销管理平台', products: ['对公客户营销管理平台'], stage: 3, status: 'open', value: 2_200_000, closeIn: 110, days: 20, age: 90, ticks: ['deal_possibility'], scores: COLLECT, notes: COLLECT_NOTES, informationSufficient: false, plan: 'pending', director: true, competitors: [{ name: '博远软件', threat: 'medium' }] },
  { account: 'hssteel', name: '供应链协同平台', products: ['供应链协同平台'], stage: 3, status: 'open', value: 1_200_000, closeIn: 90, days: 40, age: 110, ticks: ['deal_possibility', 'deal_difficulty'], scores: C, competitors: [{ name: '中软恒达', threat: 'high' }] },
  { account: 'qthotels', name: '会员积分营销平台', products: ['会员积分营销平台'], stage: 2, status: 'open', value: 600_000, closeIn: 120, days: 50, age: 80, ticks: ['insider_found', 'decision_maker_profile', 'demo_given', 'current_suppliers'], competitors: [{ name: '智联网科', threat: 'medium' }] },
  { account: 'zkelectric', name: '车间生产执行系统', products: ['生产执行系统（MES）'], stage: 2, status: 'open', value: 900_000, closeIn: 150, days: 10, age: 40, ticks: ['insider_found', 'demo_given'] },
  { account: 'hlauto', name: '设备联网与预测性维护', products: ['设备预测性维护平台'], stage: 1, status: 'open', value: 800_000, closeIn: 200, days: 8, age: 8, ticks: ['potential_need'] },
  { account: 'taihuhotel', name: '宴会与会议预订系统', products: ['宴会与会议预订系统'], stage: 1, status: 'open', value: 200_000, closeIn: null, days: 35, age: 35, ticks: ['potential_need', 'initial_contact'] },
  { account: 'yjbank', name: '数据中心运维外包服务', products: ['数据中心运维外包服务'], stage: 5, status: 'won', value: 1_800_000, closeIn: null, days: 20, age: 170, ticks: ['strengths_presented', 'site_visit', 'concerns_resolved', 'contract_signed'], scores: A, plan: 'approved', director: true, senior: 'wangjianguo', competitors: [{ name: '博远软件', threat: 'high' }], reason: 'relationship', note: '信息中心主任全程支持，高层拜访后定标' },
  { account: 'jnbankSz', name: '网点智能柜员机', products: ['网点智能柜员机'], stage: 5, status: 'won', value: 1_100_000, closeIn: null, days: 90, age: 240, ticks: ['strengths_presented', 'site_visit', 'contract_signed'], scores: B, plan: 'approved', director: true, senior: 'lizhiqiang', competitors: [{ name: '华信科技', threat: 'medium' }], reason: 'product', note: '现场考察后认可我方设备稳定性' },
  { account: 'jnclub', name: '会员积分营销平台', products: ['会员积分营销平台'], stage: 4, status: 'lost', value: 500_000, closeIn: null, days: 40, age: 150, ticks: ['entry_point', 'deep_communication'], scores: B, plan: 'approved', director: true, competitors: [{ name: '华信科技', threat: 'high' }, { name: '智联网科', threat: 'medium' }], reason: 'price', note: '对手报价低三成', wonBy: '智联网科' },
  { account: 'jhchem', name: '原料供应链协同', products: ['供应链协同平台'], stage: 2, status: 'lost', value: 700_000, closeIn: null, days: 60, age: 120, ticks: ['insider_found'], competitors: [{ name: '中软恒达', threat: 'high' }], reason: 'competitor_incumbent', note: '老供应商续签三年', wonBy: '中软恒达' },
  { account: 'qhhotel', name: '客房与前台管理系统', products: ['酒店客房与前台管理系统'], stage: 3, status: 'abandoned', value: 300_000, closeIn: null, days: 30, age: 100, ticks: ['deal_possibility', 'deal_difficulty'], scores: D, reason: 'low_value', note: '评估后价值偏低，转为暂缓观察' },
  { account: 'ydpost', name: '网点自助寄件终端', products: ['网点自助寄件终端'], stage: 2, status: 'paused', value: 400_000, closeIn: null, days: 25, age: 70, ticks: ['insider_found', 'procurement_process'], note: '客户预算冻结到明年' },
];

const PLAN: Record<string, Omit<DevPlanInput, 'version'>> = {
  default: {
    strategy: '以信息中心为突破口，先做试点证明价值，再由高层推动全面推广；关键决策人逐一建立关系，争取内线全程支持。',
    advantages: ['efficiency', 'cost', 'solution'],
    support: ['director_assessment', 'senior_involvement', 'relationship_budget'],
    resources: '演示环境一套，售前工程师两人，总监每月一次拜访',
  },
};

export interface DemoPipelineResult {
  competitors: number;
  projects: number;
  plans: number;
}

/** Loads the pipeline demo once (after the demo accounts); a second call changes nothing. */
export async function loadDemoPipeline(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<DemoPipelineResult> {
  const result: DemoPipelineResult = { competitors: 0, projects: 0, plans: 0 };
  const tz = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  if (await pipelineSeedRepo.anyProjectNamed(db, PROJECTS.map((p) => p.name))) {
    opts.log('Demo data: the development projects are already there; nothing to do.');
    return result;
  }
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const { byId: actorOf } = demoActors(db, org, 'pipeline');
  await ensureDefaultChains(db);
  const engine = new ApprovalEngine(db, new Notifier(new JobQueue(db), false), tz);
  devPlanApprovable.register(engine);

  const gradeStep = stepper(db, now, { account_changes: ['at'] });
  const gm = await actorOf(org.users.wangjianguo!);
  const competitors = new Map<string, number>();
  for (const c of COMPETITORS) {
    competitors.set(c.name, await createCompetitor(db, gm, competitorCreate.parse(c)));
    result.competitors++;
  }

  const accounts = await pipelineSeedRepo.accountIdsByName(db, PROJECTS.map((p) => acc(p.account).name));
  const ownerIds = PROJECTS.map((p) => org.users[acc(p.account).owner]!);
  const units = await pipelineSeedRepo.userUnits(db, ownerIds);
  const directorOf: Record<number, number> = {
    [org.units.ka]: org.users.zhangmingyuan!,
    [org.units.jiangsuKa]: org.users.xuhaifeng!,
    [org.units.zhejiangKa]: org.users.huangzhiwei!,
  };

  for (const idea of PROJECTS) {
    const spec = acc(idea.account);
    const accountId = accounts.get(spec.name);
    if (!accountId) continue;
    const ownerId = org.users[spec.owner]!;
    const unitId = units.get(ownerId)!;
    const closed = idea.status !== 'open';
    // when the project entered its stage and when the history began
    const enteredDaysAgo = closed ? idea.days + Math.round((idea.age - idea.days) / (idea.stage + 1)) : idea.days;
    const closedAt = closed ? ago(idea.days) : null;
    const tick = (at: Date) => ({ note: null, by: ownerId, at: at.toISOString() });
    const checklist: Record<string, ReturnType<typeof tick>> = {};
    for (let s = 1 as Stage; s < idea.stage; s = (s + 1) as Stage) {
      for (const item of STAGE_ITEMS[s]) if (!['assessment', 'plan_approved', 'participant_ka_director', 'participant_senior'].includes(item)) checklist[item] = tick(ago(enteredDaysAgo + 1));
    }
    for (const item of idea.ticks) checklist[item] = tick(ago(Math.max(1, enteredDaysAgo - 2)));
    const grading = idea.scores ? gradeAssessment(idea.scores, DEFAULT_PIPELINE_SETTINGS, idea.informationSufficient ?? true) : null;
    const assessedAt = ago(enteredDaysAgo - 3);
    const assessment = grading
      ? {
          // stored as the service stores it: every factor, an open one null
          scores: allFactorScores(idea.scores),
          notes: idea.notes ?? {},
          informationSufficient: idea.informationSufficient ?? true,
          summary: grading.outcome === 'collect' ? '决策链和预算尚不清楚：分管行长未表态、采购方式未定，补齐信息后再评定等级' : '成交路径清晰：内线支持，决策人认可方案',
          ...grading,
          by: ownerId,
          at: assessedAt.toISOString(),
        }
      : null;
    const id = await pipelineSeedRepo.insertProject(db, {
      accountId,
      name: idea.name,
      ownerId,
      unitId,
      stage: idea.stage,
      status: 'open',
      expectedValue: idea.value * 100,
      products: idea.products,
      expectedCloseOn: idea.closeIn === null ? null : businessDate(new Date(now.getTime() + idea.closeIn * DAY), tz),
      procurementStep: idea.stage >= 4 ? 'criteria' : idea.stage >= 2 ? 'survey' : 'need',
      description: `${spec.short ?? spec.name}：${idea.products.join('、')}`,
      checklist,
      assessment,
      assessmentOutcome: grading?.outcome ?? null,
      stageEnteredAt: ago(enteredDaysAgo),
      closeReasonKey: null,
      closeNote: null,
      wonByCompetitorId: null,
      closedAt: null,
      createdAt: ago(idea.age),
    });
    result.projects++;
    // the assessment grades the account, as PUT …/assessment does
    if (grading && isGrade(grading.outcome)) {
      const assessor = await actorOf(ownerId);
      const grade = grading.outcome;
      // the account's grade changed when the project was assessed, not when the demo was loaded
      await gradeStep(assessedAt, () => db.transaction().execute((trx) => gradeFromAssessment(trx, assessor, accountId, grade, { opportunityId: id })));
    }

    // created at stage 1, then one step per stage, evenly spread until the current stage
    const history = [{ opportunityId: id, fromStage: null as number | null, toStage: 1, fromStatus: null as string | null, toStatus: 'open', reason: null as string | null, actorId: ownerId, at: ago(idea.age) }];
    for (let s = 2; s <= idea.stage; s++) {
      const at = ago(Math.round(idea.age - ((idea.age - enteredDaysAgo) * (s - 1)) / (idea.stage - 1)));
      history.push({ opportunityId: id, fromStage: s - 1, toStage: s, fromStatus: 'open', toStatus: 'open', reason: null, actorId: ownerId, at });
    }
    if (closed) history.push({ opportunityId: id, fromStage: idea.stage, toStage: idea.stage, fromStatus: 'open', toStatus: idea.status, reason: idea.note ?? null, actorId: ownerId, at: closedAt! });
    await pipelineSeedRepo.insertHistory(db, history);

    const parts = [{ userId: ownerId, part: 'account_manager' }];
    const directorId = directorOf[unitId];
    if (idea.director && directorId) parts.push({ userId: directorId, part: 'ka_director' });
    if (idea.senior) parts.push({ userId: org.users[idea.senior]!, part: 'senior' });
    await pipelineSeedRepo.insertParticipants(db, id, parts);
    await pipelineSeedRepo.insertCompetitors(
      db,
      id,
      (idea.competitors ?? []).map((c) => ({ competitorId: competitors.get(c.name)!, strengths: COMPETITORS.find((x) => x.name === c.name)!.strengths, threat: c.threat, pricePosition: COMPETITORS.find((x) => x.name === c.name)!.pricePosition })),
    );

    if (idea.plan) {
      const owner = await actorOf(ownerId);
      const budget = Math.round(idea.value * 0.03) * 100;
      const input = devPlanInput.parse({
        ...PLAN.default,
        steps: [
          { title: '拜访信息中心，确认需求与预算', ownerId, stage: 3, done: true },
          { title: '总监陪同拜访分管领导', ownerId: directorId ?? ownerId, stage: 4, done: idea.stage > 4 },
          { title: '组织现场考察样板客户', ownerId, stage: 5, done: idea.status === 'won' },
        ],
        budget,
        forecast: { sales: idea.value * 100, profit: Math.round(idea.value * 0.25) * 100, staffCost: Math.round(budget * 0.4), travelCost: Math.round(budget * 0.2), operatingCost: Math.round(budget * 0.1), riskCoefficient: idea.plan === 'pending' ? 0.4 : 0.2 },
        version: 0,
      });
      await savePlan(db, owner, id, input);
      if (idea.plan !== 'draft') {
        await submitPlan(db, engine, owner, id, { version: 1 });
        if (idea.plan === 'approved' && directorId) {
          const approvalId = await pipelineSeedRepo.planApproval(db, id);
          if (approvalId) await engine.approve(await actorOf(directorId), approvalId, '方案可行，同意投入');
        }
      }
      result.plans++;
    }
    if (closed) await closeSeededProject(db, id, { status: idea.status, reasonKey: idea.reason ?? null, note: idea.note ?? null, wonByCompetitorId: idea.wonBy ? competitors.get(idea.wonBy)! : null, at: closedAt! });
  }
  opts.log(`Demo data: created ${result.competitors} competitors and ${result.projects} development projects with ${result.plans} development plans.`);
  return result;
}
