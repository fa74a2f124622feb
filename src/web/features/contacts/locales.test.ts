import { describe, expect, it } from 'vitest';
import { at, load, type Tree } from '../../../../tests/support/locales';
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

const zh = load('zh-CN', 'contacts');
const en = load('en', 'contacts');

describe('contacts locales', () => {

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
