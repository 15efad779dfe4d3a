// `spinney tenant export --tenant ID --out FILE`: the same archive as POST /api/v1/export, written
// to a file by an operator, audited in the workspace's log (actor `operator`) and the platform log.
import { open, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { PreparedExport } from '../export/export.service.js';
import { CliError, print, progress, withRuntime } from './support.js';

/** Redraw the progress line every this many rows (and at the last one). */
const PROGRESS_EVERY = 500;

export function registerTenantExport(tenant: Command): void {
  tenant
    .command('export')
    .description('write the complete workspace to a .tar.gz archive (format: docs/export-format.md)')
    .requiredOption('--tenant <tenant>', 'the workspace (id or slug)')
    .requiredOption('--out <file>', 'the archive to write; must not exist yet')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { tenant: string; out: string; json?: boolean }) =>
      withRuntime(async (runtime) => {
        const [{ recordPlatformEvent }, { getTenant }, { exportSummary, prepareExport }] = await Promise.all([
          import('../audit/audit.service.js'),
          import('../tenants/tenants.service.js'),
          import('../export/export.service.js'),
        ]);
        const tenantId = getTenant(runtime, options.tenant).id;
        const path = resolve(options.out);
        // Created before any work, owner-only, never over an existing file.
        const file = await open(path, 'wx', 0o600).catch((err: NodeJS.ErrnoException) => {
          throw new CliError(err.code === 'EEXIST' ? `${path} exists; choose another --out` : `cannot write ${path}: ${err.code ?? err.message}`);
        });
        const bar = progress('exporting rows');
        let prepared: PreparedExport | undefined;
        try {
          prepared = await runtime.tenancy
            .run(tenantId, { actor: null, requestId: null }, () =>
              prepareExport(runtime, {
                by: 'operator',
                onProgress: (done, total) => {
                  if (done % PROGRESS_EVERY === 0 || done === total) bar.update(done, total);
                },
              }),
            )
            .finally(() => bar.end());
          const summary = exportSummary(prepared.manifest);
          recordPlatformEvent(runtime, 'workspace.exported', tenantId, { after: { tables: prepared.manifest.tables, rows: summary.rows, bytes: summary.bytes } }, 'operator');
          await pipeline(prepared.archive(), file.createWriteStream());
          const { size: bytes } = await stat(path);
          const result = { tenantId, file: path, tables: summary.tables, rows: summary.rows, bytes };
          print(options.json ? result : `exported ${tenantId} to ${path}: ${result.tables} tables, ${result.rows} rows, ${bytes} bytes`);
        } catch (err) {
          await prepared?.discard();
          await file.close().catch(() => undefined);
          await rm(path, { force: true });
          throw err;
        }
      }),
    );
}
