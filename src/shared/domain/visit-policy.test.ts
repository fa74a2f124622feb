import { describe, expect, it } from 'vitest';
import { DEFAULT_VISIT_POLICY, daysSince, isOverdue, overdueSince, readVisitPolicy, visitFrequency, visitRequirement } from './visit-policy';

const s = { tiers: { heavy: 14, large: 30, smb: 90 }, grades: { A: 7, B: 30, C: 60, D: null }, byQuadrant: false };
const quadrantDays = { star: 10, question: 14, cash_cow: 30, dog: 90 };

describe('visit policy', () => {
  it('takes the stricter of tier and grade', () => {
    expect(visitFrequency(s, { tier: 'heavy', grade: 'A' })).toBe(7);
    expect(visitFrequency(s, { tier: 'heavy', grade: 'C' })).toBe(14);
    expect(visitFrequency(s, { tier: 'smb', grade: 'B' })).toBe(30);
  });
  it('uses the tier alone when there is no grade or the grade asks nothing', () => {
    expect(visitFrequency(s, { tier: 'large', grade: null })).toBe(30);
    expect(visitFrequency(s, { tier: 'smb', grade: 'D' })).toBe(90);
  });
  it('takes the quadrant’s interval into account when the policy says so, and names the rule that set it', () => {
    const q = { ...s, byQuadrant: true };
    expect(visitRequirement(q, { tier: 'large', grade: 'B', quadrant: 'star' }, quadrantDays)).toEqual({ days: 10, source: 'quadrant' });
    expect(visitRequirement(q, { tier: 'heavy', grade: 'A', quadrant: 'star' }, quadrantDays)).toEqual({ days: 7, source: 'grade' });
    expect(visitRequirement(q, { tier: 'heavy', grade: null, quadrant: 'dog' }, quadrantDays)).toEqual({ days: 14, source: 'tier' });
    // off: the quadrant is ignored
    expect(visitRequirement(s, { tier: 'large', grade: 'B', quadrant: 'star' }, quadrantDays)).toEqual({ days: 30, source: 'tier' });
    // the quadrant alone can ask for visits
    expect(visitFrequency({ ...q, tiers: { ...s.tiers, smb: null } }, { tier: 'smb', grade: 'D', quadrant: 'question' }, quadrantDays)).toBe(14);
  });
  it('is null when neither asks for visits', () => {
    expect(visitFrequency({ ...s, tiers: { ...s.tiers, smb: null } }, { tier: 'smb', grade: 'D' })).toBeNull();
  });
  it('is overdue once the frequency has passed since the last visit, else since creation', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const last = new Date('2026-03-01T00:00:00Z');
    expect(overdueSince(14, last, created).toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(isOverdue(14, last, created, new Date('2026-03-14T23:59:59Z'))).toBe(false);
    expect(isOverdue(14, last, created, new Date('2026-03-15T00:00:00Z'))).toBe(true);
    expect(isOverdue(14, null, created, new Date('2026-01-16T00:00:00Z'))).toBe(true);
    expect(isOverdue(null, null, created, new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(daysSince(last, created, new Date('2026-03-20T12:00:00Z'))).toBe(19);
  });
  it('reads stored settings over the defaults, refusing nonsense', () => {
    expect(readVisitPolicy(undefined)).toEqual(DEFAULT_VISIT_POLICY);
    const r = readVisitPolicy({ tiers: { heavy: 10, large: -1 }, grades: { A: null, B: 'x' } });
    expect(r.tiers).toEqual({ heavy: 10, large: 30, smb: 90 });
    expect(r.grades).toEqual({ A: null, B: 30, C: 60, D: null });
    expect(r.byQuadrant).toBe(true);
    expect(readVisitPolicy({ byQuadrant: false }).byQuadrant).toBe(false);
    expect(readVisitPolicy({ byQuadrant: 'no' }).byQuadrant).toBe(true);
  });
});
