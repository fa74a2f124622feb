import { Command } from 'commander';
import { startServer } from '../server/main';

const program = new Command();
program.name('tongmeng').description('Tongmeng 同盟 — key-account management system');

for (const name of ['start', 'serve']) {
  program
    .command(name)
    .description('Run the server (migrates the database first)')
    .option('--demo', 'load the demo organisation if it is not there yet')
    .action(async (opts: { demo?: boolean }) => {
      const server = await startServer({ demo: opts.demo });
      const shutdown = async () => {
        await server.stop();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    });
}

await program.parseAsync(process.argv);
