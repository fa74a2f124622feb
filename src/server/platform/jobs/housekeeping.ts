import type { Kdb } from '../../db/client';
import { authRepo } from '../auth/auth.repo';
import type { JobQueue } from './queue';

export const HOUSEKEEPING_JOBS = { sessions: 'housekeeping.sessions', loginAttempts: 'housekeeping.login-attempts' } as const;
/** Sign-in attempts are kept this long for the lockout and the security review, then dropped. */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;

/** Hourly clean-up of tables that only grow: expired sessions, old sign-in attempts and lockouts of unknown usernames. */
export function registerHousekeeping(jobs: JobQueue, db: Kdb): void {
  jobs.schedule(HOUSEKEEPING_JOBS.sessions, { everySeconds: 3600 }, async () => {
    await authRepo.deleteExpiredSessions(db);
  });
  jobs.schedule(HOUSEKEEPING_JOBS.loginAttempts, { everySeconds: 3600 }, async () => {
    await authRepo.pruneAttempts(db, LOGIN_ATTEMPT_RETENTION_DAYS);
    await authRepo.pruneLockouts(db, LOGIN_ATTEMPT_RETENTION_DAYS);
  });
}
