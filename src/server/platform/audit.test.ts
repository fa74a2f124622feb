import { describe, expect, it } from 'vitest';
import { diffRecords } from './audit';

describe('diffRecords', () => {
  it('lists only the fields that changed, as [before, after]', () => {
    expect(diffRecords({ name: '张三', phone: '1', version: 1 }, { name: '张三', phone: '2', version: 2 })).toEqual({ phone: ['1', '2'] });
  });
  it('treats a create as null → value and a delete as value → null', () => {
    expect(diffRecords(null, { name: 'A' })).toEqual({ name: [null, 'A'] });
    expect(diffRecords({ name: 'A' }, undefined)).toEqual({ name: ['A', null] });
  });
  it('never stores secrets', () => {
    expect(diffRecords({ password_hash: 'x' }, { password_hash: 'y' })).toEqual({ password_hash: ['***', '***'] });
  });
  it('compares dates by instant and arrays by value', () => {
    const d = new Date('2026-01-01T00:00:00Z');
    expect(diffRecords({ at: d, tags: [1, 2] }, { at: new Date(d.getTime()), tags: [1, 2] })).toEqual({});
    expect(diffRecords({ tags: [1] }, { tags: [1, 2] })).toEqual({ tags: [[1], [1, 2]] });
  });
});
