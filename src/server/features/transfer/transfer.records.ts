import type { AccountTable, ContactTable } from '../../db/schema';
import { ACCOUNT_PROFILE_COLUMNS as ACCOUNT_PROFILE, accountProfileValues as profileValues } from '../accounts';
import { CONTACT_PROFILE_COLUMNS as CONTACT_PROFILE, KEY_ROLE_COLUMNS } from '../contacts';

/**
 * Accounts and contacts as API-named values and back as columns, over the field → column maps
 * of their own rooms: what an import writes and an export reads.
 */

/** Account fields an import sets; the group parent is not one (a file names no account ids). */
export const ACCOUNT_UPDATE_FIELDS = Object.keys(ACCOUNT_PROFILE).filter((f) => f !== 'parentId');
export const ACCOUNT_COLUMNS = [...ACCOUNT_UPDATE_FIELDS.map((f) => ACCOUNT_PROFILE[f as keyof typeof ACCOUNT_PROFILE]), 'name_pinyin', 'name_initials', 'short_pinyin', 'short_initials'] as (keyof AccountTable)[];
export const CONTACT_UPDATE_FIELDS = [...Object.keys(CONTACT_PROFILE).filter((f) => f !== 'lastContactAt'), 'keyRoles'];
export const CONTACT_COLUMNS = [...Object.keys(CONTACT_PROFILE).filter((f) => f !== 'lastContactAt').map((f) => CONTACT_PROFILE[f as keyof typeof CONTACT_PROFILE]), ...Object.values(KEY_ROLE_COLUMNS)] as (keyof ContactTable)[];

/** An account's profile columns for the given API values (pinyin keys with name and short name). */
export const accountColumns = (values: Record<string, unknown>): Record<string, unknown> => profileValues(values);

export function accountApiValues(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of ACCOUNT_UPDATE_FIELDS) out[f] = row[ACCOUNT_PROFILE[f as keyof typeof ACCOUNT_PROFILE]];
  return out;
}

export function contactColumns(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of CONTACT_UPDATE_FIELDS) {
    if (f === 'keyRoles' || values[f] === undefined) continue;
    out[CONTACT_PROFILE[f as keyof typeof CONTACT_PROFILE]] = values[f];
  }
  if (Array.isArray(values.keyRoles)) {
    const roles = new Set(values.keyRoles as string[]);
    for (const [role, column] of Object.entries(KEY_ROLE_COLUMNS)) out[column] = roles.has(role);
  }
  return out;
}

export function contactApiValues(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of CONTACT_UPDATE_FIELDS) if (f !== 'keyRoles') out[f] = row[CONTACT_PROFILE[f as keyof typeof CONTACT_PROFILE]];
  out.keyRoles = Object.entries(KEY_ROLE_COLUMNS)
    .filter(([, column]) => row[column])
    .map(([role]) => role);
  return out;
}

