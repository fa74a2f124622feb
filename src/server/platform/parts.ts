import type { Executor, Trx } from '../db/client';
import type { Actor } from './actor';
import type { Platform } from './context';
import { audit } from './audit';

/**
 * What rooms contribute to the platform's account merge and departure handover, declared in
 * their manifests (platform/feature.ts). The merge and the handover run every part in one
 * transaction and show them in their dialogs without knowing which room brought which.
 */

export interface MergeContext {
  actor: Actor;
  /** the account that stays */
  targetId: number;
  /** the duplicate that is merged away and deleted */
  sourceId: number;
}

/**
 * One kind of thing that hangs off an account. `move` runs inside the one merge transaction,
 * before the source is deleted: whatever a part leaves behind on the source goes with it (or
 * blocks the delete). A table that references `accounts` needs a part, or the merge either
 * deletes its rows with the duplicate (cascade) or fails on the delete.
 */
export interface MergePart {
  name: string;
  count(trx: Executor, sourceId: number): Promise<number>;
  move(trx: Executor, ctx: MergeContext): Promise<number>;
}

export interface HandoverContext {
  p: Platform;
  actor: Actor;
  userId: number;
  /** null for parts that are ended rather than handed over */
  successorId: number | null;
  note: string;
}

/**
 * One kind of thing a leaving user holds (ORG-5). `transfer` runs inside the one handover
 * transaction and audits each record.
 */
export interface HandoverPart {
  name: string;
  /** false: the part is ended (e.g. revoked) rather than given to a successor */
  needsSuccessor: boolean;
  preview(trx: Trx, userId: number, limit: number): Promise<{ count: number; items: { id: number; label: string }[] }>;
  transfer(trx: Trx, ctx: HandoverContext): Promise<number>;
}

/** The successor of a part that needs one (the handover service guarantees it). */
export function successorOf(ctx: HandoverContext): number {
  if (ctx.successorId === null) throw new Error('handover part needs a successor');
  return ctx.successorId;
}

/**
 * The usual handover part: the records the leaving user owns go to the successor, each audited
 * as a handover of its owner. The room's repo counts, lists and moves them (returning the moved ids).
 */
export function ownedRecordsPart(o: {
  name: string;
  entity: string;
  count(trx: Trx, userId: number): Promise<number>;
  first(trx: Trx, userId: number, limit: number): Promise<{ id: number; label: string }[]>;
  move(trx: Trx, from: number, to: number): Promise<{ id: number }[]>;
}): HandoverPart {
  return {
    name: o.name,
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await o.count(trx, userId), items: await o.first(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const rows = await o.move(trx, ctx.userId, to);
      for (const r of rows) await audit(trx, ctx.actor, { entity: o.entity, entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
      return rows.length;
    },
  };
}
