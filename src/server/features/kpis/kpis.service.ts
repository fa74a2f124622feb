import type { z } from 'zod';
import type { Attainment, attainmentQuery, AttainmentRow } from '../../../shared/contracts/kpis';
import { businessDate } from '../../../shared/domain/business-time';
import { attainment, elapsed, parsePeriod, periodOf } from '../../../shared/domain/kpi-period';
import { levelOf } from '../../../shared/domain/targets';
import { issue, validationError } from '../../../shared/errors';
import type { Kdb } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { targetRowsOf } from '../targets';
import { loadWorkCalendar } from '../workdays';

/**
 * 目标达成 (PERF-2): a unit's rows for a metric over a period — the approved targets summed over the period's
 * months, the actuals from confirmed or approved records, and where each stands against the working days
 * elapsed.
 */
export async function attainmentOf(db: Kdb, actor: Actor, q: z.output<typeof attainmentQuery>, timeZone: string, now = new Date()): Promise<Attainment> {
  const today = businessDate(now, timeZone);
  const period = parsePeriod(q.period ?? periodOf(today, 'month'));
  if (!period) throw validationError([issue('period', 'kpis.badPeriod', 'Not a period')]);
  const of = await targetRowsOf(db, actor, q.unitId ?? actor.unitId, q.metric, period.year, timeZone);
  const passed = elapsed(period, today, await loadWorkCalendar(db));
  const rows: AttainmentRow[] = of.rows.map((r) => {
    const key = `${r.kind}:${r.id}`;
    const months = period.months.map((m) => ({ month: m, target: r.months[m - 1]!.base, actual: of.actuals.get(key)?.get(`${period.year}-${m}`) ?? 0 }));
    const sum = (level: 'base' | 'stretch' | 'challenge') => period.months.reduce((s, m) => s + levelOf(r.months[m - 1]!, level), 0);
    const target = { base: sum('base'), stretch: sum('stretch'), challenge: sum('challenge') };
    const actual = months.reduce((s, m) => s + m.actual, 0);
    return { kind: r.kind, id: r.id, name: r.name, role: r.role, position: r.position, target, actual, ...attainment(actual, target.base, passed.share), months };
  });
  return { unit: of.unit, metric: q.metric, period: { key: period.key, from: period.from, to: period.to, months: period.months }, today, elapsed: passed, plan: of.plan, rows };
}
