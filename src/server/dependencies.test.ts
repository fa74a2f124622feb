import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13 items 3 and 20: a clean `npm ci` prints no EBADENGINE warning of ours — every
 * installed package accepts every Node the project declares it runs on (package.json engines:
 * Node 20, 22 and 24, each from the first release of its line that the range names).
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const ours = read('package.json').engines.node as string;
/** The lowest version of each alternative of the range: `^20.19.0 || >=24` → 20.19.0, 24.0.0. */
const lowestOfEachLine = ours.split('||').map((part) => semver.minVersion(part.trim())!.version);

describe('dependencies', () => {
  it('the project declares Node 20, 22 and 24 — and not the Node 21 and 23 lines that were never LTS', () => {
    expect(lowestOfEachLine.map((v) => semver.major(v))).toEqual([20, 22, 24]);
    for (const v of ['20.19.0', '22.13.0', '24.0.0', '24.22.3', '26.1.0']) expect(semver.satisfies(v, ours), v).toBe(true);
    for (const v of ['20.18.3', '21.7.3', '22.12.0', '23.11.0']) expect(semver.satisfies(v, ours), v).toBe(false);
  });

  it.each(lowestOfEachLine)('every package in the lockfile runs on Node %s', (lowest) => {
    const lock = read('package-lock.json') as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && typeof p.engines.node === 'string')
      .filter(([, p]) => !semver.satisfies(lowest, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(([name, p]) => `${name} (${(p.engines as { node: string }).node})`);
    expect(refusing, `Node ${lowest}`).toEqual([]);
  });

  it('the lockfile records the same engines as package.json', () => {
    expect(read('package-lock.json').packages[''].engines.node).toBe(ours);
  });
});
