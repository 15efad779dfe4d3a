// tenant-purge (hourly): purges every deleted workspace whose grace period is over (database,
// files, backup key in keyring.db and in the backup target's keyring copy, control rows;
// src/tenants/tenant-deletion.ts). A workspace that cannot be purged is recorded in the platform
// log (`tenant.purge_failed`) and fails the run; the others are still purged. A purge whose keyring
// copy could not be rewritten (target unreachable) is done locally and recorded in `tenant.purged`
// with the reason, and fails the run too: the stored copy still holds the destroyed key until the
// next backup run rewrites it.
import { jobActor, recordPlatformEvent } from '../audit/audit.service.js';
import { purgeDueTenants } from '../tenants/tenant-deletion.js';
import type { Job } from './job.js';

export const tenantPurgeJob: Job = {
  name: 'tenant-purge',
  schedule: '25 * * * *',
  description: 'purge deleted workspaces whose grace period (SPINNEY_DELETION_GRACE_DAYS) is over: database, files, backup key (and the keyring copy), control rows',
  async run(runtime, context) {
    const actor = jobActor(context.trigger);
    const { purged, failed } = await purgeDueTenants(runtime, actor);
    for (const failure of failed) {
      recordPlatformEvent(runtime, 'tenant.purge_failed', failure.tenantId, { after: { reason: failure.reason } }, actor);
      context.log.error({ tenantId: failure.tenantId, reason: failure.reason }, 'workspace purge failed');
      context.fail(`${failure.tenantId}: ${failure.reason}`);
    }
    let keyringCopyFailed = 0;
    for (const { tenantId, keyringCopy } of purged) {
      if (keyringCopy.ok) continue;
      keyringCopyFailed += 1;
      context.log.error({ tenantId, reason: keyringCopy.reason }, 'workspace purged, but the keyring copy was not rewritten');
      context.fail(`${tenantId}: purged, but ${keyringCopy.reason}`);
    }
    return { purged: purged.length, failed: failed.length, ...(keyringCopyFailed > 0 ? { keyringCopyFailed } : {}) };
  },
};
