import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { HOME_WIDGET_KEY } from '../../shared/contracts/auth';
import { TIMELINE_GROUPS, type TimelineKind } from '../../shared/contracts/timeline';
import timelineWords from '../../shared/locales/zh-CN/timeline.json';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { accountTabs, featureRoutes, headerItems, homeWidgets, timelineRenderers, WEB_FEATURES } from './registry';

const dupes = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('the web rooms’ manifests', () => {
  it('have distinct names, page paths and account-tab keys', () => {
    expect(dupes(WEB_FEATURES.map((f) => f.name))).toEqual([]);
    expect(dupes(featureRoutes.map((r) => r.path))).toEqual([]);
    expect(dupes(accountTabs.map((x) => x.key))).toEqual([]);
    expect(dupes(homeWidgets.map((x) => x.key))).toEqual([]);
    expect(homeWidgets.find((w) => w.key === 'approvalInbox')?.access).toBe('approval:act');
    expect(dupes(headerItems.map((x) => x.key))).toEqual([]);
    // the approvals waiting for me are in the header on every page, for those who decide approvals
    expect(headerItems.find((h) => h.key === 'approvals')?.access).toBe('approval:act');
    // a page that needs more than one permission says so: gift plans are picked by account
    expect(featureRoutes.find((r) => r.path === '/gifts/plans')?.access).toEqual(['gift:read', 'account:read']);
    expect(accountTabs.map((x) => x.key)).toEqual(expect.arrayContaining(['contacts', 'map', 'contactLog', 'needs', 'plan', 'gifts', 'opportunities', 'timeline']));
  });

  it('name every home widget in both languages, each with a key the home layout accepts', () => {
    const at = (lng: string, ref: string) => {
      const [ns, key] = ref.split(':') as [string, string];
      const words = JSON.parse(readFileSync(path.join(__dirname, '../../shared/locales', lng, `${ns}.json`), 'utf8')) as Record<string, unknown>;
      return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), words);
    };
    for (const w of homeWidgets) {
      expect(w.key, w.key).toMatch(HOME_WIDGET_KEY);
      for (const lng of ['zh-CN', 'en']) expect(at(lng, w.title), `${w.key} ${lng} ${w.title}`).toBeTypeOf('string');
    }
  });

  it('say how every kind of timeline event reads (a renderer, or a sentence of its own in the timeline words)', () => {
    const kinds = Object.values(TIMELINE_GROUPS).flat() as TimelineKind[];
    const plain = kinds.filter((k) => !timelineRenderers[k]);
    for (const k of plain) expect((timelineWords.kinds as Record<string, string>)[k], k).toBeTypeOf('string');
    // each renderer gives a sentence for an event with no parameters (older events may lack some)
    const t = ((key: string) => key) as unknown as TFunction;
    for (const [kind, render] of Object.entries(timelineRenderers)) expect(render!(t, {}).text, kind).not.toBe('');
  });
});
