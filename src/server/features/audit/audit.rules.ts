import { SENSITIVE_CONTACT_FIELDS } from '../../../shared/contracts/contacts';
import type { Permission } from '../../../shared/permissions';

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Values the audit trail holds that only some readers may see (ORG-4): a contact's personal
 * details need contact:sensitive, an account's trade terms account:trade-terms. Diffs name
 * fields by column (snake_case) and extra data by the API's names (camelCase): both are listed.
 */
export const AUDIT_REDACTIONS: readonly { entity: string; permission: Permission; fields: ReadonlySet<string> }[] = [
  { entity: 'contact', permission: 'contact:sensitive', fields: new Set(SENSITIVE_CONTACT_FIELDS.flatMap((f) => [f, snake(f)])) },
  { entity: 'account', permission: 'account:trade-terms', fields: new Set(['paymentTermDays', 'discountBp'].flatMap((f) => [f, snake(f)])) },
  // ORG-4: a contract's prices and discounts (its lines in the create and update records)
  { entity: 'contract', permission: 'contract:prices', fields: new Set(['unitPrice', 'discount', 'lineAmount'].flatMap((f) => [f, snake(f)])) },
];

export const REDACTED = '***';

function mask(value: unknown, fields: ReadonlySet<string>, depth: number): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => mask(v, fields, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (fields.has(k)) out[k] = Array.isArray(v) && v.length === 2 && depth === 0 ? [REDACTED, REDACTED] : REDACTED;
    else out[k] = mask(v, fields, depth + 1);
  }
  return out;
}

/** An audit diff as a reader sees it: the values of fields they may not see replaced by ***. */
export function redactDiff(entity: string, diff: unknown, can: (p: Permission) => boolean): unknown {
  let out = diff;
  for (const r of AUDIT_REDACTIONS) if (r.entity === entity && !can(r.permission)) out = mask(out, r.fields, 0);
  return out;
}
