// `spinney backup restore RUN --tenant ID --confirm ID`: puts one workspace back as a run holds it.
//
// Everything that can refuse is checked before anything changes: the manifest authenticates, the
// run holds the workspace, the workspace exists and is not deleted, its backup key exists (not
// crypto-shredded), the object matches its checksum, every chunk authenticates, the database
// passes PRAGMA integrity_check and its schema is not newer than this build. Then the copy is
// brought up to this build's schema and the workspace is suspended while the content changes.
//
// The content is written into the live file through SQLite's backup API (one write transaction),
// not by swapping files: a server in another process keeps its open handle, and that handle sees
// the restored content at once, never a half-written file nor a replaced one. The file as it was
// is first copied aside (in <data dir>/tmp/) and written back if anything fails; it is removed
// once the restore succeeded. The workspace's files (the run's files object, unpacked and checked
// beforehand) replace the live files directory, which is moved aside and moved back the same way.
// A database file that is missing is created; a damaged one (fails its integrity check, so SQLite
// cannot write into it) is moved aside and kept for inspection, and servers should be restarted
// (their handles may still point at it).
//
// Afterwards: every session of the workspace is ended (a backup brings back sessions that were
// revoked since), the restore is recorded in the workspace's audit log and the platform log
// (`backup.restored`, with the audit heads before and after), and the restored log's head is
// anchored, because restoring an older state shortens the log on purpose.
//
// `--as NEW_ID` (or `--as new`) restores a copy beside the original instead: a new workspace with
// that id gets the run's content, nothing of the original changes. See restore-as.ts for what the
// copy keeps, what it leaves behind and how its sealed values are moved to the new id.
import { mkdir, rename, rm } from 'node:fs/promises';
import { filesDir } from '../files/file-blobs.js';
import { fetchFiles } from './file-objects.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { recordOperatorTenantEvent, recordPlatformEvent } from '../audit/audit.service.js';
import { lastAuditRow } from '../audit/audit.repo.js';
import { findTenant, type TenantRow } from '../tenants/tenants.repo.js';
import { setTenantStatus } from '../tenants/tenants.service.js';
import type { Runtime } from '../runtime.js';
import { tenantDb } from '../tenancy/context.js';
import { isTenantId } from '../tenancy/tenant-id.js';
import { listRuns, readManifest, runAtOrBefore } from './catalog.js';
import type { Manifest } from './manifest.js';
import { carryOverDataKeys, checkDatabase, copyInto, migrateCopy, snapshotDatabase } from './database-files.js';
import { BackupRefused } from './errors.js';
import { damagedCopyDir, makeWorkDir } from './layout.js';
import { assertSchemaKnown, BackupKeySource, fetchDatabase, type KeySourceRuntime } from './stored-databases.js';
import { openTarget } from './targets/open-target.js';
import type { BackupTarget } from './targets/target.js';

/** How long a suspension needs to reach every server process (their status caches hold a second) and requests in flight to end. */
export const DEFAULT_SETTLE_MS = 1500;

export interface RestoreOptions {
  tenantId: string;
  /** A run id, or `at`: the latest run holding the workspace made at or before that time. */
  runId?: string;
  at?: string;
  settleMs?: number;
}

export interface RestoreSummary {
  tenantId: string;
  runId: string;
  /** When the restored copy was taken (the run's start). */
  backupStartedAt: string;
  schemaVersion: number;
  sessionsEnded: number;
  /** Where a damaged live file was moved (kept for inspection), or null. */
  damagedFileKeptAt: string | null;
  seconds: number;
}

type ControlRow = TenantRow & { purged_at: string | null; purge_after: string | null };

const SCOPE = { actor: null, requestId: null };

export interface Restorable {
  runId: string;
  manifest: Manifest;
  row: ControlRow;
  check: { schemaVersion: number };
  /** The decrypted, checked copy, brought up to this build's schema, in the work dir. */
  restored: string;
  /** The run's file blobs of the workspace, unpacked and checked in the work dir (an empty directory when it had none). */
  files: string;
}

/**
 * Everything that can refuse, before anything changes: the run and its manifest, the workspace in
 * it and in control.db (not deleted), its backup key (not crypto-shredded), the object's
 * checksum and chunks, integrity and schema. Leaves the decrypted copy in the work dir.
 */
export async function fetchRestorable(
  runtime: Pick<Runtime, 'config' | 'control'>,
  options: Pick<RestoreOptions, 'tenantId' | 'runId' | 'at'>,
  io: { target: BackupTarget; keys: BackupKeySource; workDir: string },
): Promise<Restorable> {
  const { tenantId } = options;
  if (!isTenantId(tenantId)) throw new BackupRefused(`${tenantId} is not a workspace id`);
  if (Boolean(options.runId) === Boolean(options.at)) throw new BackupRefused('name a run, or --at TIME (not both)');
  const runId = options.runId ?? runAtOrBefore(await listRuns(runtime.config, io.target, io.workDir), tenantId, options.at as string);
  const manifest = await readManifest(runtime.config, io.target, runId, io.workDir);
  const object = manifest.objects.find((o) => o.kind === 'tenant' && o.tenantId === tenantId);
  if (!object) throw new BackupRefused(`run ${runId} holds no backup of ${tenantId}`);
  const row = findTenant(runtime.control, tenantId) as ControlRow | undefined;
  if (!row?.purged_at) {
    if (!row) throw new BackupRefused(`control.db has no workspace ${tenantId}`);
    if (row.status === 'deleted') throw new BackupRefused(`workspace ${tenantId} is deleted (purged after ${row.purge_after}); a deleted workspace is not restored`);
  }
  assertSchemaKnown(object, object.schemaVersion);
  const key = await io.keys.tenantKey(tenantId);
  const restored = join(io.workDir, 'restored.db');
  const check = await fetchDatabase(runtime.config, io.target, object, key, `${restored}.gz.enc`, restored);
  migrateCopy(restored, 'tenant');
  const files = join(io.workDir, 'files');
  if (object.files) await fetchFiles(io.target, object.files, { tenantId }, key, join(io.workDir, 'files.tar.enc'), files);
  else await mkdir(files, { mode: 0o700 });
  return { runId, manifest, row, check, restored, files };
}

/** What one restore reads from and writes in: a target, its key source and a work dir of its own. */
export interface RestoreIo {
  target: BackupTarget;
  keys: BackupKeySource;
  workDir: string;
}

/** Opens the target, a work dir labelled `label` and a key source for fn, and closes and removes them after. */
export async function withRestoreIo<T>(runtime: KeySourceRuntime, label: string, fn: (io: RestoreIo) => Promise<T>): Promise<T> {
  const target = await openTarget(runtime.config.backup);
  const workDir = makeWorkDir(runtime.config.dataDir, label);
  const keys = new BackupKeySource(runtime, target, workDir);
  try {
    return await fn({ target, keys, workDir });
  } finally {
    await keys.close();
    target.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

export function restoreTenant(runtime: Runtime, options: RestoreOptions): Promise<RestoreSummary> {
  return withRestoreIo(runtime, 'restore', (io) => restoreInPlace(runtime, options, io));
}

async function restoreInPlace(runtime: Runtime, options: RestoreOptions, io: RestoreIo): Promise<RestoreSummary> {
  const started = performance.now();
  const { tenantId } = options;
  const { workDir } = io;
  const { runId, manifest, row, check, restored, files } = await fetchRestorable(runtime, options, io);
  const wasActive = row.status === 'active';
  if (wasActive) {
    setTenantStatus(runtime, tenantId, 'suspended');
    await sleep(options.settleMs ?? DEFAULT_SETTLE_MS);
  }
  try {
    const outcome = await replaceContent(runtime, tenantId, restored, files, workDir);
    let head: { sessionsEnded: number; auditHead: { seq: number; hash: string } | null };
    try {
      head = runtime.tenancy.run(tenantId, SCOPE, () => {
        const sessionsEnded = runtime.sessions.endEveryone('revoked');
        recordOperatorTenantEvent('backup.restored', { type: 'tenant', id: tenantId }, { after: { runId, backupStartedAt: manifest.startedAt, sessionsEnded } });
        return { sessionsEnded, auditHead: lastAuditRow(tenantDb()) ?? null };
      });
    } catch (err) {
      await outcome.undo();
      throw err;
    }
    runtime.control.transaction(() => {
      recordPlatformEvent(runtime, 'backup.restored', tenantId, {
        before: { auditHead: outcome.previousHead },
        after: { runId, backupStartedAt: manifest.startedAt, auditHead: head.auditHead, sessionsEnded: head.sessionsEnded, damagedFileKept: outcome.damagedFileKeptAt !== null },
      }, 'operator');
      // The restored log is shorter than the one anchored before: anchor its head, so
      // `spinney audit verify` checks it from here on (the event above says why it changed).
      if (head.auditHead) recordPlatformEvent(runtime, 'audit.anchored', tenantId, { after: { seq: head.auditHead.seq, hash: head.auditHead.hash } }, 'operator');
    });
    return {
      tenantId,
      runId,
      backupStartedAt: manifest.startedAt,
      schemaVersion: check.schemaVersion,
      sessionsEnded: head.sessionsEnded,
      damagedFileKeptAt: outcome.damagedFileKeptAt,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } finally {
    // Resumed as it was, unless someone changed its status meanwhile.
    if (wasActive && findTenant(runtime.control, tenantId)?.status === 'suspended') setTenantStatus(runtime, tenantId, 'active');
  }
}

export interface RestoreAllSummary {
  runId: string;
  restored: RestoreSummary[];
  /** Workspaces in the run that were not restored, and why (deleted, purged, no longer in control.db). */
  skipped: { tenantId: string; reason: string }[];
  failed: { tenantId: string; reason: string }[];
  seconds: number;
}

/**
 * `spinney backup restore RUN --all`: every workspace the run holds, in place, in one process —
 * the second step of recovering a lost host after restore-platform. Every active workspace is
 * suspended first and the settle wait is paid once, not once per workspace; each is then restored
 * as `restoreTenant` does (refusals per workspace, not for the run), and those this call suspended
 * are resumed at the end. One workspace's failure does not stop the rest.
 */
export async function restoreAll(
  runtime: Runtime,
  options: { runId: string; settleMs?: number; onProgress?: (done: number, total: number) => void },
): Promise<RestoreAllSummary> {
  const started = performance.now();
  // One target connection and one key source for the whole run (an SFTP session, the keyring copy
  // downloaded at most once), and a work dir per workspace inside this one.
  const skipped: RestoreAllSummary['skipped'] = [];
  const restored: RestoreSummary[] = [];
  const failed: RestoreAllSummary['failed'] = [];
  await withRestoreIo(runtime, 'restore-all', async ({ target, keys, workDir }) => {
    const manifest = await readManifest(runtime.config, target, options.runId, workDir);
    const chosen: string[] = [];
    for (const object of manifest.objects) {
      if (object.kind !== 'tenant' || !object.tenantId) continue;
      const { tenantId } = object;
      const row = findTenant(runtime.control, tenantId) as ControlRow | undefined;
      if (!row) skipped.push({ tenantId, reason: 'not in control.db' });
      else if (row.purged_at) skipped.push({ tenantId, reason: 'purged (crypto-shredded)' });
      else if (row.status === 'deleted') skipped.push({ tenantId, reason: 'deleted' });
      else chosen.push(tenantId);
    }
    const suspended = chosen.filter((tenantId) => findTenant(runtime.control, tenantId)?.status === 'active');
    for (const tenantId of suspended) setTenantStatus(runtime, tenantId, 'suspended');
    try {
      if (suspended.length > 0) await sleep(options.settleMs ?? DEFAULT_SETTLE_MS);
      for (const [index, tenantId] of chosen.entries()) {
        const own = join(workDir, tenantId);
        try {
          await mkdir(own, { mode: 0o700 });
          restored.push(await restoreInPlace(runtime, { tenantId, runId: options.runId, settleMs: 0 }, { target, keys, workDir: own }));
        } catch (err) {
          failed.push({ tenantId, reason: (err as Error).message });
        } finally {
          await rm(own, { recursive: true, force: true });
        }
        options.onProgress?.(index + 1, chosen.length);
      }
    } finally {
      for (const tenantId of suspended) {
        if (findTenant(runtime.control, tenantId)?.status === 'suspended') setTenantStatus(runtime, tenantId, 'active');
      }
    }
  });
  return { runId: options.runId, restored, skipped, failed, seconds: Math.round((performance.now() - started) / 10) / 100 };
}

interface Replaced {
  /** The live log's audit head before (null when the file was missing or damaged). */
  previousHead: { seq: number; hash: string } | null;
  damagedFileKeptAt: string | null;
  /** Puts the content from before back. */
  undo(): Promise<void>;
}

/**
 * Puts the run's file blobs in place of the live ones: the live directory is moved aside into the
 * work dir (removed with it once the restore is done) and the restored one moved in. Returns how to
 * move the live one back.
 */
async function replaceFiles(dataDir: string, tenantId: string, restoredFiles: string, workDir: string): Promise<() => Promise<void>> {
  const live = filesDir(dataDir, tenantId);
  const aside = join(workDir, 'files-before-restore');
  const hadFiles = existsSync(live);
  if (hadFiles) await rename(live, aside);
  await rename(restoredFiles, live);
  return async () => {
    await rm(live, { recursive: true, force: true });
    if (hadFiles) await rename(aside, live);
  };
}

/** Writes the restored database and files into the live workspace; the live content goes back if that fails. */
async function replaceContent(runtime: Pick<Runtime, 'config' | 'clock' | 'tenancy'>, tenantId: string, restored: string, restoredFiles: string, workDir: string): Promise<Replaced> {
  const dir = join(runtime.config.dataDir, 'tenants', tenantId);
  const live = join(dir, 'tenant.db');
  let damagedFileKeptAt: string | null = null;
  if (existsSync(live) && checkDatabase(live).integrity !== 'ok') {
    damagedFileKeptAt = damagedCopyDir(runtime.config.dataDir, tenantId, runtime.clock.now());
    await mkdir(damagedFileKeptAt, { mode: 0o700 });
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(`${live}${suffix}`)) await rename(`${live}${suffix}`, join(damagedFileKeptAt, `tenant.db${suffix}`));
    }
  }
  if (!existsSync(live)) {
    runtime.tenancy.createDatabase(tenantId);
    await copyInto(restored, live);
    await replaceFiles(runtime.config.dataDir, tenantId, restoredFiles, workDir);
    // Nothing to go back to: the new file stays (a later restore replaces it).
    return { previousHead: null, damagedFileKeptAt, undo: async () => {} };
  }
  const previousHead = runtime.tenancy.run(tenantId, SCOPE, () => lastAuditRow(tenantDb()) ?? null);
  const aside = join(workDir, 'before-restore.db');
  await snapshotDatabase(live, aside);
  carryOverDataKeys(restored, live);
  let undoFiles = async (): Promise<void> => {};
  const undo = async (): Promise<void> => {
    await copyInto(aside, live);
    await undoFiles();
  };
  try {
    await copyInto(restored, live);
    undoFiles = await replaceFiles(runtime.config.dataDir, tenantId, restoredFiles, workDir);
  } catch (err) {
    await undo();
    throw err;
  }
  return { previousHead, damagedFileKeptAt, undo };
}
