import { describe, expect, it } from 'vitest';
import { expectedReturn, planStatusFor } from './dev-plans.rules';

describe('development plan rules', () => {
  it('expected return is sales after risk minus the costs, or null without sales', () => {
    expect(expectedReturn({ sales: 1_000_000, riskCoefficient: 0.2, staffCost: 100_000, travelCost: 50_000, operatingCost: 30_000 })).toBe(620_000);
    expect(expectedReturn({ sales: 1_000_000, riskCoefficient: null, staffCost: null, travelCost: 10, operatingCost: null })).toBe(999_990);
    expect(expectedReturn({ sales: null, riskCoefficient: 0.1, staffCost: 5, travelCost: 5, operatingCost: 5 })).toBeNull();
  });
  it('a returned approval reads as rejected', () => {
    expect(planStatusFor('returned')).toBe('rejected');
    expect(planStatusFor('approved')).toBe('approved');
  });
});
