import type { z } from 'zod';
import type { Executor, Kdb, Trx } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import { EDITABLE_CONTRACT_STATUSES, type ContractKind, type contractCreate, type contractFileUpload, type contractListQuery, type contractUpdate, type planPreviewInput } from '../../../shared/contracts/contracts';
import { businessDate } from '../../../shared/domain/business-time';
import { generatePlan, planProblems, termsProblem, type PlanProblem } from '../../../shared/domain/payment-plan';
import { assertCan, can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { decodeUpload, type UploadRules } from '../../platform/files';
import { attachedFilesRepo } from '../../platform/files.repo';
import { defineApprovable, field, NOW, stepBy } from '../../platform/approvals/approvable';
import type { ApprovalEngine, ApprovalStatus } from '../../platform/approvals/engine';
import { pageWindow, resolveSort } from '../../platform/listing';
import { orgReads } from '../../platform/org.repo';
import { syncContractFiguresFor } from '../accounts';
import { accountReachable, accountScope, ownedScope } from '../../platform/scope';
import { withVersioned } from '../../platform/versioned';
import { CONTRACT_SORT_COLUMNS, contractsRepo, type ContractFilter } from './contracts.repo';
import { canMove, CONTRACT_FILE_TYPES, contractNumber, followStatus, lineAmount, MOVE_TARGET, parentProblem, PLAN_SETTLED_REASON, type ManualMove } from './contracts.rules';

/** The approval document type and audit entity of a contract. */
export const DOC_TYPE = 'contract';

/**
 * 合同审批 (issue 14): the KA director (客户总监); finance (财务经理) above ¥500,000; the GM (总经理) above
 * ¥5,000,000 — an admin changes the chain in the chain editor.
 */
const CONTRACT_STEPS = [stepBy('ka_director', '客户总监'), stepBy('finance_manager', '财务经理', 50_000_000), stepBy('gm', '总经理', 500_000_000)];

const notFound = () => new AppError('NOT_FOUND', 'Contract not found', undefined, { key: 'contracts.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The contract was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const invalidState = (status: string, action: string) => new AppError('INVALID_STATE', `The contract is ${status}; it cannot be ${action} now`, undefined, { key: 'contracts.invalidState', params: { status, action } });
const numberTaken = () => new AppError('CONFLICT', 'Another contract already has this number', { path: 'number' }, { key: 'contracts.numberTaken' });
const pricesForbidden = () => new AppError('FORBIDDEN', 'Product lines carry prices and discounts: writing them needs contract:prices', undefined, { key: 'contracts.pricesForbidden' });

/** The keys of the payment plan's problems (shared/domain/payment-plan.ts). */
const planKeys = {
  percentSum: 'contracts.percentSum',
  instalmentAmount: 'contracts.instalmentAmount',
  planSum: 'contracts.planSum',
  planMissing: 'contracts.planMissing',
} as const;
/** The keys of a parent that does not fit the kind (contracts.rules parentProblem). */
const parentKeys = {
  parentRequired: 'contracts.parentRequired',
  parentNotAllowed: 'contracts.parentNotAllowed',
  parentNotFound: 'contracts.parentNotFound',
  parentKind: 'contracts.parentKind',
  parentAccount: 'contracts.parentAccount',
  parentState: 'contracts.parentState',
} as const;

const planIssue = (p: PlanProblem): FieldIssue => issue(p.path, planKeys[p.problem], `Payment plan: ${p.problem}`, p.params);

const today = (tz: string) => businessDate(new Date(), tz);
const readScope = (actor: Actor) => ownedScope('contracts', actor, 'contract:read');
const writeScope = (actor: Actor) => ownedScope('contracts', actor, 'contract:write');
const manageScope = (actor: Actor) => ownedScope('contracts', actor, 'contract:manage');

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return typeof e === 'object' && e !== null && e.code === '23505' && (e.constraint === undefined || e.constraint === constraint);
}

// ---- approval engine ----

/** The contract's status as its approval moves: approved → signed; rejected or returned → rejected; withdrawn → draft. */
export function contractStatusValues(approval: ApprovalStatus): Record<string, unknown> {
  switch (approval) {
    case 'pending':
      return { status: 'pending', submitted_at: NOW, decided_at: null };
    case 'approved':
      return { status: 'signed', decided_at: NOW, signed_at: NOW };
    case 'withdrawn':
      return { status: 'draft' };
    default:
      return { status: 'rejected', decided_at: NOW };
  }
}

export const contractApprovable = defineApprovable({
  async summary(db, id) {
    const c = await contractsRepo.summaryOf(db, id);
    if (!c) return undefined;
    const plan = await contractsRepo.instalments(db, id);
    return {
      fields: [
        field.text('contracts:fields.number', c.revision > 0 ? `${c.number}（${c.parent_number} 补充协议 ${c.revision}）` : c.number),
        field.enum('contracts:fields.kind', 'contracts:kinds', c.kind),
        field.text('contracts:fields.title', c.title),
        field.text('contracts:fields.account', c.account_name),
        field.text('contracts:fields.owner', `${c.owner_name} · ${c.unit_name}`),
        field.money('contracts:fields.amount', c.amount),
        field.date('contracts:fields.signDate', c.sign_date),
        field.date('contracts:fields.startDate', c.start_date),
        field.date('contracts:fields.endDate', c.end_date),
        field.longText('contracts:fields.paymentTerms', c.payment_terms || null),
      ],
      linesLabel: plan.length ? 'contracts:fields.plan' : null,
      lines: plan.map((i) => ({ item: i.milestone || `第${i.seq}期`, note: i.due_date, amount: i.amount })),
      attachments: [],
    };
  },
  types: [DOC_TYPE],
  defaultChains: { [DOC_TYPE]: { name: '合同审批', steps: CONTRACT_STEPS } },
  amount: { label: 'approvals:amounts.contract' },
  link: (id) => `/contracts/${id}`,
  table: 'contracts',
  entity: DOC_TYPE,
  statusValues: contractStatusValues,
  auditData: (approval, values) => ({ status: values.status, approval }),
  async onStatus({ trx, docId, approval, actor, engine }) {
    if (approval !== 'approved') return;
    // a contract signed without a typed sign date is signed on the day of the approval
    await contractsRepo.stampSignDate(trx, docId, today(engine.timeZone));
    // a signed contract feeds its account's revenue and 高价值 (decision 014)
    await syncContractFiguresFor(trx, [docId], actor, engine.timeZone);
  },
});

// ---- reads ----

export async function list(db: Kdb, actor: Actor, q: z.infer<typeof contractListQuery>, tz: string) {
  const filter = filterOf(actor, q, tz);
  const sort = resolveSort(q.sort, CONTRACT_SORT_COLUMNS, '-createdAt');
  const [items, total] = await Promise.all([contractsRepo.list(db, filter, sort, pageWindow(q)), contractsRepo.count(db, filter)]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

function filterOf(actor: Actor, q: Omit<z.infer<typeof contractListQuery>, 'page' | 'pageSize'>, tz: string): ContractFilter {
  return {
    scope: readScope(actor),
    today: today(tz),
    q: q.q || undefined,
    kind: q.kind,
    statuses: q.status,
    accountId: q.accountId,
    ownerId: q.ownerId,
    unitId: q.unitId,
    parentId: q.parentId,
    signedFrom: q.signedFrom,
    signedTo: q.signedTo,
    overdue: q.overdue === 'true',
  };
}

/** Every contract of the filter in scope, in the list's order (the export). */
export async function exportRows(db: Kdb, actor: Actor, q: Omit<z.infer<typeof contractListQuery>, 'page' | 'pageSize'>, tz: string) {
  const sort = resolveSort(q.sort, CONTRACT_SORT_COLUMNS, '-createdAt');
  return contractsRepo.list(db, filterOf(actor, q, tz), sort, null);
}

/** The product lines of contracts (the export's lines sheet), in the contracts' order. */
export const linesOf = (db: Kdb, contractIds: number[]) => contractsRepo.linesOf(db, contractIds);

export async function get(db: Executor, actor: Actor, id: number, tz: string) {
  const day = today(tz);
  const row = await contractsRepo.find(db, id, readScope(actor), day);
  if (!row) throw notFound();
  const scope = readScope(actor);
  const [lines, instalments, files, supplements, salesContracts] = await Promise.all([
    contractsRepo.lines(db, id),
    contractsRepo.instalments(db, id),
    attachedFilesRepo.list(db, DOC_TYPE, id),
    row.kind === 'sales' ? contractsRepo.list(db, { scope, today: day, parentId: id, kind: 'supplement' }, { column: 'contracts.id', desc: false }, null) : [],
    row.kind === 'framework' ? contractsRepo.list(db, { scope, today: day, parentId: id, kind: 'sales' }, { column: 'contracts.id', desc: false }, null) : [],
  ]);
  return { ...row, lines, instalments, files, supplements, salesContracts, today: day, pricesHidden: !can(actor, 'contract:prices') };
}
export type ContractView = Awaited<ReturnType<typeof get>>;

/**
 * The account's contracts in the caller's scope (the 360 page), newest first. 404 when the caller reaches
 * neither the account (account:read) nor any of its contracts (finance reads contracts without accounts).
 */
export async function ofAccount(db: Kdb, actor: Actor, accountId: number, tz: string) {
  const items = await contractsRepo.list(db, { scope: readScope(actor), today: today(tz), accountId }, { column: 'contracts.id', desc: true }, null);
  if (!items.length && !(await accountReachable(db, accountId, accountScope(actor, 'account:read')))) throw new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
  return items;
}

export function planPreview(input: z.infer<typeof planPreviewInput>) {
  const problem = termsProblem(input.terms);
  const issues = problem ? [planIssue(problem)] : [];
  if (issues.length) throw validationError(issues);
  return { instalments: generatePlan(input.amount, input.terms) };
}

// ---- writes ----

type Fields = Omit<z.infer<typeof contractUpdate>, 'version'>;

const lineRows = (lines: NonNullable<Fields['lines']>) =>
  lines.map((l, i) => ({ seq: i + 1, product: l.product, spec: l.spec, unit: l.unit, quantity: l.quantity, unit_price: l.unitPrice, discount: l.discount, amount: lineAmount(l.quantity, l.unitPrice, l.discount) }));
const instalmentRows = (plan: NonNullable<Fields['instalments']>) => plan.map((x, i) => ({ seq: i + 1, milestone: x.milestone, due_date: x.dueDate, amount: x.amount }));
/** What the audit keeps of the lines: the line amount named apart from the contract's own amount. */
const auditLines = (rows: ReturnType<typeof lineRows>) => rows.map((r) => ({ product: r.product, quantity: r.quantity, unitPrice: r.unit_price, discount: r.discount, lineAmount: r.amount }));

/**
 * The checks every write of a contract's fields passes: owner active, unit known, signatory a contact
 * of the account, end ≥ start, no plan on a framework, a plan that sums to the amount. Returns the
 * owner and unit the contract gets.
 */
async function checkFields(trx: Executor, actor: Actor, kind: ContractKind, accountId: number, input: Fields, current: { owner_id: number; unit_id: number; plan: { amount: number }[] } | null) {
  const issues: FieldIssue[] = [];
  const ownerId = input.ownerId ?? current?.owner_id ?? actor.userId;
  const owner = await orgReads.activeUser(trx, ownerId);
  if (!owner) issues.push(issue('ownerId', 'contracts.ownerNotActive', 'Choose an active user as the owner'));
  const unitId = input.unitId ?? (input.ownerId === undefined && current ? current.unit_id : owner?.unit_id);
  if (input.unitId !== undefined && !(await contractsRepo.unitExists(trx, input.unitId))) issues.push(issue('unitId', 'contracts.unitNotFound', 'Choose a unit'));
  if (input.signatoryContactId != null && !(await contractsRepo.contactOfAccount(trx, input.signatoryContactId, accountId))) issues.push(issue('signatoryContactId', 'contracts.signatoryNotOfAccount', "Choose one of the account's contacts"));
  if (input.startDate && input.endDate && input.endDate < input.startDate) issues.push(issue('endDate', 'common.endBeforeStart', 'The end date is before the start date'));
  if (kind === 'framework' && input.instalments?.length) issues.push(issue('instalments', 'contracts.frameworkNoPlan', 'A framework agreement has no payment plan'));
  else {
    const plan = input.instalments ?? current?.plan ?? [];
    for (const p of planProblems(input.amount, plan)) issues.push(issue(p.path, planKeys[p.problem], `Payment plan: ${p.problem}`, p.params));
  }
  if (issues.length) throw validationError(issues);
  return { ownerId, unitId: unitId! };
}

/** 400 naming parentId when the parent does not fit the kind (found in the caller's read scope, same account, open). */
async function checkParent(trx: Executor, actor: Actor, kind: ContractKind, accountId: number, parentId: number | null) {
  const parent = parentId === null ? null : ((await contractsRepo.parentForUpdate(trx, parentId, readScope(actor))) ?? undefined);
  const problem = parentProblem(kind, accountId, parent);
  if (problem) throw validationError([issue('parentId', parentKeys[problem], `The parent contract does not fit: ${problem}`)]);
  return parent;
}

/** The columns of the fields a create and an update write alike. */
const fieldColumns = (input: Fields, ownerId: number, unitId: number) => ({
  owner_id: ownerId,
  unit_id: unitId,
  signatory_contact_id: input.signatoryContactId ?? null,
  title: input.title,
  amount: input.amount,
  currency: input.currency,
  sign_date: input.signDate ?? null,
  start_date: input.startDate ?? null,
  end_date: input.endDate ?? null,
  payment_terms: input.paymentTerms,
  note: input.note,
});

/** The caller writes only what they may still change afterwards: an owner outside their scope is refused. */
async function assertStillWritable(trx: Executor, actor: Actor, id: number) {
  if (!(await contractsRepo.lock(trx, id, writeScope(actor)))) throw validationError([issue('ownerId', 'contracts.ownerOutOfScope', 'Choose an owner within your data scope')]);
}

const assertPrices = (actor: Actor, lines: unknown) => {
  if (lines !== undefined && !can(actor, 'contract:prices')) throw pricesForbidden();
};

export async function create(db: Kdb, actor: Actor, input: z.infer<typeof contractCreate>, tz: string): Promise<number> {
  assertPrices(actor, input.lines);
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await accountReachable(trx, input.accountId, accountScope(actor, 'account:read')))) throw validationError([issue('accountId', 'contracts.accountNotFound', 'Choose an account you can see')]);
      const parent = await checkParent(trx, actor, input.kind, input.accountId, input.parentId ?? null);
      const { ownerId, unitId } = await checkFields(trx, actor, input.kind, input.accountId, input, null);
      if (input.number && (await contractsRepo.numberTaken(trx, input.number))) throw numberTaken();
      const id = await contractsRepo.nextId(trx);
      const revision = input.kind === 'supplement' ? await contractsRepo.nextRevision(trx, parent!.id) : 0;
      const row = await contractsRepo.insert(trx, {
        id,
        number: input.number ?? contractNumber(Number(today(tz).slice(0, 4)), id),
        kind: input.kind,
        parent_id: parent?.id ?? null,
        revision,
        account_id: input.accountId,
        ...fieldColumns(input, ownerId, unitId),
        created_by: actor.userId,
      });
      await assertStillWritable(trx, actor, id);
      const lines = lineRows(input.lines ?? []);
      await contractsRepo.replaceLines(trx, id, lines);
      await contractsRepo.replaceInstalments(trx, id, input.accountId, instalmentRows(input.instalments ?? []));
      await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'create', after: row, data: { lines: auditLines(lines), instalments: input.instalments ?? [] } });
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'contracts_number_key')) throw numberTaken();
    throw err;
  }
}

export async function update(db: Kdb, actor: Actor, id: number, input: z.infer<typeof contractUpdate>) {
  assertPrices(actor, input.lines);
  try {
    await withVersioned(db, (trx) => contractsRepo.lock(trx, id, writeScope(actor)), input.version, { notFound, stale }, async (trx, before) => {
      if (!(EDITABLE_CONTRACT_STATUSES as readonly string[]).includes(before.status)) throw invalidState(before.status, 'changed');
      const kind = before.kind as ContractKind;
      const plan = await contractsRepo.instalments(trx, id);
      const merged = {
        ...input,
        signatoryContactId: input.signatoryContactId === undefined ? before.signatory_contact_id : input.signatoryContactId,
        signDate: input.signDate === undefined ? before.sign_date : input.signDate,
        startDate: input.startDate === undefined ? before.start_date : input.startDate,
        endDate: input.endDate === undefined ? before.end_date : input.endDate,
      };
      const { ownerId, unitId } = await checkFields(trx, actor, kind, before.account_id, merged, { owner_id: before.owner_id, unit_id: before.unit_id, plan });
      const number = input.number ?? before.number;
      if (number.toLowerCase() !== before.number.toLowerCase() && (await contractsRepo.numberTaken(trx, number, id))) throw numberTaken();
      const after = await contractsRepo.update(trx, id, { number, ...fieldColumns(merged, ownerId, unitId) });
      await assertStillWritable(trx, actor, id);
      const data: Record<string, unknown> = {};
      if (input.lines) {
        const lines = lineRows(input.lines);
        await contractsRepo.replaceLines(trx, id, lines);
        data.lines = auditLines(lines);
      }
      if (input.instalments) {
        await contractsRepo.replaceInstalments(trx, id, before.account_id, instalmentRows(input.instalments));
        data.instalments = input.instalments;
      }
      await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'update', before, after, data });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'contracts_number_key')) throw numberTaken();
    throw err;
  }
}

/** Deletes a draft that never went to approval (one that did keeps its history). */
export async function remove(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => contractsRepo.lock(trx, id, writeScope(actor)), version, { notFound, stale }, async (trx, before) => {
    if (before.status !== 'draft' || before.approval_id !== null) throw invalidState(before.status, 'deleted');
    const files = await attachedFilesRepo.removeAllOf(trx, DOC_TYPE, id);
    await contractsRepo.delete(trx, id);
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'delete', before, data: { files } });
  });
}

export async function submit(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => contractsRepo.lock(trx, id, writeScope(actor)), version, { notFound, stale }, async (trx, row) => {
    if (!(EDITABLE_CONTRACT_STATUSES as readonly string[]).includes(row.status)) throw invalidState(row.status, 'submitted');
    const kind = row.kind as ContractKind;
    await checkParent(trx, actor, kind, row.account_id, row.parent_id);
    if (kind !== 'framework') {
      const issues = planProblems(row.amount, await contractsRepo.instalments(trx, id), true).map(planIssue);
      if (issues.length) throw validationError(issues);
    }
    const approvalId = await contractApprovable.submit(trx as Trx, engine, actor, { docId: id, title: `合同审批：${row.number} ${row.title}`, amount: row.amount, submitterId: actor.userId, unitId: row.unit_id });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'submit', data: { approvalId, amount: row.amount } });
  });
}

/** Takes a pending contract back from the approvers (its submitter; the engine checks); it becomes a draft. */
export async function withdraw(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await contractApprovable.withdrawSeen(db, engine, actor, id, { lock: (trx) => contractsRepo.lock(trx, id, writeScope(actor)), version, pending: (c) => c.status === 'pending', notFound, stale });
}

/**
 * The moves by hand: start (signed → in progress; contract:write in scope), terminate, void (only while
 * nothing was received) and settle (合同结算 → completed, settled_by) — contract:manage in scope, each
 * with its reason, audited.
 */
export async function move(db: Kdb, actor: Actor, id: number, action: ManualMove, input: { version: number; reason?: string }, tz: string) {
  const scope = action === 'start' ? writeScope(actor) : manageScope(actor);
  if (action !== 'start') assertCan(actor, 'contract:manage');
  await withVersioned(db, (trx) => contractsRepo.lock(trx, id, scope), input.version, { notFound, stale }, async (trx, before) => {
    if (!canMove(action, before.status)) throw invalidState(before.status, action === 'settle' ? 'settled' : action === 'start' ? 'started' : action === 'void' ? 'voided' : 'terminated');
    if (action === 'void' && (await contractsRepo.received(trx, id)) > 0) throw new AppError('INVALID_STATE', 'Money was received on this contract; terminate it instead', undefined, { key: 'contracts.voidReceived' });
    const to = MOVE_TARGET[action];
    const closing = action !== 'start';
    const after = await contractsRepo.update(trx, id, {
      status: to,
      ...(closing && { status_reason: input.reason ?? null, closed_at: new Date() }),
      ...(action === 'settle' && { settled_by: actor.userId }),
    });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action, before: { status: before.status, status_reason: before.status_reason }, after: { status: after.status, status_reason: after.status_reason }, data: { reason: input.reason ?? null } });
    // terminated counts what it brought in, void nothing (decision 014)
    if (closing) await syncContractFiguresFor(trx, [id], actor, tz);
  });
}

/**
 * Follows the collections of contracts (the collections room calls it after an allocation, its undo and
 * an approved write-off, in the same transaction): a signed contract with something paid goes in
 * progress; one whose every instalment is paid or written off is completed by the plan (closed_at,
 * status_reason 'plan'); one the plan completed that owes something again (an undo) is back in progress.
 * Each move is audited. Contracts are locked in id order.
 */
export async function followCollections(trx: Executor, contractIds: number[], actor: Actor): Promise<void> {
  const ids = [...new Set(contractIds)].sort((a, b) => a - b);
  const rows = await contractsRepo.lockMany(trx, ids);
  const plans = await contractsRepo.instalmentsOf(trx, ids);
  for (const c of rows) {
    const instalments = plans.filter((i) => i.contract_id === c.id).map((i) => ({ amount: i.amount, paid: i.paid_amount, writtenOff: i.written_off }));
    const to = followStatus({ status: c.status, settledBy: c.settled_by, instalments });
    if (!to) continue;
    const values = to === 'completed' ? { status: to, status_reason: PLAN_SETTLED_REASON, closed_at: new Date() } : c.status === 'completed' ? { status: to, status_reason: null, closed_at: null } : { status: to };
    const after = await contractsRepo.update(trx, c.id, values);
    await audit(trx, actor, { entity: DOC_TYPE, entityId: c.id, action: 'follow', before: { status: c.status, status_reason: c.status_reason }, after: { status: after.status, status_reason: after.status_reason }, data: { reason: to === 'completed' ? PLAN_SETTLED_REASON : 'collections' } });
  }
}

// ---- files ----

const contractFileKeys = { base64: 'contracts.fileBase64', tooLarge: 'contracts.fileTooLarge', empty: 'contracts.fileEmpty' } as const;
const FILE_RULES: UploadRules = { keys: contractFileKeys, types: { allowed: CONTRACT_FILE_TYPES, key: 'contracts.fileType', message: 'Upload a PDF, an image, an Office document, text or a zip' } };

/** Adds a file at any state (a signed scan): contract:write in scope; ≤ 10 MB of a document or image type. */
export async function addFile(db: Kdb, actor: Actor, id: number, input: z.infer<typeof contractFileUpload>) {
  const { content, sha256 } = decodeUpload(input, FILE_RULES);
  return db.transaction().execute(async (trx) => {
    if (!(await contractsRepo.lock(trx, id, writeScope(actor)))) throw notFound();
    const row = await attachedFilesRepo.insert(trx, { entity: DOC_TYPE, entityId: id, name: input.name, mime: input.mime, size: content.length, sha256, content, uploadedBy: actor.userId });
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'file.add', data: { fileId: row.id, name: input.name, mime: input.mime, size: content.length, sha256 } });
    return row.id;
  });
}

const fileNotFound = () => new AppError('NOT_FOUND', 'File not found', undefined, { key: 'common.notFound' });

export async function file(db: Kdb, actor: Actor, id: number, fileId: number) {
  if (!(await contractsRepo.visible(db, id, readScope(actor)))) throw notFound();
  const f = await attachedFilesRepo.one(db, DOC_TYPE, id, fileId);
  if (!f) throw fileNotFound();
  return f;
}

/** Removes a file: its uploader (contract:write in scope) or contract:manage in scope. */
export async function removeFile(db: Kdb, actor: Actor, id: number, fileId: number) {
  await db.transaction().execute(async (trx) => {
    if (!(await contractsRepo.lock(trx, id, readScope(actor)))) throw notFound();
    const f = await attachedFilesRepo.one(trx, DOC_TYPE, id, fileId);
    if (!f) throw fileNotFound();
    const mayRemove = f.uploaded_by === actor.userId ? (await contractsRepo.lock(trx, id, writeScope(actor))) !== undefined : can(actor, 'contract:manage') && (await contractsRepo.lock(trx, id, manageScope(actor))) !== undefined;
    if (!mayRemove) throw new AppError('FORBIDDEN', 'Only its uploader or a contract manager removes a file', undefined, { key: 'contracts.fileNotYours' });
    await attachedFilesRepo.remove(trx, fileId);
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'file.remove', data: { fileId, name: f.name, size: f.size, sha256: f.sha256, uploadedBy: f.uploaded_by } });
  });
}
