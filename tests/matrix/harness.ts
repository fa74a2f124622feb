import type { TestApp } from '../support/app';

/** The roles of the matrix, each played by one user of the standard org (tests/support/fixtures.ts). */
export const MATRIX_USERS = ['admin', 'gm', 'director', 'manager_a', 'spec_a1', 'spec_b1', 'finance'] as const;
export type MatrixUser = (typeof MATRIX_USERS)[number];

/**
 * allow: the request got past authorisation (2xx, or a 400 about the input); conflict: a 409 —
 * past authorisation only if the service checks permission and scope before the version or
 * state, which the case says by expecting it; deny: 403; hidden: 404 — a record outside the
 * caller's data scope must not reveal itself; gone: 410 — a one-time link (the public survey's) that opens
 * nothing, the same for every caller.
 */
export type Outcome = 'allow' | 'conflict' | 'deny' | 'hidden' | 'gone';

export interface MatrixContext {
  t: TestApp;
  /** ids of records the feature's setup created, by name */
  ids: Record<string, number>;
}

export interface MatrixCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (c: MatrixContext) => string;
  body?: (c: MatrixContext, user: MatrixUser) => unknown;
  expect: Record<MatrixUser, Outcome>;
}

export interface MatrixSuite {
  feature: string;
  /** creates the records the cases refer to (own vs other's), once */
  setup?: (c: MatrixContext) => Promise<void>;
  cases: MatrixCase[];
}

export function outcomeOf(status: number): Outcome | `unexpected ${number}` {
  if (status === 403) return 'deny';
  if (status === 404) return 'hidden';
  if ((status >= 200 && status < 300) || status === 400) return 'allow';
  if (status === 409) return 'conflict';
  if (status === 410) return 'gone';
  return `unexpected ${status}`;
}

/** Same outcome for every matrix user except the listed ones. */
export function all(outcome: Outcome, except: Partial<Record<MatrixUser, Outcome>> = {}): Record<MatrixUser, Outcome> {
  return Object.fromEntries(MATRIX_USERS.map((u) => [u, except[u] ?? outcome])) as Record<MatrixUser, Outcome>;
}

/**
 * The case's expectation where the callers it allowed meet its wrong version or state: a 409.
 * `first` are the callers that succeed before it (their write moves the version on).
 */
export function conflicts(expected: Record<MatrixUser, Outcome>, first: MatrixUser[] = []): Record<MatrixUser, Outcome> {
  return Object.fromEntries(MATRIX_USERS.map((u) => [u, expected[u] === 'allow' && !first.includes(u) ? 'conflict' : expected[u]])) as Record<MatrixUser, Outcome>;
}
