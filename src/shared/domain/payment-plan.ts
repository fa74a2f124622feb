/**
 * 回款计划 (DEAL-2): a contract's instalments generated from its payment terms (30/60/10 by milestone or
 * date) and the checks a plan must pass, shared by the server (create, update, submit, plan preview)
 * and the web (a plan being typed). Money is integer fen; dates are 'YYYY-MM-DD'.
 */

export interface PlanTermInput {
  /** percent of the amount, > 0, at most 2 decimals */
  percent: number;
  dueDate: string;
  milestone?: string;
}

export interface PlannedInstalment {
  seq: number;
  milestone: string;
  dueDate: string;
  amount: number;
}

export interface PlanInstalment {
  amount: number;
  dueDate?: string;
  milestone?: string;
}

/** What is wrong with a plan: the field path (as the API names it) and the problem's code. */
export interface PlanProblem {
  path: string;
  problem: 'percentSum' | 'instalmentAmount' | 'planSum' | 'planMissing';
  params?: Record<string, number>;
}

/** A percent in hundredths (30.5 → 3050), the integer the arithmetic works in. */
const basisPoints = (percent: number) => Math.round(percent * 100);

/** The terms' percents must add up to exactly 100; null when they do. */
export function termsProblem(terms: readonly PlanTermInput[]): PlanProblem | null {
  const total = terms.reduce((s, t) => s + basisPoints(t.percent), 0);
  return total === 10_000 ? null : { path: 'terms', problem: 'percentSum', params: { percent: total / 100 } };
}

/**
 * The instalments of `amount` fen by the terms, in their order: each its percent of the amount rounded
 * down to the fen, the last the remainder, so the plan sums to the amount exactly. Throws a RangeError
 * when the percents do not add up to 100 (check termsProblem first).
 */
export function generatePlan(amount: number, terms: readonly PlanTermInput[]): PlannedInstalment[] {
  if (termsProblem(terms)) throw new RangeError('the terms’ percents must add up to 100');
  let given = 0;
  return terms.map((t, i) => {
    const last = i === terms.length - 1;
    // BigInt: amount × basis points leaves the safe integers above ¥90 billion
    const share = last ? amount - given : Number((BigInt(amount) * BigInt(basisPoints(t.percent))) / 10_000n);
    given += share;
    return { seq: i + 1, milestone: t.milestone ?? '', dueDate: t.dueDate, amount: share };
  });
}

/**
 * What is wrong with a plan for a contract of `amount` fen: every instalment above 0 (path
 * instalments.N.amount), and the sum equal to the amount (path instalments). A plan is required
 * (planMissing) when `required` and the amount is above 0; an empty plan of an amount of 0 is fine.
 */
export function planProblems(amount: number, instalments: readonly PlanInstalment[], required = false): PlanProblem[] {
  if (instalments.length === 0) return required && amount > 0 ? [{ path: 'instalments', problem: 'planMissing', params: { amount } }] : [];
  const problems: PlanProblem[] = instalments.flatMap((x, i) => (x.amount > 0 && Number.isInteger(x.amount) ? [] : [{ path: `instalments.${i}.amount`, problem: 'instalmentAmount' as const }]));
  const sum = instalments.reduce((s, x) => s + x.amount, 0);
  if (sum !== amount) problems.push({ path: 'instalments', problem: 'planSum', params: { sum, amount } });
  return problems;
}

/** The plan's total in fen. */
export const planTotal = (instalments: readonly PlanInstalment[]): number => instalments.reduce((s, x) => s + x.amount, 0);
