import { loadConfig, type Config } from '../server/config';
import { CliError } from './cli-error';

/** The configuration from the environment; a bad variable is an operator error, shown without a stack. */
export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}
