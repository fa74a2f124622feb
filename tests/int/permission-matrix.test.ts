import { appendFileSync } from 'node:fs';
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
import { contractsMatrix } from '../matrix/contracts.matrix';
import { receivablesMatrix } from '../matrix/receivables.matrix';
import { collectionsMatrix } from '../matrix/collections.matrix';
import { ticketsMatrix } from '../matrix/tickets.matrix';
import { workdaysMatrix } from '../matrix/workdays.matrix';
import { surveysMatrix } from '../matrix/surveys.matrix';
import { healthMatrix } from '../matrix/health.matrix';
import { recoveryMatrix } from '../matrix/recovery.matrix';
import { eventsMatrix } from '../matrix/events.matrix';
import { scorecardsMatrix } from '../matrix/scorecards.matrix';
import { targetsMatrix } from '../matrix/targets.matrix';

/** Every feature adds its suite here: role × route × own/other record → allow / deny / hidden. */
const SUITES: MatrixSuite[] = [authMatrix, orgMatrix, personalMatrix, approvalsMatrix, accountsMatrix, contactsMatrix, handoverMatrix, needsMatrix, plansMatrix, opportunitiesMatrix, timelineMatrix, mergeMatrix, savedViewsMatrix, transferMatrix, competitorsMatrix, devPlansMatrix, pipelineMatrix, tripsMatrix, contactLogMatrix, visitsMatrix, receptionsMatrix, giftsMatrix, expensesMatrix, calendarMatrix, workPlansMatrix, contractsMatrix, receivablesMatrix, collectionsMatrix, workdaysMatrix, ticketsMatrix, surveysMatrix, healthMatrix, recoveryMatrix, eventsMatrix, targetsMatrix, scorecardsMatrix];

/** The route (METHOD pattern) a request hits, by the registered routes' patterns, static segments first. */
function routeOf(method: string, url: string): string {
  const path = url.split('?')[0]!;
  const candidates = t.routes
    .filter((r) => r.method === method)
    .map((r) => ({ key: `${r.method} ${r.url}`, re: new RegExp(`^${r.url.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`), params: (r.url.match(/:/g) ?? []).length }))
    .filter((r) => r.re.test(path))
    .sort((a, b) => a.params - b.params);
  return candidates[0]?.key ?? `${method} ${path} (no route)`;
}
const covered = new Set<string>();
/** Routes the matrix cannot call for every user in turn, each with where it is tested instead. */
const NOT_IN_MATRIX: Record<string, string> = {
  'POST /api/auth/logout': 'ends the session the matrix signs in with; tests/int/auth.test.ts',
};

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
        // MATRIX_DUMP=file writes each case whose outcomes differ, observed beside expected (to review a change of rules)
        if (process.env.MATRIX_DUMP && JSON.stringify(observed) !== JSON.stringify(c.expect)) appendFileSync(process.env.MATRIX_DUMP, JSON.stringify({ feature: suite.feature, name: c.name, method: c.method, observed, expected: c.expect }) + '\n');
        expect(observed).toEqual(c.expect);
        covered.add(routeOf(c.method, c.url(ctx)));
      });
    }
  });
}

describe('permission matrix: every route has a case', () => {
  it('covers every route that needs a permission or a session', () => {
    const open = t.routes.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.access !== 'public');
    const missing = open.map((r) => `${r.method} ${r.url}`).filter((k) => !covered.has(k) && !NOT_IN_MATRIX[k]).sort();
    expect(missing, `routes without a matrix case:\n${missing.join('\n')}`).toEqual([]);
  });
});
