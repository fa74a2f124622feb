import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_KEYS } from '../../src/shared/contracts/kpis';
import { keepSnapshot } from '../../src/server/features/kpis/kpis.library.service';
import { raceEnabled, startRig, type RaceRig } from '../support/servers';

/**
 * KPI snapshots kept by several keepers at once on one PostgreSQL database (the nightly job of every
 * instance, and recomputes): one keeper writes the period, the others find it kept; no figure twice.
 */
const KEEPERS = 20;
const TZ = 'Asia/Shanghai';
const now = new Date('2026-10-01T01:30:00+08:00');

describe('KPI snapshot keepers at once', () => {
  let rig: (RaceRig & { close(): Promise<void> }) | undefined;

  beforeAll(async () => {
    if (raceEnabled) rig = await startRig(0);
  }, 180_000);

  afterAll(async () => rig?.close(), 60_000);

  it.skipIf(!raceEnabled)(`${KEEPERS} keepers of one period, then ${KEEPERS} recomputes (PostgreSQL only)`, async () => {
    const db = rig!.database.db;
    const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from kpi_snapshots where period = '2026-09'`.execute(db)).rows[0]!.n);
    const kept = await Promise.all(Array.from({ length: KEEPERS }, () => keepSnapshot(db, '2026-09', TZ, {}, now)));
    const winners = kept.filter((k) => k !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toBeGreaterThan(5);
    expect(await count()).toBe(winners[0]! * KPI_KEYS.length);

    const again = await Promise.allSettled(Array.from({ length: KEEPERS }, () => keepSnapshot(db, '2026-09', TZ, { replace: true }, now)));
    expect(again.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    // each recompute takes the period in turn and writes it whole
    expect(again.map((r) => (r.status === 'fulfilled' ? r.value : null))).toEqual(Array(KEEPERS).fill(winners[0]));
    expect(await count()).toBe(winners[0]! * KPI_KEYS.length);
    const runs = await sql<{ n: number }>`select count(*)::int as n from kpi_snapshot_runs where period = '2026-09'`.execute(db);
    expect(Number(runs.rows[0]!.n)).toBe(1);
  });
});
