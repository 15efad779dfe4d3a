// The stored copy of keyring.db (docs/architecture.md, "Keys"). Each target holds exactly
// one, KEYRING_OBJECT, which every backup run and every workspace purge overwrites with the
// keyring as it is now: so no stored copy keeps a destroyed backup key past the purge that
// destroyed it (runs need no copy of their own: backup keys never change, so today's keyring opens
// every earlier run of every workspace that still exists). The copy is the keyring file itself —
// each key already sealed by the app secrets root key — encrypted again with a key derived from
// that root key, so the object alone reveals nothing.
//
// Two writers (a run and a purge, two purges) may race: a copy taken before a purge could land
// after that purge's rewrite. So after every upload the writer compares the copy with the live
// keyring and writes again while the copy still holds a key the live keyring no longer has.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { Clock } from '../time/clock.js';
import { Keyring } from '../vault/keyring.js';
import { currentRootDerivedKey, rootDerivedKey } from './backup-keys.js';
import { BackupRefused } from './errors.js';
import { checkDatabase, compactCopy, keyringTenantIds, snapshotDatabase } from './database-files.js';
import { KEYRING_OBJECT, makeWorkDir } from './layout.js';
import { openSealedFile, sealFile } from './object-files.js';
import { openTarget } from './targets/open-target.js';
import { ObjectMissing, type BackupTarget } from './targets/target.js';

const KEYRING_BINDING = { objectId: KEYRING_OBJECT, tenantId: '' };
const MAX_ATTEMPTS = 5;

const liveKeyringPath = (config: Config): string => join(config.dataDir, 'keyring.db');

/** Writes the current keyring to the target's keyring copy. */
export async function writeKeyringCopy(config: Config, target: BackupTarget, workDir: string): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const copy = join(workDir, `keyring-${attempt}.db`);
    const sealed = `${copy}.gz.enc`;
    try {
      await snapshotDatabase(liveKeyringPath(config), copy);
      compactCopy(copy);
      const { integrity } = checkDatabase(copy);
      if (integrity !== 'ok') throw new Error(`keyring.db fails its integrity check: ${integrity}`);
      const held = keyringTenantIds(copy);
      const { version, key } = currentRootDerivedKey(config, 'keyring');
      const digest = await sealFile(copy, sealed, key, version, KEYRING_BINDING);
      await target.put(KEYRING_OBJECT, sealed, digest);
      const live = new Set(keyringTenantIds(liveKeyringPath(config)));
      if (held.every((id) => live.has(id))) return;
    } finally {
      await rm(copy, { force: true });
      await rm(sealed, { force: true });
    }
  }
  throw new Error(`the keyring kept changing while its copy was written (${MAX_ATTEMPTS} attempts)`);
}

const pending = new Set<Promise<KeyringRewrite>>();

export type KeyringRewrite = { ok: true; rewritten: boolean } | { ok: false; reason: string };

/**
 * After a purge (src/tenants/tenant-deletion.ts, which awaits it and records the outcome in
 * `tenant.purged`): rewrites the configured target's keyring copy without the destroyed key.
 * Never rejects: a failure is its outcome (also a process warning on stderr, the PM2 error log),
 * and the next backup run, which rewrites the copy too, repairs it.
 */
export function rewriteKeyringCopies(config: Config): Promise<KeyringRewrite> {
  const rewrite = (async (): Promise<KeyringRewrite> => {
    let target: BackupTarget | undefined;
    let workDir: string | undefined;
    try {
      target = await openTarget(config.backup);
      // No copy stored (no run yet on this target): nothing holds the destroyed key.
      if ((await target.list(KEYRING_OBJECT)).length === 0) return { ok: true, rewritten: false };
      workDir = makeWorkDir(config.dataDir, 'keyring');
      await writeKeyringCopy(config, target, workDir);
      return { ok: true, rewritten: true };
    } catch (err) {
      const reason = `the keyring copy on ${target?.description ?? 'the backup target'} could not be rewritten after a purge (the next backup run rewrites it): ${(err as Error).message}`;
      process.emitWarning(reason, 'SpinneyBackupWarning');
      return { ok: false, reason };
    } finally {
      target?.close();
      if (workDir) await rm(workDir, { recursive: true, force: true });
    }
  })();
  pending.add(rewrite);
  void rewrite.finally(() => pending.delete(rewrite));
  return rewrite;
}

/** Waits for the keyring rewrites started so far (the server's shutdown; tests). Never rejects. */
export async function keyringRewritesSettled(): Promise<void> {
  await Promise.all([...pending]);
}

/** How many keyring rewrites are under way right now. */
export const keyringRewritesInFlight = (): number => pending.size;

/**
 * Downloads, decrypts and checks the target's keyring copy into a new file; false when the target
 * has none. Throws BackupRefused when it does not open or fails its integrity check.
 */
export async function fetchKeyringCopy(config: Config, target: BackupTarget, plainPath: string): Promise<boolean> {
  const sealed = `${plainPath}.gz.enc`;
  try {
    await target.get(KEYRING_OBJECT, sealed);
  } catch (err) {
    if (err instanceof ObjectMissing) return false;
    throw err;
  }
  try {
    await openSealedFile(sealed, plainPath, (version) => rootDerivedKey(config, 'keyring', version), KEYRING_BINDING);
  } catch (err) {
    throw new BackupRefused(`the keyring copy on ${target.description} does not open: ${(err as Error).message}`);
  } finally {
    await rm(sealed, { force: true });
  }
  const { integrity } = checkDatabase(plainPath);
  if (integrity !== 'ok') {
    await rm(plainPath, { force: true });
    throw new BackupRefused(`the keyring copy on ${target.description} fails PRAGMA integrity_check: ${integrity}`);
  }
  return true;
}

/**
 * A keyring copy from a target, opened read-only as a Keyring (the vault's own code unwraps its
 * keys). For disaster recovery: the restore of a workspace whose live keyring.db was lost.
 */
export class KeyringCopy {
  readonly #keyring: Keyring;
  readonly #dir: string;

  private constructor(keyring: Keyring, dir: string) {
    this.#keyring = keyring;
    this.#dir = dir;
  }

  /** Downloads and opens the copy; null when the target has none. Throws BackupRefused when it does not open. */
  static async open(config: Config, clock: Clock, target: BackupTarget, workDir: string): Promise<KeyringCopy | null> {
    const dir = join(workDir, 'keyring-copy');
    await mkdir(dir, { mode: 0o700 });
    if (!(await fetchKeyringCopy(config, target, join(dir, 'keyring.db')))) {
      await rm(dir, { recursive: true, force: true });
      return null;
    }
    return new KeyringCopy(new Keyring({ ...config, dataDir: dir }, clock), dir);
  }

  hasBackupKey(tenantId: string): boolean {
    return this.#keyring.hasBackupKey(tenantId);
  }

  backupKey(tenantId: string): Buffer | null {
    return this.#keyring.hasBackupKey(tenantId) ? this.#keyring.backupKey(tenantId) : null;
  }

  async close(): Promise<void> {
    this.#keyring.close();
    await rm(this.#dir, { recursive: true, force: true });
  }
}
