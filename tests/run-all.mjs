#!/usr/bin/env node
// `npm test`: typecheck, lint, unit, integration on PGlite (and on PostgreSQL when
// TEST_DATABASE_URL is set), browser journeys (when Chromium is present). Prints one summary line.
// Steps may be named (`node tests/run-all.mjs unit int`). The tools run on the Node that runs this
// script (not whichever `node` a .bin shim would find on PATH); every label names it and reports
// are kept per Node line, so CI's second pass on Node 24 (.ci/run) neither overwrites nor is
// mistaken for the first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const nodeVersion = `node ${process.versions.node}`;
const reports = path.join(root, '.tmp/reports', `node${process.versions.node.split('.')[0]}`);
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
/** A tool's own script behind its node_modules/.bin link, to be run by this Node. */
const bin = (name) => realpathSync(path.join(root, 'node_modules/.bin', name));
const only = process.argv.slice(2);
const wanted = (step) => only.length === 0 || only.includes(step);

function run(label, script, args, env = {}) {
  const started = Date.now();
  label = `${label} on ${nodeVersion}`;
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n${label} failed after ${secs} s`);
    process.exit(r.status ?? 1);
  }
  console.log(`--- ${label}: ok in ${secs} s`);
}

const vitest = (project, report, env = {}) => [
  `vitest ${project}${env.TEST_DB ? ` (${env.TEST_DB})` : ''}`,
  bin('vitest'),
  ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, report)}`],
  env,
];

if (wanted('typecheck')) run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
if (wanted('lint')) run('lint', bin('eslint'), ['.', '--max-warnings=0']);
if (wanted('unit')) run(...vitest('unit', 'unit.json'));
if (wanted('int')) {
  run(...vitest('integration', 'int-pglite.json', { TEST_DB: 'pglite' }));
  if (process.env.TEST_DATABASE_URL) run(...vitest('integration', 'int-postgres.json', { TEST_DB: 'postgres' }));
  else console.log('\n(integration on PostgreSQL skipped: TEST_DATABASE_URL is not set)');
}
if (wanted('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) run(...vitest('e2e', 'e2e.json'));
  else console.log(`\nBROWSER JOURNEYS SKIPPED: no Chromium at ${chromium} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['unit.json', 'int-pglite.json', 'int-postgres.json', 'e2e.json']) {
  const p = path.join(reports, file);
  if (!existsSync(p)) continue;
  const r = JSON.parse(readFileSync(p, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(`${file.replace('.json', '').padEnd(14)} ${nodeVersion.padEnd(13)} ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped on ${nodeVersion}`);
process.exit(failed > 0 ? 1 : 0);
