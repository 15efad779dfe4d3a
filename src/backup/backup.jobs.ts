// The scheduled backup jobs (src/jobs/registry.ts lists them): `backup` (hourly by default,
// SPINNEY_BACKUP_SCHEDULE) and `backup-prune` (daily). Both are the same code as the CLI commands;
// `spinney jobs run backup` runs one by hand with the job's lock and record.
import type { Job } from '../jobs/job.js';
import { runBackup } from './backup-run.js';
import { pruneBackups } from './prune.js';

export const backupJob: Job = {
  name: 'backup',
  schedule: '0 * * * *',
  scheduleFrom: (config) => config.backup.schedule,
  description: 'encrypted backup of control.db, the keyring and every workspace to the backup target (spinney backup run --all)',
  async run(runtime, context) {
    const summary = await runBackup(runtime, { actor: context.trigger === 'cli' ? 'operator' : 'system' });
    for (const failure of summary.failed) context.fail(`${failure.tenantId}: ${failure.reason}`);
    return { tenants: summary.tenants, objects: summary.objects, bytes: summary.bytes, failed: summary.failed.length, staleWorkDirsRemoved: summary.staleWorkDirsRemoved };
  },
};

export const backupPruneJob: Job = {
  name: 'backup-prune',
  schedule: '40 3 * * *',
  description: 'delete backup runs past retention (SPINNEY_BACKUP_KEEP_ALL_HOURS, SPINNEY_BACKUP_KEEP_DAILY_DAYS), never the newest one',
  async run(runtime, context) {
    const summary = await pruneBackups(runtime, { actor: context.trigger === 'cli' ? 'operator' : 'system' });
    return { runs: summary.runs, deleted: summary.deleted.length, bytesFreed: summary.bytesFreed, unauthenticated: summary.unauthenticated.length };
  },
};
