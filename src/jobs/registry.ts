// Every job the server schedules and `spinney jobs` knows, by name. Names are stable: job_runs,
// the logs and operators' scripts use them.
import { backupJob, backupPruneJob } from '../backup/backup.jobs.js';
import { mailboxPollJob } from '../mailbox/mailbox-poll.job.js';
import { auditVerifyJob } from './audit-verify.job.js';
import { controlPurgeJob } from './control-purge.job.js';
import type { Job } from './job.js';
import { sessionsPurgeJob } from './sessions-purge.job.js';
import { tenantPurgeJob } from './tenant-purge.job.js';
import { webhooksPurgeJob } from './webhooks-purge.job.js';

export function registeredJobs(): Job[] {
  return [sessionsPurgeJob, controlPurgeJob, webhooksPurgeJob, tenantPurgeJob, auditVerifyJob, backupJob, backupPruneJob, mailboxPollJob];
}

export function findJob(name: string): Job | undefined {
  return registeredJobs().find((job) => job.name === name);
}
