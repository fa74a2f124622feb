import type { TFunction } from 'i18next';
import { timelineText as str, type TimelineRenderers, type TimelineParams } from '../../app/types';

function relationshipValue(t: TFunction, field: string, v: TimelineParams[string]): string {
  if (v === null || v === '') return t('accounts:changes.empty');
  if (field === 'stage') return t(`contacts:stages.${str(v)}`, { defaultValue: str(v) });
  if (field === 'support') return t(`contacts:supports.${str(v)}`, { defaultValue: str(v) });
  return str(v);
}

/** How the contacts room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  relationship_change(t, p) {
    const field = str(p.field);
    return {
      text: t('kinds.relationship_change', { name: str(p.name), field: t(`contacts:relationship.fields.${field}`, { defaultValue: field }), from: relationshipValue(t, field, p.from), to: relationshipValue(t, field, p.to) }),
      detail: str(p.evidence) || undefined,
    };
  },
  contact_added(t, p) {
    return { text: t(p.title ? 'kinds.contact_added_title' : 'kinds.contact_added', { name: str(p.name), title: str(p.title) }) };
  },
  contact_left(t, p) {
    return { text: t('kinds.contact_left', { name: str(p.name) }), detail: str(p.note) || undefined };
  },
};
