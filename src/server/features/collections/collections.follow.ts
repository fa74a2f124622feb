import type { Executor } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { syncContractFiguresFor } from '../accounts';
import { followCollections } from '../contracts';
import { settleDunning } from '../receivables';

/**
 * What follows a change of what instalments have received or written off, in the same transaction:
 * the contracts room moves its contracts' states (signed → in progress, completed by the plan, back to
 * in progress after an undo), the receivables room closes the collection tasks (帐款催收) of
 * instalments now settled, and the accounts room brings the accounts' revenue and 高价值 (what is owed how
 * long) up to date (decision 014). `tz` is the business time zone (what "today" is).
 */
export async function followUp(trx: Executor, actor: Actor, contractIds: readonly number[], instalmentIds: readonly number[], tz: string): Promise<void> {
  await followCollections(trx, [...new Set(contractIds)], actor);
  await settleDunning(trx, [...new Set(instalmentIds)], actor);
  await syncContractFiguresFor(trx, contractIds, actor, tz);
}
