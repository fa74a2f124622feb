import { StatusTag } from '../../../components/StatusTag';

/** Approval and request statuses share the common status labels (草稿, 审批中, 已通过, …). */
export function ApprovalStatusTag({ status }: { status: string }) {
  return <StatusTag value={status} labelPrefix="common:status" />;
}
