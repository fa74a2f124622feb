import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectParts } from '../platform/feature';
import { FEATURES } from './index';

const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as { parts: Record<string, string> };
const parts = collectParts(FEATURES);

describe('the parts the rooms declare', () => {
  it.each(['zh-CN', 'en'])('every merge and handover part is named in %s', (lng) => {
    expect(parts.merge.map((p) => p.name).filter((n) => !load(lng, 'merge').parts[n])).toEqual([]);
    expect(parts.handover.map((p) => p.name).filter((n) => !load(lng, 'handover').parts[n])).toEqual([]);
  });

  it('names each part once', () => {
    for (const list of [parts.timeline, parts.merge, parts.handover]) {
      const names = list.map((p) => p.name);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    }
  });

  it('moves the plan items after the tasks in a handover, so an item’s task follows the item', () => {
    const names = parts.handover.map((p) => p.name);
    expect(names.indexOf('plans')).toBeGreaterThan(names.indexOf('tasks'));
  });
});
