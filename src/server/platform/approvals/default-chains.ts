import type { Kdb } from '../../db/client';
import type { ChainStep } from '../../../shared/contracts/approvals';
import { engineRepo } from './approvals.repo';

/** 通用审批 by seed 003: ≤ ¥5,000 the department head; above, also finance; above ¥20,000, also the GM. */
const GENERAL_REQUEST_STEPS: ChainStep[] = [
  { name: '部门负责人', approver: { kind: 'position', position: 'ka_director' }, minAmount: null },
  { name: '财务经理', approver: { kind: 'position', position: 'finance_manager' }, minAmount: 500_000 },
  { name: '总经理', approver: { kind: 'position', position: 'gm' }, minAmount: 2_000_000 },
];

/** 客户开发方案 by seed 003 §3.2: the plan is approved by the KA director (客户总监). */
const OPPORTUNITY_PLAN_STEPS: ChainStep[] = [{ name: '客户总监', approver: { kind: 'position', position: 'ka_director' }, minAmount: null }];

/**
 * 礼品馈赠申请表 by seed 003 form 5: signed by 部门 (the department head), 礼品管理员, 办公室 and 副总经理.
 * An application that takes its recipient above the yearly value cap is its own document type whose
 * chain adds the GM (ACT-8 compliance), so each chain stays editable on its own.
 */
const GIFT_APPLICATION_STEPS: ChainStep[] = [
  { name: '部门负责人', approver: { kind: 'position', position: 'ka_director' }, minAmount: null },
  { name: '礼品管理员', approver: { kind: 'position', position: 'gift_admin' }, minAmount: null },
  { name: '办公室', approver: { kind: 'position', position: 'office' }, minAmount: null },
  { name: '副总经理', approver: { kind: 'position', position: 'deputy_gm' }, minAmount: null },
];
const GIFT_OVER_CAP_STEPS: ChainStep[] = [...GIFT_APPLICATION_STEPS, { name: '总经理', approver: { kind: 'position', position: 'gm' }, minAmount: null }];

/**
 * 出差申请 (seed 003 第14条: 出差前须提交出差申请，经批准后方可出差 — the approver is not named; the
 * 销售员管理 chapter puts salespeople under the 客户总监). Director always; finance and the GM by the
 * estimated cost, at the thresholds of the seed's 通用审批. A trip that asks for a cash advance is
 * its own document type (business_trip_advance) whose chain always has finance, as a visit's advance does.
 */
const BUSINESS_TRIP_STEPS: ChainStep[] = [
  { name: '客户总监', approver: { kind: 'position', position: 'ka_director' }, minAmount: null },
  { name: '财务经理', approver: { kind: 'position', position: 'finance_manager' }, minAmount: 500_000 },
  { name: '总经理', approver: { kind: 'position', position: 'gm' }, minAmount: 2_000_000 },
];
const BUSINESS_TRIP_ADVANCE_STEPS: ChainStep[] = [
  { name: '客户总监', approver: { kind: 'position', position: 'ka_director' }, minAmount: null },
  { name: '财务经理', approver: { kind: 'position', position: 'finance_manager' }, minAmount: null },
  { name: '总经理', approver: { kind: 'position', position: 'gm' }, minAmount: 2_000_000 },
];
/** 出差报告 on return: the KA director approves it; only then may the trip's expenses be claimed. */
const BUSINESS_TRIP_REPORT_STEPS: ChainStep[] = [{ name: '客户总监', approver: { kind: 'position', position: 'ka_director' }, minAmount: null }];

/**
 * 拜访计划 by seed 003 §3.3.1: the KA director (客户总监) approves the visit; a cash advance (借支)
 * adds the finance manager. The approval's amount is the cash advance in fen, so the finance step
 * (minAmount 0: amount > 0) appears only when an advance is requested, whatever the budget.
 */
const VISIT_PLAN_STEPS: ChainStep[] = [
  { name: '客户总监', approver: { kind: 'position', position: 'ka_director' }, minAmount: null },
  { name: '财务经理', approver: { kind: 'position', position: 'finance_manager' }, minAmount: 0 },
];

/**
 * 客户接待申请 by seed 003 form 6 (signed by 客户总监 then 财务部经理); the GM joins above ¥20,000 —
 * the seeds name no reception amount, so the 通用审批 GM threshold applies (RECEPTION_GM_THRESHOLD).
 */
const RECEPTION_STEPS: ChainStep[] = [
  { name: '客户总监', approver: { kind: 'position', position: 'ka_director' }, minAmount: null },
  { name: '财务经理', approver: { kind: 'position', position: 'finance_manager' }, minAmount: null },
  { name: '总经理', approver: { kind: 'position', position: 'gm' }, minAmount: 2_000_000 },
];

/**
 * 费用报销 (ACT-10): 客户总监 then 财务经理; the GM joins above ¥20,000 at the 通用审批 threshold.
 * The seeds name no claim chain of its own, so the reception form's signatures and the 通用审批 amounts apply.
 */
const EXPENSE_CLAIM_STEPS: ChainStep[] = [
  { name: '客户总监', approver: { kind: 'position', position: 'ka_director' }, minAmount: null },
  { name: '财务经理', approver: { kind: 'position', position: 'finance_manager' }, minAmount: null },
  { name: '总经理', approver: { kind: 'position', position: 'gm' }, minAmount: 2_000_000 },
];

/**
 * 手机费 (seed 003 第19条: 销售员应在核定范围内报销手机费，超标准需客户总监审批): a claim of phone lines
 * within the person's monthly allowance goes to finance alone; one above it needs the KA director.
 */
const EXPENSE_CLAIM_PHONE_STEPS: ChainStep[] = [{ name: '财务经理', approver: { kind: 'position', position: 'finance_manager' }, minAmount: null }];
const EXPENSE_CLAIM_PHONE_OVER_STEPS: ChainStep[] = EXPENSE_CLAIM_STEPS;

const DEFAULT_CHAINS = [
  { docType: 'general_request', name: '通用审批', steps: GENERAL_REQUEST_STEPS },
  { docType: 'opportunity_plan', name: '客户开发方案审批', steps: OPPORTUNITY_PLAN_STEPS },
  { docType: 'gift_application', name: '礼品馈赠申请审批', steps: GIFT_APPLICATION_STEPS },
  { docType: 'gift_application_over_cap', name: '礼品馈赠申请审批（超年度限额）', steps: GIFT_OVER_CAP_STEPS },
  { docType: 'business_trip', name: '出差申请审批', steps: BUSINESS_TRIP_STEPS },
  { docType: 'business_trip_advance', name: '出差申请审批（含借支）', steps: BUSINESS_TRIP_ADVANCE_STEPS },
  { docType: 'business_trip_report', name: '出差报告审批', steps: BUSINESS_TRIP_REPORT_STEPS },
  { docType: 'visit_plan', name: '拜访计划审批', steps: VISIT_PLAN_STEPS },
  { docType: 'reception', name: '客户接待申请审批', steps: RECEPTION_STEPS },
  { docType: 'expense_claim', name: '费用报销审批', steps: EXPENSE_CLAIM_STEPS },
  { docType: 'expense_claim_phone', name: '手机费报销审批（核定范围内）', steps: EXPENSE_CLAIM_PHONE_STEPS },
  { docType: 'expense_claim_phone_over', name: '手机费报销审批（超标准）', steps: EXPENSE_CLAIM_PHONE_OVER_STEPS },
];

/** Creates the company-wide default chains that are missing; never touches chains an admin set up. */
export async function ensureDefaultChains(db: Kdb): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Several instances may start at once; the lock makes the check-then-insert atomic.
    await engineRepo.lockChains(trx);
    for (const c of DEFAULT_CHAINS) {
      if (await engineRepo.anyChain(trx, c.docType)) continue;
      await engineRepo.insertChain(trx, { docType: c.docType, unitId: null, name: c.name, steps: c.steps, active: true });
    }
  });
}
