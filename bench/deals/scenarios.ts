import type pg from 'pg';
import type { Kdb } from '../../src/server/db/client';
import type { Actor } from '../../src/server/platform/actor';
import { list as listContracts } from '../../src/server/features/contracts/contracts.service';
import { ageing, collectionRates, statement } from '../../src/server/features/receivables/receivables.service';
import { contractListQuery } from '../../src/shared/contracts/contracts';
import { ageingQuery, ratesQuery, statementQuery } from '../../src/shared/contracts/receivables';
import { addDays } from '../../src/server/features/receivables/receivables.rules';

export type Who = 'gm' | 'director';

/** Who signs in (the users of the accounts benchmark's organisation) and the scope their role gives. */
export const USERS: Record<Who, { username: string; scope: string }> = {
  gm: { username: 'bench.gm', scope: 'GM — all' },
  director: { username: 'js.director', scope: 'KA director — unit subtree' },
};

/** What a request may take at p95 (issue 14 item 11). */
export type Target = 50 | 500;

export interface Scenario {
  key: string;
  title: string;
  who: Who;
  target: Target;
  paths: string[];
  samples: number;
  /** the same service call the route makes, in this process, so its SQL can be recorded */
  service(db: Kdb, actor: Actor, path: string): Promise<unknown>;
  /** what must agree between the HTTP response and the service result */
  print(body: unknown): string;
}

type Obj = Record<string, unknown>;
const query = (p: string) => Object.fromEntries(new URLSearchParams(p.split('?')[1] ?? ''));
const accountOf = (p: string) => Number(/\/api\/accounts\/(\d+)/.exec(p)![1]);
/** The figures of each rate row (the response drops what its schema does not name). */
const ratePrint = (b: unknown) => ((b as Obj).rows as Obj[]).map((r) => `${String(r.key)}:${String(r.due)}:${String(r.received)}`).join(',');
const ids = (items: unknown) => (items as Obj[]).map((x) => Number(x.id ?? x.key)).join(',');

export interface Fixtures {
  today: string;
  directorUnit: number;
  /** accounts with contracts, in the GM's and the director's scope */
  gmAccounts: number[];
  directorAccounts: number[];
  quarters: string[];
}

export async function loadFixtures(pool: pg.Pool, today: string, n: number): Promise<Fixtures> {
  const unit = await pool.query<{ unit_id: string }>(`select unit_id from users where username = $1`, [USERS.director.username]);
  const directorUnit = Number(unit.rows[0].unit_id);
  const sample = async (where: string, params: unknown[]) =>
    (await pool.query<{ id: string }>(`select distinct c.account_id as id from contracts c ${where} order by 1 limit $${params.length + 1}`, [...params, n * 50])).rows
      .map((r) => Number(r.id))
      .filter((_, i) => i % 50 === 0);
  const gmAccounts = await sample('', []);
  const directorAccounts = await sample(`join org_units u on u.id = c.unit_id where u.path like (select path from org_units where id = $1) || '%'`, [directorUnit]);
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  // the last four complete quarters
  const quarters: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const k = (year * 4 + q - 1 - i) as number;
    quarters.push(`${Math.floor(k / 4)}-Q${(k % 4) + 1}`);
  }
  return { today, directorUnit, gmAccounts, directorAccounts, quarters };
}

export function scenarios(f: Fixtures, samples: { list: number; heavy: number }): Scenario[] {
  const tz = process.env.BUSINESS_TZ || 'Asia/Shanghai';
  const contracts = (key: string, title: string, who: Who, paths: string[]): Scenario => ({
    key,
    title,
    who,
    target: 50,
    paths,
    samples: samples.list,
    service: (db, actor, p) => listContracts(db, actor, contractListQuery.parse(query(p)), tz),
    print: (b) => `${ids((b as Obj).items)}|${String((b as Obj).total)}`,
  });
  const yearAgo = addDays(f.today, -365);
  const asOf = (i: number) => addDays(f.today, -30 * (i % 12));
  const ageingOf = (key: string, title: string, who: Who, groupBy: string, unit: boolean): Scenario => ({
    key,
    title,
    who,
    target: 500,
    paths: Array.from({ length: 12 }, (_, i) => `/api/receivables/ageing?asOf=${asOf(i)}&groupBy=${groupBy}${unit ? `&unitId=${f.directorUnit}` : ''}`),
    samples: samples.heavy,
    service: (db, actor, p) => ageing(db, actor, ageingQuery.parse(query(p)), f.today),
    print: (b) => `${(b as Obj).asOf}|${ids((b as Obj).rows)}|${JSON.stringify((b as Obj).totals)}`,
  });
  return [
    contracts('a', 'contract list, default (page 1)', 'gm', ['/api/contracts', '/api/contracts?page=2', '/api/contracts?page=50']),
    contracts('a', 'contract list, default (page 1)', 'director', ['/api/contracts', '/api/contracts?page=2', '/api/contracts?page=10']),
    contracts('b', 'contracts: in progress, signed in the last year', 'gm', [`/api/contracts?status=in_progress&signedFrom=${yearAgo}`, `/api/contracts?status=signed,in_progress&signedFrom=${yearAgo}&sort=-amount`]),
    contracts('b', 'contracts: in progress, signed in the last year', 'director', [`/api/contracts?status=in_progress&signedFrom=${yearAgo}`, `/api/contracts?status=signed,in_progress&signedFrom=${yearAgo}&sort=-amount`]),
    contracts('c', 'contracts with an instalment overdue', 'gm', ['/api/contracts?overdue=true', '/api/contracts?overdue=true&kind=sales&page=3']),
    contracts('c', 'contracts with an instalment overdue', 'director', ['/api/contracts?overdue=true', '/api/contracts?overdue=true&kind=sales&page=3']),
    contracts('d', "an account's contracts (list filter)", 'gm', f.gmAccounts.map((id) => `/api/contracts?accountId=${id}`)),
    {
      key: 'e',
      title: "an account's statement (last 12 months)",
      who: 'gm',
      target: 50,
      paths: f.gmAccounts.map((id) => `/api/accounts/${id}/statement?from=${yearAgo}&to=${f.today}`),
      samples: samples.list,
      service: (db, actor, p) => statement(db, actor, accountOf(p), statementQuery.parse(query(p))),
      print: (b) => `${JSON.stringify((b as Obj).lines ?? (b as Obj).entries)}|${JSON.stringify((b as Obj).closing)}`,
    },
    {
      key: 'e',
      title: "an account's statement (last 12 months)",
      who: 'director',
      target: 50,
      paths: f.directorAccounts.map((id) => `/api/accounts/${id}/statement?from=${yearAgo}&to=${f.today}`),
      samples: samples.list,
      service: (db, actor, p) => statement(db, actor, accountOf(p), statementQuery.parse(query(p))),
      print: (b) => `${JSON.stringify((b as Obj).lines ?? (b as Obj).entries)}|${JSON.stringify((b as Obj).closing)}`,
    },
    ageingOf('f', 'ageing as of a date, by owner', 'gm', 'owner', false),
    ageingOf('f', 'ageing as of a date, by owner', 'director', 'owner', false),
    ageingOf('g', 'ageing as of a date, by unit', 'gm', 'unit', false),
    ageingOf('h', 'ageing as of a date, by account (every account owing)', 'director', 'account', false),
    {
      key: 'i',
      title: "collection rate of the director's unit for a quarter, by child unit",
      who: 'director',
      target: 500,
      paths: f.quarters.map((q) => `/api/receivables/rates?period=${q}&groupBy=unit&unitId=${f.directorUnit}`),
      samples: samples.heavy,
      service: (db, actor, p) => collectionRates(db, actor, ratesQuery.parse(query(p)), tz),
      print: ratePrint,
    },
    {
      key: 'i',
      title: 'collection rate for a quarter, by person (all)',
      who: 'gm',
      target: 500,
      paths: f.quarters.map((q) => `/api/receivables/rates?period=${q}&groupBy=person`),
      samples: samples.heavy,
      service: (db, actor, p) => collectionRates(db, actor, ratesQuery.parse(query(p)), tz),
      print: ratePrint,
    },
  ];
}
