import type { Executor, Kdb, Trx } from '../../db/client';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { approvableRepo, NOW } from './approvable.repo';
import type { ApprovalEngine, ApprovalStatus } from './engine';
import type { ChainStep, DocumentSummary, SummaryField } from '../../../shared/contracts/approvals';
import type { Position } from '../../../shared/permissions';

export { NOW } from './approvable.repo';

/**
 * A document that goes through the approval engine (FLOW-1), declared once by its room: which
 * table row it is, which of its columns follow the approval (status, stamps, the approval's id),
 * and what else happens when the approval moves. It gives the room the registration with the
 * engine, the submission (the document written once: status, approval id and the room's
 * values together) and the withdrawal.
 */
export interface ApprovableDef {
  /** the document's approval types: the first is its own; more when the chain depends on the document (over a cap, with an advance) */
  types: readonly [string, ...string[]];
  /** the company-wide chain each type starts with (an admin edits it; a start only adds the missing) */
  defaultChains: Readonly<Record<string, { name: string; steps: readonly ChainStep[] }>>;
  /**
   * What the approval's amount is, as its approvers read it (issue 13 item 4): the i18n key of its
   * label — 预算金额, 申请金额, 报销金额 — and, where the document has a second figure beside it (the
   * advance beside a visit's budget, the estimate beside a trip's actual cost), that one's label.
   */
  amount: AmountLabels;
  /** the web route of one document */
  link(docId: number): string;
  /** the document's table, and the column the approval's doc_id names (default id) */
  table: string;
  keyColumn?: string;
  /** the column that holds the approval instance's id (default approval_id; null: the document has none, its instances say) */
  approvalColumn?: string | null;
  /** the document's columns that follow the approval: its status and time stamps (NOW for the time of the write) */
  statusValues(approval: ApprovalStatus): Record<string, unknown>;
  /** the audit entity and action of a status change ('status' by default), with its data */
  entity: string;
  auditAction?: string;
  auditData?(approval: ApprovalStatus, values: Record<string, unknown>, docId: number): Record<string, unknown>;
  /** the document as its approvers need it on the approval page: its fields, cost lines and attachments */
  summary?(db: Executor, docId: number): Promise<DocumentSummary | undefined>;
  /** what else follows, in the same transaction (notifications, tasks) */
  onStatus?(c: { trx: Trx; docId: number; approval: ApprovalStatus; actor: Actor; engine: ApprovalEngine }): Promise<void>;
}

/** The labels (i18n keys) of an approval's amount and of its second figure, if the document has one. */
export interface AmountLabels {
  label: string;
  second?: string;
}

export interface SubmitDoc {
  /** one of the definition's types (default: the first) */
  type?: string;
  docId: number;
  title: string;
  /** the document's real amount (fen), as `amount.label` names it */
  amount: number | null;
  /** the second figure, as `amount.second` names it */
  secondAmount?: number | null;
  /** what the chain's minAmount thresholds read when it is not the amount (a visit plan: its cash advance, so finance signs only an advance) */
  chainAmount?: number | null;
  submitterId: number;
  unitId: number;
  /** the room's own columns the submission sets, written with the status */
  values?: Record<string, unknown>;
}

/** A chain the system creates on its first start for one document type. */
export interface DefaultChain {
  docType: string;
  name: string;
  steps: readonly ChainStep[];
}

/** A step decided by whoever holds the position in the document's unit (or above); from minAmount fen (exclusive) when set. */
export const stepBy = (position: Position, name: string, minAmount: number | null = null): ChainStep => ({ name, approver: { kind: 'position', position }, minAmount });

export interface Approvable {
  readonly def: ApprovableDef;
  /** its types' default chains, in the order of its types */
  readonly defaultChains: readonly DefaultChain[];
  register(engine: ApprovalEngine): void;
  /** Starts the approval of the document; returns the instance id. */
  submit(trx: Trx, engine: ApprovalEngine, actor: Actor, doc: SubmitDoc): Promise<number>;
  /** The approval instance the document is in (its approval column), if any. */
  approvalOf(db: Executor, docId: number): Promise<number | null>;
  /** Takes the pending document back (its submitter; the engine checks); 409 when it is not waiting. */
  withdraw(db: Executor, engine: ApprovalEngine, actor: Actor, docId: number, comment?: string): Promise<void>;
  /**
   * The same for a withdraw route: the room's `lock` finds the document in the caller's scope
   * (nothing: its 404), at the version the caller saw (else its 409), and says whether it waits.
   */
  withdrawSeen<T extends { version: number }>(db: Kdb, engine: ApprovalEngine, actor: Actor, docId: number, seen: WithdrawSeen<T>): Promise<void>;
}

export interface WithdrawSeen<T extends { version: number }> {
  lock(trx: Executor): Promise<T | undefined>;
  /** the version the caller saw; undefined: any */
  version?: number;
  pending(row: T): boolean;
  notFound(): AppError;
  stale(): AppError;
}

const notPending = () => new AppError('INVALID_STATE', 'The document is not waiting for approval', undefined, { key: 'approvals.notPending' });

export function defineApprovable(def: ApprovableDef): Approvable {
  const chained = Object.keys(def.defaultChains);
  if (chained.length !== def.types.length || def.types.some((t) => !chained.includes(t))) throw new Error(`defineApprovable: the default chains (${chained.join(', ')}) must be the types' (${def.types.join(', ')})`);
  const key = def.keyColumn ?? 'id';
  const approvalColumn = def.approvalColumn === undefined ? 'approval_id' : def.approvalColumn;
  const approvalOf = (db: Executor, docId: number) => (approvalColumn ? approvableRepo.approvalOf(db, def.table, key, approvalColumn, docId) : approvableRepo.latestInstance(db, def.types, docId));
  return {
    def,
    defaultChains: def.types.map((docType) => ({ docType, ...def.defaultChains[docType]! })),
    register(engine) {
      for (const type of def.types) {
        engine.registerDocType({
          type,
          labelKey: `docTypes.${type}`,
          amountLabel: def.amount.label,
          secondAmountLabel: def.amount.second ?? null,
          link: def.link,
          summary: def.summary,
          async onStatusChange(trx, docId, approval, actor, submitted) {
            const values = def.statusValues(approval);
            const rowId = await approvableRepo.write(trx, def.table, key, docId, { ...values, ...(submitted && { ...(approvalColumn && { [approvalColumn]: submitted.approvalId }), ...submitted.values }) });
            if (rowId === undefined) return;
            await audit(trx, actor, { entity: def.entity, entityId: rowId, action: def.auditAction ?? 'status', data: def.auditData?.(approval, values, docId) ?? { status: values.status ?? approval } });
            await def.onStatus?.({ trx, docId, approval, actor, engine });
          },
        });
      }
    },
    submit(trx, engine, actor, doc) {
      const { type = def.types[0], values, ...rest } = doc;
      return engine.submit(trx, actor, { docType: type, ...rest, docValues: values });
    },
    approvalOf,
    async withdraw(db, engine, actor, docId, comment) {
      const approvalId = await approvalOf(db, docId);
      if (approvalId === null) throw notPending();
      await engine.withdraw(actor, approvalId, comment);
    },
    async withdrawSeen(db, engine, actor, docId, seen) {
      const approvalId = await db.transaction().execute(async (trx) => {
        const row = await seen.lock(trx);
        if (!row) throw seen.notFound();
        if (seen.version !== undefined && row.version !== seen.version) throw seen.stale();
        if (!seen.pending(row)) throw notPending();
        return approvalOf(trx, docId);
      });
      if (approvalId === null) throw notPending();
      await engine.withdraw(actor, approvalId);
    },
  };
}

/** The usual stamps: a submission sets submitted_at and clears decided_at; a decision sets decided_at; `unstamped` statuses set neither. */
export function stamped(status: string, submitted: boolean, unstamped: readonly string[] = []): Record<string, unknown> {
  if (unstamped.includes(status)) return { status };
  return submitted ? { status, submitted_at: NOW, decided_at: null } : { status, decided_at: NOW };
}

/** statusValues for a document whose status follows the approval through `statusFor`, with the usual stamps. */
export function stampedBy(statusFor: (approval: ApprovalStatus) => string, unstamped: readonly string[] = []): (approval: ApprovalStatus) => Record<string, unknown> {
  return (approval) => {
    const to = statusFor(approval);
    return stamped(to, to === 'pending', unstamped);
  };
}

/** Builders of a summary's fields, so a room writes `money('visits:fields.budget', row.budget)`. */
export const field = {
  text: (label: string, value: string | null | undefined): SummaryField => ({ label, kind: 'text', value: value ?? null }),
  longText: (label: string, value: string | null | undefined): SummaryField => ({ label, kind: 'longText', value: value ?? null }),
  /** fen as the column holds it (a bigint may come as a string); none stays none, never 0 */
  money: (label: string, fen: number | string | null | undefined): SummaryField => ({ label, kind: 'money', value: fen === null || fen === undefined ? null : Number(fen) }),
  date: (label: string, value: string | null | undefined): SummaryField => ({ label, kind: 'date', value: value ?? null }),
  dateTime: (label: string, value: Date | string | null | undefined): SummaryField => ({ label, kind: 'dateTime', value: value instanceof Date ? value.toISOString() : (value ?? null) }),
  count: (label: string, value: number | null | undefined): SummaryField => ({ label, kind: 'count', value: value ?? null }),
  flag: (label: string, value: boolean): SummaryField => ({ label, kind: 'flag', value }),
  enum: (label: string, enumKey: string, code: string | null | undefined): SummaryField => ({ label, kind: 'text', value: code ?? null, enumKey }),
};
