import { expect } from 'vitest';
import type { Client } from './app';

const DAY = 86_400_000;

/**
 * A visit of `who` to `accountId` made through the visit API — planned for tomorrow, submitted, approved
 * by `approver`, checked in now — and recorded with `record` (merged over a plain record); returns its id.
 */
export async function recordedVisit(who: Client, approver: Client, accountId: number, purpose: string, record: Record<string, unknown> = {}) {
  const created = await who.post('/api/visits', { accountId, purpose, method: 'onsite', plannedAt: new Date(Date.now() + DAY).toISOString() });
  expect(created.status).toBe(200);
  let v = created.body.visit;
  const submitted = await who.post(`/api/visits/${v.id}/submit`, { version: v.version });
  expect(submitted.status).toBe(200);
  expect((await approver.post(`/api/approvals/${submitted.body.visit.approvalId}/approve`, {})).status).toBe(200);
  v = (await who.get(`/api/visits/${v.id}`)).body.visit;
  const checked = await who.post(`/api/visits/${v.id}/check-in`, { version: v.version, place: '客户总部' });
  expect(checked.status).toBe(200);
  const recorded = await who.post(`/api/visits/${v.id}/record`, { version: checked.body.visit.version, metName: '刘主任', discussed: '面谈', result: 'B', ...record });
  expect(recorded.status).toBe(200);
  return v.id as number;
}
