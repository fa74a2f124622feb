import { KPI_LIBRARY, type KpiFigure, type KpiKey } from '../../../shared/contracts/kpis';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A KPI's figure from its sums: a percent is numerator ÷ denominator × 100 to two decimals (none when the
 * denominator is 0); an amount or a count is the numerator itself.
 */
export function figureOf(key: KpiKey, num: number, den: number): KpiFigure {
  if (KPI_LIBRARY[key].unit !== 'percent') return { value: num, numerator: num, denominator: null };
  return { value: den > 0 ? round2((num / den) * 100) : null, numerator: round2(num), denominator: round2(den) };
}

/** 销售增长率: the change over the same months of last year, relative to last year (none without last year's sales). */
export function growthOf(current: number, lastYear: number): KpiFigure {
  return { value: lastYear > 0 ? round2(((current - lastYear) / lastYear) * 100) : null, numerator: current - lastYear, denominator: lastYear };
}

/** Whether today's figure differs from the one kept when the period closed (a correction since). */
export function isCorrection(kept: KpiFigure | null, now: KpiFigure): boolean {
  if (!kept) return false;
  const differs = (a: number | null, b: number | null) => (a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) >= 0.005);
  return differs(kept.value, now.value) || differs(kept.numerator, now.numerator) || differs(kept.denominator, now.denominator);
}

/**
 * A unit's target where no row holds one: the sum of its sub-units' (each resolved the same way). A unit with
 * a row of its own keeps it. `children` lists each unit's direct sub-units.
 */
export function rolledUpTargets(own: ReadonlyMap<string, number>, children: ReadonlyMap<number, readonly number[]>, unitIds: readonly number[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  const resolve = (id: number, seen: Set<number>): number | null => {
    if (out.has(id)) return out.get(id)!;
    const mine = own.get(`unit:${id}`);
    let v: number | null = mine ?? null;
    if (mine === undefined && !seen.has(id)) {
      seen.add(id);
      const parts = (children.get(id) ?? []).map((c) => resolve(c, seen)).filter((x): x is number => x !== null);
      v = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
    }
    out.set(id, v);
    return v;
  };
  for (const id of unitIds) resolve(id, new Set());
  return out;
}
