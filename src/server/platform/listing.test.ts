import { describe, expect, it } from 'vitest';
import { containsPattern, pageWindow, resolveSort } from './listing';

describe('list helpers', () => {
  const columns = { createdAt: 't.created_at', title: 't.title' };
  it('resolves ascending, descending and the fallback', () => {
    expect(resolveSort('title', columns, '-createdAt')).toEqual({ column: 't.title', desc: false });
    expect(resolveSort('-title', columns, '-createdAt')).toEqual({ column: 't.title', desc: true });
    expect(resolveSort(undefined, columns, '-createdAt')).toEqual({ column: 't.created_at', desc: true });
  });
  it('refuses an unknown field with a 400 naming sort', () => {
    expect(() => resolveSort('password', columns, 'title')).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: 'sort' })] } }));
  });
  it('escapes LIKE wildcards typed by the user', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
  it('turns a page into limit and offset', () => {
    expect(pageWindow({ page: 3, pageSize: 20 })).toEqual({ limit: 20, offset: 40 });
  });
});
