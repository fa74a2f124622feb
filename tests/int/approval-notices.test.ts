import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

/** Issue 13 item 5: a "your turn" notice is done once its step is no longer pending — whoever moved it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The user's unread notices about the approval. */
const unread = async (username: string, approvalId: number) => {
  const c = await t.login(username);
  const r = await c.get('/api/notifications?unread=true&pageSize=100');
  expect(r.status).toBe(200);
  return (r.body.items as { kind: string; link: string }[]).filter((n) => n.link === `/approvals/${approvalId}`).map((n) => n.kind);
};

async function request(amount: number) {
  const spec = await t.login('spec_a1');
  const r = await spec.post('/api/general-requests', { title: `通知测试 ${amount}`, category: 'office_supplies', amount, description: '', submit: true });
  expect(r.status).toBe(200);
  return r.body.approvalId as number;
}

describe('a notice that asks for a decision', () => {
  it('is done for the director once he approves, and the next approver gets one', async () => {
    const id = await request(800_000); // above ¥5,000: director, then finance
    expect(await unread('director', id)).toEqual(['approval.pending']);
    expect((await (await t.login('director')).post(`/api/approvals/${id}/approve`, {})).status).toBe(200);
    expect(await unread('director', id)).toEqual([]);
    expect(await unread('finance', id)).toEqual(['approval.pending']);
  });

  it('is done when the submitter withdraws, when the approver returns it, and for the one who transferred it', async () => {
    const withdrawn = await request(100_000);
    expect((await (await t.login('spec_a1')).post(`/api/approvals/${withdrawn}/withdraw`, {})).status).toBe(200);
    // told it was withdrawn, no longer asked to decide
    expect(await unread('director', withdrawn)).toEqual(['approval.withdrawn']);

    const returned = await request(100_000);
    expect((await (await t.login('director')).post(`/api/approvals/${returned}/return`, { comment: '补充说明' })).status).toBe(200);
    expect(await unread('director', returned)).toEqual([]);

    const transferred = await request(100_000);
    expect((await (await t.login('director')).post(`/api/approvals/${transferred}/transfer`, { toUserId: t.org.users.manager_a })).status).toBe(200);
    expect(await unread('director', transferred)).toEqual([]);
    expect(await unread('manager_a', transferred)).toEqual(['approval.transferred']);
    // and the one it went to, once decided
    expect((await (await t.login('manager_a')).post(`/api/approvals/${transferred}/approve`, {})).status).toBe(200);
    expect(await unread('manager_a', transferred)).toEqual([]);
  });

  it('leaves other notices alone: the submitter is still told the outcome', async () => {
    const id = await request(100_000);
    expect((await (await t.login('director')).post(`/api/approvals/${id}/reject`, { comment: '不需要' })).status).toBe(200);
    expect(await unread('spec_a1', id)).toEqual(['approval.rejected']);
  });
});
