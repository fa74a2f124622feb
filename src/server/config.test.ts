import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('has defaults for a zero-setup start', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.BUSINESS_TZ).toBe('Asia/Shanghai');
  });
  it('fails fast naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ TONGMENG_ADMIN_PASSWORD: 'short' })).toThrow(/TONGMENG_ADMIN_PASSWORD/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});

describe('empty variables', () => {
  it('count as unset, so DATABASE_URL= selects the embedded database', () => {
    const c = loadConfig({ DATABASE_URL: '', SMTP_URL: '', PORT: '' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
  });
});
