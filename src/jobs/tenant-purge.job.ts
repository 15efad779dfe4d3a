// tenant-purge (hourly): purges every deleted workspace whose grace period is over (database,
// files, backup key, control rows; src/control/tenant-deletion.ts). A workspace that cannot be
// purged is recorded in the platform log and fails the run; the others are still purged.
import { recordPlatformEvent } from '../audit/audit.service.js';
import { purgeDueTenants } from '../control/tenant-deletion.js';
import type { Job } from './job.js';

export const tenantPurgeJob: Job = {
  name: 'tenant-purge',
  schedule: '25 * * * *',
  description: 'purge deleted workspaces whose grace period (SPINNEY_DELETION_GRACE_DAYS) is over: database, files, backup key, control rows',
  run(runtime, context) {
    const { purged, failed } = purgeDueTenants(runtime);
    for (const failure of failed) {
      recordPlatformEvent(runtime, 'tenant.purge_failed', failure.tenantId, { after: { reason: failure.reason } }, context.trigger === 'cli' ? 'operator' : 'system');
      context.fail(`${failure.tenantId}: ${failure.reason}`);
    }
    return { purged: purged.length, failed: failed.length };
  },
};
