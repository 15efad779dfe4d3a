// Root key rotation, as the operator runs it (`spinney keys rotate|rewrap|retire|status`):
//
//   rotate  adds a version to a key file; from then on new data keys, backup keys and access
//           tokens use it (running servers notice within a second, src/vault/root-keys.ts).
//   rewrap  re-seals every workspace's data keys, and every backup key in the keyring, with the
//           newest version. Values sealed by the data keys are untouched, so it is quick and safe
//           while the server runs: one short transaction per workspace, and a second run skips
//           what the first finished (resumable).
//   retire  drops an old version from the key file, but only when nothing can need it any more:
//           no wrapped key sealed by it anywhere (app, sensitive), or, for the signing key, once
//           everything it signed has outlived its lifetime.
import { recordPlatformEvent } from '../audit/audit.service.js';
import { listTenants } from '../control/tenants.service.js';
import { NONCE_TTL_SECONDS } from '../signin/id-token.js';
import type { Runtime } from '../runtime.js';
import { isoAt } from '../time/clock.js';
import type { Purpose } from './vault.js';
import type { RootKeyName, RootKeyVersion } from './root-keys.js';

export class KeyRotationRefused extends Error {
  override name = 'KeyRotationRefused';
}

/** What each root key version still protects. */
export interface RootKeyUse {
  version: number;
  addedAt: string | null;
  newest: boolean;
  /** Wrapped data keys (app, sensitive) and backup keys (app) sealed by this version. */
  wrappedKeys: number;
}

export interface KeyStatus {
  rootKeys: Record<RootKeyName, RootKeyUse[]>;
  tenants: { id: string; dataKeys: ReturnType<Runtime['vault']['keyVersions']>; backupKey: boolean }[];
}

const PURPOSES: readonly Purpose[] = ['app', 'sensitive'];

const inTenant = <T>(runtime: Runtime, tenantId: string, fn: () => T): T => runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);

export function keyStatus(runtime: Runtime): KeyStatus {
  const tenants = listTenants(runtime).map((tenant) => ({
    id: tenant.id,
    dataKeys: inTenant(runtime, tenant.id, () => runtime.vault.keyVersions()),
    backupKey: runtime.keyring.hasBackupKey(tenant.id),
  }));
  const uses = (name: RootKeyName, version: number): number => {
    const dataKeys = tenants.flatMap((t) => t.dataKeys).filter((k) => k.purpose === name && k.rootVersion === version).length;
    return dataKeys + (name === 'app' ? (runtime.keyring.rootVersionsInUse().get(version) ?? 0) : 0);
  };
  const describe = (name: RootKeyName): RootKeyUse[] => {
    const versions = runtime.config.keys[name].versions();
    const newest = (versions.at(-1) as RootKeyVersion).version;
    return versions.map((v) => ({ version: v.version, addedAt: v.addedAt, newest: v.version === newest, wrappedKeys: uses(name, v.version) }));
  };
  return { rootKeys: { signing: describe('signing'), app: describe('app'), sensitive: describe('sensitive') }, tenants };
}

export function rotateRootKey(runtime: Runtime, name: RootKeyName): RootKeyVersion {
  const added = runtime.config.keys[name].addVersion(isoAt(runtime.clock.now()));
  recordPlatformEvent(runtime, 'keys.rotated', null, { after: { key: name, version: added.version } });
  return added;
}

export interface RewrapResult {
  tenants: number;
  dataKeys: number;
  backupKeys: number;
  failed: { tenantId: string; reason: string }[];
}

/** Moves every wrapped key to the newest root versions. One workspace failing does not stop the rest. */
export function rewrapAll(runtime: Runtime, onProgress: (done: number, total: number) => void = () => {}): RewrapResult {
  const tenants = listTenants(runtime);
  const result: RewrapResult = { tenants: tenants.length, dataKeys: 0, backupKeys: 0, failed: [] };
  onProgress(0, tenants.length);
  for (const [i, tenant] of tenants.entries()) {
    try {
      result.dataKeys += inTenant(runtime, tenant.id, () => PURPOSES.reduce((n, purpose) => n + runtime.vault.rewrap(purpose), 0));
    } catch (err) {
      result.failed.push({ tenantId: tenant.id, reason: (err as Error).message });
    }
    onProgress(i + 1, tenants.length);
  }
  result.backupKeys = runtime.keyring.rewrap();
  recordPlatformEvent(runtime, 'keys.rewrapped', null, {
    after: { versions: { app: runtime.config.keys.app.current().version, sensitive: runtime.config.keys.sensitive.current().version }, ...result },
  });
  return result;
}

/**
 * How long after a newer signing key appears the older one may still be needed: the longest life
 * of anything signed with it (an access token, the sign-in cookie, an exchange nonce), plus the
 * clock tolerance and the second a running server takes to notice the new version.
 */
export function signingKeyOverlapSeconds(runtime: Runtime): number {
  const { tokens, sessions } = runtime.config;
  return Math.max(tokens.accessTokenTtlSeconds, NONCE_TTL_SECONDS, SIGNIN_COOKIE_SECONDS, sessions.refreshGraceSeconds) + 60;
}
const SIGNIN_COOKIE_SECONDS = 600;

export function retireRootKey(runtime: Runtime, name: RootKeyName, version: number): void {
  const set = runtime.config.keys[name];
  const versions = set.versions();
  const index = versions.findIndex((v) => v.version === version);
  if (index < 0) throw new KeyRotationRefused(`the ${name} key has no version ${version}`);
  if (index === versions.length - 1) throw new KeyRotationRefused(`version ${version} is the newest ${name} key; rotate first`);
  if (name === 'signing') {
    const successor = versions[index + 1] as RootKeyVersion;
    const overlap = signingKeyOverlapSeconds(runtime);
    const retirableAt = successor.addedAt === null ? null : Date.parse(successor.addedAt) + overlap * 1000;
    if (retirableAt === null || runtime.clock.now() < retirableAt) {
      throw new KeyRotationRefused(
        `tokens signed with version ${version} may still be in use; retire it after ${retirableAt === null ? `${overlap} s from when version ${successor.version} was added` : isoAt(retirableAt)}`,
      );
    }
  } else {
    const inUse = keyStatus(runtime).rootKeys[name].find((v) => v.version === version)?.wrappedKeys ?? 0;
    if (inUse > 0) throw new KeyRotationRefused(`${inUse} wrapped key(s) still use ${name} version ${version}; run \`spinney keys rewrap\` first`);
  }
  set.removeVersion(version);
  recordPlatformEvent(runtime, 'keys.retired', null, { after: { key: name, version } });
}
