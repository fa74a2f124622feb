import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import type { jobListQuery } from '../../../shared/contracts/system';
import { jobsRepo } from '../../platform/jobs/jobs.repo';

/** The job monitor: the queue is system-wide, so there is no data scope beyond job:read. */
export async function listJobs(db: Kdb, q: z.infer<typeof jobListQuery>) {
  const r = await jobsRepo.list(db, { status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { ...r, page: q.page, pageSize: q.pageSize };
}
