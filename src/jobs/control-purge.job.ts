// control-purge (hourly): control-plane rows past their use. Expired pending invitations are
// deleted rather than marked: nothing distinguishes an expired invitation from a missing one (the
// members service lists and honours only those not yet expired), and deleting drops the invitee's
// email; the workspace's audit log keeps member.invited. Spent ID-token nonces, native sign-in
// handoffs and integration connect states are deleted once expired, as their own code does when
// it next writes; this job covers a server that is quiet for a while. Finished job runs are kept
// for JOB_RUN_RETENTION_DAYS, counted anonymous refusals (security_events) for
// SPINNEY_SECURITY_EVENTS_RETENTION_DAYS.
// Which rows go is each control table's data policy (src/data-policy/tables.ts).
import { DATA_POLICIES } from '../data-policy/tables.js';
import type { Job } from './job.js';
import { deleteExpiredRows } from './retention.repo.js';

export const JOB_RUN_RETENTION_DAYS = DATA_POLICIES.keepDays('control', 'job_runs');

export const controlPurgeJob: Job = {
  name: 'control-purge',
  schedule: '20 * * * *',
  description: `delete expired pending invitations, spent nonces, native handoffs, integration connect states, job runs older than ${JOB_RUN_RETENTION_DAYS} days, and security event counts past SPINNEY_SECURITY_EVENTS_RETENTION_DAYS`,
  run(runtime) {
    return deleteExpiredRows(runtime.control, DATA_POLICIES, 'control', 'control-purge', runtime.clock.now(), { security_events: runtime.config.securityEventsRetentionDays });
  },
};
