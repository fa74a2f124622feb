import type { Kdb } from '../../src/server/db/client';

/** A reception written straight into the table (draft unless told), owned by `ownerId` in their unit. */
export async function insertReception(db: Kdb, spec: { accountId: number; ownerId: number; status?: string; reportStatus?: string }): Promise<number> {
  const owner = await db.selectFrom('users').select('unit_id').where('id', '=', spec.ownerId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('receptions')
    .values({
      account_id: spec.accountId,
      owner_id: spec.ownerId,
      unit_id: owner.unit_id,
      starts_at: '2026-12-01T02:00:00Z',
      level: 'medium',
      visitors: '[]',
      purposes: '["customer_visit"]',
      tour_areas: '[]',
      guest_attendees: '[]',
      host_attendees: '[]',
      spent_notes: '{}',
      status: spec.status ?? 'draft',
      report_status: spec.reportStatus ?? 'none',
      created_by: spec.ownerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
