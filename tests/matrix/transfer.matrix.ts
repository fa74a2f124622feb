import { all, type MatrixSuite, conflicts } from './harness';
import { upload, xlsx } from '../support/transfer';

/**
 * Import needs account:import (director, GM, deputy, finance for receipts, admin); an import is its creator's own, so
 * everyone else who may import gets a 404 for the director's. Exports need account:export (every
 * account worker; finance has none). Writes send a version that does not match: a 409 still
 * shows the request passed authorisation and ownership.
 */
const importers = all('deny', { admin: 'allow', gm: 'allow', director: 'allow', finance: 'allow' });
const directorsImport = all('deny', { admin: 'hidden', gm: 'hidden', director: 'allow', finance: 'hidden' });
const accountWorkers = all('allow', { finance: 'deny' });

export const transferMatrix: MatrixSuite = {
  feature: 'import and export',
  async setup({ t, ids }) {
    const director = await t.login('director');
    const r = await upload(t, director, '/api/imports?kind=accounts', 'matrix.xlsx', await xlsx([['客户名称'], ['矩阵导入客户']]));
    if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
    ids.import = r.body.id;
  },
  cases: [
    { name: 'list my imports', method: 'GET', url: () => '/api/imports', expect: importers },
    { name: 'upload an import (no file: 400)', method: 'POST', url: () => '/api/imports?kind=accounts', body: () => ({}), expect: importers },
    { name: "read the director's import", method: 'GET', url: ({ ids }) => `/api/imports/${ids.import}`, expect: directorsImport },
    { name: "read the director's report", method: 'GET', url: ({ ids }) => `/api/imports/${ids.import}/rows`, expect: directorsImport },
    { name: 'replace the file', method: 'PUT', url: ({ ids }) => `/api/imports/${ids.import}/file?version=99`, body: () => ({}), expect: directorsImport },
    { name: 'choose duplicate actions', method: 'PUT', url: ({ ids }) => `/api/imports/${ids.import}/actions`, body: () => ({ onDuplicate: 'merge', rows: [], version: 99 }), expect: conflicts(directorsImport) },
    { name: 'validate again', method: 'POST', url: ({ ids }) => `/api/imports/${ids.import}/validate`, body: () => ({ version: 99 }), expect: conflicts(directorsImport) },
    { name: 'commit', method: 'POST', url: ({ ids }) => `/api/imports/${ids.import}/commit`, body: () => ({ version: 99 }), expect: conflicts(directorsImport) },
    { name: 'cancel', method: 'POST', url: ({ ids }) => `/api/imports/${ids.import}/cancel`, body: () => ({ version: 99 }), expect: conflicts(directorsImport) },
    { name: 'a missing import', method: 'GET', url: () => '/api/imports/999999', expect: all('deny', { admin: 'hidden', gm: 'hidden', director: 'hidden', finance: 'hidden' }) },
    { name: 'download a template', method: 'GET', url: () => '/api/import-templates/contacts?format=csv', expect: importers },
    { name: 'export accounts', method: 'GET', url: () => '/api/accounts/export?format=csv', expect: accountWorkers },
    { name: 'export contacts', method: 'GET', url: () => '/api/contacts/export?format=xlsx', expect: accountWorkers },
  ],
};
