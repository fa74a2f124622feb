import type { Executor } from '../db/client';
import type { Actor } from './actor';

type Plain = Record<string, unknown> | null | undefined;

const HIDDEN = new Set(['password_hash', 'content', 'token_hash', 'csrf_token']);

function norm(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return `<${v.length} bytes>`;
  return v;
}

/** The fields that changed, as {field: [before, after]}; secrets are masked, never stored. */
export function diffRecords(before: Plain, after: Plain): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === 'version' || key === 'updated_at' || key === 'created_at') continue;
    const b = norm(before?.[key]);
    const a = norm(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[key] = HIDDEN.has(key) ? ['***', '***'] : [b ?? null, a ?? null];
  }
  return out;
}

export interface AuditEntry {
  entity: string;
  entityId: number | string;
  action: string;
  before?: Plain;
  after?: Plain;
  /** extra facts for actions that are not field changes (e.g. an approval decision) */
  data?: Record<string, unknown>;
}

function auditRow(actor: Actor | null, entry: AuditEntry) {
  const diff: Record<string, unknown> = diffRecords(entry.before, entry.after);
  if (entry.data) diff._ = entry.data;
  return {
    actor_id: actor && actor.via !== 'system' ? actor.userId : null,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    action: entry.action,
    diff: JSON.stringify(diff),
    ip: actor?.ip ?? null,
    request_id: actor?.requestId ?? null,
  };
}

/** Writes one audit record. Call it with the transaction that makes the change. */
export async function audit(db: Executor, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(actor, entry)).execute();
}

/** Writes many audit records in one statement (bulk changes such as an import), in the same transaction. */
export async function auditMany(db: Executor, actor: Actor | null, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.insertInto('audit_log').values(entries.map((e) => auditRow(actor, e))).execute();
}
