import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import type { handoverBody } from '../../../shared/contracts/handover';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import type { Platform } from '../../platform/context';
import { scopeWhere } from '../../platform/scope';
import type { HandoverPart } from '../../platform/parts';
import { handoverRepo } from './handover.repo';

/** How many records of each part the preview lists (the count is always complete). */
export const PREVIEW_ITEMS = 10;

const notFound = () => new AppError('NOT_FOUND', 'User not found', undefined, { key: 'common.notFound' });

async function leaverInScope(db: Executor, actor: Actor, id: number) {
  const user = await handoverRepo.findUser(db, id, (eb) => scopeWhere(eb, actor, 'user:handover', { owner: 'users.id', unit: 'users.unit_id' }));
  if (!user) throw notFound();
  return user;
}

export async function previewHandover(db: Kdb, actor: Actor, handoverParts: readonly HandoverPart[], id: number) {
  return db.transaction().execute(async (trx) => {
    const user = await leaverInScope(trx, actor, id);
    const parts = [];
    for (const part of handoverParts) {
      const { count, items } = await part.preview(trx, id, PREVIEW_ITEMS);
      parts.push({ key: part.name, needsSuccessor: part.needsSuccessor, count, items });
    }
    return { user: { id: user.id, name: user.name, username: user.username, status: user.status, unitId: user.unit_id }, parts };
  });
}

/** The successor of each part that needs one: its own entry, else the default. */
function successorsOf(handoverParts: readonly HandoverPart[], input: z.infer<typeof handoverBody>) {
  const issues: FieldIssue[] = [];
  const known = new Set(handoverParts.map((p) => p.name));
  for (const key of Object.keys(input.successors)) {
    if (!known.has(key)) issues.push(issue(`successors.${key}`, 'handover.unknownPart', 'Unknown handover part', { part: key }));
  }
  const chosen = new Map<string, { id: number; path: string }>();
  for (const part of handoverParts) {
    if (!part.needsSuccessor) continue;
    const own = input.successors[part.name];
    if (own !== undefined) chosen.set(part.name, { id: own, path: `successors.${part.name}` });
    else if (input.defaultSuccessorId !== undefined) chosen.set(part.name, { id: input.defaultSuccessorId, path: 'defaultSuccessorId' });
  }
  return { issues, chosen };
}

export async function performHandover(p: Platform, actor: Actor, id: number, input: z.infer<typeof handoverBody>) {
  if (id === actor.userId) throw validationError([issue('id', 'handover.self', 'You cannot hand over your own work')]);
  const { issues, chosen } = successorsOf(p.parts.handover, input);
  const handoverParts = p.parts.handover;
  return p.db.transaction().execute(async (trx) => {
    const user = await leaverInScope(trx, actor, id);
    const locked = await handoverRepo.lockUser(trx, id);
    if (!locked || locked.status === 'left') throw new AppError('INVALID_STATE', 'The user has already left and been handed over', undefined, { key: 'handover.alreadyLeft' });

    // A part with nothing in it needs no successor; one with records must have an active one.
    const counts = new Map<string, number>();
    for (const part of handoverParts) counts.set(part.name, (await part.preview(trx, id, 0)).count);
    const users = new Map((await handoverRepo.usersByIds(trx, [...new Set([...chosen.values()].map((c) => c.id))])).map((u) => [u.id, u]));
    const reported = new Set<string>();
    for (const part of handoverParts) {
      if (!part.needsSuccessor) continue;
      const c = chosen.get(part.name);
      if (!c) {
        if (counts.get(part.name)) issues.push(issue(`successors.${part.name}`, 'handover.successorRequired', 'Choose who takes these over', { part: part.name }));
        continue;
      }
      if (reported.has(c.path)) continue;
      if (c.id === id) {
        issues.push(issue(c.path, 'handover.successorIsLeaver', 'The successor cannot be the leaving user'));
        reported.add(c.path);
      } else if (users.get(c.id)?.status !== 'active') {
        issues.push(issue(c.path, 'handover.successorInactive', 'Choose an active user as successor'));
        reported.add(c.path);
      }
    }
    if (issues.length) throw validationError(issues);

    const note = input.note ?? '';
    const results: { key: string; count: number; successorId: number | null }[] = [];
    for (const part of handoverParts) {
      const successorId = part.needsSuccessor ? (chosen.get(part.name)?.id ?? null) : null;
      // parts without records and without a successor have nothing to move
      const count = part.needsSuccessor && successorId === null ? 0 : await part.transfer(trx, { p, actor, userId: id, successorId, note });
      results.push({ key: part.name, count, successorId });
    }

    const left = await handoverRepo.markLeft(trx, id, input.leftOn);
    if (!left) throw new AppError('INVALID_STATE', 'The user has already left and been handed over', undefined, { key: 'handover.alreadyLeft' });
    await handoverRepo.endSessions(trx, id);
    const tokens = await handoverRepo.revokeTokens(trx, id);
    await audit(trx, actor, {
      entity: 'user',
      entityId: id,
      action: 'handover',
      before: { status: user.status, left_at: user.left_at },
      after: { status: 'left', left_at: left.left_at },
      data: { leftOn: input.leftOn, note: input.note ?? null, parts: results, revokedTokens: tokens },
    });

    const bySuccessor = new Map<number, number>();
    for (const r of results) if (r.successorId !== null && r.count > 0) bySuccessor.set(r.successorId, (bySuccessor.get(r.successorId) ?? 0) + r.count);
    for (const [successorId, count] of bySuccessor) {
      await p.notifier.notify(trx, { userIds: [successorId], kind: 'handover.received', params: { user: user.name, count, actor: actor.name } });
    }
    return { userId: id, leftAt: left.left_at!, parts: results };
  });
}
