/** When a scheduled job runs: every N seconds, or daily at HH:MM in the business time zone. */
export type ScheduleSpec = { everySeconds: number } | { dailyAt: string; timeZone: string };

/** Offset of a time zone from UTC at a given instant, in minutes (e.g. +480 for Asia/Shanghai). */
function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The first run strictly after `from`. */
export function nextRun(spec: ScheduleSpec, from: Date): Date {
  if ('everySeconds' in spec) return new Date(from.getTime() + spec.everySeconds * 1000);
  const m = /^(\d{2}):(\d{2})$/.exec(spec.dailyAt);
  if (!m) throw new Error(`bad dailyAt ${spec.dailyAt}`);
  const hh = Number(m[1]);
  const mm = Number(m[2]);
  const offset = zoneOffsetMinutes(from, spec.timeZone);
  // local wall-clock date of `from`, then the candidate instant at HH:MM local on that date
  const local = new Date(from.getTime() + offset * 60_000);
  let candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hh, mm) - offset * 60_000;
  if (candidate <= from.getTime()) candidate += 24 * 3600 * 1000;
  return new Date(candidate);
}
