import { useMemo, useRef, useState, type Key } from 'react';
import { useSearchParams } from 'react-router';
import { sortParam } from './format';

/**
 * A list page's filters, sort, page and page size, kept in the URL's query string so a link, a
 * reload and the browser's Back button all show the same list. A page declares its filters as a
 * schema of parameters; the URL is read defensively (a missing, unknown or malformed value is the
 * page's default) and written with defaults left out, so an untouched list has a clean URL.
 * Changing a filter goes back to page 1. A deliberate change (a select, a page, a sort) adds a
 * history entry, so Back returns to the list as it was; typing in a text box replaces the entry.
 */

/**
 * How one query-string parameter reads and writes. `parse` gets every occurrence of the parameter
 * (several for a multi-select) and returns undefined for a missing or bad value, which then reads
 * as `fallback`; `format` returns no strings for an empty value.
 */
export interface ListParam<T> {
  readonly fallback: T;
  parse(raw: readonly string[]): T | undefined;
  format(value: T): string[];
  /** typed into a text box: changing it alone replaces the history entry instead of adding one */
  readonly typed?: boolean;
}

export type ListSchema = Record<string, ListParam<unknown>>;
/** The filter values a schema describes, defaults filled in. */
export type ListFilters<S extends ListSchema> = { -readonly [K in keyof S]: S[K]['fallback'] };

export interface ListOptions {
  /** default 20 */
  pageSize?: number;
  /** the sort when the URL names none (left out of the URL) */
  sort?: string;
  /** the fields the list can sort by; a sort on any other field reads as the default */
  sorts?: readonly string[];
}

export interface ListValues<F> {
  filters: F;
  page: number;
  pageSize: number;
  sort: string | undefined;
}

/** What a change sets; filters not named keep their value, `undefined` puts a filter back to its default. */
export interface ListChange<F> {
  filters?: Partial<F>;
  page?: number;
  pageSize?: number;
  /** `undefined` (present) is the default sort */
  sort?: string;
}

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 20;
const SORT_PATTERN = /^-?[a-zA-Z][a-zA-Z0-9]*$/;
const RESERVED = new Set(['page', 'pageSize', 'sort']);

const first = (raw: readonly string[]) => raw.find((v) => v !== '');

/** A parameter of one value, read by `read` (undefined: not a valid value) and written by `write`. */
function scalar<T>(read: (v: string) => T | undefined, write: (v: T) => string = String, typed = false) {
  function make(): ListParam<T | undefined>;
  function make(fallback: T): ListParam<T>;
  function make(fallback?: T): ListParam<T | undefined> {
    return {
      fallback,
      typed,
      parse: (raw) => {
        const v = first(raw);
        return v === undefined ? undefined : read(v);
      },
      format: (v) => (v === undefined ? [] : [write(v)]),
    };
  }
  return make;
}

/** Free text (a search box): at most `max` characters; a change of it alone replaces the history entry. */
export const text = (max = 200) => scalar((v) => (v.length <= max ? v : undefined), String, true)();

/** A code picked in a select whose options the server sends (a document type): letters, digits, `_ . : -`. */
export const word = (max = 60) => scalar((v) => (v.length <= max && /^[\w.:-]+$/.test(v) ? v : undefined))();

/** A whole number in [min, max]; `id()` is a positive one (a record picked in a select). */
export function int(range: { min?: number; max?: number } = {}): ListParam<number | undefined> {
  const { min = 1, max = Number.MAX_SAFE_INTEGER } = range;
  return scalar((v) => {
    const n = Number(v);
    return /^-?\d+$/.test(v) && Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
  })();
}
export const id = () => int();

/** One of a fixed set of values (an enum select, a segmented box or tab), with an optional default. */
export function oneOf<const V extends string>(values: readonly V[]): ListParam<V | undefined>;
export function oneOf<const V extends string>(values: readonly V[], fallback: V): ListParam<V>;
export function oneOf<const V extends string>(values: readonly V[], fallback?: V): ListParam<V | undefined> {
  const make = scalar((v) => values.find((x) => x === v));
  return fallback === undefined ? make() : make(fallback);
}

/** A checkbox: `true` when the URL says `true`, left out when off. */
export const flag = (): ListParam<boolean> => ({ fallback: false, parse: (raw) => (first(raw) === 'true' ? true : undefined), format: (v) => (v ? ['true'] : []) });

const isDay = (v: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
};
/** A business date 'YYYY-MM-DD' (a real day), with an optional default such as today. */
export const date = scalar((v) => (isDay(v) ? v : undefined));
/** A month 'YYYY-MM', with an optional default. */
export const month = scalar((v) => (isDay(`${v}-01`) ? v : undefined));

/** Several values of one parameter (a multi-select), as repeated `key=a&key=b`; bad ones are dropped. */
export function many<T>(one: ListParam<T | undefined>): ListParam<T[]> {
  return {
    fallback: [],
    parse: (raw) => {
      const values: T[] = [];
      for (const v of raw) {
        const x = one.parse([v]);
        if (x !== undefined && !values.includes(x)) values.push(x);
      }
      return values.length ? values : undefined;
    },
    format: (values) => values.flatMap((v) => one.format(v)),
  };
}

const sameParam = <T>(p: ListParam<T>, a: T, b: T) => p.format(a).join('\u0000') === p.format(b).join('\u0000');

function sortOf(v: string | null, options: ListOptions): string | undefined {
  if (!v || !SORT_PATTERN.test(v)) return undefined;
  return !options.sorts || options.sorts.includes(v.replace(/^-/, '')) ? v : undefined;
}

function checkSchema(schema: ListSchema) {
  for (const k of Object.keys(schema)) if (RESERVED.has(k)) throw new Error(`useListState: "${k}" is not a filter name`);
}

/** The list as the URL has it; anything missing, unknown or malformed reads as the default. */
export function readList<S extends ListSchema>(schema: S, options: ListOptions, params: URLSearchParams): ListValues<ListFilters<S>> {
  checkSchema(schema);
  const filters: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(schema)) {
    const raw = params.getAll(key);
    const v = raw.length ? p.parse(raw) : undefined;
    filters[key] = v === undefined ? p.fallback : v;
  }
  const page = int().parse(params.getAll('page')) ?? 1;
  const pageSize = int({ max: MAX_PAGE_SIZE }).parse(params.getAll('pageSize')) ?? options.pageSize ?? DEFAULT_PAGE_SIZE;
  return { filters: filters as ListFilters<S>, page, pageSize, sort: sortOf(params.get('sort'), options) ?? options.sort };
}

/** The list as URL parameters: filters in schema order, then sort, page and page size; defaults left out. */
export function writeList<S extends ListSchema>(schema: S, options: ListOptions, values: ListValues<ListFilters<S>>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, p] of Object.entries(schema)) {
    const v = (values.filters as Record<string, unknown>)[key];
    if (v === undefined || sameParam(p, v, p.fallback)) continue;
    for (const s of p.format(v)) out.append(key, s);
  }
  if (values.sort && values.sort !== options.sort) out.set('sort', values.sort);
  if (values.page !== 1) out.set('page', String(values.page));
  if (values.pageSize !== (options.pageSize ?? DEFAULT_PAGE_SIZE)) out.set('pageSize', String(values.pageSize));
  return out;
}

/** The list after a change: a filter that changes, or a new page size, goes back to page 1. */
export function changeList<S extends ListSchema>(schema: S, current: ListValues<ListFilters<S>>, change: ListChange<ListFilters<S>>): ListValues<ListFilters<S>> {
  const filters: Record<string, unknown> = { ...current.filters };
  let refiltered = false;
  for (const [key, value] of Object.entries(change.filters ?? {})) {
    const p = schema[key];
    if (!p) continue;
    const next = value === undefined ? p.fallback : value;
    if (!sameParam(p, next, filters[key])) refiltered = true;
    filters[key] = next;
  }
  const pageSize = change.pageSize ?? current.pageSize;
  const page = refiltered || pageSize !== current.pageSize ? 1 : (change.page ?? current.page);
  const sort = 'sort' in change ? change.sort : current.sort;
  return { filters: filters as ListFilters<S>, page, pageSize, sort };
}

/** Whether a change only edits text boxes, so it replaces the history entry instead of adding one. */
export function isTyping(schema: ListSchema, change: ListChange<unknown>): boolean {
  const keys = Object.keys(change.filters ?? {});
  return keys.length > 0 && change.page === undefined && change.pageSize === undefined && !('sort' in change) && keys.every((k) => schema[k]?.typed === true);
}

type SorterLike = { columnKey?: Key; order?: 'ascend' | 'descend' | null };
export type SortOrder = 'ascend' | 'descend' | null;

export interface ListState<F> extends ListValues<F> {
  /** filters, page, page size and sort together: the list request's query */
  query: F & { page: number; pageSize: number; sort?: string };
  /** the URL parameters as they stand (defaults left out): what a saved view stores */
  params: Record<string, string>;
  /** the filters not at their default */
  changed: (keyof F)[];
  /** change filters (back to page 1); adds a history entry unless only text boxes change or `replace` says so */
  set(filters: Partial<F>, opts?: { replace?: boolean }): void;
  /** any change (filters, page, page size, sort) at once: one history entry (in place if it only types, or `replace` says so) */
  change(change: ListChange<F>, opts?: { replace?: boolean }): void;
  /** every filter back to its default except `keep`, sort and page size kept, page 1 */
  reset(keep?: (keyof F)[]): void;
  /** replace the whole query with these parameters (a saved view), in place */
  apply(query: Record<string, string>): void;
  /** for antd Pagination, List and ItemList: the page and its size, a change adds a history entry */
  pagination: { current: number; pageSize: number; onChange: (page: number, pageSize?: number) => void };
  /** antd Table onChange: page, page size and sort (pass `pagination` without onChange to the table) */
  onTableChange: (p: { current?: number; pageSize?: number }, filters: unknown, sorter: SorterLike | SorterLike[]) => void;
  /** the sort arrow of a column key (controlled, so a sort restored from the URL shows) */
  sortOrder: (key: string) => SortOrder;
  /** antd columns with controlled sort arrows on every sortable column with a string key */
  sorted: <C extends { key?: Key; sorter?: unknown }>(columns: C[]) => C[];
}

/**
 * The list state of a page, in the URL. `schema` names the filters (URL parameter names as the
 * keys); page, pageSize and sort are built in. A schema may be built anew each render (a default
 * that depends on the user, today's date): only its parameters and defaults matter.
 */
export function useListState<S extends ListSchema>(schema: S, options: ListOptions = {}): ListState<ListFilters<S>> {
  type F = ListFilters<S>;
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const signature = JSON.stringify([Object.entries(schema).map(([k, p]) => [k, p.fallback]), options]);
  // Parsed once per URL (and schema), so the filters keep their identity between renders.
  const values = useMemo(() => readList(schema, options, new URLSearchParams(search)), [search, signature]);

  // The router renders a new URL in a transition, a moment after the address bar has it: a second
  // change in that moment (a click right after a filter) builds on the URL written, not the one shown.
  const written = useRef(search);
  const shown = useRef(search);
  if (shown.current !== search) shown.current = written.current = search;
  const latest = () => (written.current === search ? values : readList(schema, options, new URLSearchParams(written.current)));

  const commit = (next: ListValues<F>, replace: boolean) => {
    const target = writeList(schema, options, next).toString();
    if (target === written.current) return;
    written.current = target;
    setParams(target, { replace });
  };
  const change = (c: ListChange<F>, opts?: { replace?: boolean }) => commit(changeList(schema, latest(), c), opts?.replace ?? isTyping(schema, c));
  const sortOrder = (key: string): SortOrder => (values.sort === key ? 'ascend' : values.sort === `-${key}` ? 'descend' : null);

  return {
    ...values,
    query: { ...values.filters, page: values.page, pageSize: values.pageSize, sort: values.sort },
    params: Object.fromEntries(writeList(schema, options, values)),
    changed: (Object.keys(schema) as (keyof F & string)[]).filter((k) => !sameParam(schema[k]!, values.filters[k], schema[k]!.fallback)),
    set: (filters, opts) => change({ filters }, opts),
    change,
    reset: (keep = []) => {
      const filters = Object.fromEntries(Object.keys(schema).filter((k) => !keep.includes(k)).map((k) => [k, undefined])) as Partial<F>;
      change({ filters, page: 1 });
    },
    apply: (query) => commit(readList(schema, options, new URLSearchParams(query)), true),
    pagination: { current: values.page, pageSize: values.pageSize, onChange: (page, pageSize) => change({ page, pageSize }) },
    onTableChange: (p, _filters, s) => {
      const sorter = Array.isArray(s) ? s[0] : s;
      change({ page: p.current ?? 1, pageSize: p.pageSize ?? values.pageSize, sort: sortParam(sorter?.columnKey, sorter?.order) ?? options.sort });
    },
    sortOrder,
    sorted: (columns) => columns.map((c) => (c.sorter && typeof c.key === 'string' ? { ...c, sortOrder: sortOrder(c.key) } : c)),
  };
}

/**
 * A text box over a `text()` filter. It edits its own draft and applies it on Enter or the search
 * button (`search`, for Input.Search), or on blur and Enter (`input`, for a plain Input), and at
 * once when emptied; Back, a saved view or a reset puts the URL's value back in the box.
 */
export function useTextFilter<F>(list: ListState<F>, key: keyof F & string) {
  const value = (list.filters[key] as string | undefined) ?? '';
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const apply = (v: string) => list.set({ [key]: v.trim() || undefined } as Partial<F>);
  const onChange = (e: { target: { value: string } }) => {
    setDraft(e.target.value);
    if (!e.target.value) apply('');
  };
  return {
    search: { value: draft, onChange, onSearch: apply },
    input: { value: draft, onChange, onBlur: () => apply(draft), onPressEnter: () => apply(draft) },
  };
}
