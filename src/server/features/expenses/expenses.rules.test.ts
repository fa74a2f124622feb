import { describe, expect, it } from 'vitest';
import { categoryIssues, claimDocType, claimStatusFor, claimTotal, controlRate, DOC_TYPE, DOC_TYPE_PHONE, DOC_TYPE_PHONE_OVER, isClaimable, lineIssues, periodRange, phoneByPeriod, phoneOverBy, previousPeriod, refKey, type LinkedRecord } from './expenses.rules';
import { withPhoneCategory } from '../../../shared/contracts/expenses';

const rec = (state: string, spent: number, claimedElsewhere = false): LinkedRecord => ({ state, spent, claimedElsewhere });

describe('no report, no reimbursement', () => {
  it('visits, receptions and trips need an approved report; gifts an approved or issued application', () => {
    for (const kind of ['visit', 'reception', 'trip'] as const) {
      expect(isClaimable(kind, 'approved')).toBe(true);
      for (const s of ['none', 'submitted', 'returned']) expect(isClaimable(kind, s)).toBe(false);
    }
    expect(isClaimable('gift', 'approved')).toBe(true);
    expect(isClaimable('gift', 'issued')).toBe(true);
    for (const s of ['draft', 'pending', 'rejected']) expect(isClaimable('gift', s)).toBe(false);
  });
});

describe('lineIssues', () => {
  const records = new Map([
    [refKey('visit', 1), rec('approved', 1_000)],
    [refKey('trip', 2), rec('submitted', 5_000)],
    [refKey('gift', 3), rec('issued', 300)],
    [refKey('reception', 4), rec('approved', 900, true)],
  ]);
  it('names lines.N.refId for missing, unknown and unreported records, and lines.N.amount above the spent total', () => {
    const issues = lineIssues(
      [
        { kind: 'visit', refId: 1, amount: 600 },
        { kind: 'visit', refId: 1, amount: 401 },
        { kind: 'trip', refId: 2, amount: 1 },
        { kind: 'visit', refId: 9, amount: 1 },
        { kind: 'gift', refId: null, amount: 1 },
        { kind: 'other', refId: 1, amount: 1 },
        { kind: 'gift', refId: 3, amount: 300 },
        { kind: 'reception', refId: 4, amount: 9_999 },
      ],
      records,
    );
    expect(issues.map((i) => [i.path, i.key])).toEqual([
      ['lines.1.amount', 'expenses.overSpent'],
      ['lines.2.refId', 'expenses.reportNotApproved'],
      ['lines.3.refId', 'expenses.refNotFound'],
      ['lines.4.refId', 'expenses.refRequired'],
      ['lines.5.refId', 'expenses.refNotAllowed'],
    ]);
  });
  it('accepts the spent total exactly and other lines without a link', () => {
    expect(lineIssues([{ kind: 'visit', refId: 1, amount: 1_000 }, { kind: 'other', amount: 5 }], records)).toEqual([]);
  });
});

describe('control rate and the rest', () => {
  it('is actual ÷ budget, null without a budget', () => {
    expect(controlRate(110_000, 220_000)).toBe(0.5);
    expect(controlRate(1, 3)).toBe(0.3333);
    expect(controlRate(500, 400)).toBe(1.25);
    expect(controlRate(5, null)).toBeNull();
    expect(controlRate(5, 0)).toBeNull();
  });
  it('maps approvals, sums lines and spans months', () => {
    expect(claimStatusFor('returned')).toBe('rejected');
    expect(claimStatusFor('withdrawn')).toBe('draft');
    expect(claimStatusFor('approved')).toBe('approved');
    expect(claimTotal([{ amount: 1 }, { amount: 2 }])).toBe(3);
    expect(periodRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('finds the month before, across the year', () => {
    expect(previousPeriod('2026-11-30')).toBe('2026-10');
    expect(previousPeriod('2026-03-01')).toBe('2026-02');
    expect(previousPeriod('2027-01-15')).toBe('2026-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
  });
});

describe('phone allowance (超标准需客户总监审批)', () => {
  it('counts only what this claim adds above the month’s limit', () => {
    expect(phoneOverBy(30_000, 0, 30_000)).toBe(0);
    expect(phoneOverBy(30_000, 0, 30_001)).toBe(1);
    expect(phoneOverBy(30_000, 20_000, 15_000)).toBe(5_000);
    // the allowance already spent by earlier claims: all of this one is over
    expect(phoneOverBy(30_000, 35_000, 8_000)).toBe(8_000);
    expect(phoneOverBy(0, 0, 100)).toBe(100);
  });
  it('sums phone lines per month of their date', () => {
    const m = phoneByPeriod([
      { kind: 'phone', amount: 100, occurredOn: '2026-10-31' },
      { kind: 'phone', amount: 50, occurredOn: '2026-11-01' },
      { kind: 'other', amount: 999, occurredOn: '2026-11-02' },
      { kind: 'phone', amount: 25, occurredOn: '2026-11-30' },
    ]);
    expect([...m]).toEqual([
      ['2026-10', 100],
      ['2026-11', 75],
    ]);
  });
  it('routes over-allowance claims to the director, phone-only claims within it to finance alone', () => {
    expect(claimDocType([{ kind: 'phone' }], 0)).toBe(DOC_TYPE_PHONE);
    expect(claimDocType([{ kind: 'phone' }], 1)).toBe(DOC_TYPE_PHONE_OVER);
    expect(claimDocType([{ kind: 'phone' }, { kind: 'visit' }], 0)).toBe(DOC_TYPE);
    expect(claimDocType([{ kind: 'phone' }, { kind: 'visit' }], 500)).toBe(DOC_TYPE_PHONE_OVER);
    expect(claimDocType([{ kind: 'other' }], 0)).toBe(DOC_TYPE);
  });
  it('a phone line links no record', () => {
    expect(lineIssues([{ kind: 'phone', refId: 3, amount: 100 }], new Map())[0]).toMatchObject({ path: 'lines.0.refId', key: 'expenses.refNotAllowed' });
    expect(lineIssues([{ kind: 'phone', amount: 100 }], new Map())).toEqual([]);
  });
});

describe('categories', () => {
  const known = new Set(['交通费', '招待费', '手机费']);
  it('names lines.N.category for a category not in the list; a phone line always passes (it carries 手机费)', () => {
    const issues = categoryIssues(
      [
        { kind: 'visit', category: '交通费' },
        { kind: 'other', category: '业务招待' },
        { kind: 'phone', category: '通讯' },
        { kind: 'trip', category: '招待费 ' },
      ],
      known,
    );
    expect(issues.map((i) => [i.path, i.key, i.params])).toEqual([
      ['lines.1.category', 'expenses.unknownCategory', { category: '业务招待' }],
      ['lines.3.category', 'expenses.unknownCategory', { category: '招待费 ' }],
    ]);
    expect(categoryIssues([{ kind: 'other', category: '招待费' }], known)).toEqual([]);
  });
  it('offers 手机费 even when a stored list left it out, and each category once', () => {
    expect(withPhoneCategory(['交通费'])).toEqual(['交通费', '手机费']);
    expect(withPhoneCategory(['手机费', '交通费', '交通费'])).toEqual(['手机费', '交通费']);
  });
});
