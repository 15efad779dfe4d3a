// `spinney backup run` and the `backup` job: one run copies control.db and each workspace's
// database with SQLite's online backup API (consistent, while the server goes on writing), checks
// each copy, compresses and encrypts it into an object (and a workspace's files into a second one),
// stores the object and waits until the target confirms its size and checksum, rewrites the
// target's keyring copy, and writes the authenticated manifest last. Only a run with a manifest
// counts as done.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordPlatformEvent } from '../audit/audit.service.js';
import { getTenant, listTenants } from '../tenants/tenants.service.js';
import { spinneyVersion } from '../config/version.js';
import type { Runtime } from '../runtime.js';
import { tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { currentRootDerivedKey, TENANT_KEY_VERSION } from './backup-keys.js';
import { checkDatabase, fileIdsOf, shippedSchemaVersion, snapshotDatabase } from './database-files.js';
import { storeFiles } from './file-objects.js';
import { filesDir } from '../files/file-blobs.js';
import { writeKeyringCopy } from './keyring-copies.js';
import { controlObjectName, KEYRING_OBJECT, makeWorkDir, manifestName, newRunId, sweepStaleWorkDirs, tenantFilesObjectName, tenantObjectName } from './layout.js';
import { MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION, signManifest, type Manifest, type ManifestObject } from './manifest.js';
import { digestFile, sealFile } from './object-files.js';
import { openTarget } from './targets/open-target.js';
import type { BackupTarget } from './targets/target.js';

export interface BackupRunOptions {
  /** One workspace; all that are not deleted when absent. */
  tenantId?: string;
  /** Who started it, for the platform audit log: a person at the CLI or the schedule. */
  actor: 'operator' | 'system';
  onProgress?: (done: number, total: number) => void;
}

export interface BackupRunSummary {
  runId: string;
  target: string;
  startedAt: string;
  completedAt: string;
  tenants: number;
  objects: number;
  /** Bytes stored (compressed and encrypted), manifest included. */
  bytes: number;
  seconds: number;
  failed: { tenantId: string; reason: string }[];
  /** Work dirs (decrypted copies) that a process which died mid-operation had left in <data dir>/tmp/, removed before this run. */
  staleWorkDirsRemoved: number;
}

interface Copied {
  plane: 'control' | 'tenant';
  name: string;
  tenantId: string | null;
  livePath: string;
  key: Buffer;
  keyVersion: number;
  /** A workspace: its files object's name and the live files directory. */
  files?: { name: string; dir: string };
}

/** Copies, checks, seals and stores one database; returns its manifest entry. */
async function storeDatabase(target: BackupTarget, workDir: string, item: Copied): Promise<ManifestObject> {
  const copy = join(workDir, `${item.tenantId ?? 'control'}.db`);
  const sealed = `${copy}.gz.enc`;
  try {
    await snapshotDatabase(item.livePath, copy);
    const check = checkDatabase(copy);
    if (check.integrity !== 'ok') throw new Error(`the copy fails PRAGMA integrity_check: ${check.integrity}`);
    const digest = await sealFile(copy, sealed, item.key, item.keyVersion, { objectId: item.name, tenantId: item.tenantId ?? '' });
    await target.put(item.name, sealed, digest);
    // The blobs of the files this copy names (blobs never change once written, so taking them after the copy is consistent).
    const files = item.files && item.tenantId
      ? await storeFiles(target, workDir, { name: item.files.name, tenantId: item.tenantId, dir: item.files.dir, fileIds: fileIdsOf(copy), key: item.key, keyVersion: item.keyVersion })
      : null;
    return { name: item.name, kind: item.plane, tenantId: item.tenantId, size: digest.size, sha256: digest.sha256, keyVersion: item.keyVersion, schemaVersion: check.schemaVersion, files };
  } finally {
    await rm(copy, { force: true });
    await rm(sealed, { force: true });
  }
}

export async function runBackup(runtime: Runtime, options: BackupRunOptions): Promise<BackupRunSummary> {
  const { config, clock } = runtime;
  const started = performance.now();
  const startedAt = isoAt(clock.now());
  const runId = newRunId(clock.now());
  const tenantIds = options.tenantId ? [getTenant(runtime, options.tenantId).id] : listTenants(runtime).map((t) => t.id);
  // Each run also clears what a killed backup, verify or restore left behind (layout.ts).
  const swept = sweepStaleWorkDirs(config.dataDir);
  const target = await openTarget(config.backup);
  const workDir = makeWorkDir(config.dataDir, `backup-${runId}`);
  const total = tenantIds.length + 3; // control.db, the workspaces, the keyring copy, the manifest
  let done = 0;
  const step = (): void => options.onProgress?.(++done, total);
  const objects: ManifestObject[] = [];
  const failed: BackupRunSummary['failed'] = [];
  try {
    options.onProgress?.(0, total);
    const control = currentRootDerivedKey(config, 'control');
    objects.push(await storeDatabase(target, workDir, { plane: 'control', name: controlObjectName(runId), tenantId: null, livePath: runtime.control.db.name, key: control.key, keyVersion: control.version }));
    step();

    for (const tenantId of tenantIds) {
      try {
        // Opening it through the tenancy brings the file up to this build's schema first.
        const livePath = runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().path);
        const key = runtime.keyring.backupKey(tenantId);
        objects.push(await storeDatabase(target, workDir, {
          plane: 'tenant', name: tenantObjectName(runId, tenantId), tenantId, livePath, key, keyVersion: TENANT_KEY_VERSION,
          files: { name: tenantFilesObjectName(runId, tenantId), dir: filesDir(config.dataDir, tenantId) },
        }));
      } catch (err) {
        failed.push({ tenantId, reason: (err as Error).message.split('\n')[0] as string });
      }
      step();
    }

    await writeKeyringCopy(config, target, workDir);
    step();

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_FORMAT_VERSION,
      runId,
      startedAt,
      completedAt: isoAt(clock.now()),
      spinneyVersion: spinneyVersion(),
      shippedSchemaVersions: { control: shippedSchemaVersion('control'), tenant: shippedSchemaVersion('tenant') },
      objects,
      keyring: { name: KEYRING_OBJECT },
      failed,
    };
    const manifestFile = join(workDir, 'manifest.json');
    await writeFile(manifestFile, signManifest(config, manifest), { mode: 0o600 });
    const manifestDigest = await digestFile(manifestFile);
    await target.put(manifestName(runId), manifestFile, manifestDigest);
    step();

    const summary: BackupRunSummary = {
      runId,
      target: target.description,
      startedAt,
      completedAt: manifest.completedAt,
      tenants: objects.filter((o) => o.kind === 'tenant').length,
      objects: objects.length + objects.filter((o) => o.files).length + 2,
      bytes: objects.reduce((n, o) => n + o.size + (o.files?.size ?? 0), 0) + manifestDigest.size,
      seconds: Math.round((performance.now() - started) / 10) / 100,
      failed,
      staleWorkDirsRemoved: swept.removed.length,
    };
    recordPlatformEvent(runtime, 'backup.completed', options.tenantId ?? null, {
      after: { runId, target: summary.target, tenants: summary.tenants, objects: summary.objects, bytes: summary.bytes, failed: failed.map((f) => f.tenantId) },
    }, options.actor);
    return summary;
  } catch (err) {
    recordPlatformEvent(runtime, 'backup.failed', options.tenantId ?? null, { after: { runId, reason: (err as Error).message.split('\n')[0] } }, options.actor);
    throw err;
  } finally {
    target.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
