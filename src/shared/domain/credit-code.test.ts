import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the standard\'s published example and codes of the usual shapes', () => {
    // the example printed in GB 32100-2015 guidance material
    expect(creditCodeProblem('91350100M000100Y43')).toBeUndefined();
    // enterprise (91), institution (12), government organ (11), with letters inside
    for (const code of ['91320000134760295Y', '91110000100017643K', '121000004000009101', '11100000000013127D', '91330106MA27XL3U9B']) {
      expect(creditCodeProblem(code), code).toBeUndefined();
    }
  });
  it('computes the check character, mapping 31 to 0', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('12100000400000910')).toBe('1');
    // Σ ≡ 0 (mod 31) gives 31 − 0 = 31, which wraps to '0'
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
  it('rejects a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checkDigit');
    expect(creditCodeProblem('91320000134760295X')).toBe('checkDigit');
  });
  it('rejects characters outside the set (I, O, S, V, Z, lower case, punctuation)', () => {
    expect(creditCodeProblem('91350100I000100Y43')).toBe('charset');
    expect(creditCodeProblem('91350100O000100Y43')).toBe('charset');
    expect(creditCodeProblem('9135010SM000100Y43')).toBe('charset');
    expect(creditCodeProblem('91350100m000100y43')).toBe('charset');
    expect(creditCodeProblem('91350100-000100Y43')).toBe('charset');
  });
  it('rejects a wrong length', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length');
    expect(creditCodeProblem('')).toBe('length');
  });
  it('normalises spaces and case before checking', () => {
    expect(normalizeCreditCode(' 9135 0100m000 100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode('9135 0100m000 100y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
});
