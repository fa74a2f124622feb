import type { BackupProgress } from '../server/platform/backup/backup';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * A one-line progress display on stderr: redrawn in place on a terminal, one plain line per
 * table otherwise (logs and pipes should not fill with carriage returns).
 */
export class ProgressLine {
  private lastDraw = 0;
  private lastTables = -1;
  private drawn = false;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(p: BackupProgress): void {
    const line = `${p.phase}: ${p.tablesDone}/${p.tablesTotal} tables, ${fmt(p.rowsDone)}${p.rowsTotal ? `/${fmt(p.rowsTotal)}` : ''} rows`;
    if (this.stream.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && p.tablesDone < p.tablesTotal) return;
      this.lastDraw = now;
      this.stream.write(`\r${line}\x1b[K`);
      this.drawn = true;
    } else if (p.tablesDone !== this.lastTables) {
      // Plain output: a line at the start, at most one a second, and the final count.
      const now = Date.now();
      const last = p.tablesDone === p.tablesTotal;
      if (!last && this.lastTables >= 0 && now - this.lastDraw < 1000) return;
      this.lastDraw = now;
      this.lastTables = p.tablesDone;
      this.stream.write(`${line}\n`);
    }
  }

  /** Ends the redrawn line so later output starts on a fresh one. */
  done(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  /** A bar for work measured in percent (import), or a running count when the end is unknown (export). */
  bar(label: string, percent: number | null, rows: number): void {
    const width = 24;
    const filled = Math.round((Math.min(100, Math.max(0, percent ?? 0)) * width) / 100);
    const line = percent === null ? `${label}: ${fmt(rows)} rows` : `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${fmt(rows)} rows`;
    const now = Date.now();
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100 && percent !== 100) return;
      this.lastDraw = now;
      this.stream.write(`\r${line}\x1b[K`);
      this.drawn = true;
    } else if (percent === 100 || now - this.lastDraw >= 1000) {
      // Plain output: at most a line a second, and the last one.
      this.lastDraw = now;
      this.stream.write(`${line}\n`);
    }
  }

  /** A progress line for plain counted steps (demo data). */
  step(label: string, done: number, total: number): void {
    const line = `${label}: ${done}/${total}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\x1b[K`);
      this.drawn = true;
    } else if (done === total || done === 0) {
      this.stream.write(`${line}\n`);
    }
  }
}
