import { describe, expect, it } from 'vitest';
import { fillableFields, mergeLedgers, mergeTeams } from './merge.rules';

describe('profile fields on merge', () => {
  it('fills only what the target lacks and the source has', () => {
    const target = { phone: '025-1', address: null, website: '  ', employees: 0, creditCode: null };
    const source = { phone: '025-2', address: '中山路 1 号', website: 'www.a.cn', employees: 300, creditCode: null };
    expect(fillableFields(target, source, ['phone', 'address', 'website', 'employees', 'creditCode'])).toEqual(['address', 'website']);
  });
});

describe('revenue ledger on merge', () => {
  it('sums rows of the same year and source and keeps the others', () => {
    const merged = mergeLedgers(
      [
        { year: 2025, source: 'import', amount: 100, note: '财务导入' },
        { year: 2024, source: 'manual', amount: 5, note: '' },
      ],
      [
        { year: 2025, source: 'import', amount: 50, note: '合同台账' },
        { year: 2025, source: 'contract', amount: 7, note: '' },
        { year: 2024, source: 'manual', amount: 1, note: '' },
      ],
    );
    expect(merged).toEqual([
      { year: 2025, source: 'contract', amount: 7, note: '' },
      { year: 2025, source: 'import', amount: 150, note: '财务导入；合同台账' },
      { year: 2024, source: 'manual', amount: 6, note: '' },
    ]);
  });

  it('does not repeat a note both sides carry', () => {
    expect(mergeLedgers([{ year: 2025, source: 'import', amount: 1, note: '导入' }], [{ year: 2025, source: 'import', amount: 2, note: '导入' }])[0]!.note).toBe('导入');
  });
});

describe('service team on merge', () => {
  it('is the union, each person and role once', () => {
    expect(
      mergeTeams(
        [{ userId: 1, role: 'specialist' }],
        [
          { userId: 1, role: 'specialist' },
          { userId: 1, role: 'technical' },
          { userId: 2, role: 'specialist' },
        ],
      ),
    ).toEqual([
      { userId: 1, role: 'specialist' },
      { userId: 1, role: 'technical' },
      { userId: 2, role: 'specialist' },
    ]);
  });
});
