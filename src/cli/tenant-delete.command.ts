// `spinney tenant delete` and `spinney tenant purge`: an operator deletes a workspace (refused at
// once, purged after the grace period by the tenant-purge job, or at once with --now), or purges a
// deleted one now without waiting for its grace period to end. Each says what it will do (stderr)
// before it acts, and returns only when the backup target's keyring copy has been rewritten: a
// purge whose copy could not be rewritten exits 1 naming why (the purge itself is done).
import type { Command } from 'commander';
import type { PurgeOutcome } from '../tenants/tenant-deletion.js';
import { findTenantStatus } from '../tenants/tenants.repo.js';
import { CliError, print, withRuntime } from './support.js';

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const keyringCopyLine = (outcome: PurgeOutcome): string =>
  outcome.keyringCopy.ok ? (outcome.keyringCopy.rewritten ? 'keyring copy on the backup target rewritten' : 'no keyring copy on the backup target yet') : 'keyring copy NOT rewritten';

function failIfCopyKept(outcome: PurgeOutcome): void {
  if (!outcome.keyringCopy.ok) throw new CliError(`${outcome.tenantId} purged, but ${outcome.keyringCopy.reason}`);
}

export function registerTenantDeletion(tenant: Command): void {
  tenant
    .command('delete')
    .description('delete a workspace: every request refused now; database, files and keys purged after the grace period (or --now)')
    .requiredOption('--tenant <tenantId>', 'the workspace')
    .requiredOption('--confirm <tenantId>', 'the same id again, to confirm')
    .option('--now', 'purge at once instead of after SPINNEY_DELETION_GRACE_DAYS')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { tenant: string; confirm: string; now?: boolean; json?: boolean }) =>
      withRuntime(async (runtime) => {
        if (options.confirm !== options.tenant) throw new CliError('--confirm must repeat the --tenant id exactly');
        const [{ deleteTenant, purgeTenant }, { AppError }] = await Promise.all([import('../tenants/tenant-deletion.js'), import('../http/errors.js')]);
        const notFound = (): CliError => new CliError(`no workspace ${options.tenant} (or it is already deleted)`);
        const status = findTenantStatus(runtime.control, options.tenant);
        if (!status || status === 'deleted') throw notFound();
        say(
          options.now
            ? `deleting ${options.tenant} now: every request refused and every session ended, then its database, files and backup key destroyed at once (no undo)`
            : `deleting ${options.tenant}: every request refused and every session ended now; database, files and backup key destroyed after ${runtime.config.deletionGraceDays} days (SPINNEY_DELETION_GRACE_DAYS)`,
        );
        let deleted;
        try {
          deleted = deleteTenant(runtime, options.tenant, { actor: 'operator', now: options.now === true });
        } catch (err) {
          if (err instanceof AppError && err.statusCode === 404) throw notFound();
          throw err;
        }
        const purged = options.now ? await purgeTenant(runtime, options.tenant, 'operator') : null;
        if (options.json) print({ ...deleted, purgedAt: purged?.purgedAt ?? null, ...(purged ? { keyringCopy: purged.keyringCopy } : {}) });
        else print(purged ? `deleted and purged ${deleted.tenantId} (${keyringCopyLine(purged)})` : `deleted ${deleted.tenantId}; purged after ${deleted.purgeAfter}`);
        if (purged) failIfCopyKept(purged);
      }),
    );

  tenant
    .command('purge')
    .description('purge a deleted workspace now, before its grace period ends: database, files and backup key destroyed (no undo)')
    .requiredOption('--tenant <tenantId>', 'the deleted workspace')
    .requiredOption('--confirm <tenantId>', 'the same id again, to confirm')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { tenant: string; confirm: string; json?: boolean }) =>
      withRuntime(async (runtime) => {
        if (options.confirm !== options.tenant) throw new CliError('--confirm must repeat the --tenant id exactly');
        const { purgeRefusal, purgeTenant } = await import('../tenants/tenant-deletion.js');
        const refusal = purgeRefusal(runtime, options.tenant);
        if (refusal) throw new CliError(refusal.statusCode === 404 ? `no workspace ${options.tenant}` : refusal.message);
        say(`purging ${options.tenant} now: its database, files and backup key destroyed, the keyring copy on the backup target rewritten (no undo)`);
        const purged = await purgeTenant(runtime, options.tenant, 'operator');
        print(options.json ? purged : `purged ${purged.tenantId} (${keyringCopyLine(purged)})`);
        failIfCopyKept(purged);
      }),
    );
}
