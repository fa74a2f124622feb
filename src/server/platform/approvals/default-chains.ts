import type { Kdb } from '../../db/client';
import type { DefaultChain } from './approvable';
import { engineRepo } from './approvals.repo';

/** Creates the company-wide default chains (the rooms' approvables declare them) that are missing; never touches chains an admin set up. */
export async function ensureChains(db: Kdb, chains: readonly DefaultChain[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Several instances may start at once; the lock makes the check-then-insert atomic.
    await engineRepo.lockChains(trx);
    for (const c of chains) {
      if (await engineRepo.anyChain(trx, c.docType)) continue;
      await engineRepo.insertChain(trx, { docType: c.docType, unitId: null, name: c.name, steps: [...c.steps], active: true });
    }
  });
}
