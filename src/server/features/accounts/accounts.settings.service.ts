import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import type { accountSettingsInput } from '../../../shared/contracts/accounts';
import type { Actor } from '../../platform/actor';
import { defineSetting, readWith } from '../../platform/settings';
import { readQuadrantSettings } from './quadrant.rules';
import { SETTINGS_KEYS, readClassificationSettings, readCompletenessSettings, readLifecycleSettings } from './accounts.rules';

/** The portfolio settings (ACC-3/4/5): value classes, profile completeness, the quadrant, the lifecycle. */
const SETTINGS = {
  classification: defineSetting(SETTINGS_KEYS.classification, readWith(readClassificationSettings), readClassificationSettings(undefined)),
  completeness: defineSetting(SETTINGS_KEYS.completeness, readWith(readCompletenessSettings), readCompletenessSettings(undefined)),
  quadrant: defineSetting(SETTINGS_KEYS.quadrant, readWith(readQuadrantSettings), readQuadrantSettings(undefined)),
  lifecycle: defineSetting(SETTINGS_KEYS.lifecycle, readWith(readLifecycleSettings), readLifecycleSettings(undefined)),
};

export async function loadSettings(db: Executor) {
  const [classification, completeness, quadrant, lifecycle] = await Promise.all([SETTINGS.classification.get(db), SETTINGS.completeness.get(db), SETTINGS.quadrant.get(db), SETTINGS.lifecycle.get(db)]);
  return { classification: classification.value, completeness: completeness.value, quadrant: quadrant.value, lifecycle: lifecycle.value };
}
export type Settings = Awaited<ReturnType<typeof loadSettings>>;

export async function getSettings(db: Kdb) {
  return loadSettings(db);
}

/** Saves the settings (quadrant, lifecycle and the tier window kept when left out); `afterSave` (same transaction) queues the recompute. */
export async function putSettings(db: Kdb, actor: Actor, input: z.infer<typeof accountSettingsInput>, afterSave: (trx: Executor) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx);
    const after = {
      classification: {
        ...input.classification,
        revenueWindow: input.classification.revenueWindow ?? before.classification.revenueWindow,
        highValueContractThreshold: input.classification.highValueContractThreshold ?? before.classification.highValueContractThreshold,
        highValueMaxOverdueDays: input.classification.highValueMaxOverdueDays ?? before.classification.highValueMaxOverdueDays,
      },
      completeness: readCompletenessSettings(input.completeness),
      quadrant: input.quadrant ?? before.quadrant,
      lifecycle: input.lifecycle ?? before.lifecycle,
    };
    // each key audited with what changed in it
    await SETTINGS.classification.put(trx, actor, after.classification);
    await SETTINGS.completeness.put(trx, actor, after.completeness);
    await SETTINGS.quadrant.put(trx, actor, after.quadrant);
    await SETTINGS.lifecycle.put(trx, actor, after.lifecycle);
    await afterSave(trx);
  });
  return getSettings(db);
}
