import { describe, expect, it } from 'vitest';
import { at, keys, load, pluralBase, type Tree } from '../../../../tests/support/locales';
import { SCORE_GROUPS } from '../../../shared/contracts/surveys';
import { INVITATION_REASONS, INVITATION_STATUSES, SURVEY_GRADES, SURVEY_LIFECYCLES, SURVEY_TIERS } from '../../../shared/domain/surveys';

const zh = load('zh-CN', 'surveys');
const en = load('en', 'surveys');

describe('surveys locales', () => {
  it('has the same keys in both languages', () => {
    const base = (tree: Tree) => [...new Set(keys(tree).map(pluralBase))].sort();
    expect(base(en)).toEqual(base(zh));
  });

  it('words every state, source, group and NPS group, and the e-mail', () => {
    for (const tree of [zh, en]) {
      expect(Object.keys(at(tree, 'statuses') as Tree).sort()).toEqual([...INVITATION_STATUSES].sort());
      expect(Object.keys(at(tree, 'statusLine') as Tree).sort()).toEqual([...INVITATION_STATUSES].sort());
      expect(Object.keys(at(tree, 'reasons') as Tree).sort()).toEqual([...INVITATION_REASONS].sort());
      expect(Object.keys(at(tree, 'scores.groups') as Tree).sort()).toEqual([...SCORE_GROUPS].sort());
      expect(Object.keys(at(tree, 'npsGroups') as Tree).sort()).toEqual(['detractor', 'passive', 'promoter']);
      for (const k of ['subject', 'body']) expect(at(tree, `email.${k}`)).toMatch(/\{\{account\}\}/);
      expect(at(tree, 'email.body')).toMatch(/\{\{url\}\}[\s\S]*\{\{expires\}\}/);
    }
    expect(at(zh, 'menu.surveys')).toBe('满意度');
    expect(at(zh, 'account.tab')).toBe('满意度');
  });

  it('finds the tier, grade and lifecycle words the settings borrow from accounts', () => {
    for (const lng of ['zh-CN', 'en']) {
      const accounts = load(lng, 'accounts');
      for (const k of SURVEY_TIERS) expect(typeof at(accounts, `tiers.${k}`)).toBe('string');
      for (const k of SURVEY_GRADES) expect(typeof at(accounts, `grades.${k}`)).toBe('string');
      for (const k of SURVEY_LIFECYCLES) expect(typeof at(accounts, `lifecycles.${k}`)).toBe('string');
    }
  });
});
