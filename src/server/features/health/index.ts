import type { Executor } from '../../db/client';
import type { JobQueue } from '../../platform/jobs/queue';
import { defineFeature } from '../../platform/feature';
import { HEALTH_DIRTY_JOB, healthRoutes, registerHealthJobs } from './health.routes';
import { markDirty } from './health.service';
import { HEALTH_TABLES } from './health.tables';

/** The queue this process wired the room with: healthChanged queues the drain through it. */
let jobs: JobQueue | null = null;

const ALL = ['health:read', 'health:configure'] as const;
const READ = ['health:read'] as const;

/** 客户健康度 (SVC-3): each account's health explained, the at-risk list, the profiles, the recomputes. */
export const healthFeature = defineFeature({
  name: 'health',
  tables: HEALTH_TABLES,
  /** read the at-risk list and the profiles; change the profiles and recompute now */
  permissions: [...ALL],
  grants: { gm: ALL, deputy_gm: ALL, ka_director: ALL, account_manager: READ, specialist: READ },
  routes: healthRoutes,
  wire: (p) => {
    jobs = p.jobs;
    registerHealthJobs(p);
  },
});

/**
 * For the rooms whose records are health signals (visits, tickets, surveys, contacts, projects, receipts,
 * the revenue ledger), in the transaction of the change: marks these accounts for a recompute and queues
 * the drain at once (one queued at a time; the every-minute drain picks up what a running one missed).
 */
export async function healthChanged(trx: Executor, accountIds: readonly number[]): Promise<void> {
  const ids = accountIds.filter((id) => Number.isInteger(id) && id > 0);
  if (!ids.length) return;
  await markDirty(trx, ids);
  await jobs?.enqueue(trx, HEALTH_DIRTY_JOB, { reason: 'event' }, { dedupeKey: `event:${HEALTH_DIRTY_JOB}` });
}

/** The rooms that act when a band moves (the recovery plans), in the recompute's transaction. */
export { onBandMoves, type BandMove } from './health.service';

/** The health recompute for the CLI and the benchmark: every account, or some, set-based. */
export { recomputeAll as recomputeAllHealth, recomputeAccounts as recomputeHealth } from './health.service';
