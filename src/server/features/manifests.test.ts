import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../shared/permissions';
import { defaultChainsOf } from '../platform/feature';
import { FEATURES } from './index';
import { defaultRoles } from './org/default-roles';

const dupes = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('the rooms’ manifests', () => {
  it('have distinct names', () => {
    expect(dupes(FEATURES.map((f) => f.name))).toEqual([]);
  });

  it('define every permission, each in one room', () => {
    const declared = FEATURES.flatMap((f) => f.permissions ?? []);
    expect(dupes(declared)).toEqual([]);
    expect([...declared].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it('grant only the permissions their own room defines', () => {
    for (const f of FEATURES) {
      const own = new Set(f.permissions ?? []);
      const granted = Object.values(f.grants ?? {}).flat();
      expect(granted.filter((p) => !own.has(p)), f.name).toEqual([]);
    }
  });

  it('give the built-in roles what the positions need, and delegation of others’ approvals to the administrator alone', () => {
    const roles = new Map(defaultRoles(FEATURES).map((r) => [r.code, r.permissions]));
    expect(roles.get('sys_admin')).toEqual(expect.arrayContaining([...ALL_PERMISSIONS]));
    for (const [code, permissions] of roles) {
      if (code !== 'sys_admin') expect(permissions, code).not.toContain('delegation:manage');
      if (code !== 'sys_admin') expect(permissions, code).toEqual(expect.arrayContaining(['org:read', 'approval:act', 'request:create']));
    }
    expect(roles.get('specialist')).not.toContain('account:assign');
    expect(roles.get('ka_director')).toEqual(expect.arrayContaining(['account:assign', 'visit:review', 'opportunity:configure']));
    expect(roles.get('finance')).toEqual(expect.arrayContaining(['expense:pay', 'budget:manage']));
    expect(roles.get('finance')).not.toContain('expense:write');
  });

  it('declare one default chain for every approval type, each type once', () => {
    const chains = defaultChainsOf(FEATURES);
    const types = FEATURES.flatMap((f) => f.approvables ?? []).flatMap((a) => a.def.types);
    expect(dupes(types)).toEqual([]);
    expect(chains.map((c) => c.docType)).toEqual(types);
    for (const c of chains) expect(c.steps.length, c.docType).toBeGreaterThan(0);
  });
});
