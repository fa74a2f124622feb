import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The locale resources as the tests read them: src/shared/locales/<lng>/<namespace>.json. */
export type Tree = Record<string, unknown>;
export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../src/shared/locales');
export const LANGUAGES = ['zh-CN', 'en'] as const;

export const load = (lng: string, ns: string) => JSON.parse(readFileSync(path.join(LOCALES_DIR, lng, `${ns}.json`), 'utf8')) as Tree;
export const namespaces = (lng: string) => readdirSync(path.join(LOCALES_DIR, lng)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();

/** Every leaf of a resource tree as a dotted key. */
export function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
/** Leaves that are not a non-empty string (keys may hold dots, as notification kinds do: walk the tree, not the key). */
export function emptyLeaves(obj: unknown, prefix = ''): string[] {
  if (typeof obj === 'string') return obj === '' ? [prefix] : [];
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Tree).flatMap(([k, v]) => emptyLeaves(v, prefix ? `${prefix}.${k}` : k));
}
export const at = (tree: Tree, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Tree | undefined)?.[p], tree);
/** The labels under a key, sorted (to compare with a contract's list of values). */
export const labels = (tree: Tree, key: string) => Object.keys((at(tree, key) ?? {}) as Tree).sort();
/** English plural forms (_one/_other) stand for one zh-CN key. */
export const pluralBase = (k: string) => k.replace(/_(one|other)$/, '');
