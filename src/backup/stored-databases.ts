// Reading a database back from a target, with every check before anything uses it: the object's
// size and SHA-256 against the (authenticated) manifest, every chunk's tag while decrypting, then
// PRAGMA integrity_check and the schema version of the decrypted file. Any failure is a
// BackupRefused with its one-line reason, and leaves no file behind.
import { rm } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import type { Runtime } from '../runtime.js';
import { findTenant, type TenantRow } from '../tenants/tenants.repo.js';
import { rootDerivedKey } from './backup-keys.js';
import { ChunkAuthenticationError } from './chunked-cipher.js';
import { checkDatabase, shippedSchemaVersion, type DatabaseCheck } from './database-files.js';
import { BackupRefused } from './errors.js';
import { KeyringCopy } from './keyring-copies.js';
import type { ManifestObject } from './manifest.js';
import { digestFile, openSealedFile } from './object-files.js';
import { ObjectMissing, type BackupTarget } from './targets/target.js';

const cryptoShredded = (tenantId: string, why: string): BackupRefused =>
  new BackupRefused(`workspace ${tenantId} ${why}: its backup key is destroyed (crypto-shredded), so no backup of it can be decrypted`);

/** What finding a backup key reads: control.db (purged?), the live keyring, and the config and clock to open a keyring copy. */
export type KeySourceRuntime = Pick<Runtime, 'config' | 'clock' | 'control' | 'keyring'>;

/**
 * The backup keys a restore or verification needs: the live keyring first, then (a host whose
 * keyring.db was lost) the target's keyring copy, downloaded at most once.
 */
export class BackupKeySource {
  #copy: Promise<KeyringCopy | null> | undefined;

  constructor(
    private readonly runtime: KeySourceRuntime,
    private readonly target: BackupTarget,
    private readonly workDir: string,
  ) {}

  /** The workspace's backup key; throws BackupRefused (crypto-shredded) when no keyring holds it. */
  async tenantKey(tenantId: string): Promise<Buffer> {
    const row = findTenant(this.runtime.control, tenantId) as (TenantRow & { purged_at: string | null }) | undefined;
    if (row?.purged_at) throw cryptoShredded(tenantId, `was purged at ${row.purged_at}`);
    if (this.runtime.keyring.hasBackupKey(tenantId)) return this.runtime.keyring.backupKey(tenantId);
    this.#copy ??= KeyringCopy.open(this.runtime.config, this.runtime.clock, this.target, this.workDir);
    const key = (await this.#copy)?.backupKey(tenantId);
    if (!key) throw cryptoShredded(tenantId, 'has no backup key in keyring.db nor in the keyring copy');
    return key;
  }

  async close(): Promise<void> {
    await (await this.#copy?.catch(() => null))?.close();
  }
}

/** Refuses a database newer than this build before a byte of it is used. */
export function assertSchemaKnown(object: Pick<ManifestObject, 'kind' | 'name'>, schemaVersion: number): void {
  const plane = object.kind === 'control' ? 'control' : 'tenant';
  const shipped = shippedSchemaVersion(plane);
  if (schemaVersion > shipped) {
    throw new BackupRefused(`${object.name} has schema version ${schemaVersion}, newer than this Spinney knows (${shipped}); restore it with the newer build that made it`);
  }
}

/**
 * Downloads one database object into plainPath (mode 0600) and checks it; returns what the check
 * found. `key` is the workspace's backup key (tenant objects) or null (control.db: root-derived).
 */
export async function fetchDatabase(config: Config, target: BackupTarget, object: ManifestObject, key: Buffer | null, sealedPath: string, plainPath: string): Promise<DatabaseCheck> {
  try {
    try {
      await target.get(object.name, sealedPath);
    } catch (err) {
      if (err instanceof ObjectMissing) throw new BackupRefused(`${object.name} is missing from ${target.description}`);
      throw err;
    }
    const stored = await digestFile(sealedPath);
    if (stored.size !== object.size || stored.sha256 !== object.sha256) {
      throw new BackupRefused(`${object.name} does not match its checksum in the manifest (${stored.size} bytes stored, ${object.size} recorded): tampered, truncated or replaced`);
    }
    const keyFor = (version: number): Buffer => (key ?? rootDerivedKey(config, 'control', version));
    try {
      await openSealedFile(sealedPath, plainPath, keyFor, { objectId: object.name, tenantId: object.tenantId ?? '' });
    } catch (err) {
      if (err instanceof ChunkAuthenticationError) throw new BackupRefused(`${object.name} does not decrypt: ${err.message}`);
      if ((err as NodeJS.ErrnoException).code?.startsWith('Z_')) throw new BackupRefused(`${object.name} does not decompress: ${(err as Error).message}`);
      throw err;
    }
  } finally {
    await rm(sealedPath, { force: true });
  }
  const check = checkDatabase(plainPath);
  if (check.integrity !== 'ok') {
    await rm(plainPath, { force: true });
    throw new BackupRefused(`${object.name} decrypts but fails PRAGMA integrity_check: ${check.integrity}`);
  }
  try {
    assertSchemaKnown(object, check.schemaVersion);
  } catch (err) {
    await rm(plainPath, { force: true });
    throw err;
  }
  return check;
}
