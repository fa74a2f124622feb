import { buildTemplate, testDbKind } from './db';

export default async function setup() {
  const started = Date.now();
  await buildTemplate();
  console.log(`[integration] database: ${testDbKind()}; template ready in ${Date.now() - started} ms`);
}
