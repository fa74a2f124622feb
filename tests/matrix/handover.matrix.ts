import { all, type MatrixSuite } from './harness';

/** Departure handover (ORG-5) is an administrator's tool; the POST is refused on its input, so the matrix changes nothing. */
export const handoverMatrix: MatrixSuite = {
  feature: 'departure handover',
  cases: [
    { name: "preview spec_a1's handover", method: 'GET', url: ({ t }) => `/api/users/${t.org.users.spec_a1}/handover`, expect: all('deny', { admin: 'allow' }) },
    {
      name: 'hand spec_a1 over to themselves (400 past authorisation)',
      method: 'POST',
      url: ({ t }) => `/api/users/${t.org.users.spec_a1}/handover`,
      body: ({ t }) => ({ defaultSuccessorId: t.org.users.spec_a1, leftOn: '2026-11-20' }),
      expect: all('deny', { admin: 'allow' }),
    },
  ],
};
