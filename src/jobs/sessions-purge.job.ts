// sessions-purge (hourly): sessions that ended or expired more than SESSION_RETENTION_DAYS ago are
// deleted with their refresh-token families, in every workspace. Until then an admin can still see
// how a session ended; after that the audit log (session.expired, session.revoked, …) keeps the
// history, and nothing a client holds can revive a deleted session.
// Which rows go is the data policy of sessions and refresh_tokens (src/data-policy/tables.ts).
import { DATA_POLICIES } from '../data-policy/tables.js';
import { tenantDb } from '../tenancy/context.js';
import { JOB_SCOPE, type Job } from './job.js';
import { deleteExpiredRows } from './retention.repo.js';
import { addCounts, zeroCounts } from './retention.js';

const JOB = 'sessions-purge';

export const SESSION_RETENTION_DAYS = DATA_POLICIES.keepDays('tenant', 'sessions');

export const sessionsPurgeJob: Job = {
  name: JOB,
  schedule: '15 * * * *',
  description: `delete sessions (and their refresh tokens) that ended or expired more than ${SESSION_RETENTION_DAYS} days ago`,
  async run(runtime, context) {
    const now = runtime.clock.now();
    const counts = zeroCounts(DATA_POLICIES, 'tenant', JOB);
    await context.forEachTenant((tenantId) => {
      addCounts(counts, runtime.tenancy.run(tenantId, JOB_SCOPE, () => deleteExpiredRows(tenantDb(), DATA_POLICIES, 'tenant', JOB, now)));
    });
    return counts;
  },
};
