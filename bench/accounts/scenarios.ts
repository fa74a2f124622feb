import type pg from 'pg';
import type { Kdb } from '../../src/server/db/client';
import type { Actor } from '../../src/server/platform/actor';
import { loadSessionActor, sha256 } from '../../src/server/platform/auth/actor-loader';
import { me } from '../../src/server/features/auth/auth.service';
import { getAccount, listAccounts } from '../../src/server/features/accounts/accounts.service';
import { accountContacts, coverageList } from '../../src/server/features/contacts/contacts.service';
import { accountListQuery } from '../../src/shared/contracts/accounts';
import { coverageListQuery } from '../../src/shared/contracts/contacts';

export type Who = 'gm' | 'director' | 'manager' | 'specialist';

/** Who signs in, and which data scope their built-in role gives (ORG-2). */
export const USERS: Record<Who, { username: string; scope: string }> = {
  gm: { username: 'bench.gm', scope: 'GM — all' },
  director: { username: 'js.director', scope: 'KA director — unit subtree' },
  manager: { username: 'js.t1.manager', scope: 'account manager — team' },
  specialist: { username: 'js.t1.s1', scope: 'specialist — own' },
};

export interface Scenario {
  key: string;
  title: string;
  who: Who;
  /** request paths, one per sample (cycled) */
  paths: string[];
  samples: number;
  /** the same service call the route makes, in this process, so its SQL can be recorded */
  service(db: Kdb, actor: Actor, path: string, sessionCookie: string): Promise<unknown>;
  /** what must agree between the HTTP response and the service result: ids in order and the total */
  httpPrint(body: unknown): string;
  servicePrint(result: unknown): string;
}

type Obj = Record<string, unknown>;
const query = (p: string) => Object.fromEntries(new URLSearchParams(p.split('?')[1] ?? ''));
const idOf = (p: string) => Number(/\/api\/accounts\/(\d+)/.exec(p)![1]);
const listPrint = (items: unknown, total: unknown, id: (x: Obj) => unknown) => `${(items as Obj[]).map(id).join(',')}|${String(total)}`;

const list = (key: string, title: string, who: Who, paths: string[], samples: number): Scenario => ({
  key,
  title,
  who,
  paths,
  samples,
  service: (db, actor, p) => listAccounts(db, actor, accountListQuery.parse(query(p))),
  httpPrint: (b) => listPrint((b as Obj).items, (b as Obj).total, (x) => x.id),
  servicePrint: (r) => listPrint((r as Obj).items, (r as Obj).total, (x) => Number(x.id)),
});

export interface Fixtures {
  provinceUnits: number[];
  directorProvince: number;
  directorTeams: number[];
  gmAccounts: number[];
  directorAccounts: number[];
  terms: { initials: string[]; pinyin: string[]; chinese: string[]; contactNames: string[]; phones: string[] };
}

/** Sample parameters drawn from the data: accounts in each user's scope, search terms from real names. */
export async function loadFixtures(pool: pg.Pool, n: number): Promise<Fixtures> {
  const units = await pool.query<{ id: string; code: string }>(`select id, code from org_units where code like 'B-%' and kind = 'province' order by sort_order`);
  const director = await pool.query<{ id: string; unit_id: string; path: string }>(
    `select u.id, u.unit_id, ou.path from users u join org_units ou on ou.id = u.unit_id where u.username = $1`,
    [USERS.director.username],
  );
  const d = director.rows[0];
  if (!d) throw new Error('The benchmark users are missing: regenerate the data (run without --reuse)');
  const teams = await pool.query<{ id: string }>(`select id from org_units where parent_id = $1 order by id`, [d.unit_id]);
  const province = await pool.query<{ parent_id: string }>(`select parent_id from org_units where id = $1`, [d.unit_id]);
  const gm = await pool.query<{ id: string }>(`select id from accounts order by random() limit $1`, [n]);
  const mine = await pool.query<{ id: string }>(
    `select a.id from accounts a join org_units ou on ou.id = a.unit_id where ou.path like $1 || '%' order by random() limit $2`,
    [d.path, n],
  );
  const names = await pool.query<{ short_name: string; short_pinyin: string; short_initials: string; name_pinyin: string; name_initials: string }>(
    `select short_name, short_pinyin, short_initials, name_pinyin, name_initials from accounts where short_name is not null order by random() limit $1`,
    [n],
  );
  const rows = names.rows;
  // ACC-7: a key person's name, or part of their mobile number as someone reads it off a card
  const people = await pool.query<{ name: string; mobile: string | null }>(`select name, mobile from contacts tablesample system (1) where mobile is not null limit $1`, [n]);
  return {
    provinceUnits: units.rows.map((u) => Number(u.id)),
    directorProvince: Number(province.rows[0].parent_id),
    directorTeams: teams.rows.map((t) => Number(t.id)),
    gmAccounts: gm.rows.map((r) => Number(r.id)),
    directorAccounts: mine.rows.map((r) => Number(r.id)),
    terms: {
      // 'jnh'-style: the first letters of a name or short name
      initials: rows.map((r, i) => (i % 2 ? r.name_initials : r.short_initials).slice(0, 3 + (i % 2))),
      // full pinyin prefixes: a brand syllable or two, or the start of the full name
      pinyin: rows.map((r, i) => (i % 2 ? r.name_pinyin.slice(0, 7 + (i % 5)) : r.short_pinyin.slice(0, 4 + (i % 5)))),
      // a two-character brand, or the whole four-character short name
      chinese: rows.map((r, i) => (i % 2 ? r.short_name : [...r.short_name].slice(0, 2).join(''))),
      contactNames: people.rows.map((r) => r.name),
      phones: people.rows.map((r, i) => r.mobile!.replace(/\D/g, '').slice(-(7 + (i % 5)))),
    },
  };
}

export function scenarios(f: Fixtures, samples: number, coverageSamples: number): Scenario[] {
  const enc = encodeURIComponent;
  const tiers = ['large', 'smb', 'heavy'];
  const out: Scenario[] = [];
  for (const who of ['gm', 'director', 'manager', 'specialist'] as Who[]) out.push(list('a', 'default list (page 1, -updatedAt)', who, ['/api/accounts'], samples));
  out.push(list('a+', 'default list, page 100', 'gm', ['/api/accounts?page=100'], samples));
  out.push(list('b', 'tier + unit (province subtree)', 'gm', f.provinceUnits.flatMap((u) => tiers.map((t) => `/api/accounts?tier=${t}&unitId=${u}`)), samples));
  out.push(list('b', 'tier + unit (province subtree)', 'director', [f.directorProvince, ...f.directorTeams].flatMap((u) => tiers.map((t) => `/api/accounts?tier=${t}&unitId=${u}`)), samples));
  for (const who of ['gm', 'director'] as Who[]) {
    out.push(list('c1', 'search: pinyin initials', who, f.terms.initials.map((t) => `/api/accounts?q=${enc(t)}`), samples));
    out.push(list('c2', 'search: full pinyin prefix', who, f.terms.pinyin.map((t) => `/api/accounts?q=${enc(t)}`), samples));
    out.push(list('c3', 'search: Chinese substring', who, f.terms.chinese.map((t) => `/api/accounts?q=${enc(t)}`), samples));
    out.push(list('c4', 'search: a contact\'s name', who, f.terms.contactNames.map((t) => `/api/accounts?q=${enc(t)}`), samples));
    out.push(list('c5', 'search: digits of a contact\'s phone', who, f.terms.phones.map((t) => `/api/accounts?q=${enc(t)}`), samples));
  }
  for (const [who, ids] of [['gm', f.gmAccounts], ['director', f.directorAccounts]] as [Who, number[]][]) {
    out.push({
      key: 'd',
      title: 'account 360',
      who,
      paths: ids.map((id) => `/api/accounts/${id}`),
      samples,
      service: (db, actor, p) => getAccount(db, actor, idOf(p)),
      httpPrint: (b) => String((b as Obj).id),
      servicePrint: (r) => String(((r as Obj).row as Obj).id),
    });
  }
  for (const [who, ids] of [['gm', f.gmAccounts], ['director', f.directorAccounts]] as [Who, number[]][]) {
    out.push({
      key: 'e',
      title: 'relationship map (all contacts)',
      who,
      paths: ids.map((id) => `/api/accounts/${id}/contacts`),
      samples,
      service: (db, actor, p) => accountContacts(db, actor, idOf(p)),
      httpPrint: (b) => listPrint((b as Obj).items, '', (x) => x.id),
      servicePrint: (r) => listPrint(r, '', (x) => Number(x.id)),
    });
  }
  out.push({
    key: 'f',
    title: 'department coverage list',
    who: 'director',
    paths: [1, 2, 3, 4, 5].map((p) => `/api/coverage?page=${p}`),
    samples: coverageSamples,
    service: (db, actor, p) => coverageList(db, actor, coverageListQuery.parse(query(p))),
    httpPrint: (b) => listPrint((b as Obj).items, (b as Obj).total, (x) => x.accountId),
    servicePrint: (r) => listPrint((r as Obj).items, (r as Obj).total, (x) => Number(x.id)),
  });
  out.push({
    key: 'g',
    title: 'auth: GET /api/auth/me (hook + 1 query)',
    who: 'gm',
    paths: ['/api/auth/me'],
    samples,
    // what the auth hook runs for a session cookie, then the route's own query
    service: async (db, _actor, _p, cookie) => {
      const session = await loadSessionActor(db, sha256(cookie));
      if (!session) throw new Error('The benchmark session is not valid');
      // the business time zone only travels in the answer; the default one is as good here
      return me(db, session.actor, 'Asia/Shanghai');
    },
    httpPrint: (b) => String((b as Obj).id),
    servicePrint: (r) => String((r as Obj).id),
  });
  out.push({
    key: 'h',
    title: 'floor: GET /api/health (public, 1 query)',
    who: 'gm',
    paths: ['/api/health'],
    samples,
    service: async (db) => {
      await db.selectFrom('org_units').select('id').limit(1).execute();
      return { status: 'ok' };
    },
    httpPrint: (b) => String((b as Obj).status),
    servicePrint: (r) => String((r as Obj).status),
  });
  return out;
}
