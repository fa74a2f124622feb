import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../shared/errors';
import { ApiError } from '../api/client';

/** A message for any error thrown by the API client (or fetch itself), in the user's language. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    const localized = t(`common:errorCodes.${err.code}`, { defaultValue: '' });
    return localized || err.message;
  }
  if (err instanceof TypeError) return t('common:errorCodes.NETWORK');
  return err instanceof Error ? err.message : String(err);
}

/**
 * Puts the server's field issues (400 VALIDATION, `details.issues[].path` like "scopes.0")
 * onto the antd Form fields. An issue on a nested path lands on the nearest registered field
 * ("scopes.0" on the "scopes" checkbox group). Returns true when at least one issue found
 * its field, so the caller shows a general message only for errors no field can carry.
 */
export function applyFormErrors(form: FormInstance, err: unknown, localize?: (issue: FieldIssue) => string | undefined): boolean {
  if (!(err instanceof ApiError) || err.issues.length === 0) return false;
  const registered = new Map(form.getFieldsError().map((f) => [f.name.join('.'), f.name]));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of err.issues) {
    const segments = issue.path.split('.').filter(Boolean);
    for (let n = segments.length; n > 0; n--) {
      const key = segments.slice(0, n).join('.');
      const name = registered.get(key);
      if (!name) continue;
      const entry = byField.get(key) ?? { name, errors: [] };
      // The server words issues in English; a form that knows an issue shows it in the user's language.
      entry.errors.push(localize?.(issue) ?? issue.message);
      byField.set(key, entry);
      break;
    }
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}
