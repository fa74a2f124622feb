import type { TFunction } from 'i18next';

/** Where the words for a stored value of an account change live, by field. */
const VALUE_LABELS: Record<string, string> = {
  tier: 'accounts:tiers',
  lifecycle: 'accounts:lifecycles',
  grade: 'accounts:grades',
  categories: 'accounts:categories',
  quadrant: 'portfolio:quadrants',
};

/**
 * A stored value of an account change in the user's language: tier, lifecycle, grade, quadrant,
 * and categories (stored as a comma list); other fields are shown as stored.
 */
export function accountChangeValue(t: TFunction, field: string, value: string): string {
  const prefix = VALUE_LABELS[field];
  if (!prefix) return value;
  return value
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((part) => t(`${prefix}.${part}`, { defaultValue: part }))
    .join('、');
}
