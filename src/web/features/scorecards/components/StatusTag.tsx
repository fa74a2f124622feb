import type { ScorecardStatus } from '../../../../shared/contracts/scorecards';
import { StatusTag } from '../../../components/StatusTag';

/** The colours of a card's status: under way blue, at the director's orange, locked green. */
export const STATUS_COLORS: Record<ScorecardStatus, string> = {
  draft: 'default',
  self_review: 'processing',
  evaluator: 'processing',
  director: 'warning',
  locked: 'success',
};

export function ScorecardStatusTag({ status }: { status: ScorecardStatus }) {
  return <StatusTag value={status} labelPrefix="scorecards:statuses" colors={STATUS_COLORS} />;
}
