import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import type { AccountTable } from '../../db/schema';
import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import { AppError, issue, validationError } from '../../../shared/errors';
import { DATA_SCOPES, type Permission } from '../../../shared/permissions';
import type { accountCreate, accountListQuery, accountUpdate, completenessReportQuery, CompletenessField } from '../../../shared/contracts/accounts';
import { COMPLETENESS_FIELDS } from '../../../shared/contracts/accounts';
import type { Quadrant } from '../../../shared/contracts/quadrant';
import { can, scopeOf, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { accountReachable, scopeWhere, accountScope } from '../../platform/scope';
import { pageWindow, resolveSort } from '../../platform/listing';
import { accountsRepo, type AccountFilter, type AccountSortColumn } from './accounts.repo';
import { completenessOf, contactSearchTerms, creditCodeIssue, pinyinSearchKey, wouldCycle } from './accounts.rules';
import { PROFILE_COLUMNS, SYSTEM_REASONS, TRADE_TERMS, profileValues } from './accounts.fields';
import { clockOf, completenessInput, refreshDerived } from './accounts.derived.service';
import { loadSettings } from './accounts.settings.service';

type Row = Awaited<ReturnType<typeof accountsRepo.findForUpdate>> & object;

const notFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The account was changed by someone else; reload and try again', undefined, { key: 'accounts.stale' });

const SORTS: Record<string, AccountSortColumn> = {
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  completeness: 'completeness',
  tier: 'tier',
  grade: 'grade',
  lifecycle: 'lifecycle',
  foundedYear: 'founded_year',
  annualSales: 'annual_sales',
  coverage: 'coverage_score',
  quadrant: 'quadrant',
};

function checkCreditCode(code: string | null | undefined) {
  const issues = [creditCodeIssue(code)].filter((i) => i !== undefined);
  if (issues.length) throw validationError(issues);
}

/** 409 on a taken credit code; names the holder only when the caller may see it. */
async function checkDuplicate(trx: Executor, actor: Actor, code: string | null | undefined, selfId?: number) {
  if (!code) return;
  const existing = await accountsRepo.findByCreditCode(trx, code);
  if (!existing || existing.id === selfId) return;
  if (await accountReachable(trx, existing.id, accountScope(actor, 'account:read'))) {
    throw new AppError('CONFLICT', `Account ${existing.name} already has this credit code`, { path: 'creditCode', existing: { id: existing.id, name: existing.name } }, { key: 'accounts.creditCodeTakenBy', params: { name: existing.name } });
  }
  throw new AppError('CONFLICT', 'Another account already has this credit code', { path: 'creditCode' }, { key: 'accounts.creditCodeTaken' });
}

async function checkParent(trx: Executor, actor: Actor, selfId: number | undefined, parentId: number | null | undefined) {
  if (parentId === null || parentId === undefined) return;
  if (!(await accountReachable(trx, parentId, accountScope(actor, 'account:read')))) {
    throw validationError([issue('parentId', 'accounts.parentNotFound', 'No such parent account')]);
  }
  if (selfId !== undefined && wouldCycle(selfId, parentId, await accountsRepo.ancestors(trx, parentId))) {
    throw validationError([issue('parentId', 'accounts.parentCycle', 'An account cannot be its own parent or descendant')]);
  }
}

function assertTradeTerms(actor: Actor, input: Record<string, unknown>) {
  if (TRADE_TERMS.some((k) => input[k] !== undefined) && !can(actor, 'account:trade-terms')) {
    throw new AppError('FORBIDDEN', 'Setting trade terms needs account:trade-terms', undefined, { key: 'accounts.tradeTermsForbidden' });
  }
}

/** Someone the actor may hand accounts to: active and inside the actor's account:assign scope. */
export async function assignableOwner(trx: Executor, actor: Actor, userId: number, path: string) {
  const u = await accountsRepo.user(trx, userId, (eb) => scopeWhere(eb, actor, 'account:assign', { owner: 'users.id', unit: 'users.unit_id' }));
  if (!u || u.status !== 'active') throw validationError([issue(path, 'accounts.ownerNotAssignable', 'Not an active user you may assign accounts to')]);
  return u;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

// ---------------------------------------------------------------- reads

/** The repo filter of the account list's query within the actor's read scope; the export uses it too. */
export function accountListFilter(actor: Actor, q: Omit<z.infer<typeof accountListQuery>, 'page' | 'pageSize' | 'sort'>): AccountFilter {
  // Contacts are searched only by those who may read them, and only on accounts whose contacts
  // they may read — a separate condition only when that is narrower than the list's own scope.
  const contactScope = scopeOf(actor, 'contact:read');
  const accountReadScope = scopeOf(actor, 'account:read');
  const narrower = contactScope !== undefined && accountReadScope !== undefined && DATA_SCOPES.indexOf(contactScope) < DATA_SCOPES.indexOf(accountReadScope);
  const contactSearch = q.q && contactScope ? { scope: narrower ? accountScope(actor, 'contact:read') : undefined, ...contactSearchTerms(q.q) } : undefined;
  return {
    scope: accountScope(actor, 'account:read'),
    q: q.q || undefined,
    pinyinKey: q.q ? pinyinSearchKey(q.q) : undefined,
    contactSearch,
    tier: q.tier,
    vip: q.vip === undefined ? undefined : q.vip === 'true',
    category: q.category,
    grade: q.grade,
    lifecycle: q.lifecycle,
    nature: q.nature,
    industry: q.industry || undefined,
    ownerId: q.ownerId,
    unitId: q.unitId,
    province: q.province || undefined,
    city: q.city || undefined,
    parentId: q.parentId,
    quadrant: q.quadrant,
    coverageBelow: q.coverageBelow,
  };
}

export async function listAccounts(db: Kdb, actor: Actor, q: z.infer<typeof accountListQuery>) {
  const filter = accountListFilter(actor, q);
  const r = await accountsRepo.list(db, { ...filter, sort: resolveSort(q.sort, SORTS, '-updatedAt'), ...pageWindow(q) });
  const matched = filter.contactSearch ? await accountsRepo.matchedContacts(db, r.items.map((i) => i.id), filter.contactSearch) : [];
  const byAccount = new Map(matched.map((m) => [m.account_id, { id: m.id, name: m.name, title: m.title, status: m.status as 'active' | 'left' }]));
  return { items: r.items.map((i) => ({ ...i, matchedContact: byAccount.get(i.id) ?? null })), total: r.total, page: q.page, pageSize: q.pageSize };
}

/** ACC-4: accounts per quadrant under the list's filters (the quadrant filter itself left out). */
export async function quadrantDistribution(db: Kdb, actor: Actor, q: Omit<z.infer<typeof accountListQuery>, 'page' | 'pageSize' | 'sort'>) {
  const rows = await accountsRepo.quadrantCounts(db, accountListFilter(actor, { ...q, quadrant: undefined }));
  const counts = { star: 0, question: 0, cash_cow: 0, dog: 0 };
  for (const r of rows) counts[r.quadrant as Quadrant] = Number(r.n);
  return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

const oneDecimal = (v: number) => Math.round(v * 10) / 10;
const rateOf = (accounts: number, scoreSum: number, complete: number) => ({
  accounts,
  average: accounts ? oneDecimal(scoreSum / accounts) : 0,
  complete,
  rate: accounts ? oneDecimal((complete * 100) / accounts) : 0,
});

/**
 * ACC-3 KPI 客户档案完整率 (seed 003 §2.1 names it without a formula): the share of accounts
 * whose archive is complete — stored completeness at or above the configured threshold — with
 * the mean completeness beside it, per owner, and the fields most often left empty.
 */
export async function completenessReport(db: Kdb, actor: Actor, q: z.infer<typeof completenessReportQuery>) {
  const settings = await loadSettings(db);
  const threshold = settings.completeness.completeThreshold;
  const f = { scope: accountScope(actor, 'account:read'), unitId: q.unitId, ownerId: q.ownerId };
  const weighted = COMPLETENESS_FIELDS.filter((field) => settings.completeness.weights[field] > 0);
  const columns = Object.fromEntries(weighted.filter((field) => field !== 'team').map((field) => [field, PROFILE_COLUMNS[field as Exclude<CompletenessField, 'team'>]]));
  const [owners, empty] = await Promise.all([accountsRepo.completenessByOwner(db, f, threshold), accountsRepo.emptyFieldCounts(db, f, columns)]);
  const byOwner = owners.map((o) => ({ ownerId: o.owner_id, ownerName: o.owner_name, ...rateOf(Number(o.accounts), Number(o.score_sum ?? 0), Number(o.complete)) }));
  const sum = (column: 'accounts' | 'score_sum' | 'complete') => owners.reduce((t, o) => t + Number(o[column] ?? 0), 0);
  const missing = weighted
    .map((field) => ({ field, weight: settings.completeness.weights[field], accounts: Number(empty[field] ?? 0) }))
    .filter((m) => m.accounts > 0)
    .sort((a, b) => b.accounts - a.accounts || b.weight - a.weight || COMPLETENESS_FIELDS.indexOf(a.field) - COMPLETENESS_FIELDS.indexOf(b.field))
    .slice(0, 10);
  return { ...rateOf(sum('accounts'), sum('score_sum'), sum('complete')), threshold, byOwner, missing };
}

export async function getAccount(db: Kdb, actor: Actor, id: number) {
  const scope = accountScope(actor, 'account:read');
  const row = await accountsRepo.find(db, id, scope);
  if (!row) throw notFound();
  const [team, parent, children, revenue, group, settings] = await Promise.all([
    accountsRepo.team(db, id),
    row.parent_id ? accountsRepo.summaries(db, { id: row.parent_id }, scope) : Promise.resolve([]),
    accountsRepo.summaries(db, { parentId: id }, scope),
    accountsRepo.revenueByYear(db, [id]),
    accountsRepo.groupRevenueByYear(db, id),
    loadSettings(db),
  ]);
  const completeness = completenessOf(completenessInput(row, team.length), settings.completeness.weights);
  return {
    row,
    team,
    completeness,
    parent: parent[0] ?? null,
    children,
    revenueByYear: revenue.map((r) => ({ year: r.year, amount: Number(r.amount) })).sort((a, b) => b.year - a.year),
    groupRevenueByYear: group,
    tradeTermsVisible: can(actor, 'account:trade-terms'),
  };
}
export type AccountView = Awaited<ReturnType<typeof getAccount>>;

export async function listChanges(db: Kdb, actor: Actor, id: number) {
  if (!(await accountReachable(db, id, accountScope(actor, 'account:read')))) throw notFound();
  return accountsRepo.changes(db, id);
}

export async function getRevenue(db: Kdb, actor: Actor, id: number) {
  const row = await accountsRepo.find(db, id, accountScope(actor, 'account:read'));
  if (!row) throw notFound();
  return { version: row.version, rows: await accountsRepo.revenueRows(db, id) };
}

/** ACC-4: the stored quadrant of an account with the breakdown and the policy of its quadrant. */
export async function getQuadrant(db: Kdb, actor: Actor, id: number) {
  const row = await accountsRepo.find(db, id, accountScope(actor, 'account:read'));
  if (!row) throw notFound();
  const [settings, overrideBy] = await Promise.all([loadSettings(db), row.quadrant_override_by ? accountsRepo.user(db, row.quadrant_override_by) : Promise.resolve(undefined)]);
  return { row, quadrantSettings: settings.quadrant, overrideByName: overrideBy?.name ?? null };
}
export type QuadrantData = Awaited<ReturnType<typeof getQuadrant>>;

// ---------------------------------------------------------------- writes

export async function createAccount(db: Kdb, actor: Actor, input: z.infer<typeof accountCreate>, tz: string) {
  checkCreditCode(input.creditCode);
  assertTradeTerms(actor, input);
  try {
    return await db.transaction().execute(async (trx) => {
      let ownerId = actor.userId;
      let unitId = actor.unitId;
      if (input.ownerId !== undefined && input.ownerId !== actor.userId) {
        if (!can(actor, 'account:assign')) throw new AppError('FORBIDDEN', 'Choosing another owner needs account:assign', undefined, { key: 'accounts.assignForbidden' });
        const owner = await assignableOwner(trx, actor, input.ownerId, 'ownerId');
        ownerId = owner.id;
        unitId = owner.unit_id;
      }
      if (input.unitId !== undefined && input.unitId !== unitId) {
        if (!can(actor, 'account:assign')) throw new AppError('FORBIDDEN', 'Choosing another unit needs account:assign', undefined, { key: 'accounts.assignForbidden' });
        if (!(await accountsRepo.unitExists(trx, input.unitId))) throw validationError([issue('unitId', 'accounts.unitNotFound', 'No such org unit')]);
        unitId = input.unitId;
      }
      await checkDuplicate(trx, actor, input.creditCode);
      await checkParent(trx, actor, undefined, input.parentId);
      const id = await accountsRepo.insert(trx, {
        ...(profileValues(input) as Insertable<AccountTable>),
        name: input.name,
        owner_id: ownerId,
        unit_id: unitId,
        lifecycle: input.lifecycle,
        created_by: actor.userId,
      });
      // an owner/unit pair outside the caller's own reach would make the new record vanish for them
      if (!(await accountReachable(trx, id, accountScope(actor, 'account:read')))) {
        throw validationError([issue('unitId', 'accounts.unitOutOfScope', 'The unit is outside your data scope')]);
      }
      const settings = await loadSettings(trx);
      const clock = clockOf(tz);
      await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'lifecycle', from: null, to: input.lifecycle, reason: SYSTEM_REASONS.created, reasonKey: 'created', actorId: actor.userId }]);
      await refreshDerived(trx, id, actor, 'created', settings, clock);
      if (input.parentId) await refreshDerived(trx, input.parentId, actor, 'groupChange', settings, clock);
      const after = await accountsRepo.findForUpdate(trx, id, trueExpr);
      await audit(trx, actor, { entity: 'account', entityId: id, action: 'create', after });
      return id;
    });
  } catch (err) {
    // two creates racing for the same code: the unique index decides
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'Another account already has this credit code', { path: 'creditCode' }, { key: 'accounts.creditCodeTaken' });
    throw err;
  }
}

export const trueExpr = (): Expression<SqlBool> => sql<SqlBool>`true`;

/**
 * Runs a write on one account the actor may change under `permission`: locks the row (404
 * outside scope), checks the version, and audits before/after in the same transaction.
 */
export async function withAccount<T>(
  db: Kdb,
  actor: Actor,
  id: number,
  permission: Permission,
  version: number,
  action: string,
  fn: (trx: Executor, row: Row) => Promise<T>,
  data?: Record<string, unknown>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const before = await accountsRepo.findForUpdate(trx, id, accountScope(actor, permission));
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    const result = await fn(trx, before);
    const after = await accountsRepo.findForUpdate(trx, id, trueExpr);
    await audit(trx, actor, { entity: 'account', entityId: id, action, before, after, data });
    return result;
  });
}

export async function updateAccount(db: Kdb, actor: Actor, id: number, input: z.infer<typeof accountUpdate>, tz: string) {
  checkCreditCode(input.creditCode);
  assertTradeTerms(actor, input);
  try {
    await withAccount(db, actor, id, 'account:update', input.version, 'update', async (trx, before) => {
      if (input.creditCode !== undefined && input.creditCode !== before.credit_code) await checkDuplicate(trx, actor, input.creditCode, id);
      const parentChanged = input.parentId !== undefined && input.parentId !== before.parent_id;
      if (parentChanged) await checkParent(trx, actor, id, input.parentId);
      if (!(await accountsRepo.update(trx, id, input.version, profileValues(input)))) throw stale();
      const settings = await loadSettings(trx);
      const clock = clockOf(tz);
      await refreshDerived(trx, id, actor, 'profileUpdate', settings, clock);
      if (parentChanged) {
        // the old parent may have lost its last child, the new one gained its first
        for (const p of [before.parent_id, input.parentId]) if (p) await refreshDerived(trx, p, actor, 'groupChange', settings, clock);
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'Another account already has this credit code', { path: 'creditCode' }, { key: 'accounts.creditCodeTaken' });
    throw err;
  }
}
