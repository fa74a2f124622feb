import { describe, expect, it } from 'vitest';
import { arrange, audiencesOf, isFor, moved } from './home.rules';

const w = (key: string, order: number, rank?: Record<string, number>) => ({ key, order, rank });
const widgets = [w('tasks', 10), w('unread', 20), w('approvals', 30, { director: 1, gm: 2 }), w('todayVisits', 40, { specialist: 1, manager: 2 }), w('receiptsToConfirm', 50, { finance: 1 })];
const keys = (ws: readonly { key: string }[]) => ws.map((x) => x.key);

describe('the home page’s widgets', () => {
  it('a person’s positions put them in audiences', () => {
    expect(audiencesOf(['ka_director'])).toEqual(['director']);
    expect(audiencesOf(['field_specialist', 'office_specialist'])).toEqual(['specialist']);
    expect(audiencesOf(['deputy_gm', 'finance_manager'])).toEqual(['gm', 'finance']);
    expect(audiencesOf(['office', 'gift_admin'])).toEqual([]);
  });
  it('the widgets that matter to the person’s positions come first, the rest by their order', () => {
    expect(keys(arrange(widgets, ['ka_director'], []).shown)).toEqual(['approvals', 'tasks', 'unread', 'todayVisits', 'receiptsToConfirm']);
    expect(keys(arrange(widgets, ['field_specialist'], []).shown)).toEqual(['todayVisits', 'tasks', 'unread', 'approvals', 'receiptsToConfirm']);
    expect(keys(arrange(widgets, ['finance_manager'], []).shown)).toEqual(['receiptsToConfirm', 'tasks', 'unread', 'approvals', 'todayVisits']);
    // several positions: each widget's best rank among them
    expect(keys(arrange(widgets, ['account_manager', 'ka_director'], []).shown)).toEqual(['approvals', 'todayVisits', 'tasks', 'unread', 'receiptsToConfirm']);
    expect(keys(arrange(widgets, [], []).shown)).toEqual(['tasks', 'unread', 'approvals', 'todayVisits', 'receiptsToConfirm']);
  });
  it('the person’s own layout orders and hides; widgets it does not name follow in the default order; unknown keys are ignored', () => {
    const layout = [
      { key: 'unread', hidden: false },
      { key: 'gone', hidden: false },
      { key: 'approvals', hidden: true },
      { key: 'tasks', hidden: false },
    ];
    const { shown, hidden } = arrange(widgets, ['ka_director'], layout);
    expect(keys(shown)).toEqual(['unread', 'tasks', 'todayVisits', 'receiptsToConfirm']);
    expect(keys(hidden)).toEqual(['approvals']);
  });
  it('moves a widget one place up or down, not past either end', () => {
    const order = [{ key: 'a', hidden: false }, { key: 'b', hidden: true }, { key: 'c', hidden: false }];
    expect(keys(moved(order, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(moved(order, 'b', 1)).toEqual([{ key: 'a', hidden: false }, { key: 'c', hidden: false }, { key: 'b', hidden: true }]);
    expect(keys(moved(order, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(keys(moved(order, 'c', 1))).toEqual(['a', 'b', 'c']);
    expect(keys(moved(order, 'x', 1))).toEqual(['a', 'b', 'c']);
    // among its kind: past the widgets of the other kind
    expect(keys(moved(order, 'c', -1, new Set(['a', 'c'])))).toEqual(['c', 'b', 'a']);
    expect(keys(moved(order, 'a', -1, new Set(['a', 'c'])))).toEqual(['a', 'b', 'c']);
  });
  it('a widget meant for some audiences is shown only to them', () => {
    const team = { key: 'teamTarget', order: 5, only: ['director', 'gm'] as const, rank: { director: 1 } };
    expect(isFor(team, ['ka_director'])).toBe(true);
    expect(isFor(team, ['deputy_gm'])).toBe(true);
    expect(isFor(team, ['account_manager', 'field_specialist'])).toBe(false);
    expect(isFor(team, [])).toBe(false);
    expect(isFor({}, [])).toBe(true);
    expect(keys(arrange([...widgets, team], ['field_specialist'], []).all)).not.toContain('teamTarget');
    expect(keys(arrange([...widgets, team], ['ka_director'], []).shown)[0]).toBe('teamTarget');
  });
  it('lists every widget in its order, hidden ones in their place', () => {
    const { all } = arrange(widgets, ['ka_director'], [{ key: 'unread', hidden: true }, { key: 'tasks', hidden: false }]);
    expect(keys(all)).toEqual(['unread', 'tasks', 'approvals', 'todayVisits', 'receiptsToConfirm']);
  });
});
