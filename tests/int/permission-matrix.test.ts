import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { MATRIX_USERS, outcomeOf, type MatrixContext, type MatrixSuite } from '../matrix/harness';
import { authMatrix, orgMatrix } from '../matrix/org.matrix';
import { personalMatrix } from '../matrix/personal.matrix';
import { approvalsMatrix } from '../matrix/approvals.matrix';
import { accountsMatrix } from '../matrix/accounts.matrix';
import { contactsMatrix } from '../matrix/contacts.matrix';
import { handoverMatrix } from '../matrix/handover.matrix';
import { needsMatrix } from '../matrix/needs.matrix';
import { plansMatrix } from '../matrix/plans.matrix';
import { opportunitiesMatrix } from '../matrix/opportunities.matrix';
import { timelineMatrix } from '../matrix/timeline.matrix';
import { mergeMatrix } from '../matrix/merge.matrix';
import { savedViewsMatrix } from '../matrix/saved-views.matrix';
import { transferMatrix } from '../matrix/transfer.matrix';
import { competitorsMatrix } from '../matrix/competitors.matrix';
import { devPlansMatrix } from '../matrix/dev-plans.matrix';
import { visitsMatrix } from '../matrix/visits.matrix';
import { pipelineMatrix } from '../matrix/pipeline.matrix';
import { giftsMatrix } from '../matrix/gifts.matrix';
import { tripsMatrix } from '../matrix/trips.matrix';
import { expensesMatrix } from '../matrix/expenses.matrix';
import { contactLogMatrix } from '../matrix/contact-log.matrix';
import { receptionsMatrix } from '../matrix/receptions.matrix';
import { calendarMatrix } from '../matrix/calendar.matrix';
import { workPlansMatrix } from '../matrix/work-plans.matrix';

/** Every feature adds its suite here: role × route × own/other record → allow / deny / hidden. */
const SUITES: MatrixSuite[] = [authMatrix, orgMatrix, personalMatrix, approvalsMatrix, accountsMatrix, contactsMatrix, handoverMatrix, needsMatrix, plansMatrix, opportunitiesMatrix, timelineMatrix, mergeMatrix, savedViewsMatrix, transferMatrix, competitorsMatrix, devPlansMatrix, pipelineMatrix, tripsMatrix, contactLogMatrix, visitsMatrix, receptionsMatrix, giftsMatrix, expensesMatrix, calendarMatrix, workPlansMatrix];

let t: TestApp;
const clients = new Map<string, Client>();
const ctx: MatrixContext = { t: undefined as unknown as TestApp, ids: {} };

beforeAll(async () => {
  t = await createTestApp();
  ctx.t = t;
  for (const u of MATRIX_USERS) clients.set(u, await t.login(u));
  for (const s of SUITES) await s.setup?.(ctx);
});
afterAll(async () => t?.close());

for (const suite of SUITES) {
  describe(`permission matrix: ${suite.feature}`, () => {
    for (const c of suite.cases) {
      it(`${c.method} ${c.name}`, async () => {
        const observed: Record<string, string> = {};
        for (const user of MATRIX_USERS) {
          const client = clients.get(user)!;
          const url = c.url(ctx);
          const body = c.body?.(ctx, user);
          const res =
            c.method === 'GET' ? await client.get(url) : c.method === 'POST' ? await client.post(url, body) : c.method === 'PATCH' ? await client.patch(url, body) : c.method === 'PUT' ? await client.put(url, body) : await client.delete(url, body);
          observed[user] = outcomeOf(res.status);
        }
        expect(observed).toEqual(c.expect);
      });
    }
  });
}
