import type { Executor } from '../../db/client';

/** The one row of pipeline settings (gates, weights, thresholds, probabilities, ageing). */
export const pipelineSettingsRepo = {
  async get(db: Executor) {
    return db.selectFrom('pipeline_settings').select(['settings', 'version', 'updated_at']).where('id', '=', 1).executeTakeFirst();
  },
  /** Optimistic write: version 0 creates the row, otherwise the row must still be at `version`. Returns the new version or null when stale. */
  async put(db: Executor, settings: unknown, version: number, actorId: number): Promise<number | null> {
    const value = JSON.stringify(settings);
    if (version === 0) {
      const r = await db
        .insertInto('pipeline_settings')
        .values({ id: 1, settings: value, version: 1, updated_by: actorId })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('version')
        .executeTakeFirst();
      return r?.version ?? null;
    }
    const r = await db
      .updateTable('pipeline_settings')
      .set((eb) => ({ settings: value, version: eb('version', '+', 1), updated_by: actorId, updated_at: new Date() }))
      .where('id', '=', 1)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst();
    return r?.version ?? null;
  },
};
