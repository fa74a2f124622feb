import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, LIFECYCLE_TRANSITIONS, type LifecycleStage } from '../../../shared/contracts/accounts';

const canMoveLifecycle = (from: LifecycleStage, to: LifecycleStage) => LIFECYCLE_TRANSITIONS[from].includes(to);
import { canStart, driversReason, isOpen, lifecycleOnClose, lifecycleOnOpen, opensPlan, recoverable, templateSteps, DEFAULT_RECOVERY_SETTINGS } from './recovery.rules';

const cal = { days: new Map<string, boolean>([['2026-10-01', true], ['2026-10-02', true], ['2026-10-05', true], ['2026-10-06', true], ['2026-10-07', true], ['2026-10-08', true], ['2026-09-27', false], ['2026-10-10', false]]) };

describe('recovery plans (SVC-3, ACC-5)', () => {
  it('opens only for customers, and moves them to 预警 unless they are there', () => {
    expect(LIFECYCLE_STAGES.filter(recoverable)).toEqual(['active', 'maintaining', 'at_risk', 'recovered']);
    expect(lifecycleOnOpen('active')).toBe('at_risk');
    expect(lifecycleOnOpen('maintaining')).toBe('at_risk');
    expect(lifecycleOnOpen('recovered')).toBe('at_risk');
    expect(lifecycleOnOpen('at_risk')).toBeNull();
    expect(lifecycleOnOpen('prospect')).toBeNull();
    expect(lifecycleOnOpen('lost')).toBeNull();
  });

  it('every move it asks for is one the lifecycle graph allows', () => {
    for (const l of LIFECYCLE_STAGES) {
      const open = lifecycleOnOpen(l);
      if (open) expect(canMoveLifecycle(l, open), `${l}→${open}`).toBe(true);
      for (const outcome of ['won_back', 'lost'] as const) {
        const to = lifecycleOnClose(outcome, l);
        if (to) expect(canMoveLifecycle(l, to), `${outcome}: ${l}→${to}`).toBe(true);
      }
    }
  });

  it('won back moves 预警 to 挽回 and leaves a moved-on account; lost moves anything to 流失 once', () => {
    expect(lifecycleOnClose('won_back', 'at_risk')).toBe('recovered');
    expect(lifecycleOnClose('won_back', 'active')).toBeNull();
    expect(lifecycleOnClose('lost', 'at_risk')).toBe('lost');
    expect(lifecycleOnClose('lost', 'active')).toBe('lost');
    expect(lifecycleOnClose('lost', 'lost')).toBeNull();
  });

  it('states: open and in progress are open; only an open plan starts', () => {
    expect(['open', 'in_progress', 'won_back', 'lost'].filter(isOpen)).toEqual(['open', 'in_progress']);
    expect(canStart('open')).toBe(true);
    expect(canStart('in_progress')).toBe(false);
    expect(canStart('lost')).toBe(false);
  });

  it('a move into red opens a plan; staying red or leaving it does not', () => {
    expect(opensPlan({ from: 'yellow', to: 'red' })).toBe(true);
    expect(opensPlan({ from: 'green', to: 'red' })).toBe(true);
    expect(opensPlan({ from: null, to: 'red' })).toBe(true);
    expect(opensPlan({ from: 'red', to: 'red' })).toBe(false);
    expect(opensPlan({ from: 'red', to: 'yellow' })).toBe(false);
    expect(opensPlan({ from: 'yellow', to: null })).toBe(false);
  });

  it('template steps fall due in working days (holidays skipped, 调休 Saturdays worked)', () => {
    // 2026-09-25 is a Friday; the 27th (Sunday) is a 调休 working day; 1–8 October are off
    const steps = templateSteps({ steps: [{ title: 'a', dueDays: 0 }, { title: 'b', dueDays: 1 }, { title: 'c', dueDays: 2 }, { title: 'd', dueDays: 3 }] }, '2026-09-25', cal);
    expect(steps.map((s) => s.dueDate)).toEqual(['2026-09-25', '2026-09-27', '2026-09-28', '2026-09-29']);
    expect(templateSteps({ steps: [{ title: 'x', dueDays: 3 }] }, '2026-09-29', cal)[0]!.dueDate).toBe('2026-10-10');
    expect(templateSteps(DEFAULT_RECOVERY_SETTINGS, '2026-12-07', { days: new Map() })).toHaveLength(5);
  });

  it('drivers read as one reason', () => {
    const t = (key: string, p?: Record<string, unknown>) => `${key.split('.').pop()}(${Object.values(p ?? {}).join(',')})`;
    const text = driversReason(
      [
        { measure: 'visit_gap', raw: 47, score: 0, weight: 20, contribution: 0, lost: 20, detail: { days: 47, policyDays: 30 } },
        { measure: 'competitor_leaning', raw: 2, score: 0, weight: 10, contribution: 0, lost: 10 },
      ],
      t,
      (f) => `¥${f / 100}`,
    );
    expect(text).toBe('visit_gap(47,30)；competitor_leaning(2)');
  });
});
