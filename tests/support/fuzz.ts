/**
 * A request fuzzer driven by the OpenAPI document: for every operation, a plausible request
 * built from its schemas, then the same request with one part broken at a time — path
 * parameters, query parameters and body fields replaced by NUL bytes, huge strings, wrong
 * types, out-of-range numbers, impossible dates, null, and whole bodies that are not what the
 * route expects. The caller sends them and checks that none answers 5xx.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/accounts/{id} */
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  body?: JsonSchema;
  /** the body is not JSON (uploads) */
  multipart: boolean;
}

export interface FuzzRequest {
  op: Operation;
  /** what was broken, for the failure report */
  variant: string;
  method: string;
  url: string;
  /** a JSON value, or raw text when `raw` */
  body?: unknown;
  raw?: string;
  contentType?: string;
}

interface OpenApiParameter {
  in: string;
  name: string;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document with its parameters and body schema. */
export function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        query: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        body: content['application/json']?.schema,
        multipart: Boolean(content['multipart/form-data']) || /\/imports($|\/\{id\}\/file$)/.test(path),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- plausible values

const PATTERN_SAMPLES: [RegExp, string][] = [
  [/^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/, '2026-11-16'],
  [/T\(\?:/, '2026-11-16T02:30:00Z'],
  [/-02-29\|/, '2026-11-16'],
  [/^\^\\d\{4\}-\(0\[1-9\]\|1\[0-2\]\)\$$/, '2026-11'],
  [/^\^\\d\{4\}-\\d\{2\}\$$/, '2026-11'],
  [/@/, 'fuzz@example.com'],
  [/^\^\[0-9\+/, '13800138000'],
  [/^\^-\?\[a-zA-Z\]/, 'id'],
  [/^\^\[a-zA-Z0-9_\.-\]\+\$$/, 'fuzz_user'],
  [/^\^\(\\d\{6\}\)\?\$$/, '100000'],
  [/^\^\(\\d\{1,15\}\)_/, '1_visit_1'],
  [/^\^\\\//, '/accounts'],
  [/^\^\[a-z\]\[a-z0-9_\]\*\$$/, 'fuzz_code'],
];

function stringSample(s: JsonSchema): string {
  if (s.format === 'date-time') return '2026-11-16T02:30:00Z';
  if (s.format === 'date') return '2026-11-16';
  if (s.format === 'email') return 'fuzz@example.com';
  if (s.format === 'uri' || s.format === 'url') return 'https://example.com/x';
  if (s.pattern) {
    for (const [re, sample] of PATTERN_SAMPLES) if (re.test(s.pattern)) return sample;
  }
  const n = Math.max(1, s.minLength ?? 1);
  return 'x'.repeat(Math.min(n, s.maxLength ?? n));
}

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value the schema accepts, as far as a generator without a regex engine can tell. */
export function sample(s: JsonSchema | undefined, depth = 0): unknown {
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum.find((v) => v !== '' && v !== null) ?? s.enum[0];
  const options = s.anyOf ?? s.oneOf;
  if (options?.length) {
    const pick = options.find((o) => !(o.enum?.length === 1 && o.enum[0] === '') && typeOf(o) !== 'null') ?? options[0];
    return sample(pick, depth);
  }
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((p) => sample(p, depth)));
  switch (typeOf(s) ?? (s.properties ? 'object' : undefined)) {
    case 'string':
      return stringSample(s);
    case 'integer':
    case 'number': {
      const min = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : (s.minimum ?? 1);
      const v = Math.max(1, min);
      return s.maximum !== undefined && v > s.maximum ? s.maximum : v;
    }
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, depth + 1));
    case 'object': {
      if (depth > 5) return {};
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) out[k] = sample(p, depth + 1);
      return out;
    }
    default:
      return s.nullable ? null : 'x';
  }
}

// ---------------------------------------------------------------- broken values

/** Deterministic, hardly compressible text (a compressible one slips under index size limits). */
export function noise(length: number, seed = 1): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ大客户同盟关系拜访合同回款';
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}

const HUGE = noise(20_000, 7);
const NUL = 'a\u0000b';

/** Values that replace one field of a plausible body, by the field's type. */
function brokenValues(s: JsonSchema): [string, unknown][] {
  const t = typeOf(s) ?? (s.enum ? 'string' : s.properties ? 'object' : s.anyOf || s.oneOf ? 'union' : undefined);
  const common: [string, unknown][] = [
    ['null', null],
    ['nul', NUL],
  ];
  switch (t) {
    case 'string': {
      const out: [string, unknown][] = [...common, ['huge', HUGE], ['number', 12345], ['object', { a: 1 }]];
      if (s.pattern && /\\d\{4\}-/.test(s.pattern)) out.push(['impossible date', s.pattern.includes('T') ? '2026-02-30T25:61:00Z' : '2026-99-99'], ['year zero', '0000-00-00']);
      if (s.format === 'date-time') out.push(['impossible date', '2026-02-30T25:61:00Z']);
      return out;
    }
    case 'integer':
    case 'number':
      return [...common, ['text', 'abc'], ['huge number', 1e20], ['negative', -1], ['fraction', 1.5], ['int32 overflow', 2 ** 31], ['unsafe integer', 2 ** 53 + 2]];
    case 'boolean':
      return [...common, ['text', 'yes']];
    case 'array':
      return [...common, ['object', { a: 1 }], ['long array', Array.from({ length: 2000 }, () => sample(s.items, 5))], ['array of NUL', [NUL]]];
    case 'object':
      return [...common, ['array', [1, 2]], ['text', 'x'], ['NUL key', { 'a\u0000': 1 }]];
    default:
      return [...common, ['huge', HUGE], ['number', 12345]];
  }
}

interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
}

/** The fields of a body schema down to its leaves (and the containers themselves), capped. */
function leaves(s: JsonSchema | undefined, path: (string | number)[] = [], out: Leaf[] = [], depth = 0): Leaf[] {
  if (!s || out.length > 80 || depth > 4) return out;
  const options = s.anyOf ?? s.oneOf;
  const resolved = options?.length ? (options.find((o) => typeOf(o) !== 'null' && !(o.enum?.length === 1 && o.enum[0] === '')) ?? options[0]) : s;
  if (path.length) out.push({ path, schema: resolved });
  const t = typeOf(resolved) ?? (resolved.properties ? 'object' : undefined);
  if (t === 'object') for (const [k, p] of Object.entries(resolved.properties ?? {})) leaves(p, [...path, k], out, depth + 1);
  if (t === 'array' && resolved.items) leaves(resolved.items, [...path, 0], out, depth + 1);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const next = cur[path[i]];
    if (next === null || typeof next !== 'object') return copy;
    cur = next as Record<string | number, unknown>;
  }
  cur[path[path.length - 1]] = value;
  return copy;
}

const PARAM_VALUES: [string, string][] = [
  ['zero', '0'],
  ['negative', '-1'],
  ['text', 'abc'],
  ['fraction', '1.5'],
  ['int32 overflow', '2147483648'],
  ['int64 overflow', '99999999999999999999'],
  ['NUL', '%00'],
  ['NUL inside', '1%001'],
  ['long', noise(90, 3)],
  ['unicode', encodeURIComponent('汉字')],
];

const QUERY_VALUES: [string, string][] = [
  ['NUL', '\u0000'],
  ['NUL inside', NUL],
  ['huge', noise(6_000, 11)],
  ['negative', '-1'],
  ['text', 'abc'],
  ['overflow', '99999999999999999999'],
  ['exponent', '1e400'],
  ['impossible date', '2026-99-99'],
  ['empty', ''],
];

function queryString(values: Record<string, unknown>, repeat?: string): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(typeof item === 'object' ? JSON.stringify(item) : String(item))}`);
    if (repeat === k) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(items[0]))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The plausible request of an operation with `idValue` in every path parameter. */
function baseRequest(op: Operation, idValue: string) {
  const params = Object.fromEntries(op.pathParams.map((p) => [p, idValue]));
  const query = Object.fromEntries(Object.entries(op.query).map(([k, s]) => [k, s.default !== undefined || k === 'sort' ? undefined : sample(s)]));
  return { params, query, body: op.body ? sample(op.body) : undefined };
}

function urlOf(op: Operation, params: Record<string, string>, query: Record<string, unknown>, repeat?: string): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name]) + queryString(query, repeat);
}

/** Every request of one operation: the plausible one, then one broken part at a time. */
export function requestsFor(op: Operation, idValue = '1'): FuzzRequest[] {
  const base = baseRequest(op, idValue);
  const out: FuzzRequest[] = [];
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  const req = (variant: string, parts: { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown; raw?: string; contentType?: string; repeat?: string }): FuzzRequest => ({
    op,
    variant,
    method: op.method,
    url: urlOf(op, parts.params ?? base.params, parts.query ?? base.query, parts.repeat),
    ...(parts.raw !== undefined ? { raw: parts.raw, contentType: parts.contentType } : hasBody ? { body: parts.body !== undefined ? parts.body : (base.body ?? {}) } : {}),
  });

  out.push(req('plausible', {}));
  for (const name of op.pathParams) {
    for (const [label, value] of PARAM_VALUES) out.push(req(`path ${name}: ${label}`, { params: { ...base.params, [name]: value } }));
  }
  for (const name of Object.keys(op.query)) {
    for (const [label, value] of QUERY_VALUES) out.push(req(`query ${name}: ${label}`, { query: { ...base.query, [name]: value } }));
    out.push(req(`query ${name}: repeated`, { query: { ...base.query, [name]: base.query[name] ?? 'x' }, repeat: name }));
  }
  if (hasBody) {
    if (op.multipart) {
      out.push(req('multipart: garbage', { raw: `--b\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.csv"\r\n\r\nx\u0000y\r\n--b--\r\n`, contentType: 'multipart/form-data; boundary=b' }));
      out.push(req('multipart: no boundary', { raw: 'xx', contentType: 'multipart/form-data' }));
    }
    out.push(req('body: not JSON', { raw: '{"a":', contentType: 'application/json' }));
    out.push(req('body: nested 100,000 deep', { raw: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, contentType: 'application/json' }));
    out.push(req('body: text', { raw: 'hello', contentType: 'text/plain' }));
    out.push(req('body: array', { body: [1, 2, 3] }));
    out.push(req('body: string', { body: 'x' }));
    out.push(req('body: NUL everywhere', { body: nulEverywhere(base.body ?? {}) }));
    for (const leaf of leaves(op.body)) {
      for (const [label, value] of brokenValues(leaf.schema)) {
        out.push(req(`body ${leaf.path.join('.')}: ${label}`, { body: setAt(base.body ?? {}, leaf.path, value) }));
      }
    }
  }
  return out;
}

/** The plausible request of every operation with NUL in every part: for callers without a session. */
export function nulRequestFor(op: Operation): FuzzRequest {
  const base = baseRequest(op, '%00');
  const query = Object.fromEntries(Object.keys(op.query).map((k) => [k, NUL]));
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  return { op, variant: 'NUL everywhere', method: op.method, url: urlOf(op, base.params, query), ...(hasBody ? { body: nulEverywhere(base.body ?? { a: NUL }) } : {}) };
}

function nulEverywhere(v: unknown): unknown {
  if (typeof v === 'string') return `${v}\u0000`;
  if (Array.isArray(v)) return v.map(nulEverywhere);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nulEverywhere(x)]));
  return v;
}
