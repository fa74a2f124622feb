import type { Kdb } from '../../db/client';
import type { Notifier } from '../notifications/notifier';

// Placeholder replaced by the approval engine implementation (FLOW-1).
export class ApprovalEngine {
  constructor(
    readonly db: Kdb,
    readonly notifier: Notifier,
  ) {}
}
