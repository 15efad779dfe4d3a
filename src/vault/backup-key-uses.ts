// Which stored backups still need a version of the app secrets root key (src/backup/backup-keys.ts):
// a run's control.db copy and its manifest's MAC use keys derived from the version that was newest
// when the run was made, and so does the target's one keyring copy when it was last rewritten.
// `spinney keys retire --key app` asks this before dropping a version: once the version is gone,
// every run that needs it reads as 'unauthenticated' and no longer restores.
import { open as openFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Runtime } from '../runtime.js';
import { listRuns } from '../backup/catalog.js';
import { HEADER_BYTES, parseHeader } from '../backup/chunked-cipher.js';
import { KEYRING_OBJECT, makeWorkDir } from '../backup/layout.js';
import { openTarget } from '../backup/targets/open-target.js';
import { ObjectMissing, type BackupTarget } from '../backup/targets/target.js';

export interface RunNeedingVersion {
  runId: string;
  startedAt: string;
  /** What in the run needs the version: its control.db copy, its manifest's MAC, or both. */
  objects: ('control.db' | 'manifest')[];
}

export interface BackupKeyUses {
  /** The target as messages name it (never a credential). */
  target: string;
  /** Complete runs that need the version, oldest first. */
  runs: RunNeedingVersion[];
  /** The target's keyring copy is sealed with the version. */
  keyringCopy: boolean;
}

/** The backup target could not be read, so what it holds is unknown. */
export class BackupTargetUnreadable extends Error {
  override name = 'BackupTargetUnreadable';
}

/** The version a sealed object's header names (the header is authenticated when the object is opened). */
async function objectKeyVersion(target: BackupTarget, name: string, file: string): Promise<number | null> {
  try {
    await target.get(name, file);
  } catch (err) {
    if (err instanceof ObjectMissing) return null;
    throw err;
  }
  const handle = await openFile(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    return parseHeader(header).keyVersion;
  } finally {
    await handle.close();
    await rm(file, { force: true });
  }
}

/**
 * Lists the configured target and returns what on it needs app root key `version`. Throws
 * BackupTargetUnreadable when the target cannot be listed or read.
 */
export async function backupsNeedingAppVersion(runtime: Pick<Runtime, 'config'>, version: number): Promise<BackupKeyUses> {
  const { config } = runtime;
  let target: BackupTarget | undefined;
  const workDir = makeWorkDir(config.dataDir, 'retire');
  try {
    target = await openTarget(config.backup);
    const runs: RunNeedingVersion[] = [];
    for (const run of await listRuns(config, target, workDir)) {
      if (run.status !== 'complete') continue; // no manifest, or one that already does not open: nothing restores from it
      const objects: RunNeedingVersion['objects'] = [];
      if (run.manifest.objects.some((o) => o.kind === 'control' && o.keyVersion === version)) objects.push('control.db');
      if (run.keyVersion === version) objects.push('manifest');
      if (objects.length > 0) runs.push({ runId: run.runId, startedAt: run.manifest.startedAt, objects });
    }
    const keyringCopy = (await objectKeyVersion(target, KEYRING_OBJECT, join(workDir, 'keyring.enc'))) === version;
    return { target: target.description, runs, keyringCopy };
  } catch (err) {
    const where = target?.description ?? 'the backup target';
    throw new BackupTargetUnreadable(`${where} could not be read (${(err as Error).message.split('\n')[0]})`);
  } finally {
    target?.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
