import pg from 'pg';

/** Connection string of the same server's maintenance database, for create/drop database. */
export function maintenanceUrl(url: string): { admin: string; name: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  u.pathname = '/postgres';
  return { admin: u.toString(), name };
}

/** Whether the database of `url` exists on its server. */
export async function databaseExists(url: string): Promise<boolean> {
  const { admin, name } = maintenanceUrl(url);
  const a = new pg.Client({ connectionString: admin });
  await a.connect();
  try {
    return Boolean((await a.query('select 1 from pg_database where datname = $1', [name])).rowCount);
  } finally {
    await a.end();
  }
}

/** Drops and creates the benchmark database; its name must contain "bench". */
export async function recreateDatabase(url: string, log: (line: string) => void) {
  const { admin, name } = maintenanceUrl(url);
  // The generators drop the database they load: never let an override point one at a real one.
  if (!/bench/i.test(name)) throw new Error(`Refusing to drop database "${name}": the benchmark database's name must contain "bench"`);
  const a = new pg.Client({ connectionString: admin });
  await a.connect();
  try {
    await a.query(`drop database if exists "${name}" with (force)`);
    await a.query(`create database "${name}"`);
  } finally {
    await a.end();
  }
  log(`Created database ${name}`);
}
