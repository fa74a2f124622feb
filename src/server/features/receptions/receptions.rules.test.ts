import { describe, expect, it } from 'vitest';
import { canCancel, canWriteReport, mayConfirmReport, receptionStatusFor, RECEPTION_GM_THRESHOLD, sumLines } from './receptions.rules';

describe('reception rules', () => {
  it('a returned approval reads as rejected', () => {
    expect(receptionStatusFor('returned')).toBe('rejected');
    expect(receptionStatusFor('approved')).toBe('approved');
  });
  it('the report is written only after approval and until it is confirmed', () => {
    expect(canWriteReport('pending', 'none')).toBe(false);
    expect(canWriteReport('approved', 'none')).toBe(true);
    expect(canWriteReport('approved', 'submitted')).toBe(true);
    expect(canWriteReport('approved', 'approved')).toBe(false);
  });
  it('the KA director or a GM confirms a report, never its owner', () => {
    expect(mayConfirmReport(['ka_director'], 2, 1)).toBe(true);
    expect(mayConfirmReport(['ka_director'], 1, 1)).toBe(false);
    expect(mayConfirmReport(['account_manager'], 2, 1)).toBe(false);
    expect(mayConfirmReport(['gm'], 2, 1)).toBe(true);
  });
  it('cancel until a report exists; totals add the lines; the GM threshold is ¥20,000', () => {
    expect(canCancel('approved', 'none')).toBe(true);
    expect(canCancel('approved', 'submitted')).toBe(false);
    expect(canCancel('cancelled', 'none')).toBe(false);
    expect(sumLines({ a: 100, b: 250 })).toBe(350);
    expect(RECEPTION_GM_THRESHOLD).toBe(2_000_000);
  });
});
