// `spinney backup verify RUN`: proves a run can be restored without restoring it. Every object is
// downloaded and checked against the authenticated manifest (size, SHA-256), decrypted (every
// chunk's tag), and each database opened in a temporary directory for PRAGMA integrity_check and
// its schema version; a workspace's files object is unpacked and checked entry by entry; the keyring copy too. Nothing outside <data dir>/tmp/ is written, and that
// directory is removed at the end.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest } from './catalog.js';
import { BackupRefused } from './errors.js';
import { fetchFiles } from './file-objects.js';
import { KeyringCopy } from './keyring-copies.js';
import { makeWorkDir } from './layout.js';
import { BackupKeySource, fetchDatabase, type KeySourceRuntime } from './stored-databases.js';
import { openTarget } from './targets/open-target.js';

export type ObjectVerdict = 'ok' | 'failed' | 'shredded';

export interface VerifyReport {
  runId: string;
  /** Every object checked out (a crypto-shredded workspace's object is reported, not a failure). */
  ok: boolean;
  objects: { name: string; tenantId: string | null; status: ObjectVerdict; schemaVersion?: number; reason?: string }[];
  keyring: { status: 'ok' | 'failed' | 'missing'; backupKeys?: number; reason?: string };
}

export async function verifyRun(runtime: KeySourceRuntime, runId: string, onProgress?: (done: number, total: number) => void): Promise<VerifyReport> {
  const target = await openTarget(runtime.config.backup);
  const workDir = makeWorkDir(runtime.config.dataDir, 'verify');
  const keys = new BackupKeySource(runtime, target, workDir);
  try {
    const manifest = await readManifest(runtime.config, target, runId, workDir);
    const report: VerifyReport = { runId, ok: true, objects: [], keyring: { status: 'missing' } };
    const total = manifest.objects.length + 1;
    onProgress?.(0, total);
    for (const [i, object] of manifest.objects.entries()) {
      const plain = join(workDir, `object-${i}.db`);
      let key: Buffer | null = null;
      try {
        if (object.tenantId) key = await keys.tenantKey(object.tenantId);
      } catch (err) {
        if (!(err instanceof BackupRefused)) throw err;
        report.objects.push({ name: object.name, tenantId: object.tenantId, status: 'shredded', reason: err.message });
        onProgress?.(i + 1, total);
        continue;
      }
      try {
        const check = await fetchDatabase(runtime.config, target, object, key, `${plain}.gz.enc`, plain);
        // The workspace's files object: checksum, every chunk, every entry a file blob, the count.
        if (object.files && key) await fetchFiles(target, object.files, { tenantId: object.tenantId as string }, key, `${plain}.files.tar.enc`, `${plain}.files`);
        report.objects.push({ name: object.name, tenantId: object.tenantId, status: 'ok', schemaVersion: check.schemaVersion });
      } catch (err) {
        if (!(err instanceof BackupRefused)) throw err;
        report.ok = false;
        report.objects.push({ name: object.name, tenantId: object.tenantId, status: 'failed', reason: err.message });
      } finally {
        await rm(plain, { force: true });
        await rm(`${plain}.files`, { recursive: true, force: true });
      }
      onProgress?.(i + 1, total);
    }
    try {
      const copy = await KeyringCopy.open(runtime.config, runtime.clock, target, workDir);
      if (copy) {
        report.keyring = { status: 'ok', backupKeys: manifest.objects.filter((o) => o.tenantId && copy.hasBackupKey(o.tenantId)).length };
        await copy.close();
      } else report.ok = false;
    } catch (err) {
      if (!(err instanceof BackupRefused)) throw err;
      report.ok = false;
      report.keyring = { status: 'failed', reason: err.message };
    }
    onProgress?.(total, total);
    return report;
  } finally {
    await keys.close();
    target.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
