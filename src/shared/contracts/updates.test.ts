import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * An update schema (`…Update`) carries no defaults: a field the caller leaves out keeps its value.
 * A create schema's `.default()` survives `.partial()` in zod 4, so an edit that sent only a title
 * used to reset a receipt's method, a role's description and a request's attachments.
 */
describe('update contracts', () => {
  it('add nothing the caller did not send', async () => {
    const dir = import.meta.dirname;
    const filled: string[] = [];
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(mod)) {
        if (!/Update$/.test(name) || typeof (schema as { safeParse?: unknown })?.safeParse !== 'function') continue;
        const r = (schema as { safeParse(v: unknown): { success: boolean; data?: Record<string, unknown> } }).safeParse({ version: 1 });
        checked++;
        if (r.success) for (const k of Object.keys(r.data ?? {})) if (k !== 'version') filled.push(`${file} ${name}.${k}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(filled).toEqual([]);
  });
});
