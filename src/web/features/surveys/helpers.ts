import type { TFunction } from 'i18next';
import type { InvitationStatus, SurveyLanguage, Wording } from '../../../shared/domain/surveys';

/** The colour of an invitation's state tag. */
export const STATUS_COLORS: Record<InvitationStatus, string> = { pending: 'processing', answered: 'success', expired: 'warning', revoked: 'default' };

/** The customer's language: English when the browser prefers it, Chinese otherwise (the default). */
export function surveyLanguage(preferred: readonly string[]): SurveyLanguage {
  const first = preferred.find((l) => /^(zh|en)\b/i.test(l));
  return first && /^en\b/i.test(first) ? 'en' : 'zh-CN';
}

/** A question's words in the reader's language (Chinese for any other). */
export const worded = (w: Wording, language: string): string => (language === 'en' ? w.en : w['zh-CN']);

/** The link of a path on the server the page came from. */
export const linkOf = (origin: string, path: string) => `${origin.replace(/\/+$/, '')}${path}`;

/** A percentage as shown: one decimal at most, — for none. */
export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return `${Number.isInteger(v) ? v : v.toFixed(1)}%`;
}

/** A score as shown: two decimals at most, — for none. */
export function score(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return String(Math.round(v * 100) / 100);
}

/** NPS as shown: signed points, — for none. */
export function npsText(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  const r = Math.round(v * 10) / 10;
  return r > 0 ? `+${r}` : String(r);
}

/** How a CSAT of 1–5 reads: red at 1–2, amber at 3, green at 4–5. */
export function csatTone(v: number | null | undefined): 'success' | 'warning' | 'danger' | undefined {
  if (v === null || v === undefined) return undefined;
  return v >= 4 ? 'success' : v >= 3 ? 'warning' : 'danger';
}

/** The tone of a 满意率 against the target. */
export const targetTone = (rate: number | null, target: number): 'success' | 'danger' | undefined => (rate === null ? undefined : rate >= target ? 'success' : 'danger');

/** An NPS answer's group: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export const npsGroup = (v: number): 'promoter' | 'passive' | 'detractor' => (v >= 9 ? 'promoter' : v >= 7 ? 'passive' : 'detractor');

/** The status words of an invitation, with the date that goes with it. */
export function statusLine(t: TFunction, i: { status: InvitationStatus; expiresAt: string; answeredAt: string | null; revokedAt: string | null }, day: (iso: string) => string): string {
  if (i.status === 'answered' && i.answeredAt) return t('surveys:statusLine.answered', { date: day(i.answeredAt) });
  if (i.status === 'revoked' && i.revokedAt) return t('surveys:statusLine.revoked', { date: day(i.revokedAt) });
  if (i.status === 'expired') return t('surveys:statusLine.expired', { date: day(i.expiresAt) });
  return t('surveys:statusLine.pending', { date: day(i.expiresAt) });
}
