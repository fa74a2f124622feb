import { describe, expect, it } from 'vitest';
import { COVERAGE_WEIGHTS } from '../contracts/contacts';
import { coverageOf, type CoverageContact } from './coverage';

const now = new Date('2026-06-30T00:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

let nextId = 1;
function contact(over: Partial<CoverageContact> = {}): CoverageContact {
  return {
    id: nextId++,
    status: 'active',
    buyingRole: null,
    guide: false,
    insider: false,
    keyPerson: false,
    decider: false,
    layer: null,
    support: 0,
    closeness: 1,
    influence: null,
    stage: 'acquainted',
    competitorLeaning: null,
    lastContactAt: daysAgo(1),
    createdAt: daysAgo(100),
    ...over,
  };
}

/** A well covered account: decision maker close in the decision layer, an insider, fresh contact. */
function covered(): CoverageContact[] {
  return [
    contact({ buyingRole: 'decision_maker', layer: 'decision', closeness: 4, support: 1, influence: 5, stage: 'trusting' }),
    contact({ insider: true, layer: 'operation', buyingRole: 'user' }),
  ];
}
const codes = (cs: CoverageContact[]) => coverageOf(cs, { now }).flags.map((f) => f.code);
const flag = (cs: CoverageContact[], code: string) => coverageOf(cs, { now }).flags.find((f) => f.code === code);

describe('coverageOf', () => {
  it('raises nothing and scores 100 for a well covered account', () => {
    expect(coverageOf(covered(), { now })).toEqual({ score: 100, flags: [] });
  });

  it('weights sum to 100 so an account failing everything scores 0', () => {
    expect(Object.values(COVERAGE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const lone = contact({ support: -2, influence: 5, layer: 'decision', keyPerson: true, competitorLeaning: 'A 公司', lastContactAt: daysAgo(200) });
    const r = coverageOf([lone], { now });
    expect(r.flags.map((f) => f.code).sort()).toEqual(Object.keys(COVERAGE_WEIGHTS).sort());
    expect(r.score).toBe(0);
  });

  it('no decision maker: neither buying role nor decider flag; the decider flag alone is enough', () => {
    const cs = covered();
    cs[0].buyingRole = 'influencer';
    expect(flag(cs, 'no_decision_maker')).toEqual({ code: 'no_decision_maker', contactIds: [] });
    cs[0].decider = true;
    expect(codes(cs)).not.toContain('no_decision_maker');
  });

  it('a decision maker who left does not count', () => {
    const cs = covered();
    cs[0].status = 'left';
    expect(codes(cs)).toContain('no_decision_maker');
  });

  it('single-threaded with one active contact, naming them; zero contacts too', () => {
    const cs = covered();
    cs[1].status = 'left';
    expect(flag(cs, 'single_threaded')).toEqual({ code: 'single_threaded', contactIds: [cs[0].id] });
    expect(codes([])).toContain('single_threaded');
    expect(codes(covered())).not.toContain('single_threaded');
  });

  it('no insider: a guide also counts as a coach', () => {
    const cs = covered();
    cs[1].insider = false;
    expect(codes(cs)).toContain('no_insider');
    cs[1].guide = true;
    expect(codes(cs)).not.toContain('no_insider');
  });

  it('influential opponent: support ≤ -1 and influence ≥ 4, boundaries included', () => {
    const cs = covered();
    const opp = contact({ support: -1, influence: 4 });
    expect(flag([...cs, opp], 'influential_opponent')).toEqual({ code: 'influential_opponent', contactIds: [opp.id] });
    expect(codes([...cs, contact({ support: 0, influence: 5 })])).not.toContain('influential_opponent');
    expect(codes([...cs, contact({ support: -2, influence: 3 })])).not.toContain('influential_opponent');
    expect(codes([...cs, contact({ support: -2, influence: null })])).not.toContain('influential_opponent');
  });

  it('an opponent in the decision layer is flagged whether or not an influence was entered (issue 13 item 14)', () => {
    const cs = covered();
    const inLayer = contact({ id: 77, support: -1, influence: null, layer: 'decision' });
    expect(flag([...cs, inLayer], 'influential_opponent')).toEqual({ code: 'influential_opponent', contactIds: [77] });
    expect(codes([...cs, contact({ support: -1, influence: 2, layer: 'decision' })])).toContain('influential_opponent');
    expect(codes([...cs, contact({ support: 0, influence: null, layer: 'decision' })])).not.toContain('influential_opponent');
  });

  it('decision layer uncovered unless someone there has closeness ≥ 3; names the distant ones', () => {
    const cs = covered();
    cs[0].closeness = 2;
    expect(flag(cs, 'decision_layer_uncovered')).toEqual({ code: 'decision_layer_uncovered', contactIds: [cs[0].id] });
    cs[0].closeness = 3;
    expect(codes(cs)).not.toContain('decision_layer_uncovered');
    cs[0].layer = 'management';
    expect(flag(cs, 'decision_layer_uncovered')).toEqual({ code: 'decision_layer_uncovered', contactIds: [] });
  });

  it('gone cold by stage: 30/45/60/90 days by default', () => {
    const cases = [
      ['acquainted', 30],
      ['interested', 45],
      ['trusting', 60],
      ['ally', 90],
    ] as const;
    for (const [stage, days] of cases) {
      const warm = contact({ stage, lastContactAt: daysAgo(days) });
      const cold = contact({ stage, lastContactAt: daysAgo(days + 1) });
      expect(flag([...covered(), warm, cold], 'gone_cold')).toEqual({ code: 'gone_cold', contactIds: [cold.id] });
    }
  });

  it('gone cold counts from creation when nobody has been in touch yet, and takes custom thresholds', () => {
    const fresh = contact({ lastContactAt: null, createdAt: daysAgo(5) });
    const old = contact({ lastContactAt: null, createdAt: daysAgo(31) });
    expect(flag([...covered(), fresh, old], 'gone_cold')?.contactIds).toEqual([old.id]);
    const r = coverageOf([...covered(), fresh], { now, coldDays: { acquainted: 3, interested: 3, trusting: 3, ally: 3 } });
    expect(r.flags.find((f) => f.code === 'gone_cold')?.contactIds).toEqual([fresh.id]);
  });

  it('competitor closer only at a decision maker, decider or key person, and only when set', () => {
    const cs = covered();
    cs[1].competitorLeaning = '偏向竞争对手';
    expect(codes(cs)).not.toContain('competitor_closer');
    cs[0].competitorLeaning = '与 B 公司交好';
    expect(flag(cs, 'competitor_closer')).toEqual({ code: 'competitor_closer', contactIds: [cs[0].id] });
    const kp = contact({ keyPerson: true, competitorLeaning: 'x' });
    const dec = contact({ decider: true, competitorLeaning: 'y' });
    const blank = contact({ keyPerson: true, competitorLeaning: '  ' });
    expect(flag([...covered(), kp, dec, blank], 'competitor_closer')?.contactIds).toEqual([kp.id, dec.id]);
  });

  it('score subtracts exactly the raised weights', () => {
    const cs = covered();
    cs[1].insider = false;
    cs[0].closeness = 1;
    const r = coverageOf(cs, { now });
    expect(r.flags.map((f) => f.code)).toEqual(['no_insider', 'decision_layer_uncovered']);
    expect(r.score).toBe(100 - COVERAGE_WEIGHTS.no_insider - COVERAGE_WEIGHTS.decision_layer_uncovered);
  });
});
