import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13 item 3: a clean `npm ci` prints no EBADENGINE warning of ours — every installed
 * package accepts every Node the project declares it runs on (package.json engines).
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe('dependencies', () => {
  it('every package in the lockfile runs on the lowest Node the project supports', () => {
    const ours = read('package.json').engines.node as string;
    const lowest = semver.minVersion(ours)!.version;
    const lock = read('package-lock.json') as { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }> };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && typeof p.engines.node === 'string')
      .filter(([, p]) => !semver.satisfies(lowest, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(([name, p]) => `${name} (${(p.engines as { node: string }).node})`);
    expect(refusing, `Node ${lowest}`).toEqual([]);
  });
});
