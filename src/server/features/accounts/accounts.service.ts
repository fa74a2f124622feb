import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import type { AccountTable } from '../../db/schema';
import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import { AppError, issue, validationError } from '../../../shared/errors';
import { localDate } from '../../../shared/domain/business-time';
import type { Permission } from '../../../shared/permissions';
import type {
  accountAssign,
  accountCreate,
  accountListQuery,
  accountSettings,
  accountUpdate,
  categoriesChange,
  gradeChange,
  lifecycleChange,
  revenueUpdate,
  teamUpdate,
  CompletenessField,
  CreditStanding,
  LifecycleStage,
} from '../../../shared/contracts/accounts';
import { can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { scopeWhere } from '../../platform/scope';
import { pageWindow, resolveSort } from '../../platform/listing';
import { accountsRepo, type AccountFilter, type AccountScope, type AccountSortColumn, type AccountValues } from './accounts.repo';
import {
  SETTINGS_KEYS,
  canMoveLifecycle,
  categoriesOf,
  categoryList,
  completenessOf,
  creditCodeIssue,
  pinyinKeys,
  pinyinSearchKey,
  readClassificationSettings,
  readCompletenessSettings,
  tierOf,
  wouldCycle,
} from './accounts.rules';

type Row = Awaited<ReturnType<typeof accountsRepo.findForUpdate>> & object;

const notFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The account was changed by someone else; reload and try again', undefined, { key: 'accounts.stale' });

/** Data scope over accounts for a permission (ORG-2): owner accounts.owner_id, unit accounts.unit_id. */
export function accountScope(actor: Actor, permission: Permission): AccountScope {
  return (eb) => scopeWhere(eb, actor, permission, { owner: 'accounts.owner_id', unit: 'accounts.unit_id' });
}

/** The calendar year in the business time zone: the tier window is counted in business years. */
export function businessYear(tz: string, now = new Date()): number {
  return localDate(now, tz).year;
}

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
};

/** Contract field → column, for the profile fields a create or PATCH may carry. */
export const PROFILE_COLUMNS = {
  name: 'name',
  shortName: 'short_name',
  creditCode: 'credit_code',
  nature: 'nature',
  industry: 'industry',
  industryPosition: 'industry_position',
  foundedYear: 'founded_year',
  registeredCapital: 'registered_capital',
  employees: 'employees',
  address: 'address',
  postalCode: 'postal_code',
  phone: 'phone',
  fax: 'fax',
  website: 'website',
  email: 'email',
  legalRepresentative: 'legal_representative',
  superiorOrg: 'superior_org',
  businessScope: 'business_scope',
  developmentPlans: 'development_plans',
  mainProducts: 'main_products',
  marketShare: 'market_share',
  annualSales: 'annual_sales',
  bankName: 'bank_name',
  bankAccount: 'bank_account',
  creditStanding: 'credit_standing',
  fundStatus: 'fund_status',
  paymentAttitude: 'payment_attitude',
  paymentTermDays: 'payment_term_days',
  discountBp: 'discount_bp',
  targetMarket: 'target_market',
  customerStrategy: 'customer_strategy',
  sourceChannel: 'source_channel',
  province: 'province',
  city: 'city',
  parentId: 'parent_id',
  vip: 'vip',
} as const satisfies Record<string, keyof AccountTable>;
type ProfileKey = keyof typeof PROFILE_COLUMNS;
const TRADE_TERMS = ['paymentTermDays', 'discountBp'] as const;

/** Completeness input of a stored row; `team` is the number of service-team members. */
function completenessInput(row: Row, teamSize: number): Partial<Record<CompletenessField, unknown>> {
  const out: Partial<Record<CompletenessField, unknown>> = { team: teamSize > 0 ? teamSize : null };
  for (const [field, column] of Object.entries(PROFILE_COLUMNS)) out[field as CompletenessField] = row[column];
  return out;
}

async function loadSettings(db: Executor) {
  const [c, w] = await Promise.all([accountsRepo.getSetting(db, SETTINGS_KEYS.classification), accountsRepo.getSetting(db, SETTINGS_KEYS.completeness)]);
  return { classification: readClassificationSettings(c), completeness: readCompletenessSettings(w) };
}
type Settings = Awaited<ReturnType<typeof loadSettings>>;

const categoriesText = (r: Pick<Row, 'cat_premium' | 'cat_high_value' | 'cat_group' | 'cat_strategic'>) =>
  categoryList({ premium: r.cat_premium, high_value: r.cat_high_value, group: r.cat_group, strategic: r.cat_strategic }).join(',');

interface Derived {
  tier: string;
  cat_premium: boolean;
  cat_group: boolean;
  completeness: number;
}

/** Tier, computed categories and completeness of a row from its ledger, hierarchy and team. */
function derive(row: Row, revenue: Map<number, number>, childCount: number, teamSize: number, s: Settings, year: number): Derived {
  const cats = categoriesOf(
    {
      revenueByYear: revenue,
      creditStanding: row.credit_standing as CreditStanding | null,
      hasParent: row.parent_id !== null,
      childCount,
      strategic: row.cat_strategic,
      highValue: row.cat_high_value,
    },
    s.classification,
  );
  return {
    tier: tierOf({ vip: row.vip, revenueByYear: revenue, currentYear: year }, s.classification),
    cat_premium: cats.premium,
    cat_group: cats.group,
    completeness: completenessOf(completenessInput(row, teamSize), s.completeness.weights).score,
  };
}

/** The classification history a change of derived fields makes: tier and categories, from → to. */
function derivedChanges(row: Pick<Row, 'tier' | 'cat_premium' | 'cat_high_value' | 'cat_group' | 'cat_strategic'>, d: Derived) {
  const out: { field: string; from: string; to: string }[] = [];
  if (row.tier !== d.tier) out.push({ field: 'tier', from: row.tier, to: d.tier });
  const before = categoriesText(row);
  const after = categoriesText({ ...row, cat_premium: d.cat_premium, cat_group: d.cat_group });
  if (before !== after) out.push({ field: 'categories', from: before, to: after });
  return out;
}

/** What a new row holds before its first classification (the table's defaults). */
const UNCLASSIFIED = { tier: 'smb', cat_premium: false, cat_high_value: false, cat_group: false, cat_strategic: false, vip: false, parent_id: null, credit_standing: null, completeness: 0 };

/**
 * Tier, categories and completeness of accounts about to be inserted in bulk (no revenue,
 * subsidiaries or team yet), with the history their first classification records — what a
 * refresh right after the insert would write, without updating every new row a second time.
 */
export async function classifyNew(trx: Executor, rows: readonly Insertable<AccountTable>[], tz: string) {
  const s = await loadSettings(trx);
  const year = businessYear(tz);
  return rows.map((v) => {
    const row = { ...UNCLASSIFIED, ...v } as unknown as Row;
    const derived = derive(row, new Map(), 0, 0, s, year);
    return { derived, changes: derivedChanges(row, derived) };
  });
}

/**
 * Brings the derived fields of the given accounts up to date inside the caller's transaction and
 * records tier/category changes with the reason: per batch of RECOMPUTE_BATCH accounts one read,
 * one update of the changed rows and one insert of their history. Returns how many changed.
 */
async function refreshBatch(trx: Executor, ids: readonly number[], actor: Actor | null, reason: string, s: Settings, year: number): Promise<number> {
  let changed = 0;
  const actorId = actor && actor.via !== 'system' ? actor.userId : null;
  for (let i = 0; i < ids.length; i += RECOMPUTE_BATCH) {
    const batch = ids.slice(i, i + RECOMPUTE_BATCH);
    const rows = await accountsRepo.rowsForRecompute(trx, batch);
    const revenue = revenueMaps(await accountsRepo.revenueByYear(trx, batch));
    const updates: ({ id: number } & Derived)[] = [];
    const changes: Parameters<typeof accountsRepo.insertChanges>[1] = [];
    for (const row of rows) {
      const d = derive(row, revenue.get(row.id) ?? new Map(), Number(row.child_count), Number(row.team_size), s, year);
      if (row.tier === d.tier && row.cat_premium === d.cat_premium && row.cat_group === d.cat_group && row.completeness === d.completeness) continue;
      updates.push({ id: row.id, ...d });
      changes.push(...derivedChanges(row, d).map((c) => ({ accountId: row.id, ...c, reason, actorId })));
    }
    await accountsRepo.setDerivedMany(trx, updates);
    await accountsRepo.insertChanges(trx, changes);
    changed += updates.length;
  }
  return changed;
}

async function refreshDerived(trx: Executor, id: number, actor: Actor | null, reason: string, s: Settings, year: number): Promise<boolean> {
  return (await refreshBatch(trx, [id], actor, reason, s, year)) > 0;
}

/**
 * Tier, categories and completeness of many accounts recomputed in the caller's transaction, e.g.
 * after an import wrote them in bulk. Returns how many changed.
 */
export async function refreshDerivedMany(trx: Executor, ids: readonly number[], actor: Actor | null, reason: string, tz: string, now = new Date()): Promise<number> {
  if (!ids.length) return 0;
  return refreshBatch(trx, ids, actor, reason, await loadSettings(trx), businessYear(tz, now));
}

/** Revenue per account and year from revenueByYear's rows. */
function revenueMaps(rows: { account_id: number; year: number; amount: number }[]) {
  const m = new Map<number, Map<number, number>>();
  for (const r of rows) {
    let years = m.get(r.account_id);
    if (!years) m.set(r.account_id, (years = new Map()));
    years.set(r.year, Number(r.amount));
  }
  return m;
}

function checkCreditCode(code: string | null | undefined) {
  const issues = [creditCodeIssue(code)].filter((i) => i !== undefined);
  if (issues.length) throw validationError(issues);
}

/** 409 on a taken credit code; names the holder only when the caller may see it. */
async function checkDuplicate(trx: Executor, actor: Actor, code: string | null | undefined, selfId?: number) {
  if (!code) return;
  const existing = await accountsRepo.findByCreditCode(trx, code);
  if (!existing || existing.id === selfId) return;
  if (await accountsRepo.visible(trx, existing.id, accountScope(actor, 'account:read'))) {
    throw new AppError('CONFLICT', `Account ${existing.name} already has this credit code`, { path: 'creditCode', existing: { id: existing.id, name: existing.name } }, { key: 'accounts.creditCodeTakenBy', params: { name: existing.name } });
  }
  throw new AppError('CONFLICT', 'Another account already has this credit code', { path: 'creditCode' }, { key: 'accounts.creditCodeTaken' });
}

async function checkParent(trx: Executor, actor: Actor, selfId: number | undefined, parentId: number | null | undefined) {
  if (parentId === null || parentId === undefined) return;
  if (!(await accountsRepo.visible(trx, parentId, accountScope(actor, 'account:read')))) {
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

/** Columns for the given profile fields, with the pinyin search keys of name and short name. */
export function profileValues(input: Partial<Record<ProfileKey, unknown>>): AccountValues {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PROFILE_COLUMNS)) {
    const v = input[field as ProfileKey];
    if (v !== undefined) values[column] = v;
  }
  if (input.name !== undefined) {
    const p = pinyinKeys(input.name as string);
    values.name_pinyin = p.full;
    values.name_initials = p.initials;
  }
  if (input.shortName !== undefined) {
    const p = pinyinKeys(input.shortName as string | null);
    values.short_pinyin = p.full;
    values.short_initials = p.initials;
  }
  return values as AccountValues;
}

/** Someone the actor may hand accounts to: active and inside the actor's account:assign scope. */
async function assignableOwner(trx: Executor, actor: Actor, userId: number, path: string) {
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
  return {
    scope: accountScope(actor, 'account:read'),
    q: q.q || undefined,
    pinyinKey: q.q ? pinyinSearchKey(q.q) : undefined,
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
  };
}

export async function listAccounts(db: Kdb, actor: Actor, q: z.infer<typeof accountListQuery>) {
  const r = await accountsRepo.list(db, {
    ...accountListFilter(actor, q),
    sort: resolveSort(q.sort, SORTS, '-updatedAt'),
    ...pageWindow(q),
  });
  return { ...r, page: q.page, pageSize: q.pageSize };
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
  if (!(await accountsRepo.visible(db, id, accountScope(actor, 'account:read')))) throw notFound();
  return accountsRepo.changes(db, id);
}

export async function getRevenue(db: Kdb, actor: Actor, id: number) {
  const row = await accountsRepo.find(db, id, accountScope(actor, 'account:read'));
  if (!row) throw notFound();
  return { version: row.version, rows: await accountsRepo.revenueRows(db, id) };
}

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
      if (!(await accountsRepo.visible(trx, id, accountScope(actor, 'account:read')))) {
        throw validationError([issue('unitId', 'accounts.unitOutOfScope', 'The unit is outside your data scope')]);
      }
      const settings = await loadSettings(trx);
      const year = businessYear(tz);
      await refreshDerived(trx, id, actor, 'created', settings, year);
      if (input.parentId) await refreshDerived(trx, input.parentId, actor, 'group hierarchy change', settings, year);
      await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'lifecycle', from: null, to: input.lifecycle, reason: 'created', actorId: actor.userId }]);
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

const trueExpr = (): Expression<SqlBool> => sql<SqlBool>`true`;

/**
 * Runs a write on one account the actor may change under `permission`: locks the row (404
 * outside scope), checks the version, and audits before/after in the same transaction.
 */
async function withAccount<T>(
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
      const year = businessYear(tz);
      await refreshDerived(trx, id, actor, 'profile update', settings, year);
      if (parentChanged) {
        // the old parent may have lost its last child, the new one gained its first
        for (const p of [before.parent_id, input.parentId]) if (p) await refreshDerived(trx, p, actor, 'group hierarchy change', settings, year);
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'Another account already has this credit code', { path: 'creditCode' }, { key: 'accounts.creditCodeTaken' });
    throw err;
  }
}

export async function changeLifecycle(db: Kdb, actor: Actor, id: number, input: z.infer<typeof lifecycleChange>) {
  await withAccount(db, actor, id, 'account:update', input.version, 'lifecycle', async (trx, before) => {
    const from = before.lifecycle as LifecycleStage;
    if (!canMoveLifecycle(from, input.to)) {
      throw new AppError('INVALID_STATE', `Cannot move from ${from} to ${input.to}`, { path: 'to', from, to: input.to }, { key: 'accounts.lifecycleNotAllowed', params: { from, to: input.to } });
    }
    await accountsRepo.update(trx, id, input.version, { lifecycle: input.to });
    await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'lifecycle', from, to: input.to, reason: input.reason, actorId: actor.userId }]);
  }, { reason: input.reason });
}

export async function changeGrade(db: Kdb, actor: Actor, id: number, input: z.infer<typeof gradeChange>) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'grade', async (trx, before) => {
    await accountsRepo.update(trx, id, input.version, { grade: input.grade });
    if (before.grade !== input.grade) await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'grade', from: before.grade, to: input.grade, reason: input.reason, actorId: actor.userId }]);
  }, { reason: input.reason });
}

export async function changeCategories(db: Kdb, actor: Actor, id: number, input: z.infer<typeof categoriesChange>) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'categories', async (trx, before) => {
    const next = { ...before, cat_strategic: input.strategic ?? before.cat_strategic, cat_high_value: input.highValue ?? before.cat_high_value };
    await accountsRepo.update(trx, id, input.version, { cat_strategic: next.cat_strategic, cat_high_value: next.cat_high_value });
    const from = categoriesText(before);
    const to = categoriesText(next);
    if (from !== to) await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'categories', from, to, reason: input.reason, actorId: actor.userId }]);
  }, { reason: input.reason });
}

export async function assignAccount(db: Kdb, actor: Actor, id: number, input: z.infer<typeof accountAssign>) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'assign', async (trx, before) => {
    const owner = await assignableOwner(trx, actor, input.ownerId, 'ownerId');
    let unitId = owner.unit_id;
    if (input.unitId !== undefined) {
      if (!(await accountsRepo.unitExists(trx, input.unitId))) throw validationError([issue('unitId', 'accounts.unitNotFound', 'No such org unit')]);
      unitId = input.unitId;
    }
    await accountsRepo.update(trx, id, input.version, { owner_id: owner.id, unit_id: unitId });
    const changes = [];
    if (before.owner_id !== owner.id) changes.push({ accountId: id, field: 'owner', from: String(before.owner_id), to: String(owner.id), reason: input.reason, actorId: actor.userId });
    if (before.unit_id !== unitId) changes.push({ accountId: id, field: 'unit', from: String(before.unit_id), to: String(unitId), reason: input.reason, actorId: actor.userId });
    await accountsRepo.insertChanges(trx, changes);
  }, { reason: input.reason });
}

export async function replaceTeam(db: Kdb, actor: Actor, id: number, input: z.infer<typeof teamUpdate>, tz: string) {
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    const k = `${m.userId}:${m.role}`;
    if (seen.has(k)) throw validationError([issue(`members.${i}`, 'accounts.teamDuplicate', 'The same person is listed twice in this role')]);
    seen.add(k);
  });
  await withAccount(db, actor, id, 'account:update', input.version, 'team', async (trx) => {
    const ids = [...new Set(input.members.map((m) => m.userId))];
    const active = new Set((await accountsRepo.activeUsers(trx, ids)).map((u) => u.id));
    const bad = input.members.findIndex((m) => !active.has(m.userId));
    if (bad >= 0) throw validationError([issue(`members.${bad}.userId`, 'accounts.teamUserInactive', 'Not an active user')]);
    await accountsRepo.replaceTeam(trx, id, input.members);
    await accountsRepo.update(trx, id, input.version, {});
    await refreshDerived(trx, id, actor, 'team update', await loadSettings(trx), businessYear(tz));
  }, { members: input.members });
}

export async function replaceRevenue(db: Kdb, actor: Actor, id: number, input: z.infer<typeof revenueUpdate>, tz: string) {
  const seen = new Set<string>();
  input.rows.forEach((r, i) => {
    const k = `${r.year}:${r.source}`;
    if (seen.has(k)) throw validationError([issue(`rows.${i}`, 'accounts.revenueDuplicate', 'One row per year and source')]);
    seen.add(k);
  });
  await withAccount(db, actor, id, 'account:update', input.version, 'revenue', async (trx) => {
    await accountsRepo.replaceRevenue(trx, id, input.rows);
    await accountsRepo.update(trx, id, input.version, {});
    await refreshDerived(trx, id, actor, 'revenue ledger update', await loadSettings(trx), businessYear(tz));
  }, { rows: input.rows });
}

// ---------------------------------------------------------------- settings and the nightly job

export async function getSettings(db: Kdb) {
  const s = await loadSettings(db);
  return { classification: s.classification, completeness: { weights: s.completeness.weights } };
}

/** Saves the settings; `afterSave` (in the same transaction) queues the recompute. */
export async function putSettings(db: Kdb, actor: Actor, input: z.infer<typeof accountSettings>, afterSave: (trx: Executor) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx);
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.classification, input.classification);
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.completeness, input.completeness);
    await audit(trx, actor, {
      entity: 'setting',
      entityId: 'accounts',
      action: 'update',
      before: { classification: before.classification, completeness: before.completeness },
      after: { classification: input.classification, completeness: readCompletenessSettings(input.completeness) },
    });
    await afterSave(trx);
  });
  return getSettings(db);
}

export const RECOMPUTE_REASON = 'nightly recompute';
const RECOMPUTE_BATCH = 500;

/** Recomputes tier, categories and completeness of every account, a batch per transaction. */
export async function recomputeAll(db: Kdb, tz: string, now = new Date(), reason = RECOMPUTE_REASON): Promise<{ scanned: number; changed: number }> {
  const year = businessYear(tz, now);
  let after = 0;
  let scanned = 0;
  let changed = 0;
  for (;;) {
    const ids = await accountsRepo.idsAfter(db, after, RECOMPUTE_BATCH);
    if (!ids.length) break;
    changed += await db.transaction().execute(async (trx) => refreshBatch(trx, ids, null, reason, await loadSettings(trx), year));
    scanned += ids.length;
    after = ids[ids.length - 1];
    if (ids.length < RECOMPUTE_BATCH) break;
  }
  return { scanned, changed };
}
