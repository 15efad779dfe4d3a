// Which key opens which backup object (docs/architecture.md, "Keys"):
//   a workspace's database   its own backup key from keyring.db (never anything inside the
//                            workspace's database), so destroying that key shreds every backup of it
//   control.db, keyring.db,  keys derived (HKDF-SHA256) from a version of the app secrets root
//   the manifest's MAC       key, one per purpose; the version is recorded beside each object, so
//                            objects made before a root key rotation still find their version
import { hkdfSync } from 'node:crypto';
import type { Config } from '../config/config.js';

export type RootDerivedPurpose = 'control' | 'keyring' | 'manifest';

/** Workspace objects name their key "version 1": backup keys have no versions (a rewrap changes only their wrapping). */
export const TENANT_KEY_VERSION = 1;

export class RootKeyVersionMissing extends Error {
  override name = 'RootKeyVersionMissing';
  constructor(version: number) {
    super(`version ${version} of SPINNEY_APP_SECRETS_KEY is not in the key file (retired?): objects it made cannot be opened`);
  }
}

/** The newest app root key version and the key it gives for a purpose. */
export function currentRootDerivedKey(config: Config, purpose: RootDerivedPurpose): { version: number; key: Buffer } {
  const { version } = config.keys.app.current();
  return { version, key: rootDerivedKey(config, purpose, version) };
}

export function rootDerivedKey(config: Config, purpose: RootDerivedPurpose, version: number): Buffer {
  const root = config.keys.app.get(version);
  if (!root) throw new RootKeyVersionMissing(version);
  return Buffer.from(hkdfSync('sha256', root, 'spinney-backup', `spinney backup ${purpose} v1`, 32));
}
