import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database, type Executor } from '../../src/server/db/client';
import { audit } from '../../src/server/platform/audit';
import { orgRepo } from '../../src/server/features/org/org.repo';
import { backupRepo } from '../../src/server/platform/backup/backup.repo';
import { BackupError, countTopLevel, readBackupHeader, restoreBackup, writeBackup, type BackupProgress } from '../../src/server/platform/backup/backup';
import { createTestApp, type TestApp } from '../support/app';
import { serverUrl, testDbKind } from '../support/db';

// Bytes that a text round trip would mangle: NUL, high bytes, a lone backslash and quote.
const BINARY = Buffer.from([0x00, 0xff, 0x00, 0x5c, 0x22, 0x0a, 0x80, 0x00, 0x7f, 0xe4, 0xb8, 0xad]);
const MICROS = '2026-03-01 12:34:56.123456+08';

/** Every table's rows as PostgreSQL renders them, in key order, with timestamps in UTC. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction().execute(async (trx) => {
    await sql`set local timezone to 'UTC'`.execute(trx);
    const out: Record<string, string[]> = {};
    for (const table of await backupRepo.listTables(trx)) {
      const key = await backupRepo.primaryKey(trx, table);
      const rows: string[] = [];
      for (let after: string | null = null; ; ) {
        const page: string[] = await backupRepo.rowsAfter(trx, table, key, after, 500);
        if (!page.length) break;
        rows.push(...page);
        after = page[page.length - 1]!;
      }
      out[table] = rows;
    }
    return out;
  });
}

async function maxId(db: Executor, table: 'org_units' | 'audit_log'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
  return Number(r.m);
}

interface Target {
  database: Database;
  drop(): Promise<void>;
}

async function freshTarget(kind: 'pglite' | 'postgres'): Promise<Target> {
  if (kind === 'pglite') {
    const database = await openPglite(undefined);
    return { database, drop: () => database.close() };
  }
  const name = `tm_bk_${randomBytes(5).toString('hex')}`;
  const admin = openPostgres(process.env.TEST_DATABASE_URL!, 2);
  await sql.raw(`create database ${name}`).execute(admin.db);
  const database = openPostgres(serverUrl(name), 3);
  return {
    database,
    async drop() {
      await database.close();
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    },
  };
}

// Every run covers PGlite as a target; with a PostgreSQL server at hand it is a target too,
// so the two suite modes together restore PGlite → PostgreSQL and PostgreSQL → PGlite.
const TARGETS: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

describe('backup and restore (PLAT-5)', () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let before: Record<string, string[]>;
  const progress: BackupProgress[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    dir = await mkdtemp(path.join(tmpdir(), 'tm-backup-'));
    file = path.join(dir, 'full.tmbak.gz');
    const db = t.database.db;
    await t.login('director');
    await db
      .insertInto('files')
      .values({ name: '合同扫描件.pdf', mime: 'application/pdf', size: BINARY.length, sha256: 'x'.repeat(64), content: BINARY, uploaded_by: t.org.users.director! })
      .execute();
    await audit(db, null, { entity: 'org_unit', entityId: t.org.units.ka, action: 'update', before: { name: '大客户部' }, after: { name: '大客户一部' }, data: { note: '引号 " 反斜杠 \\ 换行\n' } });
    await db.insertInto('settings').values({ key: 'demo.nested', value: JSON.stringify({ 金额: 123456789012, list: [1, 2.5, null, '文本'], deep: { ok: true } }) }).execute();
    await db.updateTable('users').set({ name: '王总（总经理）', last_login_at: sql`${MICROS}::timestamptz` }).where('id', '=', t.org.users.gm!).execute();
    before = await snapshot(t.database);
    await writeBackup(t.database, file, { onProgress: (p) => progress.push(p) });
  });

  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes a header with the migrations and row counts, and reports progress', async () => {
    const header = await readBackupHeader(file);
    expect(header.format).toBe('tongmeng-backup');
    const applied = await backupRepo.appliedMigrations(t.database.db);
    expect(header.migrations).toEqual(applied);
    expect(header.tables.map((x) => x.name)).toEqual(Object.keys(before));
    expect(header.tables.find((x) => x.name === 'users')!.rows).toBe(before.users!.length);
    expect(header.tables.some((x) => x.name === 'schema_migrations')).toBe(false);
    const last = progress[progress.length - 1]!;
    expect(last.tablesDone).toBe(header.tables.length);
    expect(last.rowsDone).toBe(Object.values(before).reduce((s, r) => s + r.length, 0));
  });

  it.each(TARGETS)(`restores a ${testDbKind()} backup into a fresh %s database without loss`, async (kind) => {
    const target = await freshTarget(kind);
    try {
      await restoreBackup(target.database, file);
      const after = await snapshot(target.database);
      expect(after).toEqual(before);

      const db = target.database.db;
      const stored = await db.selectFrom('files').select('content').executeTakeFirstOrThrow();
      expect(Buffer.from(stored.content as Uint8Array).equals(BINARY)).toBe(true);
      const gm = await db
        .selectFrom('users')
        .select([sql<string>`to_char(last_login_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS.US')`.as('t'), 'name'])
        .where('username', '=', 'gm')
        .executeTakeFirstOrThrow();
      expect(gm).toEqual({ t: '2026-03-01 12:34:56.123456', name: '王总（总经理）' });
      const setting = await db.selectFrom('settings').select('value').where('key', '=', 'demo.nested').executeTakeFirstOrThrow();
      expect(setting.value).toEqual({ 金额: 123456789012, list: [1, 2.5, null, '文本'], deep: { ok: true } });

      // Sequences continue after the restored ids instead of colliding with them.
      const unitMax = await maxId(db, 'org_units');
      const unit = await orgRepo.insertUnit(db, { parentId: t.org.units.hq, name: '新部门', code: null, kind: 'department', sortOrder: 9, parentPath: `/${t.org.units.hq}/`, depth: 1 });
      expect(unit.id).toBe(unitMax + 1);
      const auditMax = await maxId(db, 'audit_log');
      await audit(db, null, { entity: 'test', entityId: 1, action: 'probe' });
      expect(await maxId(db, 'audit_log')).toBe(auditMax + 1);
    } finally {
      await target.drop();
    }
  });

  it('refuses a database that holds data unless forced, and then replaces it', async () => {
    const target = await freshTarget('pglite');
    try {
      await restoreBackup(target.database, file);
      await target.database.db.insertInto('settings').values({ key: 'after.restore', value: '1' }).execute();
      await expect(restoreBackup(target.database, file)).rejects.toThrow(/already holds data.*--force/);
      expect(await target.database.db.selectFrom('settings').select('key').where('key', '=', 'after.restore').executeTakeFirst()).toBeDefined();

      await restoreBackup(target.database, file, { force: true });
      expect(await snapshot(target.database)).toEqual(before);
    } finally {
      await target.drop();
    }
  });

  it('refuses a backup from a newer version and leaves the target untouched by a truncated file', async () => {
    const lines = gunzipSync(await readFile(file)).toString('utf8').split('\n').filter(Boolean);
    const header = JSON.parse(lines[0]!);
    const future = path.join(dir, 'future.gz');
    await writeFile(future, gzipSync([JSON.stringify({ ...header, migrations: [...header.migrations, '9999_from_the_future'] }), ...lines.slice(1)].join('\n')));
    const truncated = path.join(dir, 'truncated.gz');
    await writeFile(truncated, gzipSync(lines.slice(0, -1).join('\n')));
    const notBackup = path.join(dir, 'plain.gz');
    await writeFile(notBackup, gzipSync('{"hello":1}\n'));

    const target = await freshTarget('pglite');
    try {
      await expect(restoreBackup(target.database, future)).rejects.toThrow(/9999_from_the_future/);
      await expect(restoreBackup(target.database, notBackup)).rejects.toBeInstanceOf(BackupError);
      await expect(restoreBackup(target.database, truncated)).rejects.toThrow(/truncated/);
      // The failed restore ran in one transaction: nothing of the backup's users is there.
      expect(await target.database.db.selectFrom('users').select('id').execute()).toEqual([]);
    } finally {
      await target.drop();
    }
  });

  it('a backup made before migration 0021 restores, and its rows get what 0021 did to the rows there were then', async () => {
    const src = await createTestApp();
    try {
      const db = src.database.db;
      const u = src.org.users;
      // as a database looked before 0021: the GM still holds delegation:manage and set up a
      // delegation for the finance manager; a delegated and a transferred step; a claim of a
      // visit; an import left committing by a server that died
      const gmRole = await db.selectFrom('roles').select('id').where('code', '=', 'gm').executeTakeFirstOrThrow();
      await db.insertInto('role_permissions').values({ role_id: gmRole.id, permission: 'delegation:manage' }).execute();
      await db.insertInto('delegations').values({ user_id: u.finance!, delegate_id: u.gm!, starts_on: '2026-01-01', ends_on: '2099-12-31', reason: '', created_by: u.gm! } as never).execute();
      const inst = await db.insertInto('approval_instances').values({ doc_type: 'general_request', doc_id: 1, title: '旧单据', amount: 100, submitter_id: u.spec_a1!, unit_id: src.org.units.teamA, status: 'pending', current_seq: 1 } as never).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('approval_steps').values([
        { instance_id: inst.id, seq: 1, name: '部门负责人', approver_id: u.deputy!, original_approver_id: u.director!, status: 'pending' },
        { instance_id: inst.id, seq: 2, name: '财务经理', approver_id: u.gm!, original_approver_id: u.finance!, status: 'waiting' },
      ] as never).execute();
      await db.insertInto('approval_events').values({ instance_id: inst.id, actor_id: u.director!, action: 'transfer', step_seq: 1, to_user_id: u.deputy! } as never).execute();
      const account = await db.insertInto('accounts').values({ name: '旧客户', owner_id: u.spec_a1!, unit_id: src.org.units.teamA } as never).returning('id').executeTakeFirstOrThrow();
      const visit = await db.insertInto('visits').values({ account_id: account.id, owner_id: u.spec_a1!, unit_id: src.org.units.teamA, purpose: 'relationship', method: 'onsite', planned_at: '2026-11-05T02:00:00Z', status: 'recorded', checked_in_at: new Date(), recorded_at: new Date(), report_status: 'approved', cost_total: 100, created_by: u.spec_a1! } as never).returning('id').executeTakeFirstOrThrow();
      const claim = await db.insertInto('expense_claims').values({ owner_id: u.spec_a1!, unit_id: src.org.units.teamA, title: '旧报销', total: 100, status: 'pending' } as never).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('expense_claim_lines').values({ claim_id: claim.id, seq: 1, kind: 'visit', ref_id: visit.id, category: '交通费', amount: 100, occurred_on: '2026-11-05' } as never).execute();
      const imp = await db.insertInto('imports').values({ kind: 'accounts', status: 'committing', file_name: 'a.csv', file_format: 'csv', file_size: 1, file_sha256: 'x', created_by: u.admin! } as never).returning('id').executeTakeFirstOrThrow();
      const current = path.join(dir, 'current.gz');
      await writeBackup(src.database, current);

      // the same file as the version before 0021 wrote it: no new tables, no new columns
      const newTables = new Set(['expense_claim_holds', 'login_lockouts']);
      const newColumns: Record<string, string[]> = { approval_steps: ['via'], approval_chains: ['allow_repeat_approver'], approval_instances: ['allow_repeat_approver'] };
      const lines = gunzipSync(await readFile(current)).toString('utf8').split('\n').filter(Boolean);
      const header = JSON.parse(lines[0]!);
      const out = [JSON.stringify({ ...header, migrations: header.migrations.filter((m: string) => m !== '0021_security'), tables: header.tables.filter((x: { name: string }) => !newTables.has(x.name)) })];
      let table = '';
      let dropped = 0;
      for (const line of lines.slice(1)) {
        if (line.startsWith('[')) {
          const rows = JSON.parse(line) as Record<string, unknown>[];
          if (newTables.has(table)) {
            dropped += rows.length;
            continue;
          }
          for (const r of rows) for (const c of newColumns[table] ?? []) delete r[c];
          out.push(JSON.stringify(rows));
          continue;
        }
        const meta = JSON.parse(line);
        if (meta.end) {
          out.push(JSON.stringify({ ...meta, rows: meta.rows - dropped }));
          continue;
        }
        table = meta.table;
        if (newTables.has(table)) continue;
        out.push(JSON.stringify({ ...meta, columns: meta.columns.filter((c: string) => !(newColumns[table] ?? []).includes(c)) }));
      }
      const old = path.join(dir, 'before-0021.gz');
      await writeFile(old, gzipSync(out.join('\n')));

      const target = await freshTarget('pglite');
      try {
        const notes: string[] = [];
        await restoreBackup(target.database, old, { log: (l) => notes.push(l) });
        expect(notes.join('\n')).toMatch(/predates migrations 0021_security/);
        const tdb = target.database.db;
        const steps = await tdb.selectFrom('approval_steps').select(['seq', 'via']).where('instance_id', '=', inst.id).orderBy('seq').execute();
        expect(steps).toEqual([
          { seq: 1, via: 'transfer' },
          { seq: 2, via: 'delegation' },
        ]);
        expect(await tdb.selectFrom('expense_claim_holds').selectAll().execute()).toEqual([{ kind: 'visit', ref_id: visit.id, claim_id: claim.id }]);
        expect(await tdb.selectFrom('imports').select(['status']).where('id', '=', imp.id).executeTakeFirstOrThrow()).toEqual({ status: 'failed' });
        expect(await tdb.selectFrom('role_permissions').select('permission').where('role_id', '=', gmRole.id).where('permission', '=', 'delegation:manage').execute()).toEqual([]);
        expect((await tdb.selectFrom('delegations').select('revoked_at').where('user_id', '=', u.finance!).executeTakeFirstOrThrow()).revoked_at).not.toBeNull();
      } finally {
        await target.drop();
      }
    } finally {
      await src.close();
    }
  });

  it('counts rows in a batch line without being fooled by brackets inside strings', () => {
    expect(countTopLevel('[]')).toBe(0);
    expect(countTopLevel('[{"a":"}{[","b":{"c":[1,2]}},{"x":"\\"{"}]')).toBe(2);
  });
});
