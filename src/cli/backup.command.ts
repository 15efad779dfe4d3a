// `spinney backup …`: encrypted backups of every database, their verification and restore
// (src/backup/ does the work; docs/operations.md, "Backups", is the operator's guide).
// Each action loads the backup modules it runs, so other commands and `--help` start without them.
import type { Command } from 'commander';
import { BackupRefused } from '../backup/errors.js';
import { rm } from 'node:fs/promises';
import { systemClock } from '../time/clock.js';
import { CliError, print, progress, withConfig, withRuntime } from './support.js';

/** Refusals and unknown ids are one-line operator errors, not crashes. */
async function operatorError(err: unknown): Promise<never> {
  if (err instanceof BackupRefused) throw new CliError(`refused: ${err.message}`);
  const { AppError } = await import('../http/errors.js');
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
        const { runBackup } = await import('../backup/backup-run.js');
        const bar = progress('backing up');
        const summary = await runBackup(runtime, { actor: 'operator', ...(options.tenant ? { tenantId: options.tenant } : {}), onProgress: (done, total) => bar.update(done, total) })
          .catch(operatorError)
          .finally(() => bar.end());
        if (options.json) print(summary);
        else print(`backup ${summary.runId} to ${summary.target}: ${summary.tenants} workspace(s), ${summary.objects} objects, ${human(summary.bytes)} in ${summary.seconds} s`);
        if (summary.staleWorkDirsRemoved > 0) process.stderr.write(`spinney: removed ${summary.staleWorkDirsRemoved} work dir(s) that a killed backup, verify or restore had left in ${runtime.config.dataDir}/tmp/\n`);
        for (const f of summary.failed) process.stderr.write(`spinney: ${f.tenantId}: ${f.reason}\n`);
        if (summary.failed.length > 0) throw new CliError(`${summary.failed.length} workspace(s) could not be backed up; the others are in run ${summary.runId}`);
      }),
    );

  backup
    .command('list')
    .description('the runs on the backup target, oldest first (each manifest authenticated)')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime(async (runtime) => {
        const [{ listRuns }, { makeWorkDir }, { openTarget }] = await Promise.all([import('../backup/catalog.js'), import('../backup/layout.js'), import('../backup/targets/open-target.js')]);
        const target = await openTarget(runtime.config.backup);
        const workDir = makeWorkDir(runtime.config.dataDir, 'list');
        try {
          const runs = await listRuns(runtime.config, target, workDir);
          if (options.json) {
            return print({
              target: target.description,
              runs: runs.map((run) => {
                if (run.status !== 'complete') return { runId: run.runId, status: run.status, bytes: run.bytes, ...(run.status === 'unauthenticated' ? { reason: run.reason } : {}) };
                const { startedAt, completedAt, spinneyVersion, objects, failed } = run.manifest;
                return { runId: run.runId, status: run.status, startedAt, completedAt, spinneyVersion, tenants: objects.filter((o) => o.kind === 'tenant').map((o) => o.tenantId), failed: failed.map((f) => f.tenantId), bytes: run.bytes };
              }),
            });
          }
          if (runs.length === 0) return print(`no backups on ${target.description}`);
          for (const run of runs) {
            if (run.status !== 'complete') print(`${run.runId}  ${run.status}${run.status === 'unauthenticated' ? `: ${run.reason}` : ''}`);
            else {
              const tenants = run.manifest.objects.filter((o) => o.kind === 'tenant').length;
              print(`${run.runId}  complete  ${run.manifest.startedAt}  ${tenants} workspace(s)  ${human(run.bytes)}${run.manifest.failed.length ? `  (${run.manifest.failed.length} failed)` : ''}`);
            }
          }
        } finally {
          target.close();
          await rm(workDir, { recursive: true, force: true });
        }
      }),
    );

  backup
    .command('verify <runId>')
    .description('download every object of a run, check checksums, manifest and chunk tags, decrypt and integrity-check each database in a temporary directory')
    .option('--json', 'print the report as JSON')
    .action(async (runId: string, options: { json?: boolean }) =>
      withRuntime(async (runtime) => {
        const { verifyRun } = await import('../backup/verify.js');
        const bar = progress('verifying');
        const report = await verifyRun(runtime, runId, (done, total) => bar.update(done, total))
          .catch(operatorError)
          .finally(() => bar.end());
        if (options.json) print(report);
        else {
          for (const o of report.objects) print(`${o.name}: ${o.status}${o.reason ? ` (${o.reason})` : ''}`);
          print(`keyring copy: ${report.keyring.status}${report.keyring.reason ? ` (${report.keyring.reason})` : ''}`);
        }
        const failed = report.objects.find((o) => o.status === 'failed');
        if (failed) throw new CliError(`run ${runId} does not verify: ${failed.reason}`);
        if (!report.ok) throw new CliError(`run ${runId} does not verify: keyring copy ${report.keyring.status}${report.keyring.reason ? ` (${report.keyring.reason})` : ''}`);
        if (!options.json) print(`run ${runId} verifies: ${report.objects.filter((o) => o.status === 'ok').length} database(s) intact`);
      }),
    );

  backup
    .command('restore [runId]')
    .description('put a workspace back as a backup run holds it: in place (suspended meanwhile, its sessions ended), or --as a new workspace beside it')
    .option('--tenant <tenantId>', 'the workspace')
    .option('--all', 'every workspace the run holds, in place, in one process (a lost host, after restore-platform); --confirm repeats the run id')
    .requiredOption('--confirm <id>', 'the --tenant id again (in place, its current data is replaced), or with --all the run id')
    .option('--at <time>', 'instead of a run id: the latest run at or before this time (ISO 8601)')
    .option('--as <newTenantId>', "restore as a new workspace with this free id ('new' makes one); the original does not change")
    .option('--name <name>', 'with --as: the new workspace\'s name (default: the original\'s, "restored from <date>")')
    .option('--admin <email>', 'with --as: invite this person as the new workspace\'s first admin')
    .option('--json', 'print the outcome as JSON')
    .action(
      async (
        runId: string | undefined,
        options: { tenant?: string; all?: boolean; confirm: string; at?: string; as?: string; name?: string; admin?: string; json?: boolean },
      ) =>
        withRuntime(async (runtime) => {
          if (options.all) {
            if (options.tenant || options.as || options.at || !runId) throw new CliError('--all takes a run id, and neither --tenant, --as nor --at');
            if (options.confirm !== runId) throw new CliError('--confirm must repeat the run id exactly');
            const { restoreAll } = await import('../backup/restore.js');
            process.stderr.write(`spinney: restoring every workspace of run ${runId} in place: each is suspended meanwhile, its current data replaced and every session ended\n`);
            const bar = progress('restoring');
            const summary = await restoreAll(runtime, { runId, onProgress: (done, total) => bar.update(done, total) })
              .catch(operatorError)
              .finally(() => bar.end());
            if (options.json) print(summary);
            else print(`restored ${summary.restored.length} workspace(s) from run ${runId} in ${summary.seconds} s; ${summary.skipped.length} skipped, ${summary.failed.length} failed`);
            for (const s of summary.skipped) process.stderr.write(`spinney: ${s.tenantId} skipped: ${s.reason}\n`);
            for (const f of summary.failed) process.stderr.write(`spinney: ${f.tenantId}: ${f.reason}\n`);
            if (summary.failed.length > 0) throw new CliError(`${summary.failed.length} workspace(s) could not be restored; the others were`);
            return;
          }
          if (!options.tenant) throw new CliError('name the workspace with --tenant ID, or give --all');
          if (options.confirm !== options.tenant) throw new CliError('--confirm must repeat the --tenant id exactly');
          const from = runId ? `run ${runId}` : `the latest run at or before ${options.at}`;
          const selection = { tenantId: options.tenant, ...(runId ? { runId } : {}), ...(options.at ? { at: options.at } : {}) };
          if (options.as) {
            process.stderr.write(`spinney: restoring ${options.tenant} from ${from} as a new workspace (${options.as}); ${options.tenant} itself does not change\n`);
            const { restoreTenantAs } = await import('../backup/restore-as.js');
            const summary = await restoreTenantAs(runtime, {
              ...selection,
              as: options.as,
              ...(options.name ? { name: options.name } : {}),
              ...(options.admin ? { adminEmail: options.admin } : {}),
            }).catch(operatorError);
            if (options.json) print(summary);
            else {
              const left = Object.entries(summary.leftBehind).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
              print(`restored ${summary.tenantId} from run ${summary.runId} (taken ${summary.backupStartedAt}) as ${summary.newTenantId} "${summary.name}" in ${summary.seconds} s`);
              print(`re-sealed ${summary.resealed.values} value(s) and ${summary.resealed.dataKeys} data key(s) for the new id; left behind: ${left.length ? left.join(', ') : 'nothing'}`);
              print(summary.invitation ? `invited ${summary.invitation.email} as admin (${summary.invitation.id})` : `no members yet: spinney member invite --tenant ${summary.newTenantId} --email EMAIL --role admin`);
            }
            return;
          }
          process.stderr.write(`spinney: restoring ${options.tenant} in place from ${from}: the workspace is suspended meanwhile, its current data replaced and every session ended\n`);
          const { restoreTenant } = await import('../backup/restore.js');
          const summary = await restoreTenant(runtime, selection).catch(operatorError);
          if (options.json) print(summary);
          else print(`restored ${summary.tenantId} from run ${summary.runId} (taken ${summary.backupStartedAt}) in ${summary.seconds} s; ${summary.sessionsEnded} session(s) ended`);
          if (summary.damagedFileKeptAt) process.stderr.write(`spinney: the damaged database was kept at ${summary.damagedFileKeptAt}; restart running servers so none keeps it open\n`);
        }),
    );

  backup
    .command('prune')
    .description('delete runs past retention: all of the last 48 h, one a day for 30 days; never the newest, nor the newest of any workspace')
    .option('--dry-run', 'only list the runs that would be deleted and their size; delete nothing')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) =>
      withRuntime(async (runtime) => {
        const { pruneBackups } = await import('../backup/prune.js');
        const summary = await pruneBackups(runtime, { actor: 'operator', dryRun: options.dryRun === true }).catch(operatorError);
        if (options.json) print(summary);
        else if (summary.dryRun) {
          for (const runId of summary.deleted) print(`would delete ${runId}  ${human(summary.bytesByRun[runId] ?? 0)}`);
          print(`dry run: would delete ${summary.deleted.length} of ${summary.runs} run(s), ${human(summary.bytesFreed)}; nothing deleted`);
        } else print(`deleted ${summary.deleted.length} of ${summary.runs} run(s), ${human(summary.bytesFreed)} freed`);
        if (summary.unauthenticated.length > 0) process.stderr.write(`spinney: kept ${summary.unauthenticated.length} run(s) whose manifest does not authenticate: ${summary.unauthenticated.join(', ')}\n`);
      }),
    );

  backup
    .command('restore-platform <runId>')
    .description('recover a lost host, step 1: write control.db (as the run holds it) and keyring.db (the target\'s keyring copy) into an empty data dir')
    .requiredOption('--confirm <runId>', 'the same run id again')
    .option('--json', 'print the outcome as JSON')
    .action(async (runId: string, options: { confirm: string; json?: boolean }) => {
      if (options.confirm !== runId) throw new CliError('--confirm must repeat the run id exactly');
      // The keyring copy opens only with the keys the backups were made with: never generate new ones into the empty data dir.
      const { config } = withConfig({ generateDevKeys: false });
      const { restorePlatform } = await import('../backup/restore-platform.js');
      const summary = await restorePlatform(config, systemClock, runId).catch(operatorError);
      if (options.json) print(summary);
      else {
        print(`restored control.db from run ${runId} (taken ${summary.backupStartedAt}) and keyring.db; next, restore every workspace:`);
        print(`  spinney backup restore ${runId} --all --confirm ${runId}`);
        print('or one at a time:');
        for (const id of summary.tenants) print(`  spinney backup restore ${runId} --tenant ${id} --confirm ${id}`);
      }
    });
}
