import { describe, expect, it } from 'vitest';
import { canMove, CONTRACT_FILE_TYPES, contractNumber, effectiveAmount, followStatus, frameworkRollup, invoicedNotReceived, lineAmount, parentProblem } from './contracts.rules';

describe('contract rules (DEAL-1)', () => {
  it('numbers a contract HT-<year>-<id in 6 digits>', () => {
    expect(contractNumber(2026, 42)).toBe('HT-2026-000042');
    expect(contractNumber(2027, 1_234_567)).toBe('HT-2027-1234567');
  });

  it('computes a line amount as round(quantity × price × (1 − discount/100)), half up, without float error', () => {
    expect(lineAmount(2, 500_000, 0)).toBe(1_000_000);
    expect(lineAmount(3, 100, 5)).toBe(285);
    // 1.005 × 1,000 fen = 1,005 exactly (a float product would give 1004.9999…)
    expect(lineAmount(1.005, 1000, 0)).toBe(1005);
    expect(lineAmount(0.001, 1, 0)).toBe(0);
    expect(lineAmount(0.5, 1, 0)).toBe(1);
    expect(lineAmount(1.5, 333, 12.5)).toBe(437);
    expect(lineAmount(1_000_000, 9_000_000_000, 99.99)).toBe(900_000_000_000);
  });

  it('adds signed supplements to a sales contract only', () => {
    expect(effectiveAmount('sales', 1000, 200)).toBe(1200);
    expect(effectiveAmount('framework', 1000, 200)).toBe(1000);
    expect(effectiveAmount('supplement', 300, 0)).toBe(300);
  });

  it('rolls a framework up: remaining never below 0', () => {
    expect(frameworkRollup(1000, 300)).toEqual({ committed: 1000, fulfilled: 300, remaining: 700 });
    expect(frameworkRollup(1000, 1300)).toEqual({ committed: 1000, fulfilled: 1300, remaining: 0 });
    expect(invoicedNotReceived(500, 200)).toBe(300);
    expect(invoicedNotReceived(200, 500)).toBe(0);
  });

  it('allows the moves by hand only from their statuses', () => {
    expect(canMove('start', 'signed')).toBe(true);
    expect(canMove('start', 'in_progress')).toBe(false);
    for (const m of ['terminate', 'void', 'settle'] as const) {
      expect(canMove(m, 'signed')).toBe(true);
      expect(canMove(m, 'in_progress')).toBe(true);
      for (const s of ['draft', 'pending', 'rejected', 'completed', 'terminated', 'void']) expect(canMove(m, s)).toBe(false);
    }
  });

  it('checks the parent a kind needs', () => {
    const framework = { kind: 'framework', account_id: 1, status: 'signed' };
    const sales = { kind: 'sales', account_id: 1, status: 'in_progress' };
    expect(parentProblem('framework', 1, null)).toBeNull();
    expect(parentProblem('framework', 1, framework)).toBe('parentNotAllowed');
    expect(parentProblem('sales', 1, null)).toBeNull();
    expect(parentProblem('sales', 1, framework)).toBeNull();
    expect(parentProblem('sales', 2, framework)).toBe('parentAccount');
    expect(parentProblem('sales', 1, sales)).toBe('parentKind');
    expect(parentProblem('sales', 1, { ...framework, status: 'draft' })).toBe('parentState');
    expect(parentProblem('sales', 1, { ...framework, status: 'completed' })).toBe('parentState');
    expect(parentProblem('supplement', 1, null)).toBe('parentRequired');
    expect(parentProblem('supplement', 1, undefined)).toBe('parentNotFound');
    expect(parentProblem('supplement', 1, sales)).toBeNull();
    expect(parentProblem('supplement', 1, framework)).toBe('parentKind');
  });

  it('follows collections: paid → in progress, all settled → completed, owed again → in progress', () => {
    const plan = (...xs: [number, number, number][]) => xs.map(([amount, paid, writtenOff]) => ({ amount, paid, writtenOff }));
    expect(followStatus({ status: 'signed', settledBy: null, instalments: plan([100, 0, 0]) })).toBeNull();
    expect(followStatus({ status: 'signed', settledBy: null, instalments: plan([100, 10, 0], [100, 0, 0]) })).toBe('in_progress');
    expect(followStatus({ status: 'signed', settledBy: null, instalments: plan([100, 100, 0]) })).toBe('completed');
    expect(followStatus({ status: 'in_progress', settledBy: null, instalments: plan([100, 60, 40], [50, 50, 0]) })).toBe('completed');
    expect(followStatus({ status: 'in_progress', settledBy: null, instalments: plan([100, 60, 0]) })).toBeNull();
    expect(followStatus({ status: 'completed', settledBy: null, instalments: plan([100, 60, 0]) })).toBe('in_progress');
    // settled by hand, terminated or void: collections never move it
    expect(followStatus({ status: 'completed', settledBy: 5, instalments: plan([100, 60, 0]) })).toBeNull();
    expect(followStatus({ status: 'terminated', settledBy: null, instalments: plan([100, 100, 0]) })).toBeNull();
    expect(followStatus({ status: 'void', settledBy: null, instalments: plan([100, 0, 0]) })).toBeNull();
    // a contract without a plan (a supplement of 0) is not completed by it
    expect(followStatus({ status: 'signed', settledBy: null, instalments: [] })).toBeNull();
  });

  it('takes documents and images as files, not executables or pages', () => {
    for (const mime of ['application/pdf', 'image/png', 'text/plain']) expect(CONTRACT_FILE_TYPES.has(mime), mime).toBe(true);
    for (const mime of ['application/x-msdownload', 'text/html', 'image/svg+xml']) expect(CONTRACT_FILE_TYPES.has(mime), mime).toBe(false);
  });
});
