import type { RuleSet, ScoreRule } from '../../../shared/contracts/scorecards';

export type FieldPath = (string | number)[];

/** One number of a rule an admin may change besides its points: where it is, its label key (settings.fields.) and its index for a band or tier. */
export interface RuleField {
  path: FieldPath;
  label: string;
  index?: number;
  step: number;
  min?: number;
}

/** The numbers of a rule beyond its points, in the order the form prints them. */
export function ruleFields(rule: ScoreRule): RuleField[] {
  switch (rule.kind) {
    case 'step':
      return [
        { path: ['start'], label: 'start', step: 1 },
        { path: ['base'], label: 'base', step: 1 },
        { path: ['step'], label: 'step', step: 1, min: 0.01 },
        { path: ['perStep'], label: 'perStep', step: 0.5, min: 0.01 },
        { path: ['min'], label: 'min', step: 1 },
        { path: ['max'], label: 'max', step: 1 },
      ];
    case 'count':
      return [
        { path: ['perUnit'], label: 'perUnit', step: 0.5, min: 0.01 },
        ...(rule.shortfall
          ? [
              { path: ['shortfall', 'below'], label: 'shortfallBelow', step: 1, min: 0 },
              { path: ['shortfall', 'penalty'], label: 'shortfallPenalty', step: 0.5, min: 0 },
            ]
          : []),
        { path: ['min'], label: 'min', step: 1 },
      ];
    case 'ratio':
      return [{ path: ['cap'], label: 'cap', step: 5, min: 0.01 }];
    case 'threshold':
      return rule.bands.flatMap((_, i) => [
        { path: ['bands', i, 'at'], label: rule.better === 'higher' ? 'bandAtLeast' : 'bandAtMost', index: i + 1, step: 0.5 },
        { path: ['bands', i, 'points'], label: 'bandPoints', index: i + 1, step: 1, min: 0 },
      ]);
    case 'tiers':
      return [
        ...rule.tiers.flatMap((_, i) => [
          { path: ['tiers', i, 'upTo'], label: 'tierUpTo', index: i + 1, step: 1, min: 1 },
          { path: ['tiers', i, 'deduct'], label: 'tierDeduct', index: i + 1, step: 0.5, min: 0 },
        ]),
        { path: ['perAbsentDay'], label: 'perAbsentDay', step: 0.5, min: 0 },
      ];
    case 'per':
      return [{ path: ['per'], label: 'per', step: 0.5, min: 0.01 }, ...(rule.min !== null ? [{ path: ['min'], label: 'min', step: 1 }] : [])];
    case 'judgment':
      return [{ path: ['stepOf'], label: 'stepOf', step: 0.5, min: 0.01 }];
  }
}

/** The number at a path of a rule. */
export function numberAt(rule: ScoreRule, path: FieldPath): number | null {
  const v = path.reduce<unknown>((o, k) => (o === null || o === undefined ? undefined : (o as Record<string | number, unknown>)[k]), rule);
  return typeof v === 'number' ? v : null;
}

/** A rule with the number at a path replaced (the rule is copied, not changed). */
export function withNumber<R extends ScoreRule>(rule: R, path: FieldPath, value: number): R {
  const copy = structuredClone(rule);
  let o = copy as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = value;
  return copy;
}

/** The rule sets with one item's rule changed. */
export function withItemRule(sets: readonly RuleSet[], kind: RuleSet['kind'], key: string, change: (r: ScoreRule) => ScoreRule): RuleSet[] {
  return sets.map((s) => (s.kind !== kind ? s : { ...s, items: s.items.map((i) => (i.key === key ? { ...i, rule: change(i.rule) } : i)) }));
}

/** The rule sets with one kind's threshold changed. */
export function withThreshold(sets: readonly RuleSet[], kind: RuleSet['kind'], threshold: number): RuleSet[] {
  return sets.map((s) => (s.kind === kind ? { ...s, threshold } : s));
}
