import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql, type Compilable } from 'kysely';
import { createTestApp, type Client, type TestApp } from '../support/app';
import { containsText } from '../../src/server/platform/listing';
import { loadActorForUser } from '../../src/server/platform/auth/actor-loader';
import { accountScope } from '../../src/server/platform/scope';

/**
 * The list's search and data scope must stay answerable from indexes at 100k accounts (the
 * benchmark, bench/accounts). What a user sees: short terms are real substring matches. What
 * keeps it fast: the conditions the repo builds match the indexes' expressions — checked here
 * with sequential scans switched off, so a plan without the index means the index cannot serve.
 */
let t: TestApp;
let spec: Client;
let director: Client;
const NAMES = ['恒华电子科技有限公司', '华恒物流有限公司', 'IBM 中国有限公司', '50%折扣商贸有限公司'];

beforeAll(async () => {
  t = await createTestApp();
  spec = await t.login('spec_a1');
  director = await t.login('director');
  for (const name of NAMES) expect((await spec.post('/api/accounts', { name })).status).toBe(200);
});
afterAll(async () => t?.close());

const found = async (q: string) =>
  ((await director.get(`/api/accounts?q=${encodeURIComponent(q)}&pageSize=50`)).body.items as { name: string }[]).map((i) => i.name).sort();

/**
 * The plan PostgreSQL would choose if it could not read whole tables or whole indexes: only
 * bitmap scans remain, and a bitmap scan needs an index whose expression matches the condition.
 * (With a handful of rows a full scan of any index that covers the columns is cheaper still.)
 */
async function planWithoutSeqScan(query: Compilable): Promise<string> {
  const compiled = query.compile();
  return t.database.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_indexscan = off`.execute(trx);
    await sql`set local enable_indexonlyscan = off`.execute(trx);
    const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
    return r.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe('account search of one or two characters', () => {
  it('matches substrings, Chinese or Latin, in any case, with wildcards taken literally', async () => {
    expect(await found('恒华')).toEqual(['恒华电子科技有限公司']);
    expect(await found('华恒')).toEqual(['华恒物流有限公司']);
    expect(await found('华')).toEqual(['华恒物流有限公司', '恒华电子科技有限公司']);
    expect(await found('ib')).toEqual(['IBM 中国有限公司']);
    expect(await found('bM')).toEqual(['IBM 中国有限公司']);
    expect(await found('华物')).toEqual([]);
    expect(await found('%')).toEqual(['50%折扣商贸有限公司']);
    expect(await found('0%')).toEqual(['50%折扣商贸有限公司']);
    expect(await found('_')).toEqual([]);
  });

  it('is served by the gram index for short terms and the trigram index for longer ones', async () => {
    const search = (term: string) => t.database.db.selectFrom('accounts').select('id').where(containsText('accounts.name', term));
    expect(await planWithoutSeqScan(search('恒华'))).toContain('accounts_name_grams_idx');
    expect(await planWithoutSeqScan(search('华'))).toContain('accounts_name_grams_idx');
    expect(await planWithoutSeqScan(search('恒华电'))).toContain('accounts_name_trgm_idx');
  });
});

describe('data scope of a unit subtree', () => {
  it('reads the owner and unit indexes instead of testing a subquery against every account', async () => {
    const actor = (await loadActorForUser(t.database.db, t.org.users.director))!;
    const plan = await planWithoutSeqScan(t.database.db.selectFrom('accounts').select('id').where(accountScope(actor, 'account:read')));
    expect(plan).toContain('accounts_owner_idx');
    expect(plan).toContain('accounts_unit_idx');
    expect(plan).not.toContain('SubPlan');
  });
});
