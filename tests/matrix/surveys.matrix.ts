import { createHash } from 'node:crypto';
import { insertAccount } from '../support/pipeline';
import { all, conflicts, type MatrixSuite } from './harness';

/**
 * 满意度 follows the account's owner / unit scope: read with survey:read and sent (new link, revoke) with
 * survey:write — the admin, the GM, the director, the manager and the specialists, not finance; the settings
 * saved with survey:configure (admin, GM, director). The invitations are on spec_a1's account, so spec_b1
 * (own scope) finds them hidden. The public link needs no session and answers every caller alike: its
 * token is the credential, an unknown one is 410 (gone) for everyone, signed in or not.
 */
const TOKEN = 'matrix-survey-token';
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const read = all('allow', { finance: 'deny' });
const inScope = all('allow', { spec_b1: 'hidden', finance: 'deny' });
const configure = all('allow', { manager_a: 'deny', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });

export const surveysMatrix: MatrixSuite = {
  feature: 'surveys',
  async setup({ t, ids }) {
    const db = t.database.db;
    ids.surveyAccount = await insertAccount(db, '矩阵满意度客户', t.org.users.spec_a1!);
    ids.surveyContact = (await db.insertInto('contacts').values({ account_id: ids.surveyAccount, name: '矩阵联系人' }).returning('id').executeTakeFirstOrThrow()).id;
    const invitation = async (token: string) =>
      (await db.insertInto('survey_invitations').values({ account_id: ids.surveyAccount!, contact_id: ids.surveyContact!, reason: 'manual', question_set: 1, token_hash: hash(token), expires_at: new Date(Date.now() + 86_400_000) }).returning('id').executeTakeFirstOrThrow()).id;
    ids.surveyOpen = await invitation(TOKEN);
    ids.surveyToRevoke = await invitation(`${TOKEN}-revoke`);
  },
  cases: [
    { name: 'question sets', method: 'GET', url: () => '/api/surveys/question-sets', expect: read },
    { name: 'list invitations', method: 'GET', url: () => '/api/surveys/invitations?pageSize=5', expect: read },
    { name: 'one invitation of spec_a1’s account', method: 'GET', url: ({ ids }) => `/api/surveys/invitations/${ids.surveyOpen}`, expect: inScope },
    { name: 'invite a contact of spec_a1’s account', method: 'POST', url: () => '/api/surveys/invitations', body: ({ ids }) => ({ accountId: ids.surveyAccount, contactId: ids.surveyContact }), expect: inScope },
    { name: 'a new link', method: 'POST', url: ({ ids }) => `/api/surveys/invitations/${ids.surveyToRevoke}/link`, expect: inScope },
    { name: 'revoke (the admin first; then it is revoked)', method: 'POST', url: ({ ids }) => `/api/surveys/invitations/${ids.surveyToRevoke}/revoke`, expect: conflicts(inScope, ['admin']) },
    { name: 'scores', method: 'GET', url: () => '/api/surveys/scores?groupBy=unit', expect: read },
    { name: 'read the settings', method: 'GET', url: () => '/api/surveys/settings', expect: read },
    { name: 'save the settings (empty body)', method: 'PUT', url: () => '/api/surveys/settings', body: () => ({}), expect: configure },
    { name: 'public survey with its token', method: 'GET', url: () => `/api/public/surveys/${TOKEN}`, expect: all('allow') },
    { name: 'public answer off the scale (400, the link stays)', method: 'POST', url: () => `/api/public/surveys/${TOKEN}`, body: () => ({ csat: 9, nps: 5 }), expect: all('allow') },
    { name: 'public survey with an unknown token', method: 'GET', url: () => '/api/public/surveys/no-such-token', expect: all('gone') },
  ],
};
