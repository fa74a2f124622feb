/**
 * Whether making `selfId` report to `reportsToId` closes a loop. `managerOf` maps each contact of
 * the account to whom it reports now. Walks up from the new manager; a bound on the steps keeps
 * an already-corrupt chain from looping forever.
 */
export function reportingCycle(selfId: number, reportsToId: number, managerOf: ReadonlyMap<number, number | null>): boolean {
  let at: number | null | undefined = reportsToId;
  for (let steps = 0; at !== null && at !== undefined && steps <= managerOf.size; steps++) {
    if (at === selfId) return true;
    at = managerOf.get(at);
  }
  return false;
}
