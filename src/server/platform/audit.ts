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

/** Writes one audit record. Call it with the transaction that makes the change. */
export async function audit(db: Executor, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const diff: Record<string, unknown> = diffRecords(entry.before, entry.after);
  if (entry.data) diff._ = entry.data;
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor && actor.via !== 'system' ? actor.userId : null,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      action: entry.action,
      diff: JSON.stringify(diff),
      ip: actor?.ip ?? null,
      request_id: actor?.requestId ?? null,
    })
    .execute();
}
