import type { FormInstance } from 'antd';
import i18next, { type TFunction } from 'i18next';
import type { FieldIssue, MessageKey } from '../../shared/errors';
import { ApiError } from '../api/client';

/**
 * The one place a server message becomes display text: its entry in the `errors` namespace when
 * the server names a key (params fill the placeholders; a `context` param picks a variant), else
 * the server's own words.
 */
export function serverText(t: TFunction, message: string, i18n?: Partial<MessageKey>): string {
  if (!i18n?.key) return message;
  return t(`errors:${i18n.key}`, { ...i18n.params, defaultValue: message }) || message;
}

/** A field issue of a 400 in the user's language. */
export function issueMessage(issue: FieldIssue, t: TFunction): string {
  return serverText(t, issue.message, issue);
}

/**
 * A message for any error thrown by the API client (or fetch itself), in the user's language:
 * the server's keyed message, else the localized text of its code, else its own words.
 */
export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.i18n) return serverText(t, err.message, err.i18n);
    const localized = t(`common:errorCodes.${err.code}`, { defaultValue: '' });
    return localized || err.message;
  }
  if (err instanceof TypeError) return t('common:errorCodes.NETWORK');
  return err instanceof Error ? err.message : String(err);
}

/**
 * What an API error says beyond errorMessage(): its field issues, or the server's words when they
 * were not translated (a generic code text then says less than they do).
 */
export function errorDetail(err: unknown, t: TFunction): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  if (err.issues.length) return err.issues.map((i) => issueMessage(i, t)).join('; ');
  return err.i18n ? undefined : err.message;
}

/**
 * Puts the server's field issues (400 VALIDATION, `details.issues[].path` like "scopes.0")
 * onto the antd Form fields. An issue on a nested path lands on the nearest registered field
 * ("scopes.0" on the "scopes" checkbox group), in the app's current language. Returns true when
 * at least one issue found its field, so the caller shows a general message only for errors no
 * field can carry.
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
      // A form may word an issue of its own field more specifically than the shared message.
      entry.errors.push(localize?.(issue) ?? issueMessage(issue, i18next.t.bind(i18next)));
      byField.set(key, entry);
      break;
    }
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}
