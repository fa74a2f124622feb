import type { ItemInput, RuleSet, ScoreRule, ScorecardKind } from '../contracts/scorecards';

/**
 * 考核表 scoring (SPEC PERF-3): an item's points from its input by its rule, and a card's total. Pure, so the
 * page shows the points while the evaluator types and the server computes the same.
 *
 * The seeds leave choices; the readings taken (also written beside each item, scorecards locale
 * `items.<key>.reading`, and tested at their boundaries):
 *  - sales completion (seed 003 §2.2 "低于100%每低5%扣该项1分，高于5%加1分"): whole 5 % steps counted from
 *    100 % — 95 % is one step (24), 94.99 % still one, 90 % two (23); 105 % is +1 (26), 104.99 % none (25).
 *    Not under 0 and at most +5 (30), so one item cannot outweigh the rest of the card.
 *  - new accounts ("新增1客户加1分，低于2户扣1分"): 1 point each up to the item's 5, and fewer than 2 costs one
 *    point more: 0 → −1, 1 → 0, 2 → 2, 3 → 3, 5 or more → 5.
 *  - sales growth ("季销量相比增加…加1分，出现负增长扣分"): 5 at no change, +1 per whole 5 % of growth and −1 per
 *    whole 5 % of decline, within 0..10.
 *  - attendance ("迟到1–3次扣1分，4–6次扣2分"; "全勤者满分，低于…天扣1分"): late 0 → 5, 1–3 → 4, 4–6 → 3,
 *    more than 6 → 0 (the whole item); −1 for each day short of full attendance; not under 0.
 *  - conduct −2 per violation, not under 0; service −5 per valid complaint with no floor: each valid complaint
 *    costs 5 points of the total, as the seed says "出现一次客户投诉扣5分".
 *  - the specialist's monthly form (seed 001) names its four parts but leaves the weights blank: 拜访 30,
 *    拓展 30, 成交 20, 日常工作 20; each completion counts up to 100 %.
 *  - the director's quarterly form (seed 003 §1.2.1) names the four KPIs only: sales plan completion 40 and
 *    archive completeness 20 (× the rate, up to 100 %); churn rate 20 (≤ 2 % 20, ≤ 5 % 15, ≤ 10 % 8, more 0)
 *    and new-account rate 20 (≥ 10 % 20, ≥ 5 % 15, ≥ 2 % 8, less 0).
 *  - the total is the sum of the items, not under 0; under the threshold (default 60, "考核分低于××分者受口头
 *    警告处分") a warning is raised.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
/** whole steps of `step` in `d`, robust to floating-point crumbs (5.0000000001 / 5 is one step) */
const steps = (d: number, step: number) => Math.floor(round2(d) / step + 1e-9);

/** An item's points from its input; null when the input is missing (no target, nothing entered yet). */
export function scoreOf(rule: ScoreRule, value: number | null, absent: number | null = null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (rule.kind) {
    case 'step': {
      const n = value >= rule.base ? steps(value - rule.base, rule.step) : -steps(rule.base - value, rule.step);
      return round2(clamp(rule.start + n * rule.perStep, rule.min, rule.max));
    }
    case 'count': {
      const short = rule.shortfall && value < rule.shortfall.below ? rule.shortfall.penalty : 0;
      return round2(Math.max(rule.min, Math.min(rule.points, value * rule.perUnit) - short));
    }
    case 'ratio':
      return round2((rule.points * clamp(value, 0, rule.cap)) / 100);
    case 'threshold': {
      const bands = [...rule.bands].sort((a, b) => (rule.better === 'higher' ? b.at - a.at : a.at - b.at));
      const hit = bands.find((b) => (rule.better === 'higher' ? value >= b.at : value <= b.at));
      return Math.min(rule.points, hit?.points ?? 0);
    }
    case 'tiers': {
      const tiers = [...rule.tiers].sort((a, b) => a.upTo - b.upTo);
      const tier = value <= 0 ? null : tiers.find((t) => value <= t.upTo);
      const late = value <= 0 ? 0 : tier ? tier.deduct : rule.points;
      return round2(Math.max(0, rule.points - late - (absent ?? 0) * rule.perAbsentDay));
    }
    case 'per': {
      const pts = rule.points - value * rule.per;
      return round2(rule.min === null ? pts : Math.max(rule.min, pts));
    }
    case 'judgment':
      return value;
  }
}

/** Why an evaluator's entry for a judgment item is refused (an i18n key), or null when it is fine. */
export function judgmentIssue(rule: ScoreRule, value: number): string | null {
  if (rule.kind !== 'judgment') return 'scorecards.notJudgment';
  if (!Number.isFinite(value) || value < 0 || value > rule.points) return 'scorecards.outOfRange';
  const n = value / rule.stepOf;
  if (Math.abs(n - Math.round(n)) > 1e-9) return 'scorecards.notAStep';
  return null;
}

/** A card's total: the items' sum, not under 0; complete when no item is missing. */
export function totalOf(points: readonly (number | null)[], threshold: number) {
  const missing = points.filter((p) => p === null).length;
  const total = round2(Math.max(0, points.reduce<number>((s, p) => s + (p ?? 0), 0)));
  return { total, complete: missing === 0, missing, warning: missing === 0 && total < threshold };
}

const judgment = (key: string, points: number, stepOf = 0.5) => ({ key, source: 'evaluator' as const, rule: { kind: 'judgment' as const, points, stepOf } });
const kpi = <R extends ScoreRule>(key: string, rule: R) => ({ key, source: 'kpi' as const, rule });
const ratio = (key: string, input: ItemInput, points: number) => kpi(key, { kind: 'ratio', input, points, cap: 100 });

/** The seeds' three forms as rule sets: the defaults an admin starts from. */
export const DEFAULT_RULE_SETS: Record<ScorecardKind, RuleSet> = {
  // seed 003 §2.2 客户管理专员绩效考核指标: 12 items, 100 points
  account_manager: {
    kind: 'account_manager',
    cycle: 'month',
    threshold: 60,
    items: [
      kpi('sales_completion', { kind: 'step', input: 'sales_completion', points: 25, start: 25, base: 100, step: 5, perStep: 1, min: 0, max: 30 }),
      kpi('sales_growth', { kind: 'step', input: 'sales_growth', points: 10, start: 5, base: 0, step: 5, perStep: 1, min: 0, max: 10 }),
      kpi('new_accounts', { kind: 'count', input: 'new_accounts', points: 5, perUnit: 1, shortfall: { below: 2, penalty: 1 }, min: -1 }),
      judgment('market_information', 10),
      judgment('teamwork', 10),
      judgment('knowledge', 10),
      judgment('judgment', 4),
      judgment('communication', 6),
      { key: 'attendance', source: 'attendance', rule: { kind: 'tiers', input: 'late_times', points: 5, tiers: [{ upTo: 3, deduct: 1 }, { upTo: 6, deduct: 2 }], absentInput: 'absent_days', perAbsentDay: 1 } },
      { key: 'conduct', source: 'evaluator', rule: { kind: 'per', input: 'violations', points: 5, per: 2, min: 0 } },
      judgment('responsibility', 5),
      kpi('service', { kind: 'per', input: 'valid_complaints', points: 5, per: 5, min: null }),
    ],
  },
  // seed 001 客户专员月度考核表: 拜访 / 拓展 / 成交 against the monthly plan, and the daily work
  specialist: {
    kind: 'specialist',
    cycle: 'month',
    threshold: 60,
    items: [ratio('visit_plan', 'visit_plan_execution', 30), ratio('expansion_plan', 'dev_plan_completion', 30), ratio('deal_plan', 'deal_plan_completion', 20), judgment('daily_work', 20)],
  },
  // seed 003 §1.2.1 大客户部经理 — quarterly: 销售计划完成率、客户档案完整率、客户流失率、客户新开发率
  director: {
    kind: 'director',
    cycle: 'quarter',
    threshold: 60,
    items: [
      ratio('sales_completion', 'sales_completion', 40),
      ratio('archive_completeness', 'archive_completeness', 20),
      kpi('churn_rate', { kind: 'threshold', input: 'churn_rate', points: 20, better: 'lower', bands: [{ at: 2, points: 20 }, { at: 5, points: 15 }, { at: 10, points: 8 }] }),
      kpi('new_account_rate', { kind: 'threshold', input: 'new_account_rate', points: 20, better: 'higher', bands: [{ at: 10, points: 20 }, { at: 5, points: 15 }, { at: 2, points: 8 }] }),
    ],
  },
};

/** A rule set's full marks: its items' points as the form prints them (a step item may give a bonus above). */
export const fullMarks = (set: RuleSet) => set.items.reduce((s, i) => s + i.rule.points, 0);
