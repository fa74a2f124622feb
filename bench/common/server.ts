import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The real server as a child process (`tongmeng serve`), on a free loopback port, jobs off. */
export async function startServer(databaseUrl: string, log: (line: string) => void): Promise<RunningServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/tongmeng.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', RUN_JOBS: 'false', LOG_LEVEL: 'warn', TONGMENG_SKIP_WEB_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The server did not start within 120 s:\n${out}\n${stderr}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code} before it was ready:\n${out}\n${stderr}`));
    });
  });
  log(`Server (pid ${child.pid}) listening on 127.0.0.1:${port}`);
  return {
    port,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      if (stderr.trim()) log(`Server stderr:\n${stderr.trim().split('\n').slice(-20).join('\n')}`);
    },
  };
}

export interface Timed {
  status: number;
  ms: number;
  body: unknown;
}

/** One keep-alive connection, requests one after another, as one browser tab would send them. */
export class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private cookie = '';

  constructor(private readonly port: number) {}

  request(method: string, urlPath: string, body?: unknown): Promise<Timed> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path: urlPath,
          agent: this.agent,
          headers: { accept: 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            const setCookie = res.headers['set-cookie'];
            if (setCookie) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text for the error message
            }
            resolve({ status: res.statusCode ?? 0, ms, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  async get(urlPath: string): Promise<Timed> {
    const r = await this.request('GET', urlPath);
    if (r.status !== 200) throw new Error(`GET ${urlPath} → ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
    return r;
  }

  async login(username: string, password: string) {
    const r = await this.request('POST', '/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`Login of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  }

  /** The value of one cookie the server set (the session, for replaying the auth hook's SQL). */
  cookieValue(name: string): string {
    const m = new RegExp(`(?:^|; )${name}=([^;]*)`).exec(this.cookie);
    if (!m) throw new Error(`No ${name} cookie`);
    return decodeURIComponent(m[1]);
  }

  close() {
    this.agent.destroy();
  }
}
