import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, call, type TestApp } from '../support/app';
import { TEST_PASSWORD } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { LOGIN_MAX_FAILURES: 3 } });
});
afterAll(async () => t?.close());

describe('login and sessions', () => {
  it('signs in, returns the user with permissions, and /me works with the cookie', async () => {
    const c = await t.login('director');
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('director');
    expect(me.body.unitName).toBe('大客户部');
    expect(me.body.permissions).toContainEqual({ permission: 'request:read', scope: 'unit' });
  });

  it('rejects a wrong password with 401 and the same message as an unknown user', async () => {
    const a = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'gm', password: 'nope-nope' } });
    const b = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'nope-nope' } });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error.message).toBe(b.body.error.message);
  });

  it('names the failing field on a malformed login', async () => {
    const r = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(r.status).toBe(400);
    const paths = r.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'spec_b1', password: 'wrong-pass' } });
      expect(r.status).toBe(401);
    }
    const third = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'spec_b1', password: 'wrong-pass' } });
    expect(third.status).toBe(423);
    const right = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'spec_b1', password: TEST_PASSWORD } });
    expect(right.status).toBe(423);
    expect(right.body.error.details.lockedUntil).toBeTruthy();
    // an admin lifts the lock
    const admin = await t.login('admin');
    expect((await admin.post(`/api/users/${t.org.users.spec_b1}/unlock`)).status).toBe(200);
    await t.login('spec_b1');
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const c = await t.login('gm');
    const noHeader = await call(t.app, { method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error.code).toBe('CSRF');
    const wrong = await call(t.app, { method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie, 'x-csrf-token': 'forged' } });
    expect(wrong.status).toBe(403);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('changes the password and ends the other sessions', async () => {
    const first = await t.login('spec_a2');
    const second = await t.login('spec_a2');
    const r = await first.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'N3w-password!' });
    expect(r.status).toBe(200);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await first.get('/api/auth/me')).status).toBe(200);
    await t.login('spec_a2', 'N3w-password!');
    const bad = await first.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'another-one1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('currentPassword');
  });

  it('issues scoped personal API tokens that work without cookies or CSRF', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/auth/tokens', { name: 'ERP sync', scopes: ['org:read'] });
    expect(created.status).toBe(200);
    const auth = { authorization: `Bearer ${created.body.token}` };
    expect((await call(t.app, { method: 'GET', url: '/api/users', headers: auth })).status).toBe(200);
    // outside its scopes: forbidden even though the owner may do it
    const outside = await call(t.app, { method: 'POST', url: '/api/org-units', headers: auth, payload: { parentId: t.org.units.hq, name: 'X', kind: 'department' } });
    expect(outside.status).toBe(403);
    expect((await admin.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(200);
    expect((await call(t.app, { method: 'GET', url: '/api/users', headers: auth })).status).toBe(401);
    const tooMuch = await (await t.login('spec_a1')).post('/api/auth/tokens', { name: 'x', scopes: ['role:manage'] });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.details.issues[0]).toMatchObject({ path: 'scopes.0', key: 'auth.scopeNotAllowed', params: { scope: 'role:manage' } });
  });

  it('refuses sign-in of a disabled user', async () => {
    const admin = await t.login('admin');
    const user = await admin.get(`/api/users/${t.org.users.prov_director}`);
    const r = await admin.patch(`/api/users/${t.org.users.prov_director}`, { status: 'disabled', version: user.body.version });
    expect(r.status).toBe(200);
    const login = await call(t.app, { method: 'POST', url: '/api/auth/login', payload: { username: 'prov_director', password: TEST_PASSWORD } });
    expect(login.status).toBe(401);
  });
});
