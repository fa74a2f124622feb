import type { Kdb } from '../server/db/client';
import { ApprovalEngine } from '../server/platform/approvals/engine';
import { JobQueue } from '../server/platform/jobs/queue';
import { Notifier } from '../server/platform/notifications/notifier';
import { ensureDefaultChains } from '../server/features/org/bootstrap';
import { contractApprovable, create as createContract, submit as submitContract } from '../server/features/contracts/contracts.service';
import { confirmReceipt, createReceipt } from '../server/features/collections/collections.service';
import { createInvoice } from '../server/features/collections/collections.invoices.service';
import { requestWriteOff, writeOffApprovable } from '../server/features/collections/collections.write-offs.service';
import { runDunning } from '../server/features/receivables';
import { contractCreate } from '../shared/contracts/contracts';
import { receiptConfirmBody } from '../shared/contracts/collections';
import { businessDate } from '../shared/domain/business-time';
import { generatePlan } from '../shared/domain/payment-plan';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { demoActors } from './demo-actors';
import type { DemoOrg } from './demo-data';
import { dealsSeedRepo } from './demo-deals.repo';
import { stepper } from './demo-fieldwork.repo';

/**
 * Contracts and collections demo (issue 14 item 10): framework agreements with sales contracts under
 * them and a supplement, payment plans in every state — paid, partly paid, not due, overdue in every
 * ageing bucket, one written off through the approval engine — receipts confirmed by finance and
 * allocated, one account's unallocated credit, one receipt waiting for finance, invoices, a contract
 * waiting for the director and a draft, and the dunning run of today with its escalations. Every step
 * goes through the services and the approval engine; `stepper` then dates each one back to when it is
 * meant to have happened. Loaded once: a second run finds the contracts and changes nothing.
 */

const DAY = 86_400_000;
const wan = (n: number) => Math.round(n * 1_000_000);

type AccountKey = (typeof DEMO_ACCOUNTS)[number]['key'];
type Status = 'signed' | 'pending' | 'draft';

interface Term {
  percent: number;
  /** due, days from today (negative: in the past) */
  due: number;
  milestone: string;
}
interface DealIdea {
  ref: string;
  number: string;
  kind: 'framework' | 'sales' | 'supplement';
  parent?: string;
  account: AccountKey;
  owner: string;
  title: string;
  /** 万元 */
  amount: number;
  /** signed, days ago */
  signed: number;
  /** validity (framework) or term, days from signing */
  months: number;
  terms?: Term[];
  paymentTerms: string;
  lines?: { product: string; spec: string; unit: string; quantity: number; price: number; discount: number }[];
  status: Status;
}

const DEALS: DealIdea[] = [
  {
    ref: 'jnFrame',
    number: 'HT-DEMO-2026-001',
    kind: 'framework',
    account: 'jnbank',
    owner: 'chensiyuan',
    title: '江南银行 2026—2028 年度战略合作协议',
    amount: 3000,
    signed: 330,
    months: 36,
    paymentTerms: '框架内各销售合同单独约定',
    status: 'signed',
  },
  {
    ref: 'jnBranch',
    number: 'HT-DEMO-2026-002',
    kind: 'sales',
    parent: 'jnFrame',
    account: 'jnbank',
    owner: 'chensiyuan',
    title: '网点智能化改造一期',
    amount: 1200,
    signed: 300,
    months: 12,
    terms: [
      { percent: 30, due: -280, milestone: '合同签订预付款' },
      { percent: 60, due: -75, milestone: '设备到货验收' },
      { percent: 10, due: 60, milestone: '质保金（终验后一年）' },
    ],
    paymentTerms: '预付 30%，到货验收后 60%，质保金 10% 终验一年后支付',
    lines: [
      { product: '智能柜员机', spec: 'STM-9000', unit: '台', quantity: 40, price: 235_000, discount: 5 },
      { product: '网点排队叫号系统', spec: 'Q-200', unit: '套', quantity: 40, price: 42_000, discount: 0 },
      { product: '实施与培训', spec: '', unit: '项', quantity: 1, price: 1_470_000, discount: 0 },
    ],
    status: 'signed',
  },
  {
    ref: 'jnOps',
    number: 'HT-DEMO-2026-003',
    kind: 'sales',
    parent: 'jnFrame',
    account: 'jnbank',
    owner: 'chensiyuan',
    title: '2026 年度网点设备运维服务',
    amount: 180,
    signed: 190,
    months: 12,
    terms: [
      { percent: 25, due: -170, milestone: '第一季度服务费' },
      { percent: 25, due: -80, milestone: '第二季度服务费' },
      { percent: 25, due: -20, milestone: '第三季度服务费' },
      { percent: 25, due: 70, milestone: '第四季度服务费' },
    ],
    paymentTerms: '按季度支付，每季度末付当季服务费',
    status: 'signed',
  },
  {
    ref: 'jnSupp',
    number: 'HT-DEMO-2026-002-B1',
    kind: 'supplement',
    parent: 'jnBranch',
    account: 'jnbank',
    owner: 'chensiyuan',
    title: '一期补充协议：新增 20 台智能柜员机',
    amount: 60,
    signed: 70,
    months: 6,
    terms: [{ percent: 100, due: -40, milestone: '新增设备到货' }],
    paymentTerms: '到货后一次付清',
    status: 'signed',
  },
  {
    ref: 'dwDevices',
    number: 'HT-DEMO-2026-004',
    kind: 'sales',
    account: 'dwpost',
    owner: 'liuxiaofeng',
    title: '寄递网点自助设备采购',
    amount: 350,
    signed: 250,
    months: 12,
    terms: [
      { percent: 50, due: -230, milestone: '合同签订' },
      { percent: 50, due: -200, milestone: '安装验收' },
    ],
    paymentTerms: '签约付 50%，验收后付 50%',
    status: 'signed',
  },
  {
    ref: 'qtFrame',
    number: 'HT-DEMO-2026-005',
    kind: 'framework',
    account: 'qthotels',
    owner: 'linxiaoyan',
    title: '钱塘酒店集团数字化战略合作协议',
    amount: 500,
    signed: 160,
    months: 24,
    paymentTerms: '框架内各销售合同单独约定',
    status: 'signed',
  },
  {
    ref: 'qtMember',
    number: 'HT-DEMO-2026-006',
    kind: 'sales',
    parent: 'qtFrame',
    account: 'qthotels',
    owner: 'linxiaoyan',
    title: '会员营销平台建设',
    amount: 240,
    signed: 130,
    months: 10,
    terms: [
      { percent: 40, due: -100, milestone: '需求确认' },
      { percent: 60, due: 30, milestone: '上线验收' },
    ],
    paymentTerms: '需求确认后 40%，上线验收后 60%',
    status: 'signed',
  },
  {
    ref: 'sxDone',
    number: 'HT-DEMO-2025-007',
    kind: 'sales',
    account: 'sxgroup',
    owner: 'chensiyuan',
    title: '车间 MES 二期',
    amount: 90,
    signed: 420,
    months: 12,
    terms: [
      { percent: 50, due: -400, milestone: '合同签订' },
      { percent: 50, due: -300, milestone: '上线验收' },
    ],
    paymentTerms: '签约 50%，验收 50%',
    status: 'signed',
  },
  {
    ref: 'sxWx',
    number: 'HT-DEMO-2025-008',
    kind: 'sales',
    account: 'sxwuxi',
    owner: 'chensiyuan',
    title: '无锡工厂仓储条码改造',
    amount: 30,
    signed: 400,
    months: 6,
    terms: [
      { percent: 60, due: -380, milestone: '合同签订' },
      { percent: 40, due: -260, milestone: '验收' },
    ],
    paymentTerms: '签约 60%，验收 40%',
    status: 'signed',
  },
  {
    ref: 'ydLockers',
    number: 'HT-DEMO-2026-011',
    kind: 'sales',
    account: 'ydpost',
    owner: 'liuxiaofeng',
    title: '智能快递柜运维服务',
    amount: 40,
    signed: 45,
    months: 12,
    terms: [
      { percent: 50, due: 15, milestone: '上半年服务费' },
      { percent: 50, due: 195, milestone: '下半年服务费' },
    ],
    paymentTerms: '按半年支付',
    status: 'signed',
  },
  {
    ref: 'thRooms',
    number: 'HT-DEMO-2026-009',
    kind: 'sales',
    account: 'taihuhotel',
    owner: 'liuxiaofeng',
    title: '客房智能化改造',
    amount: 65,
    signed: 0,
    months: 8,
    terms: [
      { percent: 30, due: 20, milestone: '合同签订' },
      { percent: 70, due: 150, milestone: '上线验收' },
    ],
    paymentTerms: '签约 30%，验收 70%',
    status: 'pending',
  },
  {
    ref: 'qtrcbDraft',
    number: 'HT-DEMO-2026-010',
    kind: 'sales',
    account: 'qtrcb',
    owner: 'linxiaoyan',
    title: '对公营销平台一期',
    amount: 80,
    signed: 0,
    months: 6,
    terms: [
      { percent: 30, due: 30, milestone: '合同签订' },
      { percent: 70, due: 180, milestone: '上线验收' },
    ],
    paymentTerms: '签约 30%，验收 70%',
    status: 'draft',
  },
];

interface ReceiptIdea {
  account: AccountKey;
  recorder: string;
  /** days ago */
  received: number;
  /** 万元 */
  amount: number;
  bankRef: string;
  payer: string;
  method: 'transfer' | 'acceptance';
  /** confirmed by finance (oldest due first) or left for finance to confirm */
  confirm: boolean;
  note?: string;
}

/** In date order, so oldest-first allocation pays what the story says. */
const RECEIPTS: ReceiptIdea[] = [
  { account: 'sxgroup', recorder: 'chensiyuan', received: 398, amount: 45, bankRef: 'DEMO-BK-0001', payer: '苏锡精密机械集团有限公司', method: 'transfer', confirm: true },
  { account: 'sxwuxi', recorder: 'chensiyuan', received: 378, amount: 18, bankRef: 'DEMO-BK-0002', payer: '苏锡精密机械（无锡）有限公司', method: 'transfer', confirm: true },
  { account: 'sxgroup', recorder: 'chensiyuan', received: 295, amount: 45, bankRef: 'DEMO-BK-0003', payer: '苏锡精密机械集团有限公司', method: 'transfer', confirm: true },
  { account: 'jnbank', recorder: 'chensiyuan', received: 275, amount: 360, bankRef: 'DEMO-BK-0004', payer: '江南银行股份有限公司', method: 'transfer', confirm: true },
  { account: 'dwpost', recorder: 'liuxiaofeng', received: 228, amount: 175, bankRef: 'DEMO-BK-0005', payer: '东吴邮政物流集团有限公司', method: 'acceptance', confirm: true, note: '六个月银行承兑汇票' },
  { account: 'jnbank', recorder: 'chensiyuan', received: 165, amount: 45, bankRef: 'DEMO-BK-0006', payer: '江南银行股份有限公司', method: 'transfer', confirm: true },
  { account: 'jnbank', recorder: 'chensiyuan', received: 60, amount: 545, bankRef: 'DEMO-BK-0007', payer: '江南银行股份有限公司', method: 'transfer', confirm: true, note: '到货验收款（部分）' },
  { account: 'qtrcb', recorder: 'linxiaoyan', received: 12, amount: 15, bankRef: 'DEMO-BK-0008', payer: '钱塘农村商业银行股份有限公司', method: 'transfer', confirm: true, note: '对公营销平台意向预付款，合同签订后核销' },
  { account: 'ydpost', recorder: 'liuxiaofeng', received: 10, amount: 12, bankRef: 'DEMO-BK-0009', payer: '运东邮政便民服务有限公司', method: 'transfer', confirm: true, note: '上半年服务费（部分）' },
  { account: 'dwpost', recorder: 'liuxiaofeng', received: 2, amount: 50, bankRef: 'DEMO-BK-0010', payer: '东吴邮政物流集团有限公司', method: 'transfer', confirm: false, note: '客户财务告知已付部分验收款' },
];

export interface DemoDealsResult {
  contracts: number;
  receipts: number;
  invoices: number;
  writeOffs: number;
  dunningSteps: number;
}

/** Loads the contracts and collections demo once (after the demo accounts); a second call changes nothing. */
export async function loadDemoDeals(db: Kdb, org: DemoOrg, opts: { log: (line: string) => void; tz?: string; now?: Date }): Promise<DemoDealsResult> {
  const result: DemoDealsResult = { contracts: 0, receipts: 0, invoices: 0, writeOffs: 0, dunningSteps: 0 };
  if (await dealsSeedRepo.anyContractNumbered(db, DEALS.map((d) => d.number))) {
    opts.log('Demo data: the contracts are already there; nothing to do.');
    return result;
  }
  const tz = opts.tz ?? (process.env.BUSINESS_TZ || 'Asia/Shanghai');
  const now = opts.now ?? new Date();
  const accounts = await dealsSeedRepo.accountIdsByName(db, DEMO_ACCOUNTS.map((a) => a.name));
  const accountId = (key: AccountKey) => accounts.get(DEMO_ACCOUNTS.find((a) => a.key === key)!.name);
  if (DEALS.some((d) => accountId(d.account) === undefined)) {
    opts.log('Demo data: the demo accounts are missing, so no contracts.');
    return result;
  }
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const day = (daysFromToday: number) => businessDate(new Date(now.getTime() + daysFromToday * DAY), tz);

  const { byId: actorOf, byName: user } = demoActors(db, org, 'deals');
  await ensureDefaultChains(db);
  const notifier = new Notifier(new JobQueue(db), false);
  const engine = new ApprovalEngine(db, notifier, tz);
  contractApprovable.register(engine);
  writeOffApprovable.register(engine);
  const step = stepper(db, now, dealsSeedRepo.STAMPED);
  /** Every pending step of an approval decided by whoever holds it, as the chain runs. */
  const approveAll = async (approvalId: number, comment: string) => {
    for (let guard = 0; guard < 10; guard++) {
      const who = await dealsSeedRepo.currentApprover(db, approvalId);
      if (who === undefined) return;
      await engine.approve(await actorOf(who), approvalId, comment);
    }
  };

  const ids = new Map<string, number>();
  for (const d of DEALS) {
    const owner = await user(d.owner);
    const signedOn = d.status === 'signed' ? day(-d.signed) : null;
    const amount = wan(d.amount);
    const instalments = d.terms ? generatePlan(amount, d.terms.map((t) => ({ percent: t.percent, dueDate: day(t.due), milestone: t.milestone }))) : undefined;
    const signatory = await dealsSeedRepo.firstContact(db, accountId(d.account)!);
    const input = contractCreate.parse({
      kind: d.kind,
      parentId: d.parent ? ids.get(d.parent)! : null,
      accountId: accountId(d.account)!,
      number: d.number,
      ownerId: owner.userId,
      signatoryContactId: signatory ?? null,
      title: d.title,
      amount,
      signDate: signedOn,
      startDate: signedOn ?? day(15),
      endDate: day((signedOn ? -d.signed : 15) + Math.round(d.months * 30.4)),
      paymentTerms: d.paymentTerms,
      lines: d.lines?.map((l) => ({ product: l.product, spec: l.spec, unit: l.unit, quantity: l.quantity, unitPrice: l.price * 100, discount: l.discount })),
      instalments: instalments?.map((i) => ({ milestone: i.milestone, dueDate: i.dueDate, amount: i.amount })),
    });
    const drafted = d.status === 'signed' ? d.signed + 12 : 3;
    const id = await step(at(drafted), () => createContract(db, owner, input, tz));
    ids.set(d.ref, id);
    result.contracts++;
    if (d.status === 'draft') continue;
    await step(at(d.status === 'signed' ? d.signed + 6 : 1), () => submitContract(db, engine, owner, id, 1));
    if (d.status === 'signed') {
      const approvalId = await contractApprovable.approvalOf(db, id);
      if (approvalId !== null) await step(at(d.signed + 1), () => approveAll(approvalId, '条款与价格已复核，同意签订'));
    }
  }

  const finance = await user('wufang');
  for (const r of RECEIPTS) {
    const recorder = await user(r.recorder);
    const receiptId = await step(at(r.received), () =>
      createReceipt(db, recorder, { accountId: accountId(r.account)!, receivedOn: day(-r.received), amount: wan(r.amount), method: r.method, bankRef: r.bankRef, payer: r.payer, note: r.note ?? '' }),
    );
    result.receipts++;
    if (!r.confirm) continue;
    // the prepayment waits for its contract: confirmed without allocation, it is the account's credit
    const allocate = r.account === 'qtrcb' ? 'none' : 'auto';
    await step(at(r.received - 1), () => confirmReceipt(db, finance, receiptId, receiptConfirmBody.parse({ version: 1, allocate }), tz));
  }

  // invoices: issued for what fell due on the big contracts (the second instalment invoiced in full before it was paid in part)
  const plan = await dealsSeedRepo.instalments(db, [...ids.values()]);
  const inst = (ref: string, seq: number) => plan.find((i) => i.contract_id === ids.get(ref) && i.seq === seq)!;
  let invoiceNo = 0;
  for (const [ref, seq, type] of [
    ['jnBranch', 1, 'special'],
    ['jnBranch', 2, 'special'],
    ['jnOps', 1, 'special'],
    ['jnOps', 2, 'special'],
    ['jnOps', 3, 'special'],
    ['dwDevices', 1, 'normal'],
    ['dwDevices', 2, 'normal'],
    ['qtMember', 1, 'normal'],
    ['sxDone', 1, 'special'],
    ['sxDone', 2, 'special'],
  ] as const) {
    const i = inst(ref, seq);
    const issued = Math.max(1, -Math.round((Date.parse(i.due_date) - now.getTime()) / DAY) + 5);
    await step(at(issued), () => createInvoice(db, finance, { instalmentId: i.id, number: `DEMO-FP-${String(++invoiceNo).padStart(4, '0')}`, issuedOn: day(-issued), amount: i.amount, type }));
    result.invoices++;
  }

  // the Wuxi factory never paid its acceptance instalment: written off through the approval engine (坏账核销)
  const bad = inst('sxWx', 2);
  const manager = await user('chensiyuan');
  const writeOffId = await step(at(120), () => requestWriteOff(db, engine, manager, bad.id, { amount: bad.amount - bad.paid_amount, reason: '客户工厂停产清算，经多次催收无果，申请坏账核销' }));
  const woApproval = await dealsSeedRepo.writeOffApproval(db, writeOffId);
  if (woApproval !== null) await step(at(118), () => approveAll(woApproval, '情况属实，同意核销'));
  result.writeOffs++;

  // today's dunning run: reminders, collection tasks and escalations for what is overdue
  const run = await runDunning(db, day(0), notifier, { timeZone: tz });
  result.dunningSteps = run.steps;

  opts.log(`Demo data: ${result.contracts} contracts, ${result.receipts} receipts, ${result.invoices} invoices, ${result.writeOffs} write-off and ${result.dunningSteps} dunning steps.`);
  return result;
}
