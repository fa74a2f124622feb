import { describe, expect, it } from 'vitest';
import { changeList, date, flag, id, int, isTyping, many, month, oneOf, readList, text, writeList, type ListOptions } from './useListState';

const STATUSES = ['draft', 'pending', 'approved'] as const;
const schema = {
  q: text(),
  status: oneOf(STATUSES),
  box: oneOf(['mine', 'all'], 'mine'),
  ownerId: id(),
  below: int({ min: 1, max: 100 }),
  overCap: flag(),
  from: date(),
  month: month(),
  kinds: many(oneOf(['visit', 'trip', 'reception'])),
};
const options: ListOptions = { pageSize: 20, sorts: ['name', 'createdAt'] };
const read = (search: string, o: ListOptions = options) => readList(schema, o, new URLSearchParams(search));
const write = (search: string, o: ListOptions = options) => writeList(schema, o, read(search, o)).toString();

const DEFAULTS = {
  filters: { q: undefined, status: undefined, box: 'mine', ownerId: undefined, below: undefined, overCap: false, from: undefined, month: undefined, kinds: [] },
  page: 1,
  pageSize: 20,
  sort: undefined,
};

describe('reading a list from the URL', () => {
  it('gives the defaults for an empty query', () => {
    expect(read('')).toEqual(DEFAULTS);
    expect(read('', { pageSize: 50, sort: '-createdAt' })).toEqual({ ...DEFAULTS, pageSize: 50, sort: '-createdAt' });
  });

  it('reads every kind of parameter, numbers as numbers and repeated keys as a list', () => {
    const v = read('q=龙跃&status=pending&box=all&ownerId=7&below=60&overCap=true&from=2024-02-29&month=2024-12&kinds=trip&kinds=visit&page=3&pageSize=50&sort=-name');
    expect(v).toEqual({
      filters: { q: '龙跃', status: 'pending', box: 'all', ownerId: 7, below: 60, overCap: true, from: '2024-02-29', month: '2024-12', kinds: ['trip', 'visit'] },
      page: 3,
      pageSize: 50,
      sort: '-name',
    });
  });

  it('falls back to the default for bad or hand-edited values, and ignores unknown parameters', () => {
    const bad = read(
      'status=gone&box=everyone&ownerId=x&below=101&overCap=yes&from=2023-02-29&month=2024-13&kinds=nope&page=0&pageSize=1000&sort=password&foo=bar',
    );
    expect(bad).toEqual(DEFAULTS);
    expect(read('ownerId=-3&page=2.5&pageSize=abc&sort=-name;drop')).toEqual(DEFAULTS);
    expect(read('ownerId=1e3&page=9007199254740993')).toEqual(DEFAULTS);
    expect(read(`q=${'x'.repeat(201)}`).filters.q).toBeUndefined();
    // an empty value is no value; the first non-empty occurrence counts
    expect(read('q=&status=&status=draft').filters).toMatchObject({ q: undefined, status: 'draft' });
  });

  it('drops the bad values of a multi-select, keeps the good ones once', () => {
    expect(read('kinds=visit&kinds=nope&kinds=visit&kinds=reception').filters.kinds).toEqual(['visit', 'reception']);
  });

  it('accepts any well-formed sort when the page names no sortable fields', () => {
    expect(read('sort=-updatedAt', {}).sort).toBe('-updatedAt');
    expect(read('sort=up date', {}).sort).toBeUndefined();
  });
});

describe('writing a list to the URL', () => {
  it('leaves the defaults out, so an untouched list has a clean URL', () => {
    expect(write('')).toBe('');
    expect(write('box=mine&page=1&pageSize=20&overCap=false')).toBe('');
    expect(write('sort=-createdAt', { ...options, sort: '-createdAt' })).toBe('');
  });

  it('drops what it could not read', () => {
    expect(write('status=gone&ownerId=7&foo=bar&page=x')).toBe('ownerId=7');
  });

  it('round-trips: writing what it read reads the same again', () => {
    const search = 'q=a+b%26c&status=approved&box=all&ownerId=12&below=40&overCap=true&from=2025-01-31&month=2025-01&kinds=trip&kinds=reception&sort=name&page=4&pageSize=100';
    const once = read(search);
    const written = writeList(schema, options, once);
    expect(readList(schema, options, written)).toEqual(once);
    expect(written.toString()).toBe(search);
    expect(written.getAll('kinds')).toEqual(['trip', 'reception']);
  });
});

describe('changing a list', () => {
  const on3 = read('status=draft&page=3&sort=name');

  it('goes back to page 1 when a filter changes', () => {
    expect(changeList(schema, on3, { filters: { status: 'approved' } })).toMatchObject({ page: 1, sort: 'name', filters: { status: 'approved' } });
    expect(changeList(schema, on3, { filters: { q: 'x' } }).page).toBe(1);
    // even when a page is named with it
    expect(changeList(schema, on3, { filters: { ownerId: 5 }, page: 3 }).page).toBe(1);
  });

  it('stays on the page when a filter is set to the value it has', () => {
    expect(changeList(schema, on3, { filters: { status: 'draft', box: 'mine' } }).page).toBe(3);
  });

  it('puts an undefined filter back to its default', () => {
    const all = read('box=all&page=2');
    const next = changeList(schema, all, { filters: { box: undefined } });
    expect(next.filters.box).toBe('mine');
    expect(writeList(schema, options, next).toString()).toBe('');
  });

  it('moves pages, and a new page size starts at page 1', () => {
    expect(changeList(schema, on3, { page: 5 }).page).toBe(5);
    expect(changeList(schema, on3, { page: 5, pageSize: 50 })).toMatchObject({ page: 1, pageSize: 50 });
    expect(changeList(schema, on3, { page: 2, pageSize: 20 }).page).toBe(2);
  });

  it('changes the sort, and an undefined sort is the default', () => {
    expect(changeList(schema, on3, { sort: '-createdAt', page: 3 })).toMatchObject({ sort: '-createdAt', page: 3 });
    expect(changeList(schema, on3, { sort: undefined }).sort).toBeUndefined();
    expect(changeList(schema, on3, { page: 4 }).sort).toBe('name');
  });

  it('replaces the history entry only for text typed into a box', () => {
    expect(isTyping(schema, { filters: { q: 'abc' } })).toBe(true);
    expect(isTyping(schema, { filters: { q: 'abc', status: 'draft' } })).toBe(false);
    expect(isTyping(schema, { filters: { status: 'draft' } })).toBe(false);
    expect(isTyping(schema, { page: 2 })).toBe(false);
    expect(isTyping(schema, { filters: { q: 'abc' }, sort: 'name' })).toBe(false);
  });
});

describe('the schema', () => {
  it('refuses a filter named like a built-in parameter', () => {
    expect(() => readList({ page: text() }, {}, new URLSearchParams())).toThrow(/page/);
  });
});
