import { orgReads } from '../../platform/org.repo';
import type { z } from 'zod';
import type { Insertable } from 'kysely';
import type { Executor, Kdb } from '../../db/client';
import type { ContactRelationshipHistoryTable, ContactTable } from '../../db/schema';
import { AppError, issue, validationError } from '../../../shared/errors';
import { businessDate } from '../../../shared/domain/business-time';
import {
  SENSITIVE_CONTACT_FIELDS,
  type contactCreate,
  type contactLeft,
  type contactListQuery,
  type contactUpdate,
  type coverageListQuery,
  type relationshipChange,
  type reportingUpdate,
  type KeyRole,
  type RelationshipField,
} from '../../../shared/contracts/contacts';
import type { Permission } from '../../../shared/permissions';
import { can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { pageWindow, resolveSort } from '../../platform/listing';
import { refreshAccount } from '../accounts';
import { contactsRepo, type ContactFilter, type ContactSortColumn, type ContactValues } from './contacts.repo';
import { contactsByAccount, coverageOf } from '../../../shared/domain/coverage';
import { reportingCycle } from './contacts.rules';
import { accountScope } from '../../platform/scope';

const notFound = () => new AppError('NOT_FOUND', 'Contact not found', undefined, { key: 'contacts.notFound' });
const accountNotFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The contact was changed by someone else; reload and try again', undefined, { key: 'contacts.stale' });

/** A contact is visible iff its account is: the accounts' scope under the contact permission. */
const scopeFor = (actor: Actor, permission: Permission) => accountScope(actor, permission);

const SORTS: Record<string, ContactSortColumn> = {
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  support: 'support',
  closeness: 'closeness',
  influence: 'influence',
  stage: 'stage',
  lastContactAt: 'last_contact_at',
};

/** Contract field → column for the profile fields a create or PATCH may carry. */
export const PROFILE_COLUMNS = {
  name: 'name',
  gender: 'gender',
  birthday: 'birthday',
  nativePlace: 'native_place',
  department: 'department',
  title: 'title',
  officePhone: 'office_phone',
  mobile: 'mobile',
  fax: 'fax',
  email: 'email',
  personality: 'personality',
  temperament: 'temperament',
  maritalStatus: 'marital_status',
  family: 'family',
  hobbies: 'hobbies',
  habits: 'habits',
  honoraryPosts: 'honorary_posts',
  education: 'education',
  careerHistory: 'career_history',
  background: 'background',
  expression: 'expression',
  thinkingStyle: 'thinking_style',
  strengths: 'strengths',
  weaknesses: 'weaknesses',
  businessFamiliarity: 'business_familiarity',
  decisionScope: 'decision_scope',
  influence: 'influence',
  responsibilities: 'responsibilities',
  buyingRole: 'buying_role',
  layer: 'layer',
  right: 'decision_right',
  personalityType: 'personality_type',
  lastContactAt: 'last_contact_at',
} as const satisfies Record<string, keyof ContactTable>;
type ProfileKey = keyof typeof PROFILE_COLUMNS;

export const KEY_ROLE_COLUMNS = { guide: 'is_guide', insider: 'is_insider', key_person: 'is_key_person', decider: 'is_decider' } as const satisfies Record<KeyRole, keyof ContactTable>;

type StoredContact = Pick<ContactTable, (typeof PROFILE_COLUMNS)[ProfileKey]> & { account_owner_id: number };

/** ORG-4: sensitive personal details for `contact:sensitive` holders and the account's owner. */
export function seesSensitive(actor: Actor, accountOwnerId: number): boolean {
  return can(actor, 'contact:sensitive') || actor.userId === accountOwnerId;
}

function profileValues(input: Partial<Record<ProfileKey | 'keyRoles', unknown>>): ContactValues {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PROFILE_COLUMNS)) {
    const v = input[field as ProfileKey];
    if (v !== undefined) values[column] = field === 'lastContactAt' && v !== null ? new Date(v as string) : v;
  }
  if (Array.isArray(input.keyRoles)) {
    const roles = new Set(input.keyRoles as KeyRole[]);
    for (const [role, column] of Object.entries(KEY_ROLE_COLUMNS)) values[column] = roles.has(role as KeyRole);
  }
  return values as ContactValues;
}

/** 403 when the caller would change a sensitive field they may not see (sending back the stored value is fine). */
function assertSensitive(actor: Actor, accountOwnerId: number, input: Record<string, unknown>, before?: Partial<StoredContact>) {
  if (seesSensitive(actor, accountOwnerId)) return;
  const changed = SENSITIVE_CONTACT_FIELDS.filter((f) => {
    const v = input[f];
    if (v === undefined) return false;
    const current = before ? (before[PROFILE_COLUMNS[f]] ?? null) : null;
    return v !== current;
  });
  if (changed.length) {
    throw new AppError('FORBIDDEN', 'Setting sensitive personal details needs contact:sensitive or ownership of the account', { fields: changed }, { key: 'contacts.sensitiveForbidden' });
  }
}

/** Same account, not itself, and (for reportsTo) no loop. */
async function checkReporting(trx: Executor, accountId: number, selfId: number | null, reportsToId: number | null | undefined, assistantOfId: number | null | undefined) {
  for (const [path, target] of [
    ['reportsToId', reportsToId],
    ['assistantOfId', assistantOfId],
  ] as const) {
    if (target === null || target === undefined) continue;
    if (target === selfId) throw validationError([issue(path, 'contacts.reportingSelf', 'A contact cannot report to or assist themselves')]);
    const other = await contactsRepo.accountOf(trx, target);
    if (!other || other.account_id !== accountId) throw validationError([issue(path, 'contacts.reportingOtherAccount', 'Pick a contact of the same account')]);
    // two people cannot each be the other's assistant
    if (path === 'assistantOfId' && selfId !== null && other.assistant_of_id === selfId) {
      throw validationError([issue(path, 'contacts.assistantCycle', 'This person is already the assistant of this contact')]);
    }
  }
  if (selfId !== null && reportsToId) {
    const lines = await contactsRepo.reportingLines(trx, accountId);
    const managerOf = new Map(lines.map((l) => [l.id, l.reports_to_id]));
    if (reportingCycle(selfId, reportsToId, managerOf)) {
      throw validationError([issue('reportsToId', 'contacts.reportingCycle', 'This would make the reporting line a loop')]);
    }
  }
}

async function checkOwner(trx: Executor, ownerId: number | null | undefined) {
  if (ownerId === null || ownerId === undefined) return;
  if (!(await orgReads.activeUser(trx, ownerId))) throw validationError([issue('ownerId', 'contacts.ownerNotActive', 'Not an active user')]);
}

// ---------------------------------------------------------------- reads

/** The repo filter of the contact list's query within the actor's read scope; the export uses it too. */
export function contactListFilter(actor: Actor, q: Omit<z.infer<typeof contactListQuery>, 'page' | 'pageSize' | 'sort'>): ContactFilter {
  return {
    scope: scopeFor(actor, 'contact:read'),
    accountId: q.accountId,
    q: q.q || undefined,
    buyingRole: q.buyingRole,
    stage: q.stage,
    status: q.status,
  };
}

export async function listContacts(db: Kdb, actor: Actor, q: z.infer<typeof contactListQuery>) {
  const r = await contactsRepo.list(db, {
    ...contactListFilter(actor, q),
    sort: resolveSort(q.sort, SORTS, 'name'),
    ...pageWindow(q),
  });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function accountContacts(db: Kdb, actor: Actor, accountId: number) {
  const scope = scopeFor(actor, 'contact:read');
  // ofAccount applies the scope itself, so rows prove the account visible; only an empty
  // answer needs the second query that tells "no contacts" from "no such account" (404).
  const rows = await contactsRepo.ofAccount(db, accountId, scope);
  if (!rows.length && !(await contactsRepo.accountInScope(db, accountId, scope))) throw accountNotFound();
  return rows;
}

export async function getContact(db: Kdb, actor: Actor, id: number) {
  const row = await contactsRepo.find(db, id, scopeFor(actor, 'contact:read'));
  if (!row) throw notFound();
  return { row, sensitiveVisible: seesSensitive(actor, row.account_owner_id) };
}
export type ContactView = Awaited<ReturnType<typeof getContact>>;

export async function contactHistory(db: Kdb, actor: Actor, id: number) {
  if (!(await contactsRepo.find(db, id, scopeFor(actor, 'contact:read')))) throw notFound();
  return contactsRepo.history(db, id);
}

// ---------------------------------------------------------------- writes

export async function createContact(db: Kdb, actor: Actor, input: z.infer<typeof contactCreate>, tz: string) {
  return db.transaction().execute(async (trx) => {
    const account = await contactsRepo.accountInScope(trx, input.accountId, scopeFor(actor, 'contact:write'));
    if (!account) throw validationError([issue('accountId', 'contacts.accountNotFound', 'No such account in your data scope')]);
    assertSensitive(actor, account.owner_id, input);
    await checkReporting(trx, account.id, null, input.reportsToId, input.assistantOfId);
    const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
    await checkOwner(trx, ownerId);
    const row = await contactsRepo.insert(trx, {
      ...(profileValues(input) as Insertable<ContactTable>),
      account_id: account.id,
      name: input.name,
      reports_to_id: input.reportsToId ?? null,
      assistant_of_id: input.assistantOfId ?? null,
      support: input.support,
      closeness: input.closeness,
      expertise: input.expertise ?? null,
      stage: input.stage,
      competitor_leaning: input.competitorLeaning ?? null,
      our_owner_id: ownerId,
      created_by: actor.userId,
    });
    // the starting state is the first history entry, so the timeline has a beginning
    const on = businessDate(new Date(), tz);
    const start: [RelationshipField, string | null][] = [
      ['support', String(row.support)],
      ['closeness', String(row.closeness)],
      ['stage', row.stage],
    ];
    if (row.expertise !== null) start.push(['expertise', String(row.expertise)]);
    if (row.competitor_leaning !== null) start.push(['competitorLeaning', row.competitor_leaning]);
    if (row.our_owner_id !== null) start.push(['owner', String(row.our_owner_id)]);
    await contactsRepo.insertHistory(
      trx,
      start.map(([field, to]) => ({ contact_id: row.id, field, from_value: null, to_value: to, evidence: null, occurred_on: on, actor_id: actor.userId })),
    );
    await refreshAccount(trx, account.id, actor, 'contactChange', tz);
    await audit(trx, actor, { entity: 'contact', entityId: row.id, action: 'create', after: row, data: { accountId: account.id } });
    return row.id;
  });
}

type Locked = NonNullable<Awaited<ReturnType<typeof contactsRepo.findForUpdate>>>;

/**
 * Runs a write on one contact the actor may change: locks it (404 outside scope), checks the
 * version, applies `fn`'s values, refreshes the account's coverage and quadrant (every contact
 * write may move them), and audits before/after in the same transaction.
 */
async function withContact(
  db: Kdb,
  actor: Actor,
  tz: string,
  id: number,
  version: number,
  action: string,
  fn: (trx: Executor, before: Locked) => Promise<ContactValues>,
  data?: Record<string, unknown>,
  /** authorisation that depends on the record: a 403 outranks a stale version */
  guard?: (before: Locked) => void,
) {
  return db.transaction().execute(async (trx) => {
    const before = await contactsRepo.findForUpdate(trx, id, scopeFor(actor, 'contact:write'));
    if (!before) throw notFound();
    guard?.(before);
    if (before.version !== version) throw stale();
    const values = await fn(trx, before);
    const { account_owner_id: _owner, ...beforeRow } = before;
    void _owner;
    const after = await contactsRepo.update(trx, id, values);
    await refreshAccount(trx, before.account_id, actor, 'contactChange', tz);
    await audit(trx, actor, { entity: 'contact', entityId: id, action, before: beforeRow, after, data });
    return id;
  });
}

export async function updateContact(db: Kdb, actor: Actor, id: number, input: z.infer<typeof contactUpdate>, tz: string) {
  return withContact(db, actor, tz, id, input.version, 'update', async () => profileValues(input), undefined, (before) =>
    assertSensitive(actor, before.account_owner_id, input, before),
  );
}

const STATE_FIELDS = [
  ['support', 'support'],
  ['closeness', 'closeness'],
  ['expertise', 'expertise'],
  ['stage', 'stage'],
  ['competitorLeaning', 'competitor_leaning'],
  ['ownerId', 'our_owner_id'],
] as const;
const HISTORY_FIELD: Record<(typeof STATE_FIELDS)[number][0], RelationshipField> = {
  support: 'support',
  closeness: 'closeness',
  expertise: 'expertise',
  stage: 'stage',
  competitorLeaning: 'competitorLeaning',
  ownerId: 'owner',
};
const asText = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** REL-3: changes the relationship state and writes one history row per field that changed. */
export async function changeRelationship(db: Kdb, actor: Actor, id: number, input: z.infer<typeof relationshipChange>, tz: string) {
  const evidence = input.evidence ? input.evidence : null;
  return withContact(db, actor, tz, id, input.version, 'relationship', async (trx, before) => {
    const values: Record<string, unknown> = {};
    const history: Insertable<ContactRelationshipHistoryTable>[] = [];
    const on = input.occurredOn ?? businessDate(new Date(), tz);
    for (const [field, column] of STATE_FIELDS) {
      const to = input[field];
      if (to === undefined || to === before[column]) continue;
      values[column] = to;
      history.push({ contact_id: id, field: HISTORY_FIELD[field], from_value: asText(before[column]), to_value: asText(to), evidence, occurred_on: on, actor_id: actor.userId });
    }
    if (values.stage !== undefined && !evidence) {
      throw validationError([issue('evidence', 'contacts.evidenceRequired', 'Say what shows the new stage')]);
    }
    if (!history.length) throw validationError([issue('', 'contacts.noChange', 'Nothing to change')]);
    await checkOwner(trx, input.ownerId);
    await contactsRepo.insertHistory(trx, history);
    return values as ContactValues;
  }, { occurredOn: input.occurredOn ?? null, evidence });
}

export async function markLeft(db: Kdb, actor: Actor, id: number, input: z.infer<typeof contactLeft>, tz: string) {
  return withContact(db, actor, tz, id, input.version, 'left', async (_trx, before) => {
    if (before.status === 'left') throw new AppError('CONFLICT', 'The contact has already left', undefined, { key: 'contacts.alreadyLeft' });
    return { status: 'left', left_at: input.leftOn, left_note: input.note };
  });
}

export async function setReporting(db: Kdb, actor: Actor, id: number, input: z.infer<typeof reportingUpdate>, tz: string) {
  return withContact(db, actor, tz, id, input.version, 'reporting', async (trx, before) => {
    await checkReporting(trx, before.account_id, id, input.reportsToId, input.assistantOfId);
    return { reports_to_id: input.reportsToId, assistant_of_id: input.assistantOfId };
  });
}

// ---------------------------------------------------------------- coverage (REL-5)

/** One account's coverage computed now from its contacts (the stored score may be up to a day older for "gone cold"). */
export async function accountCoverage(db: Kdb, actor: Actor, accountId: number, now = new Date()) {
  if (!(await contactsRepo.accountInScope(db, accountId, scopeFor(actor, 'contact:read')))) throw accountNotFound();
  const contacts = contactsByAccount(await contactsRepo.coverageRows(db, [accountId]), [accountId]).get(accountId) ?? [];
  const c = coverageOf(contacts, { now });
  return { accountId, score: c.score, flags: c.flags };
}

/**
 * The department's accounts by coverage gap, lowest score first, then by name — filtered,
 * sorted and paged in SQL over the score each account stores (refreshed on every contact write
 * and nightly), so the cost does not grow with the contacts in scope.
 */
export async function coverageList(db: Kdb, actor: Actor, q: z.infer<typeof coverageListQuery>) {
  const r = await contactsRepo.coverageList(db, { scope: scopeFor(actor, 'contact:read'), unitId: q.unitId, ...pageWindow(q) });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

/**
 * A call, e-mail or meeting with the contact happened at `at` (the contact log): its 最近联系 moves
 * forward to it — never back — and the account's derived coverage follows, in the caller's
 * transaction, audited with the log entry it came from.
 */
export async function noteLastContact(trx: Executor, actor: Actor, input: { contactId: number; accountId: number; at: Date; logId: number }, tz: string): Promise<void> {
  const before = await contactsRepo.findForUpdate(trx, input.contactId, accountScope(actor, 'contact:write'));
  const last = before?.last_contact_at ? new Date(before.last_contact_at) : null;
  if (!before || (last && last >= input.at)) return;
  const after = await contactsRepo.update(trx, input.contactId, { last_contact_at: input.at });
  await refreshAccount(trx, input.accountId, actor, 'contactChange', tz);
  await audit(trx, actor, { entity: 'contact', entityId: input.contactId, action: 'contact_log', before: { last_contact_at: before.last_contact_at }, after: { last_contact_at: after.last_contact_at }, data: { contactLogId: input.logId } });
}

/** The contact's account (another room checks a contact belongs to the account it works on). */
export const contactAccountOf = (db: Executor, contactId: number) => contactsRepo.accountOf(db, contactId);
