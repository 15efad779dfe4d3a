// `spinney backup …`: encrypted backups of every database, their verification and restore
// (src/backup/ does the work; docs/operations.md, "Backups", is the operator's guide).
import type { Command } from 'commander';
import { runBackup } from '../backup/backup-run.js';
import { BackupRefused } from '../backup/errors.js';
import { AppError } from '../http/errors.js';
import { CliError, print, progress, withRuntime } from './support.js';

/** Refusals and unknown ids are one-line operator errors, not crashes. */
function operatorError(err: unknown): never {
  if (err instanceof BackupRefused) throw new CliError(`refused: ${err.message}`);
  if (err instanceof AppError && err.statusCode === 404) throw new CliError('no such workspace (or it is deleted)');
  throw err;
}

const human = (bytes: number): string => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

export function registerBackupCommands(program: Command): void {
  const backup = program.command('backup').description('encrypted backups: run, list, verify, restore, prune');

  backup
    .command('run')
    .description('back up control.db, the keyring and every workspace (or one) to the backup target')
    .option('--tenant <tenantId>', 'only this workspace (control.db and the keyring copy are always included)')
    .option('--all', 'every workspace (the default)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { tenant?: string; all?: boolean; json?: boolean }) =>
      withRuntime(async (runtime) => {
        if (options.tenant && options.all) throw new CliError('give either --tenant ID or --all');
        const bar = progress('backing up');
        const summary = await runBackup(runtime, { actor: 'operator', ...(options.tenant ? { tenantId: options.tenant } : {}), onProgress: (done, total) => bar.update(done, total) })
          .catch(operatorError)
          .finally(() => bar.end());
        if (options.json) print(summary);
        else print(`backup ${summary.runId} to ${summary.target}: ${summary.tenants} workspace(s), ${summary.objects} objects, ${human(summary.bytes)} in ${summary.seconds} s`);
        for (const f of summary.failed) process.stderr.write(`spinney: ${f.tenantId}: ${f.reason}\n`);
        if (summary.failed.length > 0) throw new CliError(`${summary.failed.length} workspace(s) could not be backed up; the others are in run ${summary.runId}`);
      }),
    );
}
