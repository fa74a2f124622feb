import { describe, expect, it } from 'vitest';
import { isOverdue, planTaskTitle, planTransition, taskDueAt } from './plans.rules';

describe('overdue (REL-6)', () => {
  it('is a due date before today on open work only', () => {
    expect(isOverdue('2026-03-01', true, '2026-03-02')).toBe(true);
    expect(isOverdue('2026-03-02', true, '2026-03-02')).toBe(false);
    expect(isOverdue('2026-03-01', false, '2026-03-02')).toBe(false);
    expect(isOverdue(null, true, '2026-03-02')).toBe(false);
    // dates compare as dates across months and years
    expect(isOverdue('2025-12-31', true, '2026-01-01')).toBe(true);
  });
});

describe('status transitions', () => {
  it('closes, cancels and reopens', () => {
    expect(planTransition('planned', 'in_progress')).toBe('none');
    expect(planTransition('planned', 'done')).toBe('done');
    expect(planTransition('in_progress', 'cancelled')).toBe('cancelled');
    expect(planTransition('done', 'in_progress')).toBe('reopen');
    expect(planTransition('cancelled', 'planned')).toBe('reopen');
    expect(planTransition('done', 'cancelled')).toBe('cancelled');
    expect(planTransition('done', 'done')).toBe('none');
  });
});

describe('the task of an item', () => {
  it('falls due at 18:00 business time on the due date', () => {
    expect(taskDueAt('2026-03-02', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(taskDueAt(null, 'Asia/Shanghai')).toBeNull();
  });

  it('takes its title from the account and the first line of the measures, within 200 characters', () => {
    expect(planTaskTitle('华胜特钢', '邀请参观\n第二步')).toBe('华胜特钢 · 邀请参观');
    const long = planTaskTitle('客户', '措'.repeat(300));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
