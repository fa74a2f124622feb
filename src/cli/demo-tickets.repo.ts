import type { Executor } from '../server/db/client';

/** SQL for the tickets demo (demo-tickets.ts): whether it ran, and a ticket's version between its steps. */
export const ticketsSeedRepo = {
  async anyTitled(db: Executor, titles: string[]) {
    return Boolean(await db.selectFrom('tickets').select('id').where('title', 'in', titles).limit(1).executeTakeFirst());
  },
  async version(db: Executor, id: number): Promise<number> {
    return (await db.selectFrom('tickets').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  },
};
