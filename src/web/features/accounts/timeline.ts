import type { TFunction } from 'i18next';
import { timelineText as str, type TimelineRenderers, type TimelineParams } from '../../app/types';
import { accountChangeValue } from './changeValues';

function accountValue(t: TFunction, field: string, v: TimelineParams[string]): string {
  if (v === null || v === '') return t('accounts:changes.empty');
  return accountChangeValue(t, field, str(v));
}

/** How the accounts room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  account_change(t, p) {
    const field = str(p.field);
    const reason = p.reasonKey ? t(`accounts:changes.reasons.${str(p.reasonKey)}`, { defaultValue: '', reason: str(p.reason) }) : str(p.reason);
    return {
      text: t('kinds.account_change', { field: t(`accounts:changes.fields.${field}`, { defaultValue: field }), from: accountValue(t, field, p.from), to: accountValue(t, field, p.to) }),
      detail: reason || undefined,
    };
  },
  account_merged(t, p) {
    return { text: t('kinds.account_merged', { source: str(p.source) }), detail: str(p.reason) || undefined };
  },
};
