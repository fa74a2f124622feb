import type { Executor } from '../server/db/client';

/** SQL for the satisfaction surveys demo (demo-surveys.ts): whether it is there, and which clock columns its steps write. */
export const surveysSeedRepo = {
  STAMPED: {
    survey_invitations: ['created_at', 'issued_at', 'answered_at'],
    notifications: ['created_at'],
  } as Record<string, string[]>,
  /** Whether someone sent a survey to one of these accounts by hand (the demo's; the tickets room's are ticket_closed). */
  async anySentBySomeone(db: Executor, accountIds: number[]) {
    return Boolean(await db.selectFrom('survey_invitations').select('id').where('account_id', 'in', accountIds).where('reason', '=', 'manual').limit(1).executeTakeFirst());
  },
};
