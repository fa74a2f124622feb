import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { applyFormErrors } from '../components/errors';
import { buildMenu, openMenuKey, selectedMenuKey } from './nav';
import { safeNext } from './next';
import type { Access, AppRoute } from './types';

const t = ((key: string) => key) as unknown as TFunction;
const page = (path: string, extra: Partial<AppRoute>): AppRoute => ({ path, element: null, access: 'authenticated', labelKey: `x:${path}`, ...extra });

describe('buildMenu', () => {
  const routes: AppRoute[] = [
    page('/admin/users', { area: 'system', access: 'user:manage' }),
    page('/approvals', { area: 'approvals', access: 'approval:act' }),
    page('/approvals/:id', { area: 'approvals', access: 'approval:act' }),
    page('/requests', { area: 'approvals', access: 'request:read' }),
    page('/admin/audit', { area: 'system', access: 'audit:read' }),
    page('/tasks', {}),
  ];

  it('groups pages by area in the fixed order, with stable test ids', () => {
    const items = buildMenu(routes, () => true, t) as unknown as Record<string, unknown>[];
    expect(items.map((i) => i['data-testid'])).toEqual(['nav-/', 'nav-area-approvals', 'nav-area-system']);
    const approvals = items[1].children as Record<string, unknown>[];
    expect(approvals.map((i) => i['data-testid'])).toEqual(['nav-/approvals', 'nav-/requests']);
    expect(items[1].label).toBe('common:areas.approvals');
  });

  it('shows an area only when the user may open one of its pages', () => {
    const items = buildMenu(routes, (access) => access === 'request:read' || access === 'authenticated', t) as unknown as Record<string, unknown>[];
    expect(items.map((i) => i['data-testid'])).toEqual(['nav-/', 'nav-area-approvals']);
    expect((items[1].children as Record<string, unknown>[]).map((i) => i.key)).toEqual(['/requests']);
  });

  it('makes each area a collapsible group (a submenu), not a heading', () => {
    const items = buildMenu(routes, () => true, t) as unknown as Record<string, unknown>[];
    expect(items.slice(1).map((i) => [i.key, i.type])).toEqual([
      ['area:approvals', undefined],
      ['area:system', undefined],
    ]);
  });

  it('leaves out a page unless the user holds every permission it needs', () => {
    const withPlans = [...routes, page('/gifts/plans', { area: 'relationships', access: ['gift:read', 'account:read'] })];
    // as the session's can(): a list of permissions needs every one
    const holds = (...held: string[]) => (access: Access) => [access].flat().every((a) => held.includes(a));
    const finance = buildMenu(withPlans, holds('gift:read', 'authenticated'), t) as unknown as Record<string, unknown>[];
    expect(finance.map((i) => i['data-testid'])).toEqual(['nav-/']);
    const director = buildMenu(withPlans, holds('gift:read', 'account:read'), t) as unknown as Record<string, unknown>[];
    expect(director.map((i) => i['data-testid'])).toEqual(['nav-/', 'nav-area-relationships']);
  });

  it('keeps the group of the current page open', () => {
    expect(openMenuKey(selectedMenuKey('/approvals/12', routes), routes)).toBe('area:approvals');
    expect(openMenuKey(selectedMenuKey('/admin/audit', routes), routes)).toBe('area:system');
    expect(openMenuKey(selectedMenuKey('/', routes), routes)).toBeUndefined();
    expect(openMenuKey(selectedMenuKey('/tasks', routes), routes)).toBeUndefined();
  });

  it('highlights the deepest menu page containing the location', () => {
    expect(selectedMenuKey('/approvals/12', routes)).toBe('/approvals');
    expect(selectedMenuKey('/admin/users', routes)).toBe('/admin/users');
    expect(selectedMenuKey('/', routes)).toBe('/');
    expect(selectedMenuKey('/approvalsX', routes)).toBe('');
    expect(selectedMenuKey('/tasks', routes)).toBe('');
  });
});

describe('safeNext', () => {
  it('keeps in-app paths and refuses anything else', () => {
    expect(safeNext('/tasks?status=done')).toBe('/tasks?status=done');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
  });
});

describe('applyFormErrors', () => {
  function fakeForm(names: string[][]) {
    const set: { name: (string | number)[]; errors: string[] }[] = [];
    const form = {
      getFieldsError: () => names.map((name) => ({ name, errors: [], warnings: [] })),
      setFields: (fields: typeof set) => set.push(...fields),
    } as unknown as FormInstance;
    return { form, set };
  }
  const invalid = (issues: { path: string; message: string }[]) => new ApiError(400, 'VALIDATION', 'Invalid input', { issues });

  it('puts each issue on its field, nested paths on the nearest registered field', () => {
    const { form, set } = fakeForm([['name'], ['scopes']]);
    const ok = applyFormErrors(
      form,
      invalid([
        { path: 'name', message: 'too long' },
        { path: 'scopes.1', message: 'You cannot grant x' },
        { path: 'scopes.2', message: 'You cannot grant y' },
      ]),
    );
    expect(ok).toBe(true);
    expect(set).toEqual([
      { name: ['name'], errors: ['too long'] },
      { name: ['scopes'], errors: ['You cannot grant x', 'You cannot grant y'] },
    ]);
  });

  it('uses the localized message when the form knows the issue', () => {
    const { form, set } = fakeForm([['currentPassword']]);
    applyFormErrors(form, invalid([{ path: 'currentPassword', message: 'Current password is wrong' }]), () => '当前密码不正确');
    expect(set).toEqual([{ name: ['currentPassword'], errors: ['当前密码不正确'] }]);
  });

  it('reports false when no field can carry the error', () => {
    const { form, set } = fakeForm([['name']]);
    expect(applyFormErrors(form, invalid([{ path: 'steps.0', message: 'No approver' }]))).toBe(false);
    expect(applyFormErrors(form, new ApiError(409, 'STALE_VERSION', 'stale'))).toBe(false);
    expect(applyFormErrors(form, new Error('boom'))).toBe(false);
    expect(set).toEqual([]);
  });
});
