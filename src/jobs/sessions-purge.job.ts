// sessions-purge (hourly): sessions that ended or expired more than SESSION_RETENTION_DAYS ago are
// deleted with their refresh-token families, in every workspace. Until then an admin can still see
// how a session ended; after that the audit log (session.expired, session.revoked, …) keeps the
// history, and nothing a client holds can revive a deleted session.
import { tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { DAY_MS, JOB_SCOPE, type Job } from './job.js';
import { deleteSessionsBefore } from './retention.repo.js';

export const SESSION_RETENTION_DAYS = 30;

export const sessionsPurgeJob: Job = {
  name: 'sessions-purge',
  schedule: '15 * * * *',
  description: `delete sessions (and their refresh tokens) that ended or expired more than ${SESSION_RETENTION_DAYS} days ago`,
  async run(runtime, context) {
    const cutoff = isoAt(runtime.clock.now() - SESSION_RETENTION_DAYS * DAY_MS);
    const counts = { sessions: 0, refreshTokens: 0 };
    await context.forEachTenant((tenantId) => {
      const deleted = runtime.tenancy.run(tenantId, JOB_SCOPE, () => deleteSessionsBefore(tenantDb(), cutoff));
      counts.sessions += deleted.sessions;
      counts.refreshTokens += deleted.refreshTokens;
    });
    return counts;
  },
};
