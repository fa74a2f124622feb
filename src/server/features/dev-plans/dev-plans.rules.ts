/** The plan's 费用销售预测 in fen: sales × (1 − risk) − (staff + travel + operating costs); null without sales. */
export function expectedReturn(f: { sales: number | null; riskCoefficient: number | null; staffCost: number | null; travelCost: number | null; operatingCost: number | null }): number | null {
  if (f.sales === null) return null;
  const risk = f.riskCoefficient ?? 0;
  return Math.round(f.sales * (1 - risk)) - ((f.staffCost ?? 0) + (f.travelCost ?? 0) + (f.operatingCost ?? 0));
}

/** A plan is edited and (re)submitted only while it is not with the approvers and not approved. */
export const EDITABLE_PLAN_STATUSES: ReadonlySet<string> = new Set(['draft', 'rejected', 'withdrawn']);

/** The plan status that follows an approval instance's status (a return sends it back like a rejection). */
export function planStatusFor(approval: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'): 'pending' | 'approved' | 'rejected' | 'withdrawn' {
  return approval === 'returned' ? 'rejected' : approval;
}
