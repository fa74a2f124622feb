
/**
 * 客户接待申请 approval amounts. Seed 003 form 6 is signed by 客户总监 and 财务部经理, and the
 * report form 7 also by 总经理; the seeds name no amount for receptions, so the GM joins above
 * the threshold the seed sets for general spending (通用审批: the GM above ¥20,000).
 */
export const RECEPTION_GM_THRESHOLD = 2_000_000;

/** An application is edited and (re)submitted only while it is not with the approvers, approved or cancelled. */
export const EDITABLE_STATUSES: ReadonlySet<string> = new Set(['draft', 'rejected', 'withdrawn']);

/** The reception status that follows an approval instance's status (a return sends it back like a rejection). */
export function receptionStatusFor(approval: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'): 'pending' | 'approved' | 'rejected' | 'withdrawn' {
  return approval === 'returned' ? 'rejected' : approval;
}

/** The report (form 7) is written after the application was approved, and rewritten until the director confirmed it. */
export function canWriteReport(status: string, reportStatus: string): boolean {
  return status === 'approved' && reportStatus !== 'approved';
}

/** The report is confirmed by the KA director (客户总监审核) or a GM — never by whoever owns the reception. */
export function mayConfirmReport(positions: readonly string[], actorId: number, ownerId: number): boolean {
  return actorId !== ownerId && positions.some((p) => p === 'ka_director' || p === 'gm' || p === 'deputy_gm');
}

/** A reception may be cancelled until its report was written. */
export function canCancel(status: string, reportStatus: string): boolean {
  return status !== 'cancelled' && reportStatus === 'none';
}

export function sumLines(lines: Record<string, number>): number {
  return Object.values(lines).reduce((a, b) => a + b, 0);
}

