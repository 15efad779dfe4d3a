// The manifest of a backup run (docs/backup-format.md): what the run holds, with the size and
// SHA-256 of every object as stored, and an HMAC-SHA256 over all of it with a key derived from the
// app secrets root key. It is written last, so a run without one is incomplete; a manifest whose
// MAC does not check is never believed (not its list of objects, not its checksums).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config.js';
import { currentRootDerivedKey, rootDerivedKey, RootKeyVersionMissing } from './backup-keys.js';
import { BackupRefused } from './errors.js';

export const MANIFEST_FORMAT = 'spinney-backup-manifest';
export const MANIFEST_FORMAT_VERSION = 1;

export interface ManifestObject {
  name: string;
  kind: 'tenant' | 'control';
  /** The workspace (tenant objects); null for control.db. */
  tenantId: string | null;
  /** Bytes as stored, and their SHA-256 (hex). */
  size: number;
  sha256: string;
  /** Tenant objects: 1 (backup keys are not versioned); control.db: the app root key version. */
  keyVersion: number;
  /** The highest migration applied in the database when it was copied. */
  schemaVersion: number;
  /** The workspace's files (a second object, src/backup/file-objects.ts); null for control.db and a workspace without files. */
  files: ManifestFiles | null;
}

export interface ManifestFiles {
  name: string;
  /** Bytes as stored, and their SHA-256 (hex). */
  size: number;
  sha256: string;
  /** How many file blobs the object holds. */
  count: number;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: typeof MANIFEST_FORMAT_VERSION;
  runId: string;
  startedAt: string;
  completedAt: string;
  spinneyVersion: string;
  /** The newest migrations the build that made the run shipped. */
  shippedSchemaVersions: { control: number; tenant: number };
  objects: ManifestObject[];
  /** The keyring copy (one per target, rewritten by every run and every purge; see docs/backup-format.md). */
  keyring: { name: string };
  /** Workspaces this run could not back up, and why. */
  failed: { tenantId: string; reason: string }[];
}

interface Authentication {
  algorithm: 'HMAC-SHA256';
  keyVersion: number;
  mac: string;
}

const mac = (key: Buffer, manifest: Manifest): Buffer => createHmac('sha256', key).update(JSON.stringify(manifest)).digest();

/** The manifest file's bytes: the manifest and its authentication, as readable JSON. */
export function signManifest(config: Config, manifest: Manifest): Buffer {
  const { version, key } = currentRootDerivedKey(config, 'manifest');
  const authentication: Authentication = { algorithm: 'HMAC-SHA256', keyVersion: version, mac: mac(key, manifest).toString('hex') };
  return Buffer.from(`${JSON.stringify({ ...manifest, authentication }, null, 2)}\n`);
}

/**
 * Parses and authenticates a manifest file; throws BackupRefused when it does not authenticate or
 * belongs to another run. The MAC covers the manifest exactly as written (field order included).
 */
export function openManifest(config: Config, runId: string, bytes: Buffer): Manifest {
  return openManifestWithKey(config, runId, bytes).manifest;
}

/** openManifest, and the app root key version its MAC was made with (what `keys retire --key app` asks). */
export function openManifestWithKey(config: Config, runId: string, bytes: Buffer): { manifest: Manifest; keyVersion: number } {
  const refuse = (why: string) => new BackupRefused(`the manifest of run ${runId} does not authenticate (${why})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refuse('not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || !('authentication' in parsed)) throw refuse('no authentication');
  const { authentication, ...rest } = parsed as { authentication: Authentication } & Record<string, unknown>;
  const manifest = rest as unknown as Manifest;
  if (authentication?.algorithm !== 'HMAC-SHA256' || !Number.isInteger(authentication.keyVersion) || typeof authentication.mac !== 'string') throw refuse('unknown authentication');
  let key: Buffer;
  try {
    key = rootDerivedKey(config, 'manifest', authentication.keyVersion);
  } catch (err) {
    if (err instanceof RootKeyVersionMissing) throw refuse(err.message);
    throw err;
  }
  const expected = mac(key, manifest);
  const given = Buffer.from(authentication.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('edited, or made with another app secrets key');
  if (manifest.format !== MANIFEST_FORMAT || manifest.formatVersion !== MANIFEST_FORMAT_VERSION) throw new BackupRefused(`run ${runId} has a manifest format this Spinney does not read`);
  if (manifest.runId !== runId) throw refuse(`it names run ${manifest.runId}`);
  return { manifest, keyVersion: authentication.keyVersion };
}
