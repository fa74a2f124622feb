import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_SETTINGS } from '../../../shared/domain/pipeline';
import { gradeGrid } from './settings';

describe('the grading grid shown beside the thresholds', () => {
  it('reads the seed grid off the default thresholds', () => {
    expect(gradeGrid(DEFAULT_PIPELINE_SETTINGS.thresholds)).toEqual([
      { value: 'high', range: { from: 70, to: 100 }, easy: 'A', hard: 'B' },
      { value: 'medium', range: { from: 40, to: 70 }, easy: 'B', hard: 'C' },
      { value: 'low', range: { from: 0, to: 40 }, easy: 'D', hard: 'abandon' },
    ]);
  });

  it('follows edited thresholds at their edges', () => {
    const grid = gradeGrid({ valueHigh: 85, valueLow: 15, difficultyHigh: 95 });
    expect(grid.map((r) => [r.value, r.easy, r.hard])).toEqual([
      ['high', 'A', 'B'],
      ['medium', 'B', 'C'],
      ['low', 'D', 'abandon'],
    ]);
    expect(grid[1].range).toEqual({ from: 15, to: 85 });
  });
});
