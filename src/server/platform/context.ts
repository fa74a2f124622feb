import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Database, Kdb } from '../db/client';
import { JobQueue } from './jobs/queue';
import { Notifier } from './notifications/notifier';
import { ApprovalEngine } from './approvals/engine';
import { registerEmailJob } from './notifications/email';
import { registerHousekeeping } from './jobs/housekeeping';
import type { FeatureParts } from './feature';

/** The platform services every feature receives. Built once per process. */
export interface Platform {
  database: Database;
  db: Kdb;
  config: Config;
  jobs: JobQueue;
  notifier: Notifier;
  approvals: ApprovalEngine;
  /** the timeline sources, merge parts and handover parts the rooms declared (filled by wireFeatures) */
  parts: FeatureParts;
  log?: FastifyBaseLogger;
}

export function createPlatform(database: Database, config: Config, log?: FastifyBaseLogger): Platform {
  const jobs = new JobQueue(database.db, log, { exclusive: database.kind === 'pglite' });
  const notifier = new Notifier(jobs, Boolean(config.SMTP_URL));
  const approvals = new ApprovalEngine(database.db, notifier, config.BUSINESS_TZ);
  // platform job handlers; features add theirs in wireFeatures (src/server/features/index.ts)
  registerEmailJob(jobs, database.db, config, log);
  registerHousekeeping(jobs, database.db);
  return { database, db: database.db, config, jobs, notifier, approvals, parts: { timeline: [], merge: [], handover: [] }, log };
}
