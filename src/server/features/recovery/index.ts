import type { Kdb } from '../../db/client';
import { defineFeature } from '../../platform/feature';
import type { BandMove } from '../health';
import { openFromHealth, type RecoveryContext } from './recovery.service';
import { handoverParts, mergeParts, timelineSources } from './recovery.parts';
import { recoveryRoutes, registerRecoveryListener } from './recovery.routes';
import { RECOVERY_TABLES } from './recovery.tables';

const WORK = ['recovery:read', 'recovery:work'] as const;
const ALL = [...WORK, 'recovery:close'] as const;

/** 挽回方案 (SVC-3, ACC-5): the churn warning opens a plan when an account turns red; the owner works it, the director decides won back or lost. */
export const recoveryFeature = defineFeature({
  name: 'recovery',
  tables: RECOVERY_TABLES,
  /** read the plans; open and work them (steps, goal, measures); decide won back or lost and change the template */
  permissions: [...ALL],
  grants: { gm: ALL, deputy_gm: ALL, ka_director: ALL, account_manager: WORK, specialist: WORK },
  routes: recoveryRoutes,
  wire: registerRecoveryListener,
  timelineSources,
  mergeParts,
  handoverParts,
});

/** The churn warning outside a recompute's transaction (the demo, after its first health compute): the plans the band moves call for. */
export async function openRecoveryPlans(db: Kdb, moves: readonly BandMove[], ctx: RecoveryContext): Promise<number[]> {
  return db.transaction().execute((trx) => openFromHealth(trx, moves, ctx));
}
