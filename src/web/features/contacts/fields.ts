import { SENSITIVE_CONTACT_FIELDS, type ContactDetail } from '../../../shared/contracts/contacts';

/** Free-text fields of the personal section (seed 003 §3.3.3 四.2(1)4), in the seed's order. */
export const PERSONAL_TEXT_FIELDS = [
  'personality',
  'temperament',
  'maritalStatus',
  'family',
  'hobbies',
  'honoraryPosts',
  'education',
  'careerHistory',
  'background',
  'expression',
  'habits',
  'strengths',
  'weaknesses',
  'businessFamiliarity',
  'decisionScope',
  'responsibilities',
] as const satisfies readonly (keyof ContactDetail)[];

export const SHORT_PERSONAL_FIELDS = new Set<string>(['maritalStatus']);

const SENSITIVE = new Set<string>(SENSITIVE_CONTACT_FIELDS);
export const isSensitive = (field: string) => SENSITIVE.has(field);

export const BASIC_FIELDS = ['department', 'title', 'nativePlace'] as const;
export const CONTACT_FIELDS = ['officePhone', 'mobile', 'fax', 'email'] as const;
