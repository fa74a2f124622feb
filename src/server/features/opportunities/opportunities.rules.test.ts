import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_SETTINGS, type AutoFacts } from '../../../shared/domain/pipeline';
import { canClose, canReopen, checklistRows, closeIssues, daysBetween, duplicateIndexes, historyDays, isStalled, missingRoles, opportunityEventOf, stageMove } from './opportunities.rules';

const gates = DEFAULT_PIPELINE_SETTINGS.gates;
const none: AutoFacts = { assessmentOutcome: null, planStatus: null, parts: ['account_manager'] };
const ticked = (...items: string[]) => new Set(items);
const at = (iso: string) => new Date(iso);

describe('days and ageing (PIPE-7)', () => {
  it('counts whole days, never negative', () => {
    expect(daysBetween('2026-03-01T10:00:00Z', at('2026-03-02T09:59:59Z'))).toBe(0);
    expect(daysBetween('2026-03-01T10:00:00Z', at('2026-03-02T10:00:00Z'))).toBe(1);
    expect(daysBetween('2026-03-05T00:00:00Z', at('2026-03-01T00:00:00Z'))).toBe(0);
  });
  it('an open project is stalled once longer in its stage than the limit', () => {
    const now = at('2026-04-01T00:00:00Z');
    expect(isStalled('open', 1, '2026-03-02T00:00:00Z', DEFAULT_PIPELINE_SETTINGS.ageingDays, now)).toBe(false); // 30 days = the limit
    expect(isStalled('open', 1, '2026-03-01T00:00:00Z', DEFAULT_PIPELINE_SETTINGS.ageingDays, now)).toBe(true); // 31
    expect(isStalled('open', 2, '2026-03-01T00:00:00Z', DEFAULT_PIPELINE_SETTINGS.ageingDays, now)).toBe(false); // stage 2 allows 45
    expect(isStalled('paused', 1, '2026-01-01T00:00:00Z', DEFAULT_PIPELINE_SETTINGS.ageingDays, now)).toBe(false);
  });
  it('history entries last until the next one, the last until now', () => {
    const rows = [{ at: '2026-03-01T00:00:00Z' }, { at: '2026-03-11T00:00:00Z' }, { at: '2026-03-12T12:00:00Z' }];
    expect(historyDays(rows, at('2026-03-15T00:00:00Z')).map((r) => r.days)).toEqual([10, 1, 2]);
    expect(historyDays([], at('2026-03-15T00:00:00Z'))).toEqual([]);
  });
});

describe('checklist', () => {
  it('lists every item of every stage with auto, met, required and the tick', () => {
    const rows = checklistRows({ potential_need: { note: '有扩容计划', by: 7, at: '2026-03-01T00:00:00Z' } }, { ...none, planStatus: 'draft' }, gates);
    expect(rows).toHaveLength(27);
    expect(rows[0]).toEqual({ item: 'potential_need', stage: 1, auto: false, met: true, required: true, note: '有扩容计划', by: 7, at: '2026-03-01T00:00:00Z' });
    expect(rows.find((r) => r.item === 'plan_designed')).toMatchObject({ stage: 3, auto: false, met: true, required: false, by: null });
    expect(rows.find((r) => r.item === 'plan_approved')).toMatchObject({ auto: true, met: false, required: true });
    expect(rows.find((r) => r.item === 'image_presented')).toMatchObject({ stage: 4, required: false });
  });
  it('names the deal roles nobody plays', () => {
    expect(missingRoles(['buyer', 'buyer', 'insider'])).toEqual(['decision_maker', 'user', 'influencer']);
    expect(missingRoles(['decision_maker', 'buyer', 'user', 'influencer', 'insider'])).toEqual([]);
  });
});

describe('stage moves (PIPE-2)', () => {
  it('forward needs the gate of the stage left', () => {
    expect(stageMove(1, 2, null, gates, ticked('potential_need'), none)).toEqual({ kind: 'gate', stage: 1, missing: ['initial_contact', 'chance_judged'] });
    expect(stageMove(1, 2, null, gates, ticked('potential_need', 'initial_contact', 'chance_judged'), none)).toEqual({ kind: 'forward' });
  });
  it('skipping stops at the first gate on the way that is not met', () => {
    const stage1 = ['potential_need', 'initial_contact', 'chance_judged'];
    expect(stageMove(1, 3, null, gates, ticked(...stage1), none)).toMatchObject({ kind: 'gate', stage: 2 });
    expect(stageMove(1, 3, null, gates, ticked(...stage1, ...gates[2]), none)).toEqual({ kind: 'forward' });
    // stage 3's gate reads the facts: a graded assessment, the approved plan, the director taking part
    const facts: AutoFacts = { assessmentOutcome: 'B', planStatus: 'approved', parts: ['account_manager', 'ka_director'] };
    expect(stageMove(3, 4, null, gates, ticked(), { ...facts, assessmentOutcome: 'collect' })).toEqual({ kind: 'gate', stage: 3, missing: ['assessment'] });
    expect(stageMove(3, 4, null, gates, ticked(), facts)).toEqual({ kind: 'forward' });
    // an empty gate lets the project through
    expect(stageMove(1, 2, null, { ...gates, 1: [] }, ticked(), none)).toEqual({ kind: 'forward' });
  });
  it('back to any earlier stage needs a reason; the same stage is no move', () => {
    expect(stageMove(4, 1, null, gates, ticked(), none)).toEqual({ kind: 'needsReason' });
    expect(stageMove(4, 1, '', gates, ticked(), none)).toEqual({ kind: 'needsReason' });
    expect(stageMove(4, 1, '客户换了负责人', gates, ticked(), none)).toEqual({ kind: 'back' });
    expect(stageMove(2, 2, 'x', gates, ticked(), none)).toEqual({ kind: 'same' });
  });
});

describe('closing', () => {
  const paths = (issues: { path: string }[]) => issues.map((i) => i.path);
  it('won, lost and abandoned need a reason of their own kind', () => {
    expect(paths(closeIssues('won', null, null))).toEqual(['reasonKey']);
    expect(paths(closeIssues('won', 'no_budget', null))).toEqual(['reasonKey']);
    expect(closeIssues('won', 'relationship', null)).toEqual([]);
    expect(closeIssues('lost', 'competitor_incumbent', 4)).toEqual([]);
    expect(paths(closeIssues('abandoned', 'price', null))).toEqual(['reasonKey']);
    expect(closeIssues('abandoned', 'payment_risk', undefined)).toEqual([]);
    expect(closeIssues('paused', null, null)).toEqual([]);
  });
  it('only a lost project names who won it', () => {
    expect(paths(closeIssues('won', 'price', 3))).toEqual(['wonByCompetitorId']);
    expect(paths(closeIssues('paused', null, 3))).toEqual(['wonByCompetitorId']);
  });
  it('closes open or paused projects, pauses open ones, reopens lost, abandoned and paused ones', () => {
    expect(canClose('open', 'won')).toBe(true);
    expect(canClose('paused', 'lost')).toBe(true);
    expect(canClose('paused', 'paused')).toBe(false);
    expect(canClose('won', 'lost')).toBe(false);
    expect(canClose('abandoned', 'paused')).toBe(false);
    expect(['open', 'won', 'lost', 'abandoned', 'paused'].filter((s) => canReopen(s as 'open'))).toEqual(['lost', 'abandoned', 'paused']);
  });
});

describe('duplicates', () => {
  it('names the later copies', () => {
    expect(duplicateIndexes([1, 2, 1, 3, 2, 1], String)).toEqual([2, 4, 5]);
    expect(duplicateIndexes([], String)).toEqual([]);
  });
});

describe('development project events', () => {
  it('reads a stage-history row as created, moved, closed, paused or reopened', () => {
    expect(opportunityEventOf({ from_status: null, to_status: 'open' })).toBe('created');
    expect(opportunityEventOf({ from_status: 'open', to_status: 'open' })).toBe('stage');
    expect(opportunityEventOf({ from_status: 'open', to_status: 'won' })).toBe('won');
    expect(opportunityEventOf({ from_status: 'open', to_status: 'paused' })).toBe('paused');
    expect(opportunityEventOf({ from_status: 'lost', to_status: 'open' })).toBe('reopened');
  });
});
