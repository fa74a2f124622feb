import { issue, type FieldIssue } from '../../../shared/errors';
import { ASSESSMENT_FACTORS, DEFAULT_PIPELINE_SETTINGS, STAGE_ITEMS, STAGES, type PipelineSettings, type Stage } from '../../../shared/domain/pipeline';

/**
 * Stored settings merged over the defaults, key by key, so a row written by an older release (or
 * missing keys) still reads as a complete, valid settings object.
 */
export function readPipelineSettings(raw: unknown): PipelineSettings {
  const d = DEFAULT_PIPELINE_SETTINGS;
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof PipelineSettings, Record<string, unknown>>>;
  const perStage = <T>(value: Record<string, unknown> | undefined, fallback: Record<Stage, T>, ok: (v: unknown, s: Stage) => boolean) =>
    Object.fromEntries(STAGES.map((s) => [s, value && ok(value[s], s) ? value[s] : fallback[s]])) as Record<Stage, T>;
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  return {
    gates: perStage(r.gates, d.gates, (v, s) => Array.isArray(v) && v.every((item) => (STAGE_ITEMS[s] as readonly string[]).includes(item as string))),
    weights: Object.fromEntries(ASSESSMENT_FACTORS.map((f) => [f, num(r.weights?.[f]) ? r.weights![f] : d.weights[f]])) as PipelineSettings['weights'],
    thresholds: {
      valueHigh: num(r.thresholds?.valueHigh) ? (r.thresholds!.valueHigh as number) : d.thresholds.valueHigh,
      valueLow: num(r.thresholds?.valueLow) ? (r.thresholds!.valueLow as number) : d.thresholds.valueLow,
      difficultyHigh: num(r.thresholds?.difficultyHigh) ? (r.thresholds!.difficultyHigh as number) : d.thresholds.difficultyHigh,
    },
    probabilities: perStage(r.probabilities, d.probabilities, num),
    ageingDays: perStage(r.ageingDays, d.ageingDays, num),
  };
}

/** What the contract cannot say: gate items belong to their stage, low ≤ high, some weight on each dimension, probabilities rise. */
export function settingsIssues(s: PipelineSettings): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const st of STAGES) {
    s.gates[st].forEach((item, i) => {
      if (!(STAGE_ITEMS[st] as readonly string[]).includes(item)) out.push(issue(`gates.${st}.${i}`, 'pipeline.gateItemStage', `${item} is not an item of stage ${st}`, { item, stage: st }));
    });
    if (new Set(s.gates[st]).size !== s.gates[st].length) out.push(issue(`gates.${st}`, 'pipeline.gateDuplicate', 'An item is listed twice'));
  }
  if (s.thresholds.valueLow > s.thresholds.valueHigh) out.push(issue('thresholds.valueLow', 'pipeline.valueLowAboveHigh', 'The low-value threshold must not exceed the high-value threshold'));
  if (s.weights.share + s.weights.business_value === 0) out.push(issue('weights', 'pipeline.noValueWeight', 'At least one value factor needs a weight'));
  if (s.weights.effort + s.weights.deal_risk + s.weights.payment_risk + s.weights.supply_capacity + s.weights.difficulty === 0) out.push(issue('weights', 'pipeline.noDifficultyWeight', 'At least one difficulty factor needs a weight'));
  for (const st of [2, 3, 4, 5] as const) {
    if (s.probabilities[st] < s.probabilities[(st - 1) as Stage]) out.push(issue(`probabilities.${st}`, 'pipeline.probabilityOrder', 'A later stage cannot have a lower probability than an earlier one', { stage: st }));
  }
  return out;
}
