/**
 * Relationship coverage (REL-5): which roles, layers and people an account's contacts cover, the
 * flags for what is missing and the score. The contacts room computes it for its lists; the account's
 * stored coverage and portfolio quadrant are derived from it.
 */
import {
  COVERAGE_FLAGS,
  COVERAGE_WEIGHTS,
  DEFAULT_COLD_DAYS,
  type BuyingRole,
  type ContactLayer,
  type CoverageFlagCode,
  type RelationshipStage,
} from '../contracts/contacts';

/** What the coverage rules need to know about one contact. */
export interface CoverageContact {
  id: number;
  status: 'active' | 'left';
  buyingRole: BuyingRole | null;
  guide: boolean;
  insider: boolean;
  keyPerson: boolean;
  decider: boolean;
  layer: ContactLayer | null;
  support: number;
  closeness: number;
  influence: number | null;
  stage: RelationshipStage;
  competitorLeaning: string | null;
  lastContactAt: Date | null;
  createdAt: Date;
}

export interface CoverageOptions {
  now: Date;
  coldDays?: Record<RelationshipStage, number>;
}

export interface CoverageResult {
  score: number;
  flags: { code: CoverageFlagCode; contactIds: number[] }[];
}

const DAY_MS = 86_400_000;

const isDecisionMaker = (c: CoverageContact) => c.buyingRole === 'decision_maker' || c.decider;

/**
 * Coverage gaps of one account (REL-5). Only active contacts count: someone who left no longer
 * opens doors. Each raised flag lists the contacts it is about (empty when the gap is that
 * nobody fits). The score starts at 100 and loses each raised flag's weight (COVERAGE_WEIGHTS,
 * summing to 100). An account with no contacts scores 35: the gaps that need a person to exist
 * (opponent, cold, competitor) cannot be raised.
 */
export function coverageOf(all: readonly CoverageContact[], opts: CoverageOptions): CoverageResult {
  const cold = opts.coldDays ?? DEFAULT_COLD_DAYS;
  const active = all.filter((c) => c.status === 'active');
  const raised = new Map<CoverageFlagCode, number[]>();

  if (!active.some(isDecisionMaker)) raised.set('no_decision_maker', []);
  if (active.length <= 1) raised.set('single_threaded', active.map((c) => c.id));
  if (!active.some((c) => c.insider || c.guide)) raised.set('no_insider', []);

  // an opponent of influence ≥ 4 — or anywhere in the decision layer, influence entered or not: that layer decides (seed 003 §3.3.3 三.3)
  const opponents = active.filter((c) => c.support <= -1 && ((c.influence ?? 0) >= 4 || c.layer === 'decision'));
  if (opponents.length) raised.set('influential_opponent', opponents.map((c) => c.id));

  const decisionLayer = active.filter((c) => c.layer === 'decision');
  if (!decisionLayer.some((c) => c.closeness >= 3)) raised.set('decision_layer_uncovered', decisionLayer.map((c) => c.id));

  // A contact never touched counts from when we recorded them, so a new entry is not cold at once.
  const coldOnes = active.filter((c) => {
    const since = (c.lastContactAt ?? c.createdAt).getTime();
    return opts.now.getTime() - since > cold[c.stage] * DAY_MS;
  });
  if (coldOnes.length) raised.set('gone_cold', coldOnes.map((c) => c.id));

  const courted = active.filter((c) => (isDecisionMaker(c) || c.keyPerson) && c.competitorLeaning !== null && c.competitorLeaning.trim() !== '');
  if (courted.length) raised.set('competitor_closer', courted.map((c) => c.id));

  const flags = COVERAGE_FLAGS.filter((code) => raised.has(code)).map((code) => ({ code, contactIds: raised.get(code) ?? [] }));
  const score = Math.max(0, 100 - flags.reduce((sum, f) => sum + COVERAGE_WEIGHTS[f.code], 0));
  return { score, flags };
}

/** The coverage columns of a stored contact (contactsRepo.coverageRows). */
export interface CoverageRow {
  id: number;
  account_id: number;
  status: string;
  buying_role: string | null;
  is_guide: boolean;
  is_insider: boolean;
  is_key_person: boolean;
  is_decider: boolean;
  layer: string | null;
  support: number;
  closeness: number;
  influence: number | null;
  stage: string;
  competitor_leaning: string | null;
  last_contact_at: Date | string | null;
  created_at: Date | string;
}

export const toCoverageContact = (r: CoverageRow): CoverageContact => ({
  id: r.id,
  status: r.status as CoverageContact['status'],
  buyingRole: r.buying_role as BuyingRole | null,
  guide: r.is_guide,
  insider: r.is_insider,
  keyPerson: r.is_key_person,
  decider: r.is_decider,
  layer: r.layer as ContactLayer | null,
  support: r.support,
  closeness: r.closeness,
  influence: r.influence,
  stage: r.stage as RelationshipStage,
  competitorLeaning: r.competitor_leaning,
  lastContactAt: r.last_contact_at === null ? null : new Date(r.last_contact_at),
  createdAt: new Date(r.created_at),
});

/** Stored contact rows grouped by account (every listed account gets an entry, maybe empty). */
export function contactsByAccount(rows: readonly CoverageRow[], accountIds: readonly number[]): Map<number, CoverageContact[]> {
  const byAccount = new Map<number, CoverageContact[]>(accountIds.map((id) => [id, []]));
  for (const r of rows) byAccount.get(r.account_id)?.push(toCoverageContact(r));
  return byAccount;
}

/** Decision makers and key people still at the account: whose stance the portfolio strength reads. */
export function decisionPeopleOf(contacts: readonly CoverageContact[]): CoverageContact[] {
  return contacts.filter((c) => c.status === 'active' && (isDecisionMaker(c) || c.keyPerson));
}
