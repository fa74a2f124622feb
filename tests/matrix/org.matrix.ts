import { all, type MatrixSuite } from './harness';

const adminOnly = all('deny', { admin: 'allow' });

export const orgMatrix: MatrixSuite = {
  feature: 'org',
  cases: [
    { name: 'list units', method: 'GET', url: () => '/api/org-units', expect: all('allow') },
    { name: 'create unit', method: 'POST', url: () => '/api/org-units', body: () => ({}), expect: adminOnly },
    { name: 'update unit', method: 'PATCH', url: ({ t }) => `/api/org-units/${t.org.units.teamA}`, body: () => ({}), expect: adminOnly },
    { name: 'list users', method: 'GET', url: () => '/api/users', expect: all('allow') },
    { name: 'read a user', method: 'GET', url: ({ t }) => `/api/users/${t.org.users.spec_b1}`, expect: all('allow') },
    { name: 'create user', method: 'POST', url: () => '/api/users', body: () => ({}), expect: adminOnly },
    { name: 'update user', method: 'PATCH', url: ({ t }) => `/api/users/${t.org.users.spec_b1}`, body: () => ({}), expect: adminOnly },
    { name: 'reset password', method: 'POST', url: ({ t }) => `/api/users/${t.org.users.spec_b1}/password`, body: () => ({}), expect: adminOnly },
    { name: 'unlock user', method: 'POST', url: ({ t }) => `/api/users/${t.org.users.spec_b1}/unlock`, expect: adminOnly },
    { name: 'list roles', method: 'GET', url: () => '/api/roles', expect: all('allow') },
    { name: 'list permissions', method: 'GET', url: () => '/api/permissions', expect: adminOnly },
    { name: 'create role', method: 'POST', url: () => '/api/roles', body: () => ({}), expect: adminOnly },
    { name: 'update role', method: 'PATCH', url: () => '/api/roles/1', body: () => ({}), expect: adminOnly },
    { name: 'delete role', method: 'DELETE', url: () => '/api/roles/999999', expect: all('deny', { admin: 'hidden' }) },
    { name: 'positions', method: 'GET', url: () => '/api/positions', expect: all('allow') },
  ],
};

export const authMatrix: MatrixSuite = {
  feature: 'auth',
  cases: [
    { name: 'me', method: 'GET', url: () => '/api/auth/me', expect: all('allow') },
    { name: 'own tokens', method: 'GET', url: () => '/api/auth/tokens', expect: all('allow') },
    { name: 'revoke a token that is not mine', method: 'DELETE', url: () => '/api/auth/tokens/999999', expect: all('hidden') },
    { name: 'create a token (invalid)', method: 'POST', url: () => '/api/auth/tokens', body: () => ({}), expect: all('allow') },
    { name: 'change my password (invalid)', method: 'POST', url: () => '/api/auth/password', body: () => ({}), expect: all('allow') },
    { name: 'my display preferences (invalid)', method: 'PUT', url: () => '/api/auth/preferences', body: () => ({}), expect: all('allow') },
    { name: 'my home layout', method: 'GET', url: () => '/api/auth/home-layout', expect: all('allow') },
    { name: 'arrange my home (invalid)', method: 'PUT', url: () => '/api/auth/home-layout', body: () => ({}), expect: all('allow') },
  ],
};
