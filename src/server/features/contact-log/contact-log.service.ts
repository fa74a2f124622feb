import { orgReads } from '../../platform/org.repo';
import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import { AppError, issue, validationError, type FieldIssue } from '../../../shared/errors';
import { zonedInstant } from '../../../shared/domain/business-time';
import { nextDay } from '../../../shared/domain/trips';
import type { contactLogCreate, contactLogListQuery } from '../../../shared/contracts/contact-log';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { pageWindow } from '../../platform/listing';
import { contactAccountOf, noteLastContact } from '../contacts';
import { contactLogRepo } from './contact-log.repo';
import { accountReachable, accountScope } from '../../platform/scope';

const accountNotFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
const notFound = () => new AppError('NOT_FOUND', 'Contact log entry not found', undefined, { key: 'contactLog.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The entry was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });

/** A few minutes of clock difference between phone and server are not "the future". */
const FUTURE_SLACK_MS = 5 * 60_000;

/** Midnight of a business date in the business time zone. */
function dayStartAt(day: string, tz: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedInstant(tz, y, m - 1, d);
}

export async function listLogs(db: Kdb, actor: Actor, q: z.infer<typeof contactLogListQuery>, tz: string) {
  const { items, total } = await contactLogRepo.list(db, {
    ...q,
    from: q.from ? dayStartAt(q.from, tz) : undefined,
    to: q.to ? dayStartAt(nextDay(q.to), tz) : undefined,
    scope: accountScope(actor, 'contact:read'),
    ...pageWindow(q),
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getLog(db: Kdb, actor: Actor, id: number) {
  const row = await contactLogRepo.find(db, id, accountScope(actor, 'contact:read'));
  if (!row) throw notFound();
  return row;
}
export type LogRow = Awaited<ReturnType<typeof getLog>>;

/**
 * Logs one call, e-mail or meeting. The contact's 最近联系 moves forward to it through the contacts
 * room's own repo, and the account's derived coverage is refreshed in the same transaction.
 */
export async function createLog(db: Kdb, actor: Actor, input: z.infer<typeof contactLogCreate>, tz: string, now = new Date()) {
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  return db.transaction().execute(async (trx) => {
    const scope = accountScope(actor, 'contact:write');
    if (!(await accountReachable(trx, input.accountId, scope))) throw accountNotFound();
    const issues: FieldIssue[] = [];
    if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) issues.push(issue('occurredAt', 'contactLog.inFuture', 'The time cannot be in the future'));
    const contact = input.contactId ? await contactAccountOf(trx, input.contactId) : null;
    if (input.contactId && contact?.account_id !== input.accountId) issues.push(issue('contactId', 'contactLog.contactOtherAccount', 'Pick a contact of this account'));
    const userId = input.userId ?? actor.userId;
    if (!(await orgReads.activeUser(trx, userId))) issues.push(issue('userId', 'contactLog.userNotActive', 'Not an active user'));
    if (issues.length) throw validationError(issues);
    const row = await contactLogRepo.insert(trx, {
      account_id: input.accountId,
      contact_id: input.contactId ?? null,
      kind: input.kind,
      occurred_at: occurredAt,
      place: input.place ?? null,
      address: input.address ?? null,
      contact_way: input.contactWay ?? null,
      summary: input.summary,
      user_id: userId,
      created_by: actor.userId,
    });
    await audit(trx, actor, { entity: 'contact_log', entityId: row.id, action: 'create', after: row, data: { accountId: input.accountId } });
    if (input.contactId) await noteLastContact(trx, actor, { contactId: input.contactId, accountId: input.accountId, at: occurredAt, logId: row.id }, tz);
    return row.id;
  });
}

/** Removes a mistaken entry (the contact's 最近联系 stays: it records that contact did happen or was corrected by hand). */
export async function deleteLog(db: Kdb, actor: Actor, id: number, version: number) {
  await db.transaction().execute(async (trx) => {
    const before = await contactLogRepo.findForUpdate(trx, id, accountScope(actor, 'contact:write'));
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    await contactLogRepo.delete(trx, id);
    await audit(trx, actor, { entity: 'contact_log', entityId: id, action: 'delete', before });
  });
}
