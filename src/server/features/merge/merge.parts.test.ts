import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeParts } from './merge.parts';
import { handoverParts } from '../handover/handover.parts';

const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as { parts: Record<string, string> };

describe('registered parts have labels', () => {
  it.each(['zh-CN', 'en'])('every merge and handover part is named in %s', (lng) => {
    expect(mergeParts().map((p) => p.name).filter((n) => !load(lng, 'merge').parts[n])).toEqual([]);
    expect(handoverParts().map((p) => p.name).filter((n) => !load(lng, 'handover').parts[n])).toEqual([]);
  });

  it('moves the plan items after the tasks in a handover, so an item’s task follows the item', () => {
    const names = handoverParts().map((p) => p.name);
    expect(names.indexOf('plans')).toBeGreaterThan(names.indexOf('tasks'));
  });
});
