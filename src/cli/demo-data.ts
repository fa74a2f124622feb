import type { Kdb } from '../server/db/client';

// Placeholder: replaced by the demo organisation loader.
export async function loadDemoData(_db: Kdb, _opts: { log: (line: string) => void }): Promise<void> {}
