// Root key rotation, as the operator runs it (`spinney keys rotate|rewrap|retire|status`):
//
//   rotate  adds a version to a key file; from then on new data keys, backup keys and access
//           tokens use it (running servers notice within a second, src/vault/root-keys.ts).
//   rewrap  re-seals every workspace's data keys, and every backup key in the keyring, with the
//           newest version. Values sealed by the data keys are untouched, so it is quick and safe
//           while the server runs: one short transaction per workspace, and a second run skips
//           what the first finished (resumable).
//   retire  drops an old version from the key file, but only when nothing can need it any more:
//           for the signing key, once everything it signed has outlived its lifetime; for app and
//           sensitive, once the newer version has existed for ROTATION_SETTLE_MS (so no running
//           server can still be sealing with the old one) and no wrapped key sealed by it is left
//           anywhere; for app also, no backup on the target needs it (a run's control.db copy and
//           manifest MAC, the keyring copy: src/vault/backup-key-uses.ts) — unless forced, which
//           names every run that becomes unreadable. A target that cannot be read refuses too.
import { recordedBackupTargets } from '../audit/audit.repo.js';
import { recordPlatformEvent } from '../audit/audit.service.js';
import { listTenants } from '../tenants/tenants.service.js';
import { NONCE_TTL_SECONDS } from '../signin/id-token.js';
import type { Runtime } from '../runtime.js';
import { isoAt } from '../time/clock.js';
import type { Purpose } from './vault.js';
import { backupsNeedingAppVersion, BackupTargetUnreadable, type BackupKeyUses } from './backup-key-uses.js';
import { RECHECK_MS, type RootKeyName, type RootKeyVersion } from './root-keys.js';

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

/** What each root key version seals, counted from the stored rows (nothing is opened: retire asks this too). */
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

/**
 * Each workspace's wrapped keys (data keys and backup key) that do not open with the configured
 * root keys, by workspace id: a data dir paired with the wrong key file fails `keys status`, not the next backup.
 */
export function unopenableKeys(runtime: Runtime): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { id } of listTenants(runtime)) {
    const problems = inTenant(runtime, id, () => runtime.vault.unopenableDataKeys());
    if (runtime.keyring.hasBackupKey(id)) {
      try {
        runtime.keyring.backupKey(id);
      } catch (err) {
        problems.push(`backup key does not open: ${(err as Error).message}`);
      }
    }
    if (problems.length > 0) found.set(id, problems);
  }
  return found;
}

export function rotateRootKey(runtime: Runtime, name: RootKeyName): RootKeyVersion {
  const added = runtime.config.keys[name].addVersion(isoAt(runtime.clock.now()));
  recordPlatformEvent(runtime, 'keys.rotated', null, { after: { key: name, version: added.version } }, 'operator');
  return added;
}

export interface RewrapResult {
  tenants: number;
  dataKeys: number;
  backupKeys: number;
  failed: { tenantId: string; reason: string }[];
}

/**
 * How long after a rotation an older app or sensitive version may still be in use for sealing: a
 * running server re-reads the key file at most once per RECHECK_MS, so until then it may wrap a new
 * data key or backup key with the older version. Twice that, to leave room for the write itself.
 */
export const ROTATION_SETTLE_MS = 2 * RECHECK_MS;

/** When the newest version of a key was added: the time in the key file, else (added by hand) the file's own change time. */
function newestAddedAt(runtime: Runtime, name: RootKeyName): number | null {
  const set = runtime.config.keys[name];
  const newest = set.versions().at(-1) as RootKeyVersion;
  return newest.addedAt === null ? set.fileChangedAt() : Date.parse(newest.addedAt);
}

/**
 * While a rotation is younger than ROTATION_SETTLE_MS: when it will have settled (a server may still
 * seal with the older version until then, so a rewrap run now can miss what it seals). Null otherwise.
 */
export function rotationSettlesAt(runtime: Runtime, name: RootKeyName): string | null {
  if (name === 'signing' || runtime.config.keys[name].versions().length < 2) return null;
  const added = newestAddedAt(runtime, name);
  if (added === null) return null;
  return runtime.clock.now() < added + ROTATION_SETTLE_MS ? isoAt(added + ROTATION_SETTLE_MS) : null;
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
  }, 'operator');
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

export interface RetireOptions {
  /** Retire the app key even though backups on the target need it (or the target cannot be read). */
  force?: boolean;
}

export interface RetireOutcome {
  key: RootKeyName;
  version: number;
  /** App key, forced: what on the backup target no longer opens. Null when nothing does (or not the app key). */
  unreadable: { target: string; runs: BackupKeyUses['runs']; keyringCopy: boolean } | { target: string; unknown: string } | null;
  /** App key: the backup target that was checked (the configured one). */
  checkedTarget: string | null;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One line naming what on the target needs the version. */
export function describeBackupUses(uses: BackupKeyUses, name: RootKeyName, version: number): string {
  const parts: string[] = [];
  const newest = uses.runs.at(-1);
  if (newest) parts.push(`${plural(uses.runs.length, 'backup run')} (the newest ${newest.runId}, taken ${newest.startedAt})`);
  if (uses.keyringCopy) parts.push('the keyring copy');
  return `${parts.join(' and ')} on ${uses.target} still need ${name} version ${version}`;
}

export async function retireRootKey(runtime: Runtime, name: RootKeyName, version: number, options: RetireOptions = {}): Promise<RetireOutcome> {
  const set = runtime.config.keys[name];
  const versions = set.versions();
  const index = versions.findIndex((v) => v.version === version);
  if (index < 0) throw new KeyRotationRefused(`the ${name} key has no version ${version}`);
  if (index === versions.length - 1) throw new KeyRotationRefused(`version ${version} is the newest ${name} key; rotate first`);
  let unreadable: RetireOutcome['unreadable'] = null;
  let checkedTarget: string | null = null;
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
    const settlesAt = rotationSettlesAt(runtime, name);
    if (settlesAt !== null) {
      throw new KeyRotationRefused(
        `the newest ${name} version is less than ${ROTATION_SETTLE_MS / 1000} s old: a running server may still seal with version ${version} until ${settlesAt}; ` +
          'then run `spinney keys rewrap` again if `spinney keys status` shows keys on it, and retire',
      );
    }
    const inUse = keyStatus(runtime).rootKeys[name].find((v) => v.version === version)?.wrappedKeys ?? 0;
    if (inUse > 0) throw new KeyRotationRefused(`${inUse} wrapped key(s) still use ${name} version ${version}; run \`spinney keys rewrap\` first`);
    if (name === 'app') ({ unreadable, checkedTarget } = await checkBackups(runtime, version, options.force === true));
  }
  set.removeVersion(version);
  recordPlatformEvent(runtime, 'keys.retired', null, {
    after: {
      key: name,
      version,
      ...(unreadable ? { forced: 'runs' in unreadable ? { target: unreadable.target, runs: unreadable.runs.map((r) => r.runId), keyringCopy: unreadable.keyringCopy } : { target: unreadable.target, unknown: unreadable.unknown } } : {}),
    },
  }, 'operator');
  return { key: name, version, unreadable, checkedTarget };
}

/**
 * Refuses (unless forced) while the configured backup target holds anything that needs app
 * `version`, cannot be read, or the platform log records runs written to another target (which
 * this check cannot see). Returns the target checked and, when forced, what no longer opens.
 */
async function checkBackups(runtime: Runtime, version: number, force: boolean): Promise<Pick<RetireOutcome, 'unreadable' | 'checkedTarget'>> {
  let uses: BackupKeyUses;
  try {
    uses = await backupsNeedingAppVersion(runtime, version);
  } catch (err) {
    if (!(err instanceof BackupTargetUnreadable)) throw err;
    if (force) return { unreadable: { target: runtime.config.backup.target, unknown: err.message }, checkedTarget: null };
    throw new KeyRotationRefused(`${err.message}: cannot tell whether its backups still need app version ${version}; retire when it answers, or pass --force`);
  }
  const elsewhere = recordedBackupTargets(runtime.control).filter((target) => target !== uses.target);
  if (elsewhere.length > 0 && !force) {
    throw new KeyRotationRefused(
      `checked ${uses.target}, but backup runs were also written to ${elsewhere.join(', ')} (platform audit log), which this check cannot read: ` +
        `runs there may still need app version ${version}; point SPINNEY_BACKUP_* at each to check it, or pass --force`,
    );
  }
  if (uses.runs.length === 0 && !uses.keyringCopy) return { unreadable: null, checkedTarget: uses.target };
  if (force) return { unreadable: { target: uses.target, runs: uses.runs, keyringCopy: uses.keyringCopy }, checkedTarget: uses.target };
  const next = [
    uses.keyringCopy ? '`spinney backup run` (rewrites the keyring copy with the newest version)' : null,
    uses.runs.length > 0 ? `retire once \`spinney backup prune\` has removed ${uses.runs.length === 1 ? 'that run' : 'those runs'}` : null,
  ].filter(Boolean);
  throw new KeyRotationRefused(`${describeBackupUses(uses, 'app', version)}; ${next.join(', then ')} (or pass --force: they become unreadable)`);
}
