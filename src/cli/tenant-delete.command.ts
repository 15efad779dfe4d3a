// `spinney tenant delete` and `spinney tenant purge`: an operator deletes a workspace (refused at
// once, purged after the grace period or with --now) or purges the deleted ones that are due.
import type { Command } from 'commander';
import { deleteTenant, purgeDueTenants } from '../control/tenant-deletion.js';
import { recordPlatformEvent } from '../audit/audit.service.js';
import { AppError } from '../http/errors.js';
import { CliError, print, withRuntime } from './support.js';

export function registerTenantDeletion(tenant: Command): void {
  tenant
    .command('delete')
    .description('delete a workspace: every request refused now; database, files and keys purged after the grace period (or --now)')
    .requiredOption('--tenant <tenantId>', 'the workspace')
    .requiredOption('--confirm <tenantId>', 'the same id again, to confirm')
    .option('--now', 'purge at once instead of after SPINNEY_DELETION_GRACE_DAYS')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { tenant: string; confirm: string; now?: boolean; json?: boolean }) =>
      withRuntime((runtime) => {
        if (options.confirm !== options.tenant) throw new CliError('--confirm must repeat the --tenant id exactly');
        let outcome;
        try {
          outcome = deleteTenant(runtime, options.tenant, { by: null, now: options.now === true });
        } catch (err) {
          if (err instanceof AppError && err.statusCode === 404) throw new CliError(`no workspace ${options.tenant} (or it is already deleted)`);
          throw err;
        }
        if (options.json) print(outcome);
        else print(outcome.purgedAt ? `deleted and purged ${outcome.tenantId}` : `deleted ${outcome.tenantId}; purged after ${outcome.purgeAfter}`);
      }),
    );

  tenant
    .command('purge')
    .description('purge every deleted workspace whose grace period is over (the tenant-purge job does this hourly)')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime((runtime) => {
        const result = purgeDueTenants(runtime);
        if (options.json) print(result);
        else print(`purged ${result.purged.length} workspace(s)${result.purged.length ? `: ${result.purged.join(', ')}` : ''}`);
        for (const f of result.failed) {
          process.stderr.write(`spinney: ${f.tenantId}: ${f.reason}\n`);
          recordPlatformEvent(runtime, 'tenant.purge_failed', f.tenantId, { after: { reason: f.reason } });
        }
        if (result.failed.length > 0) throw new CliError(`${result.failed.length} workspace(s) could not be purged`);
      }),
    );
}
