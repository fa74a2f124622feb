import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import type { AccountTable } from '../../db/schema';
import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import { AppError, issue, validationError } from '../../../shared/errors';
import { localDate } from '../../../shared/domain/business-time';
import { DATA_SCOPES, type Permission } from '../../../shared/permissions';
import type {
  accountAssign,
  accountCreate,
  accountListQuery,
  accountSettingsInput,
  accountUpdate,
  categoriesChange,
  completenessReportQuery,
  gradeChange,
  lifecycleChange,
  revenueUpdate,
  teamUpdate,
  CompletenessField,
  CreditStanding,
  LifecycleStage,
  SystemReasonKey,
} from '../../../shared/contracts/accounts';
import { COMPLETENESS_FIELDS } from '../../../shared/contracts/accounts';
import type { quadrantOverride, Quadrant } from '../../../shared/contracts/quadrant';
import { can, scopeOf, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { scopeWhere } from '../../platform/scope';
import { pageWindow, resolveSort } from '../../platform/listing';
import { accountsRepo, type AccountFilter, type AccountScope, type AccountSortColumn, type AccountValues, type DerivedValues } from './accounts.repo';
import { coverageOf, decisionPeopleOf, toCoverageContact, type CoverageContact, type CoverageRow } from '../contacts/contacts.rules';
import { quadrantOf, readQuadrantSettings } from './quadrant.rules';
import {
  SETTINGS_KEYS,
  autoLifecycle,
  canMoveLifecycle,
  categoriesOf,
  categoryList,
  completenessOf,
  contactSearchTerms,
  creditCodeIssue,
  pinyinKeys,
  pinyinSearchKey,
  readClassificationSettings,
  readCompletenessSettings,
  readLifecycleSettings,
  tierOf,
  wouldCycle,
} from './accounts.rules';

type Row = Awaited<ReturnType<typeof accountsRepo.findForUpdate>> & object;
type RecomputeRow = Awaited<ReturnType<typeof accountsRepo.rowsForRecompute>>[number];

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
  coverage: 'coverage_score',
  quadrant: 'quadrant',
};

/** The English text of each system reason key, for API readers; the web translates the key. */
export const SYSTEM_REASONS: Record<SystemReasonKey, string> = {
  created: 'created',
  profileUpdate: 'profile update',
  teamUpdate: 'team update',
  revenueUpdate: 'revenue ledger update',
  groupChange: 'group hierarchy change',
  nightly: 'nightly recompute',
  settingsChange: 'settings change',
  upgrade: 'recomputed after an upgrade',
  contactChange: 'contact change',
  lifecycleChange: 'lifecycle change',
  categoriesChange: 'category change',
  autoActivate: 'revenue recorded for the current or previous year',
  handover: 'handover',
  merge: 'merge',
  assessment: 'value assessment of a development project',
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
export type ProfileKey = keyof typeof PROFILE_COLUMNS;
export const TRADE_TERMS = ['paymentTermDays', 'discountBp'] as const;

/** Completeness input of a stored row; `team` is the number of service-team members. */
function completenessInput(row: Row, teamSize: number): Partial<Record<CompletenessField, unknown>> {
  const out: Partial<Record<CompletenessField, unknown>> = { team: teamSize > 0 ? teamSize : null };
  for (const [field, column] of Object.entries(PROFILE_COLUMNS)) out[field as CompletenessField] = row[column];
  return out;
}

export async function loadSettings(db: Executor) {
  const stored = await accountsRepo.getSettings(db, Object.values(SETTINGS_KEYS));
  return {
    classification: readClassificationSettings(stored.get(SETTINGS_KEYS.classification)),
    completeness: readCompletenessSettings(stored.get(SETTINGS_KEYS.completeness)),
    quadrant: readQuadrantSettings(stored.get(SETTINGS_KEYS.quadrant)),
    lifecycle: readLifecycleSettings(stored.get(SETTINGS_KEYS.lifecycle)),
  };
}
type Settings = Awaited<ReturnType<typeof loadSettings>>;

/** Business time of a recompute: the zone, the moment (coverage "gone cold") and the business year. */
interface Clock {
  tz: string;
  now: Date;
  year: number;
}
const clockOf = (tz: string, now = new Date()): Clock => ({ tz, now, year: businessYear(tz, now) });

const categoriesText = (r: Pick<Row, 'cat_premium' | 'cat_high_value' | 'cat_group' | 'cat_strategic'>) =>
  categoryList({ premium: r.cat_premium, high_value: r.cat_high_value, group: r.cat_group, strategic: r.cat_strategic }).join(',');

/** What a recompute reads besides the row itself. */
interface DeriveInput {
  revenue: Map<number, number>;
  childCount: number;
  teamSize: number;
  contacts: CoverageContact[];
  requalifiedYear: number | null;
}

/**
 * Every derived field of a row: automatic lifecycle move (ACC-5), tier and computed categories
 * (ACC-4), completeness (ACC-3), relationship coverage (REL-5) and the portfolio quadrant, in
 * that order because the quadrant reads the others.
 */
function derive(row: Row, i: DeriveInput, s: Settings, clock: Clock): DerivedValues {
  const lifecycle = autoLifecycle({ lifecycle: row.lifecycle as LifecycleStage, revenueByYear: i.revenue, currentYear: clock.year, requalifiedYear: i.requalifiedYear }, s.lifecycle) ?? (row.lifecycle as LifecycleStage);
  const cats = categoriesOf(
    {
      revenueByYear: i.revenue,
      creditStanding: row.credit_standing as CreditStanding | null,
      hasParent: row.parent_id !== null,
      childCount: i.childCount,
      strategic: row.cat_strategic,
      highValue: row.cat_high_value,
    },
    s.classification,
  );
  const tier = tierOf({ vip: row.vip, revenueByYear: i.revenue, currentYear: clock.year }, s.classification);
  const coverage = coverageOf(i.contacts, { now: clock.now });
  const q = quadrantOf(
    {
      annualSales: row.annual_sales,
      registeredCapital: row.registered_capital,
      employees: row.employees,
      tier,
      industryPosition: row.industry_position as 'leading' | 'middle' | 'trailing' | null,
      categories: cats,
      revenueByYear: i.revenue,
      currentYear: clock.year,
      revenueYears: s.classification.largeRevenueYears,
      coverageScore: coverage.score,
      decisionPeople: decisionPeopleOf(i.contacts),
      lifecycle,
    },
    s.quadrant,
  );
  return {
    lifecycle,
    tier,
    cat_premium: cats.premium,
    cat_group: cats.group,
    completeness: completenessOf(completenessInput(row, i.teamSize), s.completeness.weights).score,
    coverage_score: coverage.score,
    coverage_flags: coverage.flags,
    active_contacts: i.contacts.filter((c) => c.status === 'active').length,
    attractiveness: q.attractiveness,
    strength: q.strength,
    quadrant_computed: q.quadrant,
    quadrant: (row.quadrant_override as Quadrant | null) ?? q.quadrant,
    quadrant_factors: q.factors,
  };
}

/** What `derive` reads besides the row, from the extra columns of `rowsForRecompute`. */
function deriveInput(row: RecomputeRow, tz: string): DeriveInput {
  return {
    revenue: new Map(row.revenue.map((r) => [Number(r.year), Number(r.amount)])),
    childCount: Number(row.child_count),
    teamSize: Number(row.team_size),
    contacts: (row.contact_rows as unknown as CoverageRow[]).map(toCoverageContact),
    requalifiedYear: row.requalified_at ? businessYear(tz, new Date(row.requalified_at)) : null,
  };
}

/**
 * Brings one account's derived fields up to date inside the caller's transaction and records
 * changes of tier, categories, quadrant and automatic lifecycle moves with the reason. Returns
 * whether anything changed.
 */
export async function refreshDerived(trx: Executor, id: number, actor: Actor | null, reason: SystemReasonKey, s: Settings, clock: Clock): Promise<boolean> {
  const [row] = await accountsRepo.rowsForRecompute(trx, [id]);
  if (!row) return false;
  return applyDerived(trx, row, derive(row, deriveInput(row, clock.tz), s, clock), actor, reason);
}

/**
 * For other rooms whose writes feed an account's derived fields (contacts → coverage and
 * quadrant): recomputes it in the caller's transaction.
 */
export async function refreshAccount(trx: Executor, accountId: number, actor: Actor, reason: SystemReasonKey, tz: string): Promise<void> {
  await refreshDerived(trx, accountId, actor, reason, await loadSettings(trx), clockOf(tz));
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so a plain stringify would always differ. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

async function applyDerived(trx: Executor, row: Row, d: DerivedValues, actor: Actor | null, reasonKey: SystemReasonKey): Promise<boolean> {
  const unchanged =
    row.lifecycle === d.lifecycle &&
    row.tier === d.tier &&
    row.cat_premium === d.cat_premium &&
    row.cat_group === d.cat_group &&
    row.completeness === d.completeness &&
    row.coverage_score === d.coverage_score &&
    row.active_contacts === d.active_contacts &&
    sameJson(row.coverage_flags, d.coverage_flags) &&
    row.attractiveness === d.attractiveness &&
    row.strength === d.strength &&
    row.quadrant_computed === d.quadrant_computed &&
    row.quadrant === d.quadrant &&
    sameJson(row.quadrant_factors, d.quadrant_factors);
  if (unchanged) return false;
  await accountsRepo.setDerived(trx, row.id, d);
  const actorId = actor && actor.via !== 'system' ? actor.userId : null;
  const change = (field: string, from: string | null, to: string | null, key: SystemReasonKey = reasonKey) => ({ accountId: row.id, field, from, to, reason: SYSTEM_REASONS[key], reasonKey: key, actorId });
  const changes = [];
  // the automatic move has its own reason whatever triggered the recompute
  if (row.lifecycle !== d.lifecycle) changes.push(change('lifecycle', row.lifecycle, d.lifecycle, 'autoActivate'));
  if (row.tier !== d.tier) changes.push(change('tier', row.tier, d.tier));
  const before = categoriesText(row);
  const after = categoriesText({ ...row, cat_premium: d.cat_premium, cat_group: d.cat_group });
  if (before !== after) changes.push(change('categories', before, after));
  // a new account had no quadrant before this first computation, whatever the column default says
  if (row.quadrant !== d.quadrant || reasonKey === 'created') changes.push(change('quadrant', reasonKey === 'created' ? null : row.quadrant, d.quadrant));
  await accountsRepo.insertChanges(trx, changes);
  return true;
}

/** What a new row holds before its first classification (the table's defaults). */
const UNCLASSIFIED = {
  tier: 'smb',
  cat_premium: false,
  cat_high_value: false,
  cat_group: false,
  cat_strategic: false,
  vip: false,
  parent_id: null,
  credit_standing: null,
  completeness: 0,
  quadrant_override: null,
};
const EMPTY_PROFILE = Object.fromEntries(Object.values(PROFILE_COLUMNS).map((column) => [column, null]));
const NOTHING_YET: DeriveInput = { revenue: new Map(), childCount: 0, teamSize: 0, contacts: [], requalifiedYear: null };

/**
 * The derived fields of accounts about to be inserted in bulk (no revenue, subsidiaries, team or
 * contacts yet), ready to insert, with the history their first classification records — what a
 * refresh right after the insert would write, without updating every new row a second time.
 */
export async function classifyNew(trx: Executor, rows: readonly Insertable<AccountTable>[], tz: string) {
  const s = await loadSettings(trx);
  const clock = clockOf(tz);
  const why = { reason: SYSTEM_REASONS.created, reasonKey: 'created' as const };
  return rows.map((v) => {
    // every profile column the insert leaves out is null, as the stored row will have it
    const row = { ...EMPTY_PROFILE, ...UNCLASSIFIED, ...v } as unknown as Row;
    const d = derive(row, NOTHING_YET, s, clock);
    const changes: { field: string; from: string | null; to: string; reason: string; reasonKey: SystemReasonKey }[] = [];
    if (row.tier !== d.tier) changes.push({ field: 'tier', from: row.tier, to: d.tier, ...why });
    const before = categoriesText(row);
    const after = categoriesText({ ...row, cat_premium: d.cat_premium, cat_group: d.cat_group });
    if (before !== after) changes.push({ field: 'categories', from: before, to: after, ...why });
    changes.push({ field: 'quadrant', from: null, to: d.quadrant, ...why });
    return { derived: { ...d, coverage_flags: JSON.stringify(d.coverage_flags), quadrant_factors: JSON.stringify(d.quadrant_factors) }, changes };
  });
}

/**
 * The derived fields of many accounts recomputed in the caller's transaction (after an import
 * wrote them in bulk, and nightly), read a batch at a time. Returns how many changed.
 */
export async function refreshDerivedMany(trx: Executor, ids: readonly number[], actor: Actor | null, reason: SystemReasonKey, tz: string, now = new Date()): Promise<number> {
  if (!ids.length) return 0;
  const s = await loadSettings(trx);
  const clock = clockOf(tz, now);
  let changed = 0;
  for (let i = 0; i < ids.length; i += RECOMPUTE_BATCH) {
    for (const row of await accountsRepo.rowsForRecompute(trx, ids.slice(i, i + RECOMPUTE_BATCH))) {
      if (await applyDerived(trx, row, derive(row, deriveInput(row, clock.tz), s, clock), actor, reason)) changed++;
    }
  }
  return changed;
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

export async function changeLifecycle(db: Kdb, actor: Actor, id: number, input: z.infer<typeof lifecycleChange>, tz: string) {
  await withAccount(db, actor, id, 'account:update', input.version, 'lifecycle', async (trx, before) => {
    const from = before.lifecycle as LifecycleStage;
    if (!canMoveLifecycle(from, input.to)) {
      throw new AppError('INVALID_STATE', `Cannot move from ${from} to ${input.to}`, { path: 'to', from, to: input.to }, { key: 'accounts.lifecycleNotAllowed', params: { from, to: input.to } });
    }
    await accountsRepo.update(trx, id, input.version, { lifecycle: input.to });
    await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'lifecycle', from, to: input.to, reason: input.reason, reasonKey: null, actorId: actor.userId }]);
    await refreshDerived(trx, id, actor, 'lifecycleChange', await loadSettings(trx), clockOf(tz));
  }, { reason: input.reason });
}

export async function changeGrade(db: Kdb, actor: Actor, id: number, input: z.infer<typeof gradeChange>) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'grade', async (trx, before) => {
    await accountsRepo.update(trx, id, input.version, { grade: input.grade });
    if (before.grade !== input.grade) await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'grade', from: before.grade, to: input.grade, reason: input.reason, reasonKey: null, actorId: actor.userId }]);
  }, { reason: input.reason });
}

/**
 * For the pipeline: a development project's value assessment grades its account (PIPE-3). In the
 * caller's transaction; a new grade bumps the account's version, is recorded in the change
 * history with reason key 'assessment' and audited. Returns whether the grade changed.
 */
export async function gradeFromAssessment(trx: Executor, actor: Actor, accountId: number, grade: string, data?: Record<string, unknown>): Promise<boolean> {
  const before = await accountsRepo.findForUpdate(trx, accountId, trueExpr);
  if (!before || before.grade === grade) return false;
  await accountsRepo.update(trx, accountId, before.version, { grade });
  await accountsRepo.insertChanges(trx, [{ accountId, field: 'grade', from: before.grade, to: grade, reason: SYSTEM_REASONS.assessment, reasonKey: 'assessment', actorId: actor.userId }]);
  const after = await accountsRepo.findForUpdate(trx, accountId, trueExpr);
  await audit(trx, actor, { entity: 'account', entityId: accountId, action: 'grade', before, after, data: { reasonKey: 'assessment', ...data } });
  return true;
}

export async function changeCategories(db: Kdb, actor: Actor, id: number, input: z.infer<typeof categoriesChange>, tz: string) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'categories', async (trx, before) => {
    const next = { ...before, cat_strategic: input.strategic ?? before.cat_strategic, cat_high_value: input.highValue ?? before.cat_high_value };
    await accountsRepo.update(trx, id, input.version, { cat_strategic: next.cat_strategic, cat_high_value: next.cat_high_value });
    const from = categoriesText(before);
    const to = categoriesText(next);
    if (from !== to) await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'categories', from, to, reason: input.reason, reasonKey: null, actorId: actor.userId }]);
    await refreshDerived(trx, id, actor, 'categoriesChange', await loadSettings(trx), clockOf(tz));
  }, { reason: input.reason });
}

/** ACC-4: the stored quadrant of an account with the breakdown and the policy of its quadrant. */
export async function getQuadrant(db: Kdb, actor: Actor, id: number) {
  const row = await accountsRepo.find(db, id, accountScope(actor, 'account:read'));
  if (!row) throw notFound();
  const [settings, overrideBy] = await Promise.all([loadSettings(db), row.quadrant_override_by ? accountsRepo.user(db, row.quadrant_override_by) : Promise.resolve(undefined)]);
  return { row, quadrantSettings: settings.quadrant, overrideByName: overrideBy?.name ?? null };
}
export type QuadrantData = Awaited<ReturnType<typeof getQuadrant>>;

/** The director sets the quadrant by hand (kept until cleared) or clears it; either way with a reason in the history. */
export async function overrideQuadrant(db: Kdb, actor: Actor, id: number, input: z.infer<typeof quadrantOverride>) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'quadrant', async (trx, before) => {
    if (input.quadrant === null && before.quadrant_override === null) {
      throw validationError([issue('quadrant', 'accounts.quadrantNoOverride', 'The quadrant is not set by hand; there is nothing to clear')]);
    }
    const set = input.quadrant !== null;
    await accountsRepo.update(trx, id, input.version, {
      quadrant_override: input.quadrant,
      quadrant_override_reason: set ? input.reason : null,
      quadrant_override_by: set ? actor.userId : null,
      quadrant_override_at: set ? new Date() : null,
      quadrant: input.quadrant ?? before.quadrant_computed,
    });
    const to = input.quadrant ?? before.quadrant_computed;
    await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'quadrant', from: before.quadrant, to, reason: input.reason, reasonKey: null, actorId: actor.userId }]);
  }, { reason: input.reason, quadrant: input.quadrant });
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
    if (before.owner_id !== owner.id) changes.push({ accountId: id, field: 'owner', from: String(before.owner_id), to: String(owner.id), reason: input.reason, reasonKey: null, actorId: actor.userId });
    if (before.unit_id !== unitId) changes.push({ accountId: id, field: 'unit', from: String(before.unit_id), to: String(unitId), reason: input.reason, reasonKey: null, actorId: actor.userId });
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
    await refreshDerived(trx, id, actor, 'teamUpdate', await loadSettings(trx), clockOf(tz));
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
    await refreshDerived(trx, id, actor, 'revenueUpdate', await loadSettings(trx), clockOf(tz));
  }, { rows: input.rows });
}

// ---------------------------------------------------------------- settings and the nightly job

export async function getSettings(db: Kdb) {
  return loadSettings(db);
}

/** Saves the settings (quadrant and lifecycle kept when left out); `afterSave` (same transaction) queues the recompute. */
export async function putSettings(db: Kdb, actor: Actor, input: z.infer<typeof accountSettingsInput>, afterSave: (trx: Executor) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx);
    const after = {
      classification: input.classification,
      completeness: readCompletenessSettings(input.completeness),
      quadrant: input.quadrant ?? before.quadrant,
      lifecycle: input.lifecycle ?? before.lifecycle,
    };
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.classification, after.classification);
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.completeness, input.completeness);
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.quadrant, after.quadrant);
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.lifecycle, after.lifecycle);
    await audit(trx, actor, { entity: 'setting', entityId: 'accounts', action: 'update', before, after });
    await afterSave(trx);
  });
  return getSettings(db);
}

const RECOMPUTE_BATCH = 500;

/**
 * Recomputes every derived field of every account (see `derive`), a batch per transaction:
 * nightly, because coverage ("gone cold"), the tier window and the automatic lifecycle move
 * depend on the date; after a settings change; and once after an upgrade.
 */
export async function recomputeAll(db: Kdb, tz: string, now = new Date(), reason: SystemReasonKey = 'nightly'): Promise<{ scanned: number; changed: number }> {
  let after = 0;
  let scanned = 0;
  let changed = 0;
  for (;;) {
    const ids = await accountsRepo.idsAfter(db, after, RECOMPUTE_BATCH);
    if (!ids.length) break;
    changed += await db.transaction().execute((trx) => refreshDerivedMany(trx, ids, null, reason, tz, now));
    scanned += ids.length;
    after = ids[ids.length - 1];
    if (ids.length < RECOMPUTE_BATCH) break;
  }
  return { scanned, changed };
}
