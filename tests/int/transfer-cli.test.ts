import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, readXlsx } from '../support/transfer';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/tongmeng.js');

/** Runs the real binary against a PGlite data directory, as an operator would. */
function cli(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, TONGMENG_SKIP_WEB_BUILD: '1', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('tongmeng import / export (PLAT-4)', { timeout: 240_000 }, () => {
  let dir: string;
  let data: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tm-transfer-cli-'));
    data = path.join(dir, 'data');
    file = path.join(dir, '客户.csv');
    await writeFile(file, csv([['客户名称', '统一社会信用代码', '企业性质', '年销售额（元）'], ['命令行客户', null, '国企', '1234.56'], ['命令行坏行', null, '国有', '1.234']], 'gb18030'));
    const user = await cli(data, ['create-user', 'boss', '--name', '总监', '--unit', 'HQ', '--position', 'ka_director', '--password', 'Secret#2026']);
    expect(user.code, user.stderr).toBe(0);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports every bad row and imports nothing while there are any', async () => {
    const r = await cli(data, ['import', file, '--kind', 'accounts', '--as', 'boss']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/2 rows — 1 new, 0 duplicates \(skip\), 1 with errors/);
    expect(r.stdout).toContain('row 3  企业性质: Not one of the allowed values (国有)');
    expect(r.stdout).toContain('row 3  年销售额（元）: At most two decimals (fen) (1.234)');
    expect(r.stderr).toMatch(/dry run \[#+\] 100% 2 rows/);
    expect(r.stderr).toMatch(/--skip-errors.*Nothing was imported/);
    const dry = await cli(data, ['import', file, '--kind', 'accounts', '--as', 'boss', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run only: nothing was imported.');
  });

  it('imports the good rows when told to, as the named user; refuses an unknown one', async () => {
    const r = await cli(data, ['import', file, '--kind', 'accounts', '--as', 'boss', '--skip-errors']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported: 1 created, 0 updated, 0 duplicates unchanged, 1 rows with errors left out.');
    const again = await cli(data, ['import', file, '--kind', 'accounts', '--as', 'boss', '--on-duplicate', 'update', '--dry-run']);
    expect(again.stdout).toMatch(/row 2 {2}duplicate of account #\d+ 命令行客户 \(similar name 1\) → update/);
    const nobody = await cli(data, ['import', file, '--kind', 'accounts', '--as', 'nobody']);
    expect(nobody.code).not.toBe(0);
    expect(nobody.stderr).toContain('No active user "nobody"');
  });

  it('exports what the user may see, with the list\'s filters', async () => {
    const out = path.join(dir, 'out.xlsx');
    const r = await cli(data, ['export', 'accounts', out, '--as', 'boss', '--filter', 'nature=soe']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Exported 1 accounts to ${out}.`);
    const rows = await readXlsx(await readFile(out));
    expect(rows[0].slice(0, 3)).toEqual(['客户编号', '客户名称', '简称']);
    expect(rows[1][1]).toBe('命令行客户');
    const bad = await cli(data, ['export', 'accounts', out, '--as', 'boss', '--filter', 'colour=red']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Unrecognized key: "colour"');
  });
});
