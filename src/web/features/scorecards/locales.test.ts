import { describe, expect, it } from 'vitest';
import { at, emptyLeaves, keys, labels, load, pluralBase, type Tree } from '../../../../tests/support/locales';
import { ITEM_SOURCES, SCORECARD_KINDS, SCORECARD_STATUSES } from '../../../shared/contracts/scorecards';
import { DEFAULT_RULE_SETS } from '../../../shared/domain/scorecards';
import { ADVANCE_LABELS, COUNT_INPUTS } from './card';
import { ruleFields } from './settings';

const zh = load('zh-CN', 'scorecards');
const en = load('en', 'scorecards');

describe('scorecards locales', () => {
  it('has the same keys in both languages, none empty', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map(pluralBase))].sort();
    expect(base(en)).toEqual(base(zh));
    expect(emptyLeaves(zh)).toEqual([]);
    expect(emptyLeaves(en)).toEqual([]);
  });

  it('names every status, step, kind, source and every button that moves a card on', () => {
    for (const tree of [zh, en]) {
      expect(labels(tree, 'statuses')).toEqual([...SCORECARD_STATUSES].sort());
      expect(labels(tree, 'steps')).toEqual([...SCORECARD_STATUSES].sort());
      expect(labels(tree, 'kinds')).toEqual([...SCORECARD_KINDS].sort());
      expect(labels(tree, 'kindTabs')).toEqual([...SCORECARD_KINDS].sort());
      expect(labels(tree, 'sources')).toEqual([...ITEM_SOURCES].sort());
      for (const label of Object.values(ADVANCE_LABELS)) expect(typeof at(tree, `advance.${label}`), label).toBe('string');
      expect(labels(tree, 'advance.notes')).toEqual(Object.keys(ADVANCE_LABELS).sort());
      expect(labels(tree, 'advance.commentLabels')).toEqual(Object.keys(ADVANCE_LABELS).sort());
    }
    expect(at(zh, 'menu')).toBe('考核表');
    expect(at(zh, 'advance.startSelf')).toBe('发起自评');
    expect(at(zh, 'advance.submitSelf')).toBe('提交自评');
    expect(at(zh, 'advance.submitReview')).toBe('提交审核');
    expect(at(zh, 'advance.lock')).toBe('锁定');
    expect(at(zh, 'card.warning')).toBe('低于 {{threshold}} 分，将给予口头警告');
    expect(at(zh, 'open.done')).toBe('已发起 {{opened}} 张，已有 {{existing}} 张');
  });

  it('names and reads every item of the default forms, and names every rule kind and number the settings edit', () => {
    const items = [...new Set(Object.values(DEFAULT_RULE_SETS).flatMap((s) => s.items.map((i) => i.key)))];
    const kinds = [...new Set(Object.values(DEFAULT_RULE_SETS).flatMap((s) => s.items.map((i) => i.rule.kind)))];
    const fields = [...new Set(Object.values(DEFAULT_RULE_SETS).flatMap((s) => s.items.flatMap((i) => ruleFields(i.rule).map((f) => f.label))))];
    for (const tree of [zh, en]) {
      for (const key of items) expect(labels(tree, `items.${key}`), key).toEqual(['name', 'reading']);
      for (const kind of kinds) expect(typeof at(tree, `settings.ruleKinds.${kind}`), kind).toBe('string');
      for (const f of fields) expect(typeof at(tree, `settings.fields.${f}`), f).toBe('string');
      expect(labels(tree, 'attendance.sources')).toEqual(['entry', 'import']);
      expect(labels(tree, 'reopen.statuses')).toEqual(['approved', 'pending', 'rejected', 'withdrawn']);
    }
    expect(labels(zh, 'values.count')).toEqual([...COUNT_INPUTS].sort());
    // a form's own words for an item that reads differently there name an item of that form, name and reading both
    for (const tree of [zh, en]) {
      for (const kind of labels(tree, 'itemsByKind')) {
        const own = DEFAULT_RULE_SETS[kind as keyof typeof DEFAULT_RULE_SETS].items.map((i) => i.key);
        for (const key of labels(tree, `itemsByKind.${kind}`)) {
          expect(own, `${kind}.${key}`).toContain(key);
          expect(labels(tree, `itemsByKind.${kind}.${key}`)).toEqual(['name', 'reading']);
        }
      }
    }
  });
});
