import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_SETTINGS } from '../../../shared/domain/pipeline';
import { readPipelineSettings, settingsIssues } from './settings.rules';

describe('pipeline settings', () => {
  it('reads defaults for a missing row and for missing or broken keys', () => {
    expect(readPipelineSettings(undefined)).toEqual(DEFAULT_PIPELINE_SETTINGS);
    const r = readPipelineSettings({ gates: { 1: ['potential_need'], 2: ['not_an_item'] }, weights: { share: 5, effort: 'x' }, probabilities: { 5: 90 } });
    expect(r.gates[1]).toEqual(['potential_need']);
    expect(r.gates[2]).toEqual(DEFAULT_PIPELINE_SETTINGS.gates[2]);
    expect(r.weights.share).toBe(5);
    expect(r.weights.effort).toBe(DEFAULT_PIPELINE_SETTINGS.weights.effort);
    expect(r.probabilities[5]).toBe(90);
  });

  it('names the field of each rule it breaks', () => {
    expect(settingsIssues(DEFAULT_PIPELINE_SETTINGS)).toEqual([]);
    const bad = structuredClone(DEFAULT_PIPELINE_SETTINGS);
    bad.gates[1] = ['potential_need', 'demo_given' as never, 'potential_need'];
    bad.thresholds.valueLow = 80;
    bad.weights.share = 0;
    bad.weights.business_value = 0;
    bad.probabilities[4] = 5;
    expect(settingsIssues(bad).map((i) => i.path)).toEqual(['gates.1.1', 'gates.1', 'thresholds.valueLow', 'weights', 'probabilities.4']);
  });
});
