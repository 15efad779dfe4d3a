// Backup and restore: how long they take and how big the objects are, for (1) one workspace with
// many contacts (default 50,000) and (2) many small workspaces (default 1,000), each beside the raw
// copy of the same files with `cp -r` (the baseline an operator would otherwise script), and (3) the
// whole host lost: `spinney backup restore-platform` into an empty data dir, then `spinney backup
// restore RUN --all`, the command restore-platform prints first — the real
// executable (bin/spinney.js, the build), so process start-up and the restore's wait for servers
// to see the suspension (1.5 s, DEFAULT_SETTLE_MS) are in the number: that total is the RTO of a
// lost host. (1) and (2) run in this process; everything is on a temporary data dir (local
// target), removed at the end.
//
//   npm run bench:backup [-- --contacts 50000 --tenants 1000]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type * as BackupRunModule from '../src/backup/backup-run.js';
import type * as RestoreModule from '../src/backup/restore.js';
import type * as VerifyModule from '../src/backup/verify.js';
import type * as ContextModule from '../src/tenancy/context.js';
import type * as IdsModule from '../src/http/ids.js';
import { loadSpinney } from './lib/spinney.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: {
    contacts: { type: 'string', default: '50000' },
    tenants: { type: 'string', default: '1000' },
  },
});
const contactCount = Number(args.contacts);
const tenantCount = Number(args.tenants);

const spinney = await loadSpinney();
const ext = spinney.source === 'src' ? 'ts' : 'js';
const load = <T>(path: string): Promise<T> => import(new URL(`../${spinney.source}/${path}.${ext}`, import.meta.url).href) as Promise<T>;
const { runBackup } = await load<typeof BackupRunModule>('backup/backup-run');
const { restoreTenant, DEFAULT_SETTLE_MS } = await load<typeof RestoreModule>('backup/restore');
const { verifyRun } = await load<typeof VerifyModule>('backup/verify');
const { tenantDb } = await load<typeof ContextModule>('tenancy/context');
const { newId } = await load<typeof IdsModule>('http/ids');

const { dir, cleanup } = benchWorkdir('backup', false);
const seconds = (since: number): number => Math.round((performance.now() - since) / 10) / 100;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const du = (path: string): number => Number(execFileSync('du', ['-sb', path]).toString().split('\t')[0]);

const SPINNEY_BIN = fileURLToPath(new URL('../bin/spinney.js', import.meta.url));
/** This process's environment without SPINNEY_* settings (the commands get their own). */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SPINNEY_')));

function timedCopy(from: string, to: string): number {
  const started = performance.now();
  execFileSync('cp', ['-r', from, to]);
  return seconds(started);
}

try {
  const dataDir = join(dir, 'data');
  const keys = {
    SPINNEY_TOKEN_SIGNING_KEY: randomBytes(32).toString('hex'),
    SPINNEY_APP_SECRETS_KEY: randomBytes(32).toString('hex'),
    SPINNEY_SENSITIVE_FIELDS_KEY: randomBytes(32).toString('hex'),
  };
  const config = spinney.loadConfig({ SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, SPINNEY_LOG_LEVEL: 'silent', ...keys }).config;
  const runtime = spinney.openRuntime(config);
  try {
    // (1) One large workspace: contacts with realistic field sizes, written in one transaction.
    const big = spinney.createTenant(runtime, { name: 'Large workspace' });
    runtime.tenancy.run(big.id, { actor: null, requestId: null }, () => {
      const db = tenantDb();
      const insert = db.statement(`INSERT INTO contacts (id, name, email, phone, company, notes, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'us_bench', ?, 'us_bench')`);
      db.transaction(() => {
        for (let i = 0; i < contactCount; i += 1) {
          const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
          insert.run(newId('contact'), `Contact ${i} ${randomBytes(4).toString('hex')}`, `person${i}@example.com`, `+1 555 ${String(i).padStart(7, '0')}`, `Company ${i % 500}`, `Called on ${at}; wants a quote for ${randomBytes(24).toString('base64')}`, at, at);
        }
      });
      db.statement('PRAGMA wal_checkpoint(TRUNCATE)').run();
    });
    const bigFile = join(dataDir, 'tenants', big.id, 'tenant.db');
    const bigBytes = statSync(bigFile).size;
    let started = performance.now();
    const bigRun = await runBackup(runtime, { actor: 'operator', tenantId: big.id });
    const bigBackupSeconds = seconds(started);
    const bigObject = du(join(config.backup.dir, 'runs', bigRun.runId, 'tenants'));
    started = performance.now();
    const verified = await verifyRun(runtime, bigRun.runId);
    const bigVerifySeconds = seconds(started);
    if (!verified.ok) throw new Error('the large run does not verify');
    started = performance.now();
    await restoreTenant(runtime, { tenantId: big.id, runId: bigRun.runId, settleMs: 0 });
    const bigRestoreSeconds = seconds(started);
    const bigCopySeconds = timedCopy(join(dataDir, 'tenants', big.id), join(dir, 'cp-large'));
    console.log(`large workspace: ${contactCount} contacts, database ${mib(bigBytes)}`);
    console.log(`  backup ${bigBackupSeconds} s (object ${mib(bigObject)}, ${(bigObject / bigBytes).toFixed(2)} of the file), verify ${bigVerifySeconds} s, restore ${bigRestoreSeconds} s; cp -r ${bigCopySeconds} s`);

    // (2) Many small workspaces, one contact each.
    started = performance.now();
    const small: string[] = [];
    for (let i = 0; i < tenantCount; i += 1) {
      const tenant = spinney.createTenant(runtime, { name: `Small ${i}` });
      runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => spinney.createContact({ name: `Only contact ${i}` }));
      small.push(tenant.id);
    }
    const setupSeconds = seconds(started);
    const tenantsBytes = du(join(dataDir, 'tenants'));
    started = performance.now();
    const allRun = await runBackup(runtime, { actor: 'operator' });
    const allBackupSeconds = seconds(started);
    started = performance.now();
    for (const id of small) await restoreTenant(runtime, { tenantId: id, runId: allRun.runId, settleMs: 0 });
    const smallRestoreSeconds = seconds(started);
    const allCopySeconds = timedCopy(join(dataDir, 'tenants'), join(dir, 'cp-all'));
    console.log(`${tenantCount} small workspaces (+ the large one; setup ${setupSeconds} s): tenants/ ${mib(tenantsBytes)}`);
    console.log(`  backup --all ${allBackupSeconds} s (${allRun.objects} objects, ${mib(allRun.bytes)}); cp -r of tenants/ ${allCopySeconds} s (ratio ${(allBackupSeconds / allCopySeconds).toFixed(1)}x)`);
    console.log(`  restore of the ${tenantCount} small ones, one by one in this process, without the wait for servers (settleMs 0): ${smallRestoreSeconds} s (${(smallRestoreSeconds / tenantCount * 1000).toFixed(1)} ms each)`);

    // (3) The host lost: a new, empty data dir with the same root keys and the same target.
    const hostEnv = { ...cleanEnv(), SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: join(dir, 'new-host'), SPINNEY_BACKUP_DIR: config.backup.dir, SPINNEY_LOG_LEVEL: 'silent', ...keys };
    const cli = (cliArgs: string[]): string => execFileSync(process.execPath, [SPINNEY_BIN, ...cliArgs], { env: hostEnv, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    started = performance.now();
    const platform = JSON.parse(cli(['backup', 'restore-platform', allRun.runId, '--confirm', allRun.runId, '--json'])) as { tenants: string[] };
    const platformSeconds = seconds(started);
    // One command for every workspace (restore --all): one process, the settle wait paid once.
    const hostStarted = performance.now();
    const all = JSON.parse(cli(['backup', 'restore', allRun.runId, '--all', '--confirm', allRun.runId, '--json'])) as { restored: unknown[]; failed: unknown[] };
    const hostRestoreSeconds = seconds(hostStarted);
    console.log(`whole host lost, through the spinney executable: restore-platform ${platformSeconds} s, then restore --all of ${all.restored.length} workspaces (${all.failed.length} failed): ${hostRestoreSeconds} s (${((hostRestoreSeconds / all.restored.length) * 1000).toFixed(1)} ms each, one ${DEFAULT_SETTLE_MS} ms wait for servers included)`);
    console.log(
      JSON.stringify({
        large: { contacts: contactCount, databaseBytes: bigBytes, objectBytes: bigObject, backupSeconds: bigBackupSeconds, verifySeconds: bigVerifySeconds, restoreSeconds: bigRestoreSeconds, cpSeconds: bigCopySeconds },
        many: { tenants: tenantCount, tenantsBytes, backupSeconds: allBackupSeconds, storedBytes: allRun.bytes, restoreSeconds: smallRestoreSeconds, cpSeconds: allCopySeconds, ratioToCp: allBackupSeconds / allCopySeconds },
        wholeHost: { workspaces: all.restored.length, of: platform.tenants.length, platformSeconds, restoreSeconds: hostRestoreSeconds, settleMs: DEFAULT_SETTLE_MS },
      }),
    );
  } finally {
    runtime.close();
  }
} finally {
  cleanup();
}
