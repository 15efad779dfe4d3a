// Every job the server schedules and `spinney jobs` knows, by name. Names are stable: job_runs,
// the logs and operators' scripts use them.
import { auditVerifyJob } from './audit-verify.job.js';
import { controlPurgeJob } from './control-purge.job.js';
import type { Job } from './job.js';
import { sessionsPurgeJob } from './sessions-purge.job.js';
import { webhooksPurgeJob } from './webhooks-purge.job.js';

/**
 * Jobs of the workspace lifecycle (src/control/). Slot for `tenant-purge` (hourly, over
 * purgeDueTenants in src/control/tenant-deletion.ts): its owner adds it to this list.
 */
export const TENANT_LIFECYCLE_JOBS: Job[] = [];

export function registeredJobs(): Job[] {
  return [sessionsPurgeJob, controlPurgeJob, webhooksPurgeJob, ...TENANT_LIFECYCLE_JOBS, auditVerifyJob];
}

export function findJob(name: string): Job | undefined {
  return registeredJobs().find((job) => job.name === name);
}
