import type { z } from 'zod';
import type { Kdb, Trx } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import type { fileUpload, generalRequestCreate, generalRequestListQuery, generalRequestUpdate } from '../../../shared/contracts/requests';
import type { Actor } from '../../platform/actor';
import { pageWindow, resolveSort } from '../../platform/listing';
import { audit } from '../../platform/audit';
import { decodeUpload } from '../../platform/files';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { defineApprovable, field, stepBy, stamped } from '../../platform/approvals/approvable';
import { scopeWhere } from '../../platform/scope';
import { approverOfRequest, requestsRepo, type RequestWhere } from './requests.repo';

export const DOC_TYPE = 'general_request';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** 通用审批 by seed 003: ≤ ¥5,000 the department head; above, also finance; above ¥20,000, also the GM. */
const GENERAL_REQUEST_STEPS = [stepBy('ka_director', '部门负责人'), stepBy('finance_manager', '财务经理', 500_000), stepBy('gm', '总经理', 2_000_000)];

/** The owner may edit and (re)submit a request that is not with the approvers and not decided. */
const EDITABLE = new Set(['draft', 'returned', 'withdrawn']);

const stale = () => new AppError('STALE_VERSION', 'The request was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });

/** Within the caller's request:read scope, or one they are or were asked to approve. */
function visible(actor: Actor): RequestWhere {
  return (eb) => eb.or([scopeWhere(eb, actor, 'request:read', { owner: 'general_requests.owner_id', unit: 'general_requests.unit_id' }), approverOfRequest(eb, actor.userId)]);
}

/** 通用审批 (FLOW-1): its status column changes only through the engine; a return leaves no stamp. */
export const generalRequestApprovable = defineApprovable({
  types: [DOC_TYPE],
  defaultChains: { [DOC_TYPE]: { name: '通用审批', steps: GENERAL_REQUEST_STEPS } },
  amount: { label: 'approvals:amounts.applied' },
  link: (id) => `/requests/${id}`,
  table: 'general_requests',
  approvalColumn: null,
  entity: DOC_TYPE,
  statusValues: (status) => stamped(status, status === 'pending', ['returned']),
  async summary(db, id) {
    const [r, files] = await Promise.all([requestsRepo.find(db, id), requestsRepo.attachments(db, DOC_TYPE, [id])]);
    if (!r) return undefined;
    return {
      fields: [field.enum('approvals:requests.category', 'approvals:categories', r.category), field.money('approvals:requests.amount', Number(r.amount)), field.longText('approvals:requests.description', r.description)],
      linesLabel: null,
      lines: [],
      attachments: files.map((f) => ({ id: f.id, name: f.name, size: Number(f.size) })),
    };
  },
});

const SORT: Record<string, string> = { createdAt: 'general_requests.created_at', amount: 'general_requests.amount', title: 'general_requests.title' };

export async function list(db: Kdb, actor: Actor, q: z.infer<typeof generalRequestListQuery>) {
  const r = await requestsRepo.list(db, {
    where: visible(actor),
    status: q.status,
    category: q.category,
    ownerId: q.mine === 'true' ? actor.userId : undefined,
    q: q.q,
    sort: resolveSort(q.sort, SORT, '-createdAt'),
    ...pageWindow(q),
  });
  const files = await requestsRepo.attachments(db, DOC_TYPE, r.items.map((i) => i.id));
  return { items: r.items.map((i) => ({ ...i, attachments: files.filter((f) => f.entity_id === i.id) })), total: r.total, page: q.page, pageSize: q.pageSize };
}

async function load(db: Kdb | Trx, actor: Actor, id: number) {
  const row = await requestsRepo.find(db, id, visible(actor));
  if (!row) throw new AppError('NOT_FOUND', 'Request not found', undefined, { key: 'common.notFound' });
  return { ...row, attachments: await requestsRepo.attachments(db, DOC_TYPE, [id]) };
}

export async function get(db: Kdb, actor: Actor, id: number) {
  return load(db, actor, id);
}

async function linkAttachments(trx: Trx, actor: Actor, requestId: number, fileIds: number[]) {
  const ids = [...new Set(fileIds)];
  const files = new Map((await requestsRepo.filesByIds(trx, ids)).map((f) => [f.id, f]));
  const issues: FieldIssue[] = [];
  fileIds.forEach((id, i) => {
    const f = files.get(id);
    if (!f || f.uploaded_by !== actor.userId) issues.push(issue(`attachmentIds.${i}`, 'requests.foreignFile', 'Attach files you uploaded yourself'));
    else if (f.entity !== null && !(f.entity === DOC_TYPE && f.entity_id === requestId)) issues.push(issue(`attachmentIds.${i}`, 'requests.fileTaken', 'The file is attached to another record'));
  });
  if (issues.length) throw validationError(issues);
  await requestsRepo.setAttachments(trx, DOC_TYPE, requestId, ids);
}

async function submitInTrx(trx: Trx, engine: ApprovalEngine, actor: Actor, id: number) {
  const row = await requestsRepo.find(trx, id);
  if (!row) throw new AppError('NOT_FOUND', 'Request not found', undefined, { key: 'common.notFound' });
  await generalRequestApprovable.submit(trx, engine, actor, { docId: id, title: row.title, amount: row.amount, submitterId: row.owner_id, unitId: row.unit_id });
}

export async function create(db: Kdb, engine: ApprovalEngine, actor: Actor, input: z.infer<typeof generalRequestCreate>) {
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await requestsRepo.insert(trx, { title: input.title, category: input.category, amount: input.amount, description: input.description, ownerId: actor.userId, unitId: actor.unitId });
    await linkAttachments(trx, actor, id, input.attachmentIds);
    const after = await requestsRepo.find(trx, id);
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'create', after, data: { attachmentIds: input.attachmentIds } });
    if (input.submit) await submitInTrx(trx, engine, actor, id);
    return id;
  });
  return load(db, actor, id);
}

/** Only the owner edits, and only while the request is not with the approvers or decided. */
async function ownEditable(trx: Trx, actor: Actor, id: number) {
  await requestsRepo.lock(trx, id);
  const row = await requestsRepo.find(trx, id, visible(actor));
  if (!row) throw new AppError('NOT_FOUND', 'Request not found', undefined, { key: 'common.notFound' });
  if (row.owner_id !== actor.userId) throw new AppError('FORBIDDEN', 'Only the owner may change or submit the request', undefined, { key: 'requests.ownerOnly' });
  if (!EDITABLE.has(row.status)) throw new AppError('INVALID_STATE', `The request is ${row.status}; it can be changed only as a draft or after it was returned or withdrawn`, undefined, { key: 'requests.notEditable', params: { status: row.status } });
  return row;
}

export async function update(db: Kdb, actor: Actor, id: number, input: z.infer<typeof generalRequestUpdate>) {
  await db.transaction().execute(async (trx) => {
    const before = await ownEditable(trx, actor, id);
    if (before.version !== input.version) throw stale();
    const updated = await requestsRepo.update(trx, id, input.version, { title: input.title, category: input.category, amount: input.amount, description: input.description });
    if (!updated) throw stale();
    if (input.attachmentIds) await linkAttachments(trx, actor, id, input.attachmentIds);
    const after = await requestsRepo.find(trx, id);
    await audit(trx, actor, { entity: DOC_TYPE, entityId: id, action: 'update', before, after, data: input.attachmentIds ? { attachmentIds: input.attachmentIds } : undefined });
  });
  return load(db, actor, id);
}

export async function submit(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    await ownEditable(trx, actor, id);
    await submitInTrx(trx, engine, actor, id);
  });
  return load(db, actor, id);
}

/** Takes a pending request back from the approvers (its owner); it can be changed and submitted again. */
export async function withdraw(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number) {
  await generalRequestApprovable.withdrawSeen(db, engine, actor, id, {
    lock: async (trx) => {
      await requestsRepo.lock(trx, id);
      return requestsRepo.find(trx, id, visible(actor));
    },
    pending: (r) => r.status === 'pending',
    notFound: () => new AppError('NOT_FOUND', 'Request not found', undefined, { key: 'common.notFound' }),
    stale: () => new AppError('STALE_VERSION', 'The request was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' }),
  });
  return load(db, actor, id);
}

// ---- files ----

const requestFileKeys = { base64: 'requests.invalidBase64', tooLarge: 'requests.fileTooLarge', empty: 'requests.fileEmpty' } as const;

export async function upload(db: Kdb, actor: Actor, input: z.infer<typeof fileUpload>) {
  const { content, sha256 } = decodeUpload(input, { keys: requestFileKeys, maxBytes: MAX_FILE_BYTES });
  return db.transaction().execute(async (trx) => {
    const row = await requestsRepo.insertFile(trx, { name: input.name, mime: input.mime, size: content.length, sha256, content, uploadedBy: actor.userId });
    await audit(trx, actor, { entity: 'file', entityId: row.id, action: 'upload', data: { name: input.name, mime: input.mime, size: content.length, sha256 } });
    return row;
  });
}

/** The uploader may always download; others only through a request they can see. */
export async function download(db: Kdb, actor: Actor, id: number) {
  const file = await requestsRepo.findFile(db, id);
  if (!file) throw new AppError('NOT_FOUND', 'File not found', undefined, { key: 'common.notFound' });
  if (file.uploaded_by === actor.userId) return file;
  if (file.entity === DOC_TYPE && file.entity_id !== null && (await requestsRepo.find(db, file.entity_id, visible(actor)))) return file;
  throw new AppError('NOT_FOUND', 'File not found', undefined, { key: 'common.notFound' });
}
