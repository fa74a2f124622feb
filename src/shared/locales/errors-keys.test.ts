import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('../../server', import.meta.url));

function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const load = (lng: string) => JSON.parse(readFileSync(new URL(`./${lng}/errors.json`, import.meta.url), 'utf8')) as unknown;

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/** The argument text of every call to `fn(` in `text`, up to its balanced closing parenthesis. */
function calls(text: string, fn: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf(fn); at >= 0; at = text.indexOf(fn, at + 1)) {
    if (/[\w$.]/.test(text[at - 1] ?? '') && !fn.startsWith('new ')) continue;
    let depth = 0;
    let i = at + fn.length - 1;
    for (; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) break;
    }
    out.push(text.slice(at + fn.length, i));
  }
  return out;
}

// Every issue code zod 4 reports; http.ts turns each into `validation.<code>`.
const ZOD_CODES = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom'];

const ISSUE_KEY = /^\s*(?:'[^']*'|`[^`]*`|[\w.]+)\s*,\s*'([^']+)'/;

// Keys are written as literals: `key: '…'`, issue(path, '…', …), or, where a rule picks one of
// several, as the values of a `const …keys = { … }` map.
const server = sources(SERVER);
const usedKeys = new Set<string>(ZOD_CODES.map((c) => `validation.${c}`));
for (const { text } of server) {
  for (const m of text.matchAll(/\bkey: '([^']+)'/g)) usedKeys.add(m[1]);
  for (const args of calls(text, 'issue(')) {
    const m = ISSUE_KEY.exec(args);
    if (m) usedKeys.add(m[1]);
  }
  for (const map of text.matchAll(/\bconst \w*[kK]eys\w* = \{([^}]*)\}/g)) {
    for (const m of map[1].matchAll(/:\s*'([^']+)'/g)) usedKeys.add(m[1]);
  }
}

describe('errors locale namespace', () => {
  const zh = keys(load('zh-CN'));
  const en = keys(load('en'));

  it('has the same keys in zh-CN and en, none empty', () => {
    expect(en.sort()).toEqual(zh.sort());
    for (const lng of ['zh-CN', 'en']) {
      const tree = load(lng);
      const empty = keys(tree).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree) === '');
      expect(empty).toEqual([]);
    }
  });

  it('found the keys the server uses', () => {
    for (const k of ['org.usernameTaken', 'common.staleVersion', 'common.sortField', 'requests.notEditable']) expect(usedKeys).toContain(k);
  });

  it('has an entry for every key the server sends', () => {
    const known = new Set(zh);
    expect([...usedKeys].filter((k) => !known.has(k)).sort()).toEqual([]);
  });

  it('gives every server field issue and AppError a key', () => {
    const bare: string[] = [];
    for (const { file, text } of server) {
      for (const args of calls(text, 'new AppError(')) {
        if (!/\bkey: '/.test(args)) bare.push(`${file}: new AppError(${args})`);
      }
      for (const args of calls(text, 'validationError(')) {
        if (!/\bissue\(|\bkey: '/.test(args) && !/^\s*issues\s*$/.test(args)) bare.push(`${file}: validationError(${args})`);
      }
      for (const args of calls(text, 'issues.push(')) {
        if (!/^\s*issue\(/.test(args)) bare.push(`${file}: issues.push(${args})`);
      }
    }
    expect(bare).toEqual([]);
  });
});
