import { describe, expect, it } from 'vitest';
import { at, load, type Tree } from '../../../../tests/support/locales';
import { ASSESSMENT_OUTCOMES, isGrade } from '../../../shared/domain/pipeline';


describe('board locales', () => {
  const zh = load('zh-CN', 'board');
  const en = load('en', 'board');

  it('names every assessment outcome that is not a grade for the card tag', () => {
    const outcomes = ASSESSMENT_OUTCOMES.filter((o) => !isGrade(o));
    for (const tree of [zh, en]) expect(Object.keys(at(tree, 'card.outcome') as Tree).sort()).toEqual([...outcomes].sort());
  });
});
