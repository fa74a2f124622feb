import { describe, expect, it } from 'vitest';
import { at, labels, load } from '../../../../tests/support/locales';
import { COUNTERMEASURE_STATUSES, MOVE_DIRECTIONS, NEED_STATUSES } from '../../../shared/contracts/needs';
import { PLAN_LEVELS, PLAN_STATUSES } from '../../../shared/contracts/plans';
import { SYSTEM_REASON_KEYS } from '../../../shared/contracts/accounts';
import { TIMELINE_GROUPS, TIMELINE_KINDS } from '../../../shared/contracts/timeline';


describe('needs, plans, timeline and merge locales', () => {
  it('labels every status, direction, level and timeline kind', () => {
    for (const lng of ['zh-CN', 'en']) {
      const needs = load(lng, 'needs');
      expect(labels(needs, 'needs.statuses')).toEqual([...NEED_STATUSES].sort());
      expect(labels(needs, 'measures.statuses')).toEqual([...COUNTERMEASURE_STATUSES].sort());
      expect(labels(needs, 'directions')).toEqual([...MOVE_DIRECTIONS].sort());
      const plans = load(lng, 'plans');
      expect(labels(plans, 'levels')).toEqual([...PLAN_LEVELS].sort());
      expect(labels(plans, 'statuses')).toEqual([...PLAN_STATUSES].sort());
      const timeline = load(lng, 'timeline');
      expect(TIMELINE_KINDS.filter((k) => typeof at(timeline, `kinds.${k}`) !== 'string')).toEqual([]);
      expect(labels(timeline, 'groups')).toEqual(Object.keys(TIMELINE_GROUPS).sort());
      // the reasons the server writes itself, shown through the accounts namespace
      const accounts = load(lng, 'accounts');
      expect(SYSTEM_REASON_KEYS.filter((k) => typeof at(accounts, `changes.reasons.${k}`) !== 'string')).toEqual([]);
    }
  });

  it('puts every timeline kind in exactly one filter group', () => {
    const grouped = Object.values(TIMELINE_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...TIMELINE_KINDS].sort());
  });
});
