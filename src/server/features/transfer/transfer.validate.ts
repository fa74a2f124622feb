import type { Insertable } from 'kysely';
import { expressionBuilder } from 'kysely';
import type { Kdb } from '../../db/client';
import type { DB, ImportRowTable } from '../../db/schema';
import { SENSITIVE_CONTACT_FIELDS } from '../../../shared/contracts/contacts';
import type { ImportColumns, ImportIssue, ImportKind, ImportMatch, ImportOptions, ImportRowStatus } from '../../../shared/contracts/transfer';
import { issue } from '../../../shared/errors';
import { can, type Actor } from '../../platform/actor';
import { scopeWhere, accountScope, ownedScope, type AccountScope } from '../../platform/scope';
import { SIGNED_CONTRACT_STATUSES } from '../../../shared/contracts/contracts';
import { hundredthsText } from './transfer.columns';
import { seesSensitive } from '../contacts';
import { mapHeaders, type ColumnMapping } from './transfer.columns';
import { readRows, type FileSource } from './transfer.files';
import { checkRow, isBlankRow, nameKey, rowIssue, type CheckedRow } from './transfer.rules';
import { transferRepo } from './transfer.repo';

/**
 * The dry run (ACC-6): reads the file row by row, checks every row with the API's contracts and
 * against the database (references, owners, scope, duplicates), and stores the report per row.
 * Rows are handled in chunks of CHUNK_ROWS: one look-up per kind of question per chunk, one
 * insert of report rows, one progress update — so the file is never held as rows in memory.
 */

export const CHUNK_ROWS = 500;

/** Why a whole file cannot be checked (no header, a required column missing, unreadable). */
export class ImportFailure extends Error {
  constructor(
    readonly key: string,
    message: string,
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface Progress {
  phase: 'reading' | 'committing' | 'classifying';
  /** 0–100 */
  progress: number;
  /** rows handled so far */
  rows: number;
}
export type ProgressSink = (p: Progress) => Promise<void> | void;

interface Pending extends CheckedRow {
  rowNo: number;
}
interface Classified {
  rowNo: number;
  status: ImportRowStatus;
  errors: ImportIssue[];
  values: Record<string, unknown>;
  match: ImportMatch | null;
}

const err = (r: Pending, i: ImportIssue): void => void r.issues.push(i);
const fieldIssue = (mapping: ColumnMapping, field: string, key: string, message: string, params?: Record<string, unknown>, value?: unknown) => {
  const header = [...mapping.byIndex.values()].find((c) => c.def.field === field)?.header ?? null;
  return rowIssue(issue(field, key, message, params), header, value === undefined || value === null ? null : String(value));
};

/** The importer's reach: accounts they may import into (ORG-2), whose scope also decides what a duplicate may match. */
const importScope = (actor: Actor) => accountScope(actor, 'account:import');

/** A problem found once the whole file is read (a payment plan whose sum is wrong), for rows already stored. */
export interface LateIssue {
  rowNo: number;
  issue: ImportIssue;
}
/** Classifies a chunk of rows; `finish`, when there, judges what only the whole file shows. */
type Classifier = ((rows: Pending[]) => Promise<Classified[]>) & { finish?: () => LateIssue[] };

/** An earlier row of the file that later rows may duplicate; `dbId` once it is known to be an existing record. */
interface FileTarget {
  row: number;
  name: string;
  code: string | null;
  dbId: number | null;
  accountId: number | null;
}

const fileMatch = (by: ImportMatch['by'], t: FileTarget): ImportMatch => ({ source: 'file', by, id: t.dbId, accountId: t.accountId, name: t.name, row: t.row, similarity: null });

function outcome(r: Pending, match: ImportMatch | null, extra: Record<string, unknown> = {}): Classified {
  if (r.issues.length) return { rowNo: r.rowNo, status: 'error', errors: r.issues, values: r.values, match: null };
  return { rowNo: r.rowNo, status: match ? 'duplicate' : 'ok', errors: [], values: { ...r.values, ...extra }, match };
}

// ---------------------------------------------------------------- accounts

function accountClassifier(db: Kdb, actor: Actor, mapping: ColumnMapping, options: ImportOptions): Classifier {
  const scope = importScope(actor);
  const assignScope = scopeWhere(expressionBuilder<DB, 'users'>(), actor, 'account:assign', { owner: 'users.id', unit: 'users.unit_id' });
  const owners = new Map<string, { id: number; unitId: number } | { key: string; message: string }>();
  const codeSeen = new Map<string, FileTarget>();
  const keySeen = new Map<string, FileTarget>();
  const tradeTerms = can(actor, 'account:trade-terms');
  const mayAssign = can(actor, 'account:assign');

  return async (rows) => {
    // Owners named in the file: active, inside the importer's account:assign scope, and such that the account stays in reach.
    const wanted = [...new Set(rows.map((r) => r.values.ownerUsername).filter((u): u is string => typeof u === 'string').map((u) => u.toLowerCase()))].filter((u) => !owners.has(u));
    for (const u of await transferRepo.owners(db, wanted, assignScope, scope)) {
      owners.set(u.username.toLowerCase(), u.active && u.assignable && u.in_scope ? { id: u.id, unitId: u.unit_id } : { key: 'accounts.ownerNotAssignable', message: 'Not an active user you may assign accounts to' });
    }
    for (const u of wanted) if (!owners.has(u)) owners.set(u, { key: 'transfer.userUnknown', message: 'No user with this username' });

    const owned = new Map<number, { ownerId: number; unitId: number }>();
    for (const r of rows) {
      const username = r.values.ownerUsername;
      if (typeof username === 'string' && username.toLowerCase() !== actor.username.toLowerCase()) {
        const o = owners.get(username.toLowerCase());
        if (!mayAssign) err(r, fieldIssue(mapping, 'ownerUsername', 'accounts.assignForbidden', 'Only those who assign accounts may choose another owner', undefined, username));
        else if (o && 'id' in o) owned.set(r.rowNo, { ownerId: o.id, unitId: o.unitId });
        else if (o) err(r, fieldIssue(mapping, 'ownerUsername', o.key, o.message, undefined, username));
      }
      if (!tradeTerms) {
        for (const f of ['paymentTermDays', 'discountBp'] as const) {
          if (r.values[f] !== undefined) err(r, fieldIssue(mapping, f, 'accounts.tradeTermsForbidden', 'Setting trade terms needs account:trade-terms', undefined, r.values[f]));
        }
      }
    }

    // Same credit code: in the database (a hidden holder is an error, not a match), then earlier in the file.
    const codes = [...new Set(rows.filter((r) => !r.issues.length && typeof r.values.creditCode === 'string').map((r) => r.values.creditCode as string))];
    const holders = new Map((await transferRepo.accountsByCode(db, codes, scope)).map((a) => [a.credit_code as string, a]));
    const matched = new Map<number, ImportMatch>();
    const targets = new Map<number, FileTarget>();
    for (const r of rows) {
      if (r.issues.length) continue;
      const code = typeof r.values.creditCode === 'string' ? r.values.creditCode : null;
      const name = String(r.values.name);
      const target: FileTarget = { row: r.rowNo, name, code, dbId: null, accountId: null };
      targets.set(r.rowNo, target);
      if (!code) continue;
      const holder = holders.get(code);
      if (holder && !holder.visible) {
        err(r, fieldIssue(mapping, 'creditCode', 'accounts.creditCodeTaken', 'Another account already has this credit code', undefined, code));
        continue;
      }
      const earlier = codeSeen.get(code);
      if (holder) {
        matched.set(r.rowNo, { source: 'db', by: 'creditCode', id: holder.id, accountId: holder.id, name: holder.name, row: null, similarity: null });
        target.dbId = target.accountId = holder.id;
      } else if (earlier) {
        matched.set(r.rowNo, fileMatch('creditCode', earlier));
        target.dbId = target.accountId = earlier.dbId;
      }
      if (!earlier) codeSeen.set(code, target);
    }

    // Then a similar name: an account in scope (without a conflicting code), then an earlier row with the same name key.
    const unmatched = rows.filter((r) => !r.issues.length && !matched.has(r.rowNo));
    const similar = new Map(
      (
        await transferRepo.similarAccounts(
          db,
          unmatched.map((r) => ({ row: r.rowNo, key: nameKey(String(r.values.name)), hasCode: typeof r.values.creditCode === 'string' })),
          options.nameThreshold,
          scope,
        )
      ).map((m) => [m.row, m]),
    );
    for (const r of rows) {
      if (r.issues.length) continue;
      const target = targets.get(r.rowNo)!;
      const key = nameKey(target.name);
      const earlier = keySeen.get(key);
      if (!matched.has(r.rowNo)) {
        const m = similar.get(r.rowNo);
        if (m) {
          matched.set(r.rowNo, { source: 'db', by: 'name', id: m.id, accountId: m.id, name: m.name, row: null, similarity: Math.round(m.similarity * 100) / 100 });
          target.dbId = target.accountId = m.id;
        } else if (earlier && key !== '' && !(earlier.code && target.code && earlier.code !== target.code)) {
          matched.set(r.rowNo, fileMatch('name', earlier));
          target.dbId = target.accountId = earlier.dbId;
        }
      }
      if (!earlier && key !== '') keySeen.set(key, target);
    }

    return rows.map((r) => {
      const o = owned.get(r.rowNo);
      return outcome(r, matched.get(r.rowNo) ?? null, { ownerId: o?.ownerId ?? actor.userId, unitId: o?.unitId ?? actor.unitId });
    });
  };
}

// ---------------------------------------------------------------- contacts and revenue: rows that name an account

interface AccountRef {
  id: number;
  name: string;
  ownerId: number;
}
type RefResult = AccountRef | { key: string; message: string; field: string };

/** Resolves each row's account (credit code first, else exact name) within `scope`, with a cache across chunks. */
function accountResolver(db: Kdb, scope: AccountScope) {
  const byCode = new Map<string, AccountRef | null>();
  const byName = new Map<string, AccountRef[]>();
  return async (rows: Pending[]): Promise<Map<number, RefResult>> => {
    const codes = [...new Set(rows.map((r) => r.values.accountCreditCode).filter((c): c is string => typeof c === 'string' && !byCode.has(c)))];
    for (const c of codes) byCode.set(c, null);
    for (const a of await transferRepo.accountsByCode(db, codes, scope)) if (a.visible) byCode.set(a.credit_code as string, { id: a.id, name: a.name, ownerId: a.owner_id });
    const names = [...new Set(rows.filter((r) => r.values.accountCreditCode === undefined).map((r) => r.values.accountName).filter((n): n is string => typeof n === 'string' && !byName.has(n)))];
    for (const n of names) byName.set(n, []);
    for (const a of await transferRepo.accountsByName(db, names, scope)) byName.get(a.name)?.push({ id: a.id, name: a.name, ownerId: a.owner_id });
    const out = new Map<number, RefResult>();
    for (const r of rows) {
      if (r.issues.length) continue;
      const code = r.values.accountCreditCode;
      if (typeof code === 'string') {
        out.set(r.rowNo, byCode.get(code) ?? { key: 'contacts.accountNotFound', message: 'No such account in your data scope', field: 'accountCreditCode' });
        continue;
      }
      const found = byName.get(String(r.values.accountName)) ?? [];
      out.set(
        r.rowNo,
        found.length === 1
          ? found[0]
          : found.length === 0
            ? { key: 'contacts.accountNotFound', message: 'No such account in your data scope', field: 'accountName' }
            : { key: 'transfer.accountAmbiguous', message: 'Several accounts have this name; give the credit code', field: 'accountName' },
      );
    }
    return out;
  };
}

function contactClassifier(db: Kdb, actor: Actor, mapping: ColumnMapping): Classifier {
  const resolve = accountResolver(db, importScope(actor));
  const users = new Map<string, number | null>();
  /** earlier rows per account and name, with their mobile */
  const seen = new Map<string, (FileTarget & { mobile: string | null })[]>();
  const sameMobile = (a: string | null, b: string | null) => !(a && b && a !== b);

  return async (rows) => {
    const refs = await resolve(rows);
    const wanted = [...new Set(rows.map((r) => r.values.ownerUsername).filter((u): u is string => typeof u === 'string').map((u) => u.toLowerCase()))].filter((u) => !users.has(u));
    for (const u of wanted) users.set(u, null);
    for (const u of await transferRepo.activeUsersByName(db, wanted)) users.set(u.username.toLowerCase(), u.id);

    const accounts = new Map<number, AccountRef>();
    for (const r of rows) {
      const username = r.values.ownerUsername;
      const ownerMissing = typeof username === 'string' && !users.get(username.toLowerCase());
      const ref = refs.get(r.rowNo);
      if (ref && 'key' in ref) err(r, fieldIssue(mapping, ref.field, ref.key, ref.message, undefined, r.values[ref.field]));
      else if (ref) {
        accounts.set(r.rowNo, ref);
        if (!seesSensitive(actor, ref.ownerId)) {
          for (const f of SENSITIVE_CONTACT_FIELDS) {
            if (r.values[f] !== undefined) err(r, fieldIssue(mapping, f, 'contacts.sensitiveForbidden', 'Setting sensitive personal details needs contact:sensitive or ownership of the account', undefined, r.values[f]));
          }
        }
      }
      if (ownerMissing) err(r, fieldIssue(mapping, 'ownerUsername', 'contacts.ownerNotActive', 'Not an active user', undefined, username));
    }

    const good = rows.filter((r) => !r.issues.length);
    const candidates = await transferRepo.contactsNamed(db, [...new Set(good.map((r) => accounts.get(r.rowNo)!.id))], [...new Set(good.map((r) => String(r.values.name)))]);
    const result: Classified[] = [];
    for (const r of rows) {
      const account = accounts.get(r.rowNo);
      if (r.issues.length || !account) {
        result.push(outcome(r, null));
        continue;
      }
      const name = String(r.values.name);
      const mobile = typeof r.values.mobile === 'string' ? r.values.mobile : null;
      const existing = candidates.find((c) => c.account_id === account.id && c.name === name && sameMobile(c.mobile, mobile));
      const key = `${account.id}|${name}`;
      const earlier = (seen.get(key) ?? []).find((t) => sameMobile(t.mobile, mobile));
      let match: ImportMatch | null = null;
      const target = { row: r.rowNo, name, code: null, dbId: null as number | null, accountId: account.id, mobile };
      if (existing) {
        match = { source: 'db', by: 'contact', id: existing.id, accountId: account.id, name: `${existing.name} · ${account.name}`, row: null, similarity: null };
        target.dbId = existing.id;
      } else if (earlier) {
        match = fileMatch('contact', { ...earlier, name: `${earlier.name} · ${account.name}` });
        target.dbId = earlier.dbId;
      }
      if (!earlier) seen.set(key, [...(seen.get(key) ?? []), target]);
      const ownerId = typeof r.values.ownerUsername === 'string' ? users.get(r.values.ownerUsername.toLowerCase()) : actor.userId;
      result.push(outcome(r, match, { accountId: account.id, accountName: account.name, ownerId }));
    }
    return result;
  };
}

/** Each row's account within `scope`: an error on the row when it names none (or several). */
async function rowAccounts(rows: Pending[], resolve: ReturnType<typeof accountResolver>, mapping: ColumnMapping) {
  const refs = await resolve(rows);
  const accounts = new Map<number, AccountRef>();
  for (const r of rows) {
    const ref = refs.get(r.rowNo);
    if (!ref) continue;
    if ('key' in ref) err(r, fieldIssue(mapping, ref.field, ref.key, ref.message, undefined, r.values[ref.field]));
    else accounts.set(r.rowNo, ref);
  }
  return accounts;
}

function revenueClassifier(db: Kdb, actor: Actor, mapping: ColumnMapping): Classifier {
  const resolve = accountResolver(db, importScope(actor));
  const seen = new Map<string, FileTarget>();
  return async (rows) => {
    const accounts = await rowAccounts(rows, resolve, mapping);
    const good = rows.filter((r) => !r.issues.length);
    const existing = new Map(
      (await transferRepo.importedRevenue(db, good.map((r) => ({ accountId: accounts.get(r.rowNo)!.id, year: Number(r.values.year) })))).map((x) => [`${x.account_id}:${x.year}`, x]),
    );
    return rows.map((r) => {
      const account = accounts.get(r.rowNo);
      if (r.issues.length || !account) return outcome(r, null);
      const key = `${account.id}:${Number(r.values.year)}`;
      const label = `${account.name} · ${Number(r.values.year)}`;
      const earlier = seen.get(key);
      let match: ImportMatch | null = null;
      if (existing.has(key)) match = { source: 'db', by: 'revenue', id: null, accountId: account.id, name: label, row: null, similarity: null };
      else if (earlier) match = fileMatch('revenue', earlier);
      if (!earlier) seen.set(key, { row: r.rowNo, name: label, code: null, dbId: null, accountId: account.id });
      return outcome(r, match, { accountId: account.id, accountName: account.name });
    });
  };
}

// ---------------------------------------------------------------- contracts, payment plans, receipts (issue 14 item 9)

const lower = (s: string) => s.toLowerCase();
const strings = (rows: Pending[], field: string) => [...new Set(rows.map((r) => r.values[field]).filter((v): v is string => typeof v === 'string'))];


/** A contract of the file as later rows may name it (as parent). */
interface FileContract {
  row: number;
  kind: string;
  accountId: number;
  status: string;
}

/**
 * Contracts from the core system: the number must be new (in the database and in the file), the
 * account readable, the owner (username or name; the importer when empty) active and such that
 * the contract falls in the importer's contract:write scope, the parent of the right kind on the
 * same account, signed — in the database or an earlier row.
 */
function contractClassifier(db: Kdb, actor: Actor, mapping: ColumnMapping): Classifier {
  const resolve = accountResolver(db, accountScope(actor, 'account:read'));
  const readScope = ownedScope('contracts', actor, 'contract:read');
  const ownerScope = scopeWhere(expressionBuilder<DB, 'users'>(), actor, 'contract:write', { owner: 'users.id', unit: 'users.unit_id' });
  const owners = new Map<string, { id: number; unitId: number } | { key: string; message: string }>();
  const seen = new Map<string, FileContract>();
  const PARENT_KIND: Record<string, string> = { sales: 'framework', supplement: 'sales' };

  return async (rows) => {
    const accounts = await rowAccounts(rows, resolve, mapping);
    const wanted = strings(rows, 'owner').filter((o) => !owners.has(o));
    const users = await transferRepo.dealOwners(db, wanted, ownerScope);
    for (const o of wanted) {
      const byUsername = users.filter((u) => lower(u.username) === lower(o));
      const byName = users.filter((u) => u.name === o);
      const hits = byUsername.length ? byUsername : byName;
      const u = hits[0];
      if (!u) owners.set(o, { key: 'transfer.userUnknown', message: 'No user with this username or name' });
      else if (hits.length > 1) owners.set(o, { key: 'transfer.userAmbiguous', message: 'Several users have this name; give the username' });
      else if (!u.active || !u.in_scope) owners.set(o, { key: 'contracts.ownerOutOfScope', message: 'Choose an owner within your data scope' });
      else owners.set(o, { id: u.id, unitId: u.unit_id });
    }
    const inDb = new Map((await transferRepo.contractsByNumber(db, [...strings(rows, 'number'), ...strings(rows, 'parentNumber')], readScope)).map((c) => [lower(c.number), c]));

    return rows.map((r) => {
      const account = accounts.get(r.rowNo);
      const number = typeof r.values.number === 'string' ? r.values.number : null;
      const kind = String(r.values.kind);
      let owner: { id: number; unitId: number } = { id: actor.userId, unitId: actor.unitId };
      if (typeof r.values.owner === 'string') {
        const o = owners.get(r.values.owner)!;
        if ('key' in o) err(r, fieldIssue(mapping, 'owner', o.key, o.message, undefined, r.values.owner));
        else owner = o;
      } else if (!can(actor, 'contract:write')) err(r, fieldIssue(mapping, 'owner', 'contracts.ownerOutOfScope', 'Choose an owner within your data scope'));
      if (number !== null) {
        const earlier = seen.get(lower(number));
        if (inDb.has(lower(number))) err(r, fieldIssue(mapping, 'number', 'transfer.contractNumberTaken', 'A contract with this number exists', undefined, number));
        else if (earlier) err(r, fieldIssue(mapping, 'number', 'transfer.numberRepeated', 'An earlier row of the file has this number', { row: earlier.row }, number));
      }
      // the parent: by kind, then in the database (readable) or earlier in the file
      const parentNumber = typeof r.values.parentNumber === 'string' ? r.values.parentNumber : null;
      let parent: { id: number | null; row: number | null } | null = null;
      if (kind === 'framework' && parentNumber) err(r, fieldIssue(mapping, 'parentNumber', 'transfer.parentNotAllowed', 'A framework agreement has no parent contract', undefined, parentNumber));
      else if (kind === 'supplement' && !parentNumber) err(r, fieldIssue(mapping, 'parentNumber', 'transfer.parentRequired', 'A supplement names the sales contract it amends'));
      else if (parentNumber && PARENT_KIND[kind]) {
        const db = inDb.get(lower(parentNumber));
        const file = seen.get(lower(parentNumber));
        const found = db && db.visible ? { kind: db.kind, accountId: Number(db.account_id), status: db.status, id: Number(db.id), row: null } : file ? { ...file, id: null, row: file.row } : null;
        if (!found) err(r, fieldIssue(mapping, 'parentNumber', 'transfer.parentNotFound', 'No contract with this number in your data scope', undefined, parentNumber));
        else if (found.kind !== PARENT_KIND[kind] || (account && found.accountId !== account.id) || !(SIGNED_CONTRACT_STATUSES as readonly string[]).includes(found.status)) {
          const unfit = kind === 'sales' ? (['transfer.parentNotFramework', 'The parent must be a signed framework agreement of the same account'] as const) : (['transfer.parentNotSales', 'The parent must be a signed sales contract of the same account'] as const);
          err(r, fieldIssue(mapping, 'parentNumber', unfit[0], unfit[1], undefined, parentNumber));
        } else parent = { id: found.id, row: found.row };
      }
      if (number !== null && !seen.has(lower(number)) && account) seen.set(lower(number), { row: r.rowNo, kind, accountId: account.id, status: String(r.values.status ?? 'signed') });
      if (!account) return outcome(r, null);
      return outcome(r, null, { accountId: account.id, accountName: account.name, ownerId: owner.id, unitId: owner.unitId, parentId: parent?.id ?? null, parentRow: parent?.row ?? null });
    });
  };
}

/**
 * Payment plans: each row an instalment of a contract (by number, in the importer's contract:write
 * scope) that has no plan yet and may have one; the instalment numbers differ within a contract and,
 * once the whole file is read, a contract's instalments add up to its amount — otherwise every row
 * of that contract is an error, so a plan is imported whole or not at all.
 */
function instalmentClassifier(db: Kdb, actor: Actor, mapping: ColumnMapping): Classifier {
  const writeScope = ownedScope('contracts', actor, 'contract:write');
  const contracts = new Map<string, { id: number; number: string; amount: number; accountId: number; sum: number; rows: number[]; seqs: Set<number>; broken: boolean } | { key: string; message: string }>();
  const classify = async (rows: Pending[]) => {
    const wanted = strings(rows, 'contractNumber').filter((n) => !contracts.has(lower(n)));
    const found = new Map((await transferRepo.contractsByNumber(db, wanted, writeScope)).map((c) => [lower(c.number), c]));
    for (const n of wanted) {
      const c = found.get(lower(n));
      if (!c || !c.visible) contracts.set(lower(n), { key: 'transfer.contractNotFound', message: 'No contract with this number in your data scope' });
      else if (c.kind === 'framework') contracts.set(lower(n), { key: 'transfer.frameworkNoPlan', message: 'A framework agreement has no payment plan' });
      else if (c.status === 'void' || c.status === 'terminated') contracts.set(lower(n), { key: 'transfer.contractClosed', message: 'The contract is void or terminated' });
      else if (c.has_plan) contracts.set(lower(n), { key: 'transfer.contractHasPlan', message: 'The contract already has a payment plan' });
      else contracts.set(lower(n), { id: Number(c.id), number: c.number, amount: Number(c.amount), accountId: Number(c.account_id), sum: 0, rows: [], seqs: new Set(), broken: false });
    }
    return rows.map((r) => {
      if (typeof r.values.contractNumber !== 'string') return outcome(r, null);
      const c = contracts.get(lower(r.values.contractNumber))!;
      if ('key' in c) {
        err(r, fieldIssue(mapping, 'contractNumber', c.key, c.message, undefined, r.values.contractNumber));
        return outcome(r, null);
      }
      const seq = r.values.seq;
      if (typeof seq === 'number' && c.seqs.has(seq)) err(r, fieldIssue(mapping, 'seq', 'transfer.instalmentRepeated', 'An earlier row gives this instalment of the contract', undefined, seq));
      if (typeof seq === 'number') c.seqs.add(seq);
      c.rows.push(r.rowNo);
      if (typeof r.values.amount === 'number') c.sum += r.values.amount;
      if (r.issues.length) c.broken = true;
      return outcome(r, null, { contractId: c.id, accountId: c.accountId });
    });
  };
  const finish = (): LateIssue[] => {
    const late: LateIssue[] = [];
    for (const c of contracts.values()) {
      if ('key' in c || !c.rows.length) continue;
      const params = { contract: c.number, sum: hundredthsText(c.sum), amount: hundredthsText(c.amount) };
      const problem = c.broken
        ? rowIssue(issue('contractNumber', 'transfer.planHasErrors', 'Another row of this contract has an error: its plan is imported whole or not at all', params), null, c.number)
        : c.sum !== c.amount
          ? rowIssue(issue('amount', 'transfer.planSumMismatch', "The contract's instalments do not add up to its amount", params), null, c.number)
          : null;
      if (problem) for (const rowNo of c.rows) late.push({ rowNo, issue: problem });
    }
    return late;
  };
  return Object.assign(classify, { finish });
}

/**
 * Receipts from finance: the account in the importer's receipt:confirm scope; a bank reference an
 * existing live receipt (in scope) or an earlier row has makes the row a duplicate — one out of
 * scope is an error, as a credit code held by a hidden account is; a receipt number must be new.
 */
function receiptClassifier(db: Kdb, actor: Actor, mapping: ColumnMapping): Classifier {
  const resolve = accountResolver(db, accountScope(actor, 'receipt:confirm'));
  const scope = ownedScope('receipts', actor, 'receipt:confirm');
  const refsSeen = new Map<string, FileTarget>();
  const numbersSeen = new Map<string, number>();
  return async (rows) => {
    const accounts = await rowAccounts(rows, resolve, mapping);
    const held = new Map((await transferRepo.receiptsByBankRef(db, strings(rows, 'bankRef'), scope)).map((x) => [x.bank_ref, x]));
    const taken = new Set((await transferRepo.receiptNumbersTaken(db, strings(rows, 'number'))).map(lower));
    return rows.map((r) => {
      const number = typeof r.values.number === 'string' ? r.values.number : null;
      if (number !== null) {
        if (taken.has(lower(number))) err(r, fieldIssue(mapping, 'number', 'transfer.receiptNumberTaken', 'A receipt with this number exists', undefined, number));
        else if (numbersSeen.has(lower(number))) err(r, fieldIssue(mapping, 'number', 'transfer.numberRepeated', 'An earlier row of the file has this number', { row: numbersSeen.get(lower(number)) }, number));
        else numbersSeen.set(lower(number), r.rowNo);
      }
      const ref = typeof r.values.bankRef === 'string' ? r.values.bankRef : null;
      const holder = ref === null ? undefined : held.get(ref);
      if (holder && !holder.visible) err(r, fieldIssue(mapping, 'bankRef', 'collections.bankRefTaken', 'Another receipt has this bank reference', undefined, ref));
      const account = accounts.get(r.rowNo);
      if (r.issues.length || !account) return outcome(r, null);
      let match: ImportMatch | null = null;
      const earlier = ref === null ? undefined : refsSeen.get(ref);
      if (holder) match = { source: 'db', by: 'bankRef', id: Number(holder.id), accountId: Number(holder.account_id), name: holder.number, row: null, similarity: null };
      else if (earlier) match = fileMatch('bankRef', earlier);
      if (ref !== null && !earlier) refsSeen.set(ref, { row: r.rowNo, name: ref, code: null, dbId: holder ? Number(holder.id) : null, accountId: account.id });
      return outcome(r, match, { accountId: account.id, accountName: account.name });
    });
  };
}

function classifierFor(kind: ImportKind, db: Kdb, actor: Actor, mapping: ColumnMapping, options: ImportOptions): Classifier {
  switch (kind) {
    case 'accounts':
      return accountClassifier(db, actor, mapping, options);
    case 'contacts':
      return contactClassifier(db, actor, mapping);
    case 'revenue':
      return revenueClassifier(db, actor, mapping);
    case 'contracts':
      return contractClassifier(db, actor, mapping);
    case 'instalments':
      return instalmentClassifier(db, actor, mapping);
    case 'receipts':
      return receiptClassifier(db, actor, mapping);
  }
}

// ---------------------------------------------------------------- the run

export interface ValidationOutcome {
  columns: ImportColumns;
  total: number;
}

/**
 * Reads the file and writes the report rows of import `importId` (its old report is gone first).
 * Throws ImportFailure when the file as a whole cannot be checked.
 */
export async function checkFile(
  db: Kdb,
  actor: Actor,
  imp: { id: number; kind: ImportKind; file: FileSource; format: 'csv' | 'xlsx'; options: ImportOptions },
  onProgress: ProgressSink,
): Promise<ValidationOutcome> {
  await transferRepo.deleteRows(db, imp.id);
  let fraction = 0;
  let mapping: ColumnMapping | undefined;
  let classify: Classifier | undefined;
  let pending: Pending[] = [];
  let total = 0;

  const flush = async () => {
    if (!pending.length || !classify) return;
    const done = await classify(pending);
    const rows: Insertable<ImportRowTable>[] = done.map((c) => ({
      import_id: imp.id,
      row_no: c.rowNo,
      status: c.status,
      errors: JSON.stringify(c.errors),
      values: JSON.stringify(c.values),
      match: c.match ? JSON.stringify(c.match) : null,
    }));
    await transferRepo.insertRows(db, rows);
    total += pending.length;
    pending = [];
    await onProgress({ phase: 'reading', progress: Math.min(99, Math.floor(fraction * 100)), rows: total });
  };

  for await (const { rowNo, cells } of readRows(imp.file, imp.format, (f) => (fraction = f))) {
    if (isBlankRow(cells)) continue;
    if (!mapping) {
      mapping = mapHeaders(imp.kind, cells);
      if (mapping.duplicated.length) {
        const d = mapping.duplicated[0];
        throw new ImportFailure('transfer.duplicateColumn', `Two columns feed the same field: ${d.headers.join(', ')}`, { first: d.headers[0], second: d.headers[1] });
      }
      if (mapping.missing.length) {
        const names = mapping.missing.map((m) => m.header['zh-CN']).join('、');
        throw new ImportFailure('transfer.missingColumns', `Required columns are missing: ${names}`, { columns: names });
      }
      classify = classifierFor(imp.kind, db, actor, mapping, imp.options);
      continue;
    }
    pending.push({ rowNo, ...checkRow(imp.kind, mapping, cells) });
    if (pending.length >= CHUNK_ROWS) await flush();
  }
  await flush();
  if (classify?.finish) await transferRepo.addRowIssues(db, imp.id, classify.finish());
  if (!mapping) throw new ImportFailure('transfer.noHeader', 'The file has no header row');
  if (total === 0) throw new ImportFailure('transfer.noRows', 'The file has a header but no rows');
  return { columns: { recognised: mapping.recognised, ignored: mapping.ignored }, total };
}
