import { filled } from './accounts.rules';

/** The fields the target lacks and the source has: these take the source's value, the rest stay. */
export function fillableFields<K extends string>(target: Readonly<Record<K, unknown>>, source: Readonly<Record<K, unknown>>, fields: readonly K[]): K[] {
  return fields.filter((f) => !filled(target[f]) && filled(source[f]));
}

export interface LedgerRow {
  year: number;
  source: string;
  amount: number;
  note: string;
}

/** The target's ledger after a merge: rows of the same year and source are summed, their notes kept side by side. */
export function mergeLedgers(target: readonly LedgerRow[], source: readonly LedgerRow[]): LedgerRow[] {
  const out = new Map<string, LedgerRow>();
  for (const r of [...target, ...source]) {
    const key = `${r.year}:${r.source}`;
    const seen = out.get(key);
    if (!seen) {
      out.set(key, { ...r });
      continue;
    }
    seen.amount += r.amount;
    const notes = [seen.note, r.note].map((n) => n.trim()).filter(Boolean);
    seen.note = [...new Set(notes)].join('；').slice(0, 500);
  }
  return [...out.values()].sort((a, b) => b.year - a.year || a.source.localeCompare(b.source));
}

/** The service team after a merge: everyone of both, each person and role once. */
export function mergeTeams<T extends { userId: number; role: string }>(target: readonly T[], source: readonly T[]): T[] {
  const seen = new Set<string>();
  return [...target, ...source].filter((m) => {
    const key = `${m.userId}:${m.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
