import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { JobQueue } from '../jobs/queue';

export interface NotificationInput {
  userIds: number[];
  /** an i18n key under `notification.kinds`, e.g. 'approval.pending' */
  kind: string;
  /** values for the message template */
  params?: Record<string, unknown>;
  /** a web route, e.g. '/approvals/12' */
  link?: string;
}

export const EMAIL_JOB = 'email.notification';
/** With the queue's doubling backoff, 12 attempts keep retrying for about an hour of mail-server outage. */
export const EMAIL_MAX_ATTEMPTS = 12;

/**
 * In-app notifications always; when SMTP is configured, each one is also queued for e-mail
 * delivery by the job worker (so a mail outage never blocks or rolls back the business change).
 */
export class Notifier {
  constructor(
    private readonly jobs: JobQueue,
    private readonly emailEnabled: boolean,
  ) {}

  async notify(db: Executor, input: NotificationInput): Promise<number[]> {
    const userIds = [...new Set(input.userIds)].filter((id) => id > 0);
    if (userIds.length === 0) return [];
    const rows = await db
      .insertInto('notifications')
      .values(userIds.map((user_id) => ({ user_id, kind: input.kind, params: JSON.stringify(input.params ?? {}), link: input.link ?? null })))
      .returning('id')
      .execute();
    const ids = rows.map((r) => r.id);
    if (this.emailEnabled) {
      for (const id of ids) await this.jobs.enqueue(db, EMAIL_JOB, { notificationId: id }, { maxAttempts: EMAIL_MAX_ATTEMPTS });
    }
    return ids;
  }

  /**
   * Marks done the unread notices of `kinds` about `link`: what they asked of their readers (a
   * step to decide) is no longer pending — it was decided, by them or another, transferred or
   * withdrawn (issue 13 item 5). In the transaction of that change.
   */
  async settle(db: Executor, link: string, kinds: readonly string[]): Promise<void> {
    await db.updateTable('notifications').set({ read_at: sql`now()` }).where('link', '=', link).where('kind', 'in', [...kinds]).where('read_at', 'is', null).execute();
  }
}
