/**
 * Visit policy (issue 5 item 2): how often an account must be visited, in days, by its tier
 * and by its grade; an account's frequency is the stricter (smaller) of the two.
 */
export const POLICY_TIERS = ['heavy', 'large', 'smb'] as const;
export const POLICY_GRADES = ['A', 'B', 'C', 'D'] as const;
export type PolicyTier = (typeof POLICY_TIERS)[number];
export type PolicyGrade = (typeof POLICY_GRADES)[number];

/** null: no requirement for that tier / grade */
export interface VisitPolicySettings {
  tiers: Record<PolicyTier, number | null>;
  grades: Record<PolicyGrade, number | null>;
}

export const DEFAULT_VISIT_POLICY: VisitPolicySettings = {
  tiers: { heavy: 14, large: 30, smb: 90 },
  grades: { A: 14, B: 30, C: 60, D: null },
};

/** The frequency in days for an account, or null when neither tier nor grade asks for visits. */
export function visitFrequency(s: VisitPolicySettings, account: { tier: string; grade: string | null }): number | null {
  const byTier = (s.tiers as Record<string, number | null>)[account.tier] ?? null;
  const byGrade = account.grade ? ((s.grades as Record<string, number | null>)[account.grade] ?? null) : null;
  const both = [byTier, byGrade].filter((n): n is number => n !== null && n > 0);
  return both.length ? Math.min(...both) : null;
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
  const v = (stored ?? {}) as { tiers?: Record<string, unknown>; grades?: Record<string, unknown> };
  const num = (x: unknown, d: number | null) => (x === null ? null : typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : d);
  return {
    tiers: Object.fromEntries(POLICY_TIERS.map((k) => [k, num(v.tiers?.[k], DEFAULT_VISIT_POLICY.tiers[k])])) as VisitPolicySettings['tiers'],
    grades: Object.fromEntries(POLICY_GRADES.map((k) => [k, num(v.grades?.[k], DEFAULT_VISIT_POLICY.grades[k])])) as VisitPolicySettings['grades'],
  };
}
