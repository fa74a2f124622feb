import { insertSignedContract } from '../support/contracts';
import { insertAccount } from '../support/pipeline';
import { all, conflicts, type MatrixSuite } from './harness';

/**
 * Contracts follow their owner / unit scope: read with contract:read (everyone; specialists their own),
 * written with contract:write (admin, director, manager_a — not the GM, specialists or finance), ended
 * and settled with contract:manage (admin, GM, director). Contract A is manager_a's (team A), B
 * manager_b's (team B), both signed. Writes send a wrong version, so they stop at the version check
 * (409) once past permission and scope; outside the scope they are 404.
 */
const readA = all('allow', { spec_a1: 'hidden', spec_b1: 'hidden' });
const readB = all('allow', { manager_a: 'hidden', spec_a1: 'hidden', spec_b1: 'hidden' });
const writeA = all('allow', { gm: 'deny', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });
const writeB = all('allow', { gm: 'deny', manager_a: 'hidden', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });
const manageA = all('allow', { manager_a: 'deny', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });
const manageB = all('allow', { manager_a: 'deny', spec_a1: 'deny', spec_b1: 'deny', finance: 'deny' });
const reason = () => ({ version: 999, reason: '矩阵' });
const body = (accountId: number) => ({ kind: 'sales', accountId, title: '矩阵合同', amount: 1000, instalments: [{ dueDate: '2027-01-01', amount: 1000 }] });
const upload = { name: '矩阵.pdf', mime: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') };

export const contractsMatrix: MatrixSuite = {
  feature: 'contracts',
  async setup({ t, ids }) {
    const db = t.database.db;
    const u = t.org.users;
    ids.contractAccA = await insertAccount(db, '矩阵合同客户甲', u.manager_a!);
    ids.contractAccB = await insertAccount(db, '矩阵合同客户乙', u.manager_b!);
    ids.contractA = (await insertSignedContract(db, { accountId: ids.contractAccA, ownerId: u.manager_a!, instalments: [{ dueDate: '2027-01-01', amount: 1000 }] })).contractId;
    ids.contractB = (await insertSignedContract(db, { accountId: ids.contractAccB, ownerId: u.manager_b!, instalments: [{ dueDate: '2027-01-01', amount: 1000 }] })).contractId;
    const file = (contractId: number, uploadedBy: number) =>
      db.insertInto('files').values({ name: '扫描件.pdf', mime: 'application/pdf', size: 8, sha256: '0'.repeat(64), content: Buffer.from('%PDF-1.4'), uploaded_by: uploadedBy, entity: 'contract', entity_id: contractId }).returning('id').executeTakeFirstOrThrow();
    ids.contractFileA = (await file(ids.contractA, u.manager_a!)).id;
    ids.contractFileB = (await file(ids.contractB, u.manager_b!)).id;
  },
  cases: [
    { name: 'list contracts', method: 'GET', url: () => '/api/contracts?pageSize=5', expect: all('allow') },
    { name: 'export contracts', method: 'GET', url: () => '/api/contracts/export?lines=true', expect: all('allow') },
    { name: 'plan preview', method: 'POST', url: () => '/api/contracts/plan-preview', body: () => ({ amount: 1000, terms: [{ percent: 100, dueDate: '2027-01-01' }] }), expect: all('allow') },
    { name: 'create a contract on manager_a’s account', method: 'POST', url: () => '/api/contracts', body: ({ ids }) => body(ids.contractAccA!), expect: writeA },
    { name: 'contract A', method: 'GET', url: ({ ids }) => `/api/contracts/${ids.contractA}`, expect: readA },
    { name: 'contract B', method: 'GET', url: ({ ids }) => `/api/contracts/${ids.contractB}`, expect: readB },
    { name: 'update contract A (wrong version)', method: 'PUT', url: ({ ids }) => `/api/contracts/${ids.contractA}`, body: ({ ids }) => ({ ...body(ids.contractAccA!), version: 999 }), expect: conflicts(writeA) },
    { name: 'update contract B (wrong version)', method: 'PUT', url: ({ ids }) => `/api/contracts/${ids.contractB}`, body: ({ ids }) => ({ ...body(ids.contractAccB!), version: 999 }), expect: conflicts(writeB) },
    { name: 'delete contract A (wrong version)', method: 'DELETE', url: ({ ids }) => `/api/contracts/${ids.contractA}?version=999`, expect: conflicts(writeA) },
    { name: 'submit contract A (wrong version)', method: 'POST', url: ({ ids }) => `/api/contracts/${ids.contractA}/submit`, body: () => ({ version: 999 }), expect: conflicts(writeA) },
    { name: 'withdraw contract B (wrong version)', method: 'POST', url: ({ ids }) => `/api/contracts/${ids.contractB}/withdraw`, body: () => ({ version: 999 }), expect: conflicts(writeB) },
    { name: 'start contract A (wrong version)', method: 'POST', url: ({ ids }) => `/api/contracts/${ids.contractA}/start`, body: () => ({ version: 999 }), expect: conflicts(writeA) },
    { name: 'terminate contract A (wrong version)', method: 'POST', url: ({ ids }) => `/api/contracts/${ids.contractA}/terminate`, body: reason, expect: conflicts(manageA) },
    { name: 'void contract B (wrong version)', method: 'POST', url: ({ ids }) => `/api/contracts/${ids.contractB}/void`, body: reason, expect: conflicts(manageB) },
    { name: 'settle contract A (wrong version)', method: 'POST', url: ({ ids }) => `/api/contracts/${ids.contractA}/settle`, body: reason, expect: conflicts(manageA) },
    { name: 'attach a file to contract A', method: 'POST', url: ({ ids }) => `/api/contracts/${ids.contractA}/files`, body: () => upload, expect: writeA },
    { name: 'download a file of contract A', method: 'GET', url: ({ ids }) => `/api/contracts/${ids.contractA}/files/${ids.contractFileA}`, expect: readA },
    // manager_b's file: the admin (contract:manage, all) removes it first; then it is gone for the director too
    { name: 'remove manager_b’s file of contract B', method: 'DELETE', url: ({ ids }) => `/api/contracts/${ids.contractB}/files/${ids.contractFileB}`, expect: all('deny', { admin: 'allow', director: 'hidden', manager_a: 'hidden' }) },
    { name: 'contracts of manager_a’s account', method: 'GET', url: ({ ids }) => `/api/accounts/${ids.contractAccA}/contracts`, expect: readA },
  ],
};
