import { describe, expect, it } from 'vitest';
import { csatTone, linkOf, npsGroup, npsText, percent, score, statusLine, surveyLanguage, targetTone, worded } from './helpers';

describe('survey page helpers', () => {
  it('the customer reads Chinese unless the browser prefers English', () => {
    expect(surveyLanguage(['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(surveyLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(surveyLanguage(['en'])).toBe('en');
    expect(surveyLanguage(['fr-FR', 'de'])).toBe('zh-CN');
    expect(surveyLanguage(['fr-FR', 'en-US'])).toBe('en');
    expect(surveyLanguage([])).toBe('zh-CN');
    expect(worded({ 'zh-CN': '满意', en: 'Satisfied' }, 'en')).toBe('Satisfied');
    expect(worded({ 'zh-CN': '满意', en: 'Satisfied' }, 'zh-CN')).toBe('满意');
  });

  it('builds the link on the server the page came from', () => {
    expect(linkOf('https://crm.example.cn', '/s/abc')).toBe('https://crm.example.cn/s/abc');
    expect(linkOf('http://10.0.0.5:3000/', '/s/abc')).toBe('http://10.0.0.5:3000/s/abc');
  });

  it('shows rates, scores and NPS, — for none', () => {
    expect([percent(90), percent(66.67), percent(null)]).toEqual(['90%', '66.7%', '—']);
    expect([score(4.333), score(4), score(undefined)]).toEqual(['4.33', '4', '—']);
    expect([npsText(25), npsText(-12.5), npsText(0), npsText(null)]).toEqual(['+25', '-12.5', '0', '—']);
  });

  it('colours CSAT and the target, and groups NPS answers', () => {
    expect([csatTone(4.2), csatTone(3), csatTone(2.9), csatTone(null)]).toEqual(['success', 'warning', 'danger', undefined]);
    expect([targetTone(90, 90), targetTone(89.9, 90), targetTone(null, 90)]).toEqual(['success', 'danger', undefined]);
    expect([npsGroup(10), npsGroup(9), npsGroup(8), npsGroup(7), npsGroup(6), npsGroup(0)]).toEqual(['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor']);
  });

  it('says the date that goes with the state', () => {
    const t = ((k: string, o: { date: string }) => `${k}:${o.date}`) as never;
    const day = (iso: string) => iso.slice(0, 10);
    const base = { expiresAt: '2026-12-20T00:00:00Z', answeredAt: null, revokedAt: null };
    expect(statusLine(t, { ...base, status: 'pending' }, day)).toBe('surveys:statusLine.pending:2026-12-20');
    expect(statusLine(t, { ...base, status: 'expired' }, day)).toBe('surveys:statusLine.expired:2026-12-20');
    expect(statusLine(t, { ...base, status: 'answered', answeredAt: '2026-12-03T02:00:00Z' }, day)).toBe('surveys:statusLine.answered:2026-12-03');
    expect(statusLine(t, { ...base, status: 'revoked', revokedAt: '2026-12-04T02:00:00Z' }, day)).toBe('surveys:statusLine.revoked:2026-12-04');
  });
});
