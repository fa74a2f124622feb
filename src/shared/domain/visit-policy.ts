/**
 * Visit policy (issue 5 item 2): how often an account must be visited, in days, by its tier,
 * by its grade and — when `byQuadrant` is on — by its portfolio quadrant, whose visit interval is
 * kept with the quadrant's service policy (ACC-4 settings, one place for it). An account's
 * frequency is the strictest (smallest) of those that ask.
 */
export const POLICY_TIERS = ['heavy', 'large', 'smb'] as const;
export const POLICY_GRADES = ['A', 'B', 'C', 'D'] as const;
export type PolicyTier = (typeof POLICY_TIERS)[number];
export type PolicyGrade = (typeof POLICY_GRADES)[number];

/** null: no requirement for that tier / grade */
export interface VisitPolicySettings {
  tiers: Record<PolicyTier, number | null>;
  grades: Record<PolicyGrade, number | null>;
  /** whether the quadrant's visit interval (明星/问题/金牛/瘦狗 service policy) also applies */
  byQuadrant: boolean;
}

export const DEFAULT_VISIT_POLICY: VisitPolicySettings = {
  tiers: { heavy: 14, large: 30, smb: 90 },
  grades: { A: 14, B: 30, C: 60, D: null },
  byQuadrant: true,
};

/** Which rule set an account's frequency: the strictest of tier, grade and quadrant. */
export type FrequencySource = 'tier' | 'grade' | 'quadrant';

/**
 * The frequency in days for an account and which rule set it, or null when none asks for visits.
 * `quadrantDays` are the visit intervals of the quadrant policies; used when `byQuadrant` is on.
 */
export function visitRequirement(
  s: VisitPolicySettings,
  account: { tier: string; grade: string | null; quadrant?: string | null },
  quadrantDays: Partial<Record<string, number>> = {},
): { days: number; source: FrequencySource } | null {
  const candidates: [FrequencySource, number | null | undefined][] = [
    ['tier', (s.tiers as Record<string, number | null>)[account.tier]],
    ['grade', account.grade ? (s.grades as Record<string, number | null>)[account.grade] : null],
    ['quadrant', s.byQuadrant && account.quadrant ? quadrantDays[account.quadrant] : null],
  ];
  let best: { days: number; source: FrequencySource } | null = null;
  for (const [source, days] of candidates) if (typeof days === 'number' && days > 0 && (!best || days < best.days)) best = { days, source };
  return best;
}

/** The frequency in days for an account, or null when no rule asks for visits. */
export function visitFrequency(s: VisitPolicySettings, account: { tier: string; grade: string | null; quadrant?: string | null }, quadrantDays: Partial<Record<string, number>> = {}): number | null {
  return visitRequirement(s, account, quadrantDays)?.days ?? null;
}

const DAY = 86_400_000;

/**
 * When the account became overdue: the last visit (or, never visited, the account's creation)
 * plus the frequency. Overdue when that moment has passed.
 */
export function overdueSince(frequencyDays: number, lastVisitAt: Date | null, createdAt: Date): Date {
  return new Date((lastVisitAt ?? createdAt).getTime() + frequencyDays * DAY);
}

export function isOverdue(frequencyDays: number | null, lastVisitAt: Date | null, createdAt: Date, now: Date): boolean {
  return frequencyDays !== null && overdueSince(frequencyDays, lastVisitAt, createdAt).getTime() <= now.getTime();
}

/** Whole days since the last visit (or since creation when never visited). */
export function daysSince(lastVisitAt: Date | null, createdAt: Date, now: Date): number {
  return Math.floor((now.getTime() - (lastVisitAt ?? createdAt).getTime()) / DAY);
}

/** Reads stored settings, keeping defaults for anything missing or malformed. */
export function readVisitPolicy(stored: unknown): VisitPolicySettings {
  const v = (stored ?? {}) as { tiers?: Record<string, unknown>; grades?: Record<string, unknown>; byQuadrant?: unknown };
  const num = (x: unknown, d: number | null) => (x === null ? null : typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : d);
  return {
    tiers: Object.fromEntries(POLICY_TIERS.map((k) => [k, num(v.tiers?.[k], DEFAULT_VISIT_POLICY.tiers[k])])) as VisitPolicySettings['tiers'],
    grades: Object.fromEntries(POLICY_GRADES.map((k) => [k, num(v.grades?.[k], DEFAULT_VISIT_POLICY.grades[k])])) as VisitPolicySettings['grades'],
    byQuadrant: typeof v.byQuadrant === 'boolean' ? v.byQuadrant : DEFAULT_VISIT_POLICY.byQuadrant,
  };
}
