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
