// `spinney backup restore-platform RUN --confirm RUN`: the first step of recovering a lost host.
// Into a data dir that has neither control.db nor keyring.db (refused otherwise: this never
// replaces a live control plane), it writes control.db as the run holds it and keyring.db from the
// target's keyring copy (today's keys, which open every run of every workspace not purged), each
// checked like any restored database. The workspaces follow one by one with `spinney backup
// restore RUN --tenant ID`, which creates each missing database file.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { recordPlatformEvent } from '../audit/audit.service.js';
import type { Config } from '../config/config.js';
import { listTenants } from '../tenants/tenants.service.js';
import { openRuntime } from '../runtime.js';
import type { Clock } from '../time/clock.js';
import { readManifest } from './catalog.js';
import { migrateCopy } from './database-files.js';
import { BackupRefused } from './errors.js';
import { fetchKeyringCopy } from './keyring-copies.js';
import type { Manifest } from './manifest.js';
import { makeWorkDir } from './layout.js';
import { fetchDatabase } from './stored-databases.js';
import { openTarget } from './targets/open-target.js';

export interface PlatformRestoreSummary {
  runId: string;
  backupStartedAt: string;
  /** The workspaces the restored control.db lists with a backup in this run (restore each next). */
  tenants: string[];
}

export async function restorePlatform(config: Config, clock: Clock, runId: string): Promise<PlatformRestoreSummary> {
  const controlPath = join(config.dataDir, 'control.db');
  const keyringPath = join(config.dataDir, 'keyring.db');
  if (existsSync(controlPath) || existsSync(keyringPath)) {
    throw new BackupRefused(`${config.dataDir} already has control.db or keyring.db: the platform is restored only into an empty data dir (move them away first)`);
  }
  const target = await openTarget(config.backup);
  const workDir = makeWorkDir(config.dataDir, 'restore-platform');
  let manifest: Manifest;
  try {
    manifest = await readManifest(config, target, runId, workDir);
    const object = manifest.objects.find((o) => o.kind === 'control');
    if (!object) throw new BackupRefused(`run ${runId} holds no control.db`);
    const control = join(workDir, 'control.db');
    await fetchDatabase(config, target, object, null, `${control}.gz.enc`, control);
    migrateCopy(control, 'control');
    const keyring = join(workDir, 'keyring.db');
    if (!(await fetchKeyringCopy(config, target, keyring))) throw new BackupRefused(`${target.description} holds no keyring copy: no workspace backup could be opened`);
    // Same file system (tmp/ is inside the data dir): each file appears whole or not at all.
    await rename(keyring, keyringPath);
    await rename(control, controlPath);
  } finally {
    target.close();
    await rm(workDir, { recursive: true, force: true });
  }
  const runtime = openRuntime(config, { clock });
  try {
    const listed = new Set(listTenants(runtime).map((t) => t.id));
    const tenants = manifest.objects.filter((o) => o.tenantId && listed.has(o.tenantId)).map((o) => o.tenantId as string);
    recordPlatformEvent(runtime, 'backup.platform_restored', null, { after: { runId, backupStartedAt: manifest.startedAt, tenants: tenants.length } }, 'operator');
    return { runId, backupStartedAt: manifest.startedAt, tenants };
  } finally {
    runtime.close();
  }
}
