import { Argument, Command, Option } from 'commander';
import { AppError } from '../shared/errors';
import { CliError } from './cli-error';

// Commands load their modules on demand: a short command should not pay for the whole server's start-up.
const commands = () => import('./commands');

const program = new Command();
program.name('tongmeng').description('Tongmeng 同盟 — key-account management system');
program.showHelpAfterError();

/** Prints a failure the way an operator can act on it and sets a non-zero exit code. */
function report(err: unknown): void {
  if (err instanceof AppError) {
    process.stderr.write(`Error: ${err.message}\n`);
    const issues = (err.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
    for (const i of issues ?? []) process.stderr.write(`  ${i.path}: ${i.message}\n`);
  } else if (err instanceof CliError || (err instanceof Error && 'syscall' in err)) {
    // Operator errors and file-system errors (a missing directory…) need no stack trace.
    process.stderr.write(`Error: ${err.message}\n`);
  } else {
    process.stderr.write(`Error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exitCode = 1;
}

const action =
  <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
  async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      report(err);
    }
  };

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

for (const name of ['start', 'serve']) {
  program
    .command(name)
    .description('Run the server (migrates the database first)')
    .option('--demo', 'load the demo organisation if it is not there yet')
    .action(async (opts: { demo?: boolean }) => {
      const [{ startServer }, { cliConfig }, { lockDataDir }] = await Promise.all([import('../server/main'), import('./cli-config'), import('./data-dir-lock')]);
      let config: ReturnType<typeof cliConfig>;
      let release = () => {};
      try {
        config = cliConfig();
        if (!config.DATABASE_URL) release = lockDataDir(config.dataDir, name);
      } catch (err) {
        report(err);
        return;
      }
      const server = await startServer({ demo: opts.demo, config });
      const shutdown = async () => {
        await server.stop();
        release();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    });
}

program
  .command('migrate')
  .description('Apply the database migrations that have not run yet')
  .action(action(async () => (await commands()).runMigrate()));

program
  .command('create-user')
  .description('Create a user (the password is generated and printed once unless given)')
  .argument('<username>', 'login name: letters, digits, _ . -')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--unit <unit>', 'org unit id, code or name')
  .option('--position <code...>', 'position code(s): gm, ka_director, account_manager, field_specialist, … (space- or comma-separated, or repeated)', collect)
  .option('--role <code...>', 'role code(s); default: the roles of the positions', collect)
  .option('--password <password>', 'initial password (at least 8 characters)')
  .option('--email <email>', 'e-mail address')
  .option('--phone <phone>', 'mobile number')
  .action(action(async (username: string, opts: { name: string; unit: string; position?: string[]; role?: string[]; password?: string; email?: string; phone?: string }) => (await commands()).runCreateUser(username, opts)));

program
  .command('reset-password')
  .description("Set a user's password (generated unless given), unlock the account and end its sessions")
  .argument('<username>')
  .option('--password <password>', 'new password (at least 8 characters)')
  .action(action(async (username: string, opts: { password?: string }) => (await commands()).runResetPassword(username, opts)));

program
  .command('backup')
  .description('Write the whole database to a portable backup file (gzip JSON lines)')
  .argument('<file>')
  .action(action(async (file: string) => (await commands()).runBackup(file)));

program
  .command('restore')
  .description('Restore a backup file into this database (PGlite or PostgreSQL)')
  .argument('<file>')
  .addOption(new Option('--force', 'replace the data of a database that is in use'))
  .action(action(async (file: string, opts: { force?: boolean }) => (await commands()).runRestore(file, opts)));

program
  .command('demo-data')
  .description('Load the demo organisation (idempotent)')
  .action(action(async () => (await commands()).runDemoData()));

program
  .command('import')
  .description('Import accounts, contacts or revenue from a CSV or XLSX file as a user: dry run with a report of every bad row, then one all-or-nothing commit')
  .argument('<file>', '.csv (UTF-8 or GB18030) or .xlsx')
  .requiredOption('--kind <kind>', 'accounts, contacts or revenue')
  .requiredOption('--as <username>', 'the user whose permissions and data scope apply (and who is audited)')
  .addOption(new Option('--on-duplicate <action>', 'what duplicates do').choices(['skip', 'update', 'merge']).default('skip'))
  .option('--similarity <0.3-1>', 'name similarity at which two accounts count as the same (default 0.5)')
  .option('--skip-errors', 'import the good rows and leave the rows with errors out (otherwise they stop the import)')
  .option('--dry-run', 'check and report only; import nothing')
  .action(action(async (file: string, opts: { kind: string; as: string; onDuplicate: string; similarity?: string; skipErrors?: boolean; dryRun?: boolean }) => (await commands()).runImportFile(file, opts)));

program
  .command('export')
  .description("Export the accounts or contacts a user may see to an XLSX or CSV file (the list's filters with --q and --filter)")
  .argument('<kind>', 'accounts or contacts')
  .argument('<file>', 'ends in .xlsx or .csv')
  .requiredOption('--as <username>', 'the user whose data scope and field visibility apply')
  .option('--q <text>', 'search as in the list (name, pinyin, credit code …)')
  .option('--filter <key=value...>', "the list's filters, e.g. tier=large unitId=4 (space- or comma-separated, or repeated)", collect)
  .addOption(new Option('--lang <lang>', 'language of headers and labels').choices(['zh-CN', 'en']).default('zh-CN'))
  .action(action(async (kind: string, file: string, opts: { as: string; q?: string; filter?: string[]; lang: string }) => (await commands()).runExportFile(kind, file, opts)));

program
  .command('recompute')
  .description("Compute a period's KPI snapshot (PERF-2) again from the records as they stand, for every unit and every sales person, and keep it (replacing the one kept when the period ended; audited)")
  .addArgument(new Argument('<what>', 'what to recompute').choices(['kpis']))
  .requiredOption('--period <period>', 'a period that has ended: 2026-11, 2026-Q3, 2026-H1, 2025 or 2026-03..2026-08')
  .action(action(async (_what: string, opts: { period: string }) => (await commands()).runRecomputeKpis(opts.period)));

program
  .command('worker')
  .description('Run the background job queue only (no HTTP)')
  .action(action(async () => (await commands()).runWorker()));

await program.parseAsync(process.argv);
