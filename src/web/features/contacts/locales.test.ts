import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUYING_ROLES,
  CONTACT_LAYERS,
  CONTACT_RIGHTS,
  CONTACT_STATUSES,
  COVERAGE_FLAGS,
  GENDERS,
  KEY_ROLES,
  PERSONALITY_TYPES,
  RELATIONSHIP_FIELDS,
  RELATIONSHIP_STAGES,
  SENSITIVE_CONTACT_FIELDS,
  THINKING_STYLES,
} from '../../../shared/contracts/contacts';
import { BASIC_FIELDS, CONTACT_FIELDS, PERSONAL_TEXT_FIELDS } from './fields';

type Tree = Record<string, unknown>;
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string) => JSON.parse(readFileSync(new URL(`../../../shared/locales/${lng}/contacts.json`, import.meta.url), 'utf8')) as Tree;
const zh = load('zh-CN');
const en = load('en');
const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Tree | undefined)?.[p], tree);
// en plural forms (_one/_other) stand for one zh key
const base = (k: string) => k.replace(/_(one|other)$/, '');

describe('contacts locales', () => {
  it('has the same keys in zh-CN and en, none empty', () => {
    expect([...new Set(keys(en).map(base))].sort()).toEqual([...new Set(keys(zh).map(base))].sort());
    for (const tree of [zh, en]) expect(keys(tree).filter((k) => at(tree, k) === '')).toEqual([]);
  });

  it.each([
    ['buyingRoles', BUYING_ROLES],
    ['keyRoles', KEY_ROLES],
    ['layers', CONTACT_LAYERS],
    ['rights', CONTACT_RIGHTS],
    ['stages', RELATIONSHIP_STAGES],
    ['statuses', CONTACT_STATUSES],
    ['genders', GENDERS],
    ['thinkingStyles', THINKING_STYLES],
    ['personalityTypes', PERSONALITY_TYPES],
    ['personalityTraits', PERSONALITY_TYPES],
    ['personalityAdvice', PERSONALITY_TYPES],
    ['coverage.flags', COVERAGE_FLAGS],
    ['relationship.fields', RELATIONSHIP_FIELDS],
  ] as const)('labels every value of %s', (prefix, values) => {
    for (const tree of [zh, en]) expect(Object.keys(at(tree, prefix) as Tree).sort()).toEqual([...values].sort());
  });

  it('labels every support level and every form field', () => {
    const fields = [...BASIC_FIELDS, ...CONTACT_FIELDS, ...PERSONAL_TEXT_FIELDS, ...SENSITIVE_CONTACT_FIELDS];
    for (const tree of [zh, en]) {
      expect(Object.keys(at(tree, 'supports') as Tree).sort()).toEqual(['-1', '-2', '0', '1', '2']);
      expect(fields.filter((f) => typeof at(tree, `fields.${f}`) !== 'string')).toEqual([]);
    }
  });
});
