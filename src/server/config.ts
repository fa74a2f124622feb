import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An address or a CIDR block: 10.0.0.1, 10.0.0.0/8, ::1, fd00::/8. */
function isAddressOrCidr(v: string): boolean {
  const [ip, bits, extra] = v.split('/');
  const family = isIP(ip);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies' X-Forwarded-For to believe: none (the default — the client address is the
 * socket's), a number of hops, or a comma-separated list of addresses and CIDR blocks.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): false | number | string[] => {
    if (v === 'false' || v === '0' || v === 'none') return false;
    if (/^\d+$/.test(v)) return Number(v);
    const list = v.split(',').map((x) => x.trim()).filter(Boolean);
    const bad = list.filter((x) => !isAddressOrCidr(x));
    if (!list.length || bad.length) {
      ctx.addIssue({ code: 'custom', message: `expected a number of hops or addresses/CIDR blocks separated by commas; not understood: ${bad.join(', ') || v}` });
      return z.NEVER;
    }
    return list;
  });

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  TONGMENG_ADMIN_PASSWORD: z.string().min(8).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: bool.default(false),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Tongmeng <noreply@localhost>'),
  PUBLIC_URL: z.string().default('http://localhost:3000'),
  BUSINESS_TZ: z.string().default('Asia/Shanghai'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RUN_JOBS: bool.default(true),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_IP_LIMIT: z.coerce.number().int().positive().default(30),
  /** requests a minute one address may make to the public survey link (GET and POST together) */
  SURVEY_IP_LIMIT: z.coerce.number().int().positive().default(30),
  TRUST_PROXY: trustProxy.default(false),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

/** Parses the environment once; a bad value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell or a compose file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
