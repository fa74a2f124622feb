import { describe, expect, it } from 'vitest';
import { redactDiff } from './audit.rules';

describe('audit diffs as a reader sees them', () => {
  const diff = { name: [null, '钱处长'], family: [null, '妻子在银行工作'], marital_status: ['未婚', '已婚'], hobbies: [null, '高尔夫'], _: { accountId: 3, lines: [{ birthday: '1970-01-01' }] } };

  it('masks a contact’s personal details, in columns and in extra data, for readers without contact:sensitive', () => {
    expect(redactDiff('contact', diff, () => false)).toEqual({ name: [null, '钱处长'], family: ['***', '***'], marital_status: ['***', '***'], hobbies: ['***', '***'], _: { accountId: 3, lines: [{ birthday: '***' }] } });
  });

  it('leaves them for readers with contact:sensitive, and other entities alone', () => {
    expect(redactDiff('contact', diff, (p) => p === 'contact:sensitive')).toEqual(diff);
    expect(redactDiff('visit', diff, () => false)).toEqual(diff);
  });

  it('masks an account’s trade terms without account:trade-terms', () => {
    expect(redactDiff('account', { discount_bp: [null, 500], payment_term_days: [30, 60], name: ['a', 'b'] }, () => false)).toEqual({ discount_bp: ['***', '***'], payment_term_days: ['***', '***'], name: ['a', 'b'] });
  });
});
