import { describe, expect, it } from 'vitest';
import { backoffSeconds } from './queue';

describe('backoffSeconds', () => {
  it('doubles with each attempt', () => {
    expect([1, 2, 3, 4, 5].map(backoffSeconds)).toEqual([2, 4, 8, 16, 32]);
  });
  it('is capped at an hour', () => {
    expect(backoffSeconds(11)).toBe(2048);
    expect(backoffSeconds(12)).toBe(3600);
    expect(backoffSeconds(40)).toBe(3600);
  });
});
