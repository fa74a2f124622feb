import type { Kdb } from '../server/db/client';
import type { Actor } from '../server/platform/actor';
import { loadActorForUser } from '../server/platform/auth/actor-loader';
import type { DemoOrg } from './demo-data';

/**
 * The demo users as actors for one part of the demo (its name in the error), each loaded once: by user id
 * or by the demo username. A user who is not active is an error — the demo acts only as real users can.
 */
export function demoActors(db: Kdb, org: DemoOrg, part: string) {
  const cache = new Map<number, Actor>();
  const byId = async (userId: number): Promise<Actor> => {
    let a = cache.get(userId);
    if (!a) {
      a = await loadActorForUser(db, userId);
      if (!a) throw new Error(`Demo ${part}: user ${userId} is not active`);
      cache.set(userId, a);
    }
    return a;
  };
  const byName = (username: string): Promise<Actor> => {
    const id = org.users[username];
    if (id === undefined) throw new Error(`Demo ${part}: no demo user ${username}`);
    return byId(id);
  };
  return { byId, byName };
}
