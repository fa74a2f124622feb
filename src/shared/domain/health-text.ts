import type { HealthMeasure } from './health';

/** A translator as i18next's `t` and the server's interpolation of one locale both are. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** What a sentence needs of a measure result. */
export interface MeasureFacts {
  measure: HealthMeasure;
  raw: number;
  detail?: Record<string, number>;
}

/** A revenue change in words: 上升 12% / 下降 70% / 持平. */
function change(t: Translate, pct: number) {
  return pct > 0 ? t('health:drivers.up', { pct }) : pct < 0 ? t('health:drivers.down', { pct: -pct }) : t('health:drivers.flat');
}

/**
 * A measure as a sentence ("近 47 天未拜访，政策为 30 天"), from its raw value and detail; money in the
 * reader's unit. The web passes i18next's `t`; the server (a lifecycle change's reason) the zh-CN texts.
 */
export function measureText(t: Translate, m: MeasureFacts, money: (fen: number) => string): string {
  const d = m.detail ?? {};
  switch (m.measure) {
    case 'visit_gap':
      return t(d.never ? 'health:drivers.visit_gap_never' : 'health:drivers.visit_gap', { days: d.days ?? 0, policyDays: d.policyDays ?? 0 });
    case 'revenue_trend':
      return t(d.prorated ? 'health:drivers.revenue_trend_prorated' : 'health:drivers.revenue_trend', { current: money(d.current ?? 0), change: change(t, m.raw) });
    case 'overdue':
      return m.raw > 0 ? t('health:drivers.overdue', { days: d.days ?? m.raw, amount: money(d.amount ?? 0) }) : t('health:drivers.overdue_none');
    case 'complaints':
      return t('health:drivers.complaints', { open: d.open ?? 0, breached: d.breached ?? 0 });
    case 'satisfaction':
      return t('health:drivers.satisfaction', { rate: Math.round(m.raw), answers: d.answers ?? 0 });
    case 'key_contact_left':
      return t('health:drivers.key_contact_left', { count: m.raw });
    case 'competitor_leaning':
      return t('health:drivers.competitor_leaning', { count: m.raw });
    case 'coverage':
      return t('health:drivers.coverage', { rate: Math.round(m.raw), contacts: d.contacts ?? 0 });
    case 'stalled_development':
      return t('health:drivers.stalled_development', { projects: d.projects ?? 0, stage: d.stage ?? 0, days: m.raw });
  }
}
