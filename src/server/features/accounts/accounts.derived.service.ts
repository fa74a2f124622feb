import type { Executor, Kdb } from '../../db/client';
import type { AccountTable } from '../../db/schema';
import type { Insertable } from 'kysely';
import { businessDate, localDate } from '../../../shared/domain/business-time';
import type { CompletenessField, CreditStanding, LifecycleStage, SystemReasonKey } from '../../../shared/contracts/accounts';
import type { Quadrant } from '../../../shared/contracts/quadrant';
import type { Actor } from '../../platform/actor';
import { accountsRepo, type DerivedValues } from './accounts.repo';
import { coverageOf, decisionPeopleOf, toCoverageContact, type CoverageContact, type CoverageRow } from '../../../shared/domain/coverage';
import { quadrantOf } from './quadrant.rules';
import { autoLifecycle, categoriesOf, categoryList, completenessOf, tierOf, tierWindowOf } from './accounts.rules';
import { PROFILE_COLUMNS, SYSTEM_REASONS } from './accounts.fields';
import { loadSettings, type Settings } from './accounts.settings.service';
import { healthChanged } from '../health';

type Row = Awaited<ReturnType<typeof accountsRepo.findForUpdate>> & object;
type RecomputeManyRow = Awaited<ReturnType<typeof accountsRepo.rowsForRecomputeMany>>[number];

/** The calendar year in the business time zone: the tier window is counted in business years. */
export function businessYear(tz: string, now = new Date()): number {
  return localDate(now, tz).year;
}

/** Completeness input of a stored row; `team` is the number of service-team members. */
export function completenessInput(row: Row, teamSize: number): Partial<Record<CompletenessField, unknown>> {
  const out: Partial<Record<CompletenessField, unknown>> = { team: teamSize > 0 ? teamSize : null };
  for (const [field, column] of Object.entries(PROFILE_COLUMNS)) out[field as CompletenessField] = row[column];
  return out;
}

/** Business time of a recompute: the zone, the moment (coverage "gone cold") and the business year and month (the tier window). */
interface Clock {
  tz: string;
  now: Date;
  year: number;
  month0: number;
  /** the business date, 'YYYY-MM-DD' (how long an instalment is overdue) */
  today: string;
}
export function clockOf(tz: string, now = new Date()): Clock {
  const { year, month0 } = localDate(now, tz);
  return { tz, now, year, month0, today: businessDate(now, tz) };
}

export const categoriesText = (r: Pick<Row, 'cat_premium' | 'cat_high_value' | 'cat_group' | 'cat_strategic'>) =>
  categoryList({ premium: r.cat_premium, high_value: r.cat_high_value, group: r.cat_group, strategic: r.cat_strategic }).join(',');

/** What a recompute reads besides the row itself. */
interface DeriveInput {
  revenue: Map<number, number>;
  childCount: number;
  teamSize: number;
  contacts: CoverageContact[];
  requalifiedYear: number | null;
  /** the largest signed sales contract and the longest overdue instalment (高价值, decision 014) */
  largestContract: number;
  maxOverdueDays: number;
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
      highValueOverride: row.high_value_override,
      largestContract: i.largestContract,
      maxOverdueDays: i.maxOverdueDays,
    },
    s.classification,
  );
  const tierWindow = tierWindowOf(s.classification, clock);
  const tier = tierOf({ vip: row.vip, revenueByYear: i.revenue, window: tierWindow }, s.classification);
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
      window: tierWindow,
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
    cat_high_value: cats.high_value,
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

/** What `derive` reads besides the row, from the extra columns of `rowsForRecomputeMany`. */
function deriveInput(row: RecomputeManyRow, tz: string): DeriveInput {
  return {
    revenue: new Map(row.revenue.map((r) => [Number(r.year), Number(r.amount)])),
    childCount: Number(row.child_count),
    teamSize: Number(row.team_size),
    contacts: (row.contact_rows as unknown as CoverageRow[]).map(toCoverageContact),
    requalifiedYear: row.requalified_at ? businessYear(tz, new Date(row.requalified_at)) : null,
    largestContract: Number(row.largest_contract),
    maxOverdueDays: Number(row.max_overdue_days),
  };
}

/**
 * Brings one account's derived fields up to date inside the caller's transaction and records
 * changes of tier, categories, quadrant and automatic lifecycle moves with the reason. Returns
 * whether anything changed.
 */
export async function refreshDerived(trx: Executor, id: number, actor: Actor | null, reason: SystemReasonKey, s: Settings, clock: Clock): Promise<boolean> {
  const [row] = await accountsRepo.rowsForRecomputeMany(trx, [id], clock.today);
  if (!row) return false;
  return applyDerived(trx, row, derive(row, deriveInput(row, clock.tz), s, clock), actor, reason);
}

/**
 * For other rooms whose writes feed an account's derived fields (contacts → coverage and
 * quadrant): recomputes it in the caller's transaction.
 */
export async function refreshAccount(trx: Executor, accountId: number, actor: Actor, reason: SystemReasonKey, tz: string): Promise<void> {
  await refreshDerived(trx, accountId, actor, reason, await loadSettings(trx), clockOf(tz));
  // what feeds the derived fields (key people, coverage) feeds the health score too
  await healthChanged(trx, [accountId]);
}

/**
 * For the contracts and collections rooms (decision 014): after a contract is signed, ends or is
 * voided, or an instalment's payment changes, the accounts' `signed` revenue rows are summed again
 * from the contracts and their derived fields (tier, 高价值 and the rest) recomputed, in the caller's
 * transaction.
 */
export async function syncContractFigures(trx: Executor, accountIds: readonly number[], actor: Actor, tz: string): Promise<void> {
  const ids = [...new Set(accountIds)].sort((a, b) => a - b);
  if (!ids.length) return;
  await accountsRepo.syncSignedRevenue(trx, ids);
  const s = await loadSettings(trx);
  const clock = clockOf(tz);
  for (const id of ids) await refreshDerived(trx, id, actor, 'contracts', s, clock);
  // revenue and receivables are health signals
  await healthChanged(trx, ids);
}

/** The same for the accounts of some contracts (the collections room knows contracts and instalments, not accounts). */
export async function syncContractFiguresFor(trx: Executor, contractIds: readonly number[], actor: Actor, tz: string): Promise<void> {
  if (!contractIds.length) return;
  await syncContractFigures(trx, await accountsRepo.accountsOfContracts(trx, [...new Set(contractIds)]), actor, tz);
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

type ChangeRow = Parameters<typeof accountsRepo.insertChanges>[1][number];

/**
 * The history lines a recompute writes for a row (tier, categories, quadrant, automatic lifecycle move),
 * or null when no derived field changed at all.
 */
function derivedChanges(row: Row, d: DerivedValues, actor: Actor | null, reasonKey: SystemReasonKey): ChangeRow[] | null {
  const unchanged =
    row.lifecycle === d.lifecycle &&
    row.tier === d.tier &&
    row.cat_premium === d.cat_premium &&
    row.cat_high_value === d.cat_high_value &&
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
  if (unchanged) return null;
  const actorId = actor && actor.via !== 'system' ? actor.userId : null;
  const change = (field: string, from: string | null, to: string | null, key: SystemReasonKey = reasonKey): ChangeRow => ({ accountId: row.id, field, from, to, reason: SYSTEM_REASONS[key], reasonKey: key, actorId });
  const changes: ChangeRow[] = [];
  // the automatic move has its own reason whatever triggered the recompute
  if (row.lifecycle !== d.lifecycle) changes.push(change('lifecycle', row.lifecycle, d.lifecycle, 'autoActivate'));
  if (row.tier !== d.tier) changes.push(change('tier', row.tier, d.tier));
  const before = categoriesText(row);
  const after = categoriesText({ ...row, cat_premium: d.cat_premium, cat_high_value: d.cat_high_value, cat_group: d.cat_group });
  if (before !== after) changes.push(change('categories', before, after));
  // a new account had no quadrant before this first computation, whatever the column default says
  if (row.quadrant !== d.quadrant || reasonKey === 'created') changes.push(change('quadrant', reasonKey === 'created' ? null : row.quadrant, d.quadrant));
  return changes;
}

async function applyDerived(trx: Executor, row: Row, d: DerivedValues, actor: Actor | null, reasonKey: SystemReasonKey): Promise<boolean> {
  const changes = derivedChanges(row, d, actor, reasonKey);
  if (!changes) return false;
  await accountsRepo.setDerived(trx, row.id, d);
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
const NOTHING_YET: DeriveInput = { revenue: new Map(), childCount: 0, teamSize: 0, contacts: [], requalifiedYear: null, largestContract: 0, maxOverdueDays: 0 };

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
    const after = categoriesText({ ...row, cat_premium: d.cat_premium, cat_high_value: d.cat_high_value, cat_group: d.cat_group });
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
    const rows = await accountsRepo.rowsForRecomputeMany(trx, ids.slice(i, i + RECOMPUTE_BATCH), clock.today);
    const writes: ({ id: number } & DerivedValues)[] = [];
    const changes: ChangeRow[] = [];
    for (const row of rows) {
      const d = derive(row, deriveInput(row, clock.tz), s, clock);
      const c = derivedChanges(row, d, actor, reason);
      if (!c) continue;
      writes.push({ id: row.id, ...d });
      changes.push(...c);
    }
    // one statement for the batch's rows, the change history in slices (bind parameters stay few)
    await accountsRepo.setDerivedMany(trx, writes);
    for (let k = 0; k < changes.length; k += 2000) await accountsRepo.insertChanges(trx, changes.slice(k, k + 2000));
    changed += writes.length;
  }
  return changed;
}

const RECOMPUTE_BATCH = 2000;

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
