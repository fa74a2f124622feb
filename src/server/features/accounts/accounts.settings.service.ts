import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import type { accountSettingsInput } from '../../../shared/contracts/accounts';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { accountsRepo } from './accounts.repo';
import { readQuadrantSettings } from './quadrant.rules';
import { SETTINGS_KEYS, readClassificationSettings, readCompletenessSettings, readLifecycleSettings } from './accounts.rules';

export async function loadSettings(db: Executor) {
  const stored = await accountsRepo.getSettings(db, Object.values(SETTINGS_KEYS));
  return {
    classification: readClassificationSettings(stored.get(SETTINGS_KEYS.classification)),
    completeness: readCompletenessSettings(stored.get(SETTINGS_KEYS.completeness)),
    quadrant: readQuadrantSettings(stored.get(SETTINGS_KEYS.quadrant)),
    lifecycle: readLifecycleSettings(stored.get(SETTINGS_KEYS.lifecycle)),
  };
}
export type Settings = Awaited<ReturnType<typeof loadSettings>>;

export async function getSettings(db: Kdb) {
  return loadSettings(db);
}

/** Saves the settings (quadrant and lifecycle kept when left out); `afterSave` (same transaction) queues the recompute. */
export async function putSettings(db: Kdb, actor: Actor, input: z.infer<typeof accountSettingsInput>, afterSave: (trx: Executor) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx);
    const after = {
      classification: input.classification,
      completeness: readCompletenessSettings(input.completeness),
      quadrant: input.quadrant ?? before.quadrant,
      lifecycle: input.lifecycle ?? before.lifecycle,
    };
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.classification, after.classification);
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.completeness, input.completeness);
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.quadrant, after.quadrant);
    await accountsRepo.putSetting(trx, SETTINGS_KEYS.lifecycle, after.lifecycle);
    await audit(trx, actor, { entity: 'setting', entityId: 'accounts', action: 'update', before, after });
    await afterSave(trx);
  });
  return getSettings(db);
}
