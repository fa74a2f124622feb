import { describe, expect, it } from 'vitest';
import { applicationStatusFor, applicationValue, docTypeFor, isOverCap, manualChange, stockAfter, yearOf } from './gifts.rules';

describe('gift cap rule', () => {
  it('flags an application that takes the recipient above the yearly cap; reaching it exactly is within', () => {
    expect(isOverCap(150_000, 50_000, 200_000)).toBe(false);
    expect(isOverCap(150_000, 50_001, 200_000)).toBe(true);
    expect(isOverCap(0, 200_001, 200_000)).toBe(true);
    expect(isOverCap(0, 0, 0)).toBe(false);
  });
  it('a flagged application goes to the chain with the GM', () => {
    expect(docTypeFor(false)).toBe('gift_application');
    expect(docTypeFor(true)).toBe('gift_application_over_cap');
  });
  it('value is quantity × unit value in fen; the year comes from the gift date', () => {
    expect(applicationValue(3, 45_000)).toBe(135_000);
    expect(yearOf('2026-12-31')).toBe(2026);
  });
});

describe('gift stock rules', () => {
  it('never lets the stock go below zero', () => {
    expect(stockAfter(5, -5)).toBe(0);
    expect(stockAfter(5, -6)).toBeNull();
    expect(stockAfter(0, 3)).toBe(3);
  });
  it('in and return add a positive quantity; adjust goes either way; zero is no movement', () => {
    expect(manualChange('in', 10)).toBe(10);
    expect(manualChange('in', -1)).toBeNull();
    expect(manualChange('return', -2)).toBeNull();
    expect(manualChange('return', 2)).toBe(2);
    expect(manualChange('adjust', -3)).toBe(-3);
    expect(manualChange('adjust', 0)).toBeNull();
  });
});

describe('application status from the approval', () => {
  it('a return reads as rejected and a withdrawal makes it a draft again', () => {
    expect(applicationStatusFor('returned')).toBe('rejected');
    expect(applicationStatusFor('withdrawn')).toBe('draft');
    expect(applicationStatusFor('approved')).toBe('approved');
    expect(applicationStatusFor('pending')).toBe('pending');
  });
});
