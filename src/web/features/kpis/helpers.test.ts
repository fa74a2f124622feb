import { describe, expect, it } from 'vitest';
import { byConcern } from './helpers';

describe('the team on the home page', () => {
  it('lists those behind first, the lowest completion first, then on track, met and without a target', () => {
    const rows = [
      { name: '甲', status: 'met' as const, completion: 1.2 },
      { name: '乙', status: 'behind' as const, completion: 0.3 },
      { name: '丙', status: 'no_target' as const, completion: null },
      { name: '丁', status: 'behind' as const, completion: 0.1 },
      { name: '戊', status: 'on_track' as const, completion: 0.5 },
    ];
    expect([...rows].sort(byConcern).map((r) => r.name)).toEqual(['丁', '乙', '戊', '甲', '丙']);
  });
});
