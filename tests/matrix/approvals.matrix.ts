import { all, conflicts, type MatrixSuite } from './harness';

/**
 * General requests are scoped by 'request:read' (own / team / unit / all); an approval is
 * visible to its submitter, its approvers and approval administrators, hidden from the rest.
 * Records: a request of spec_a1 (team A) for ¥800, submitted (director approves), and a
 * draft of spec_b1 (team B).
 */
export const approvalsMatrix: MatrixSuite = {
  feature: 'approvals',
  async setup({ t, ids }) {
    const a1 = await t.login('spec_a1');
    const submitted = await a1.post('/api/general-requests', { title: '办公用品：打印纸', category: 'office_supplies', amount: 80000, submit: true });
    if (submitted.status !== 200) throw new Error(`setup: ${JSON.stringify(submitted.body)}`);
    ids.requestA1 = submitted.body.id;
    ids.approvalA1 = submitted.body.approvalId;
    const b1 = await t.login('spec_b1');
    const draft = await b1.post('/api/general-requests', { title: '话费超标：10月', category: 'phone_allowance', amount: 12000 });
    if (draft.status !== 200) throw new Error(`setup: ${JSON.stringify(draft.body)}`);
    ids.draftB1 = draft.body.id;
    // one request of spec_a1 waiting for the director per decision the matrix tries
    for (const decision of ['Approve', 'Reject', 'Return', 'Transfer', 'Withdraw']) {
      const r = await a1.post('/api/general-requests', { title: `矩阵审批：${decision}`, category: 'office_supplies', amount: 10000, submit: true });
      if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
      ids[`approval${decision}`] = r.body.approvalId;
    }
  },
  cases: [
    { name: 'list requests', method: 'GET', url: () => '/api/general-requests', expect: all('allow') },
    {
      name: "read spec_a1's request (own / team / unit / all)",
      method: 'GET',
      url: ({ ids }) => `/api/general-requests/${ids.requestA1}`,
      expect: all('allow', { spec_b1: 'hidden' }),
    },
    {
      name: "read spec_b1's draft",
      method: 'GET',
      url: ({ ids }) => `/api/general-requests/${ids.draftB1}`,
      expect: all('allow', { spec_a1: 'hidden', manager_a: 'hidden' }),
    },
    {
      name: "edit spec_b1's draft (owner only)",
      method: 'PATCH',
      url: ({ ids }) => `/api/general-requests/${ids.draftB1}`,
      body: () => ({ description: 'x', version: 1 }),
      expect: all('deny', { spec_b1: 'allow', spec_a1: 'hidden', manager_a: 'hidden' }),
    },
    { name: 'create a request', method: 'POST', url: () => '/api/general-requests', body: () => ({}), expect: all('allow') },
    {
      name: "read the approval of spec_a1's request",
      method: 'GET',
      url: ({ ids }) => `/api/approvals/${ids.approvalA1}`,
      expect: all('hidden', { spec_a1: 'allow', director: 'allow', admin: 'allow' }),
    },
    {
      name: 'comment on it (submitter and approvers; an approval admin may read but not comment)',
      method: 'POST',
      url: ({ ids }) => `/api/approvals/${ids.approvalA1}/comment`,
      body: () => ({ comment: '请补充采购清单' }),
      expect: all('hidden', { spec_a1: 'allow', director: 'allow', admin: 'deny' }),
    },
    { name: 'approval inbox', method: 'GET', url: () => '/api/approvals?box=inbox', expect: all('allow') },
    { name: 'approval chains', method: 'GET', url: () => '/api/approval-chains', expect: all('deny', { admin: 'allow' }) },
    { name: 'create approval chain', method: 'POST', url: () => '/api/approval-chains', body: () => ({}), expect: all('deny', { admin: 'allow' }) },
    { name: 'own delegations', method: 'GET', url: () => '/api/delegations', expect: all('allow') },
    { name: 'set up a delegation (invalid)', method: 'POST', url: () => '/api/delegations', body: () => ({}), expect: all('allow') },
    { name: 'revoke a delegation that is not there', method: 'DELETE', url: () => '/api/delegations/999999', expect: all('hidden') },
    { name: 'approval document types (for the chain editor)', method: 'GET', url: () => '/api/approval-doc-types', expect: all('deny', { admin: 'allow' }) },
    { name: 'approval counts', method: 'GET', url: () => '/api/approvals/counts', expect: all('allow') },
    { name: 'change an approval chain (wrong version)', method: 'PATCH', url: () => '/api/approval-chains/1', body: () => ({ name: '改', version: 999 }), expect: conflicts(all('deny', { admin: 'allow' })) },
    { name: 'deactivate a chain that is not there', method: 'DELETE', url: () => '/api/approval-chains/999999', expect: all('deny', { admin: 'hidden' }) },
    { name: 'preview a chain (invalid)', method: 'POST', url: () => '/api/approval-chains/preview', body: () => ({}), expect: all('deny', { admin: 'allow' }) },
    { name: "withdraw spec_b1's draft (not pending: its owner gets a 409)", method: 'POST', url: ({ ids }) => `/api/general-requests/${ids.draftB1}/withdraw`, expect: all('hidden', { admin: 'conflict', gm: 'conflict', director: 'conflict', spec_b1: 'conflict', finance: 'conflict' }) },
    { name: "submit spec_b1's draft (its owner only)", method: 'POST', url: ({ ids }) => `/api/general-requests/${ids.draftB1}/submit`, expect: all('deny', { spec_b1: 'allow', spec_a1: 'hidden', manager_a: 'hidden' }) },
    // decisions: only the current approver (the director) decides; afterwards the step is gone (409)
    { name: 'approve (the director)', method: 'POST', url: ({ ids }) => `/api/approvals/${ids.approvalApprove}/approve`, body: () => ({}), expect: all('hidden', { admin: 'deny', director: 'allow', spec_a1: 'conflict' }) },
    { name: 'reject (the director)', method: 'POST', url: ({ ids }) => `/api/approvals/${ids.approvalReject}/reject`, body: () => ({ comment: '矩阵' }), expect: all('hidden', { admin: 'deny', director: 'allow', spec_a1: 'conflict' }) },
    { name: 'return (the director)', method: 'POST', url: ({ ids }) => `/api/approvals/${ids.approvalReturn}/return`, body: () => ({ comment: '矩阵' }), expect: all('hidden', { admin: 'deny', director: 'allow', spec_a1: 'conflict' }) },
    { name: 'transfer (the director, to the deputy GM)', method: 'POST', url: ({ ids }) => `/api/approvals/${ids.approvalTransfer}/transfer`, body: ({ t }) => ({ toUserId: t.org.users.deputy }), expect: all('hidden', { admin: 'deny', director: 'allow', spec_a1: 'deny' }) },
    { name: 'withdraw (the submitter)', method: 'POST', url: ({ ids }) => `/api/approvals/${ids.approvalWithdraw}/withdraw`, body: () => ({}), expect: all('hidden', { admin: 'deny', director: 'deny', spec_a1: 'allow' }) },
  ],
};
