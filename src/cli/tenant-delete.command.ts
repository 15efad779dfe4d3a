// `spinney tenant delete`: an operator deletes a workspace (refused at once, purged after the grace
// period by the tenant-purge job, or at once with --now).
import type { Command } from 'commander';
import { deleteTenant } from '../control/tenant-deletion.js';
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

}
