// Names of the objects on a target (docs/backup-format.md) and the working directory in the data
// dir's tmp/ where copies are made and objects opened.
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const RUNS_PREFIX = 'runs/';
/** The one keyring copy per target: rewritten by every run and by every purge. */
export const KEYRING_OBJECT = 'keyring/keyring.db.gz.enc';

export const runPrefix = (runId: string): string => `${RUNS_PREFIX}${runId}/`;
export const manifestName = (runId: string): string => `${runPrefix(runId)}manifest.json`;
export const controlObjectName = (runId: string): string => `${runPrefix(runId)}control.db.gz.enc`;
export const tenantObjectName = (runId: string, tenantId: string): string => `${runPrefix(runId)}tenants/${tenantId}.db.gz.enc`;
/** A workspace's files: one object beside its database (a tar of the encrypted blobs, encrypted again). */
export const tenantFilesObjectName = (runId: string, tenantId: string): string => `${runPrefix(runId)}tenants/${tenantId}.files.tar.enc`;

const RUN_ID = /^\d{8}T\d{9}Z-[a-z2-7]{6}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Run ids sort by the time they were made (to the millisecond), then by a random suffix. */
export function newRunId(nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
  const suffix = [...randomBytes(6)].map((b) => BASE32[b & 31]).join('');
  return `${stamp}-${suffix}`;
}

export const isRunId = (value: string): boolean => RUN_ID.test(value);

/**
 * Who made a work dir: written into it (OWNER_FILE) the moment it exists, so a later sweep can
 * tell a directory some running process still uses from one left by a process that died (kill -9,
 * a crash, a power cut) with decrypted copies in it.
 */
interface WorkDirOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux /proc/PID/stat), so a reused pid is not taken for the owner; null elsewhere. */
  startTicks: number | null;
  host: string;
  createdAt: string;
}

export const OWNER_FILE = '.owner.json';
/** A work dir whose owner cannot be checked (no owner file: the moment before it is written, or an older Spinney's; another host's) is removed only once untouched this long. */
export const UNCHECKED_WORK_DIR_MAX_AGE_MS = 6 * 3_600_000;
/** mkdtemp's names for makeWorkDir(label): `<label>-` and six characters. `damaged-…` directories (a damaged live file kept for inspection by a restore) are never work dirs. */
const WORK_DIR_NAME = /^(?!damaged-)[a-z][A-Za-z0-9-]*-[A-Za-z0-9]{6}$/;

/** A process's start time (Linux), or null where /proc is not there or the process is not. */
function processStartTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isSafeInteger(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

const thisProcess = (): WorkDirOwner => ({ pid: process.pid, startTicks: processStartTicks(process.pid), host: hostname(), createdAt: new Date().toISOString() });

/** Whether the process that wrote `owner` (on this host) is still running: the pid exists and, where the start time can be read, is the same process. */
function ownerAlive(owner: WorkDirOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    // EPERM: it exists, under another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.startTicks === null) return true;
  const now = processStartTicks(owner.pid);
  return now === null || now === owner.startTicks;
}

function readOwner(dir: string): WorkDirOwner | null {
  try {
    const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as Partial<WorkDirOwner>;
    if (!Number.isSafeInteger(owner.pid) || (owner.pid as number) <= 0 || typeof owner.host !== 'string') return null;
    return { pid: owner.pid as number, startTicks: typeof owner.startTicks === 'number' ? owner.startTicks : null, host: owner.host, createdAt: String(owner.createdAt) };
  } catch {
    return null;
  }
}

/** A fresh directory for one operation's temporary files, owner-only, inside <data dir>/tmp/, marked with the process that made it. */
export function makeWorkDir(dataDir: string, label: string): string {
  const tmp = join(dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(join(tmp, `${label}-`));
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify(thisProcess()), { mode: 0o600 });
  return dir;
}

export interface WorkDirSweep {
  /** Directories removed (names in tmp/). */
  removed: string[];
  /** Work dirs left in place: their process is running, or their owner cannot be checked and they are recent. */
  kept: string[];
  /** Stale ones that could not be removed (a read-only data dir …): the next sweep tries again. */
  failed: { name: string; reason: string }[];
}

/**
 * Removes work dirs a dead process left in <data dir>/tmp/ (decrypted copies of databases, which
 * must not outlive a purge's crypto-shredding). Run at `spinney serve` start-up and by every
 * backup run. Safe while other processes work (a PM2 sibling, a CLI command): a directory whose
 * owner is still running is never touched, whatever its age. One whose owner cannot be checked —
 * no owner file, or made on another host — goes once it has not changed for
 * UNCHECKED_WORK_DIR_MAX_AGE_MS. Anything else in tmp/ (a restore's `damaged-…` directory, files)
 * is left alone. Never throws: what it could not remove is in `failed`.
 */
/** `nowMs` is wall-clock time (compared with file times), not the runtime clock. */
export function sweepStaleWorkDirs(dataDir: string, nowMs: number = Date.now()): WorkDirSweep {
  const tmp = join(dataDir, 'tmp');
  const sweep: WorkDirSweep = { removed: [], kept: [], failed: [] };
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') sweep.failed.push({ name: '.', reason: (err as Error).message });
    return sweep;
  }
  const host = hostname();
  for (const name of names.sort()) {
    const dir = join(tmp, name);
    let stats;
    try {
      stats = lstatSync(dir);
    } catch {
      continue; // gone meanwhile (its owner finished)
    }
    if (!stats.isDirectory()) continue;
    const owner = readOwner(dir);
    if (!owner && !WORK_DIR_NAME.test(name)) continue;
    const stale = owner && owner.host === host ? !ownerAlive(owner) : nowMs - stats.mtimeMs > UNCHECKED_WORK_DIR_MAX_AGE_MS;
    if (!stale) {
      sweep.kept.push(name);
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      sweep.removed.push(name);
    } catch (err) {
      sweep.failed.push({ name, reason: (err as Error).message });
    }
  }
  return sweep;
}

/** Where a restore keeps a damaged live database for inspection (the operator removes it). */
export const damagedCopyDir = (dataDir: string, tenantId: string, nowMs: number): string => join(dataDir, 'tmp', `damaged-${tenantId}-${nowMs}`);

/**
 * Removes every damaged copy a restore kept of one workspace: a purge calls it, because such a
 * copy is the workspace's plaintext and must not outlive its crypto-shredding. Returns how many.
 */
export function removeDamagedCopies(dataDir: string, tenantId: string): number {
  const tmp = join(dataDir, 'tmp');
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.startsWith(`damaged-${tenantId}-`)) {
      rmSync(join(tmp, name), { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}
