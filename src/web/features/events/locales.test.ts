import { describe, expect, it } from 'vitest';
import { at, keys, labels, load, pluralBase, type Tree } from '../../../../tests/support/locales';
import { EVENT_COST_CATEGORIES, EVENT_KINDS, EVENT_STATUSES, EVENT_WHENS, FOLLOW_UP_KINDS, INVITATION_RESPONSES, SERVICE_KINDS } from '../../../shared/contracts/events';

const zh = load('zh-CN', 'events');
const en = load('en', 'events');

describe('events locales', () => {
  it('has the same keys in both languages', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map(pluralBase))].sort();
    expect(base(en)).toEqual(base(zh));
  });

  it('names every kind, status, response, cost category, service, follow-up and list filter', () => {
    for (const tree of [zh, en]) {
      expect(labels(tree, 'kinds')).toEqual([...EVENT_KINDS].sort());
      expect(labels(tree, 'statuses')).toEqual([...EVENT_STATUSES].sort());
      expect(labels(tree, 'responses')).toEqual([...INVITATION_RESPONSES].sort());
      expect(labels(tree, 'costCategories')).toEqual([...EVENT_COST_CATEGORIES].sort());
      expect(labels(tree, 'serviceKinds')).toEqual([...SERVICE_KINDS].sort());
      expect(labels(tree, 'followUpKinds')).toEqual([...FOLLOW_UP_KINDS].sort());
      expect(labels(tree, 'whens')).toEqual([...EVENT_WHENS].sort());
    }
    expect(at(zh, 'kinds.seminar')).toBe('大客户座谈会');
    expect(at(zh, 'formats.when')).toBe('YYYY年M月D日 HH:mm');
  });
});
