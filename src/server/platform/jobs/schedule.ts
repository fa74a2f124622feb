import { localDate, zonedInstant } from '../../../shared/domain/business-time';

/** When a scheduled job runs: every N seconds, or daily at HH:MM in the business time zone. */
export type ScheduleSpec = { everySeconds: number } | { dailyAt: string; timeZone: string };

/** The first run strictly after `from`. */
export function nextRun(spec: ScheduleSpec, from: Date): Date {
  if ('everySeconds' in spec) {
    if (!(spec.everySeconds > 0)) throw new Error(`bad everySeconds ${spec.everySeconds}`);
    return new Date(from.getTime() + spec.everySeconds * 1000);
  }
  const m = /^(\d{2}):(\d{2})$/.exec(spec.dailyAt);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new Error(`bad dailyAt ${spec.dailyAt}`);
  const hh = Number(m[1]);
  const mm = Number(m[2]);
  const d = localDate(from, spec.timeZone);
  let candidate = zonedInstant(spec.timeZone, d.year, d.month0, d.day, hh, mm);
  if (candidate.getTime() <= from.getTime()) candidate = zonedInstant(spec.timeZone, d.year, d.month0, d.day + 1, hh, mm);
  return candidate;
}
