// What a target holds: its runs, read from their manifests (each authenticated before anything in
// it is believed), and the choice of a run for a restore (by id, or the latest at or before a time).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { BackupRefused } from './errors.js';
import { isRunId, manifestName, RUNS_PREFIX } from './layout.js';
import { openManifestWithKey, type Manifest } from './manifest.js';
import { ObjectMissing, type BackupTarget } from './targets/target.js';

export type RunEntry =
  /** `keyVersion`: the app root key version the manifest's MAC was made with. */
  | { runId: string; status: 'complete'; manifest: Manifest; keyVersion: number; bytes: number }
  /** Objects without a manifest: a run in progress, or one that failed. */
  | { runId: string; status: 'incomplete'; bytes: number }
  | { runId: string; status: 'unauthenticated'; reason: string; bytes: number };

/** Downloads and authenticates a run's manifest; throws BackupRefused when there is none or it does not authenticate. */
export async function readManifest(config: Config, target: BackupTarget, runId: string, workDir: string): Promise<Manifest> {
  return (await readManifestWithKey(config, target, runId, workDir)).manifest;
}

async function readManifestWithKey(config: Config, target: BackupTarget, runId: string, workDir: string): Promise<{ manifest: Manifest; keyVersion: number }> {
  if (!isRunId(runId)) throw new BackupRefused(`${runId} is not a backup run id (see spinney backup list)`);
  const file = join(workDir, `manifest-${runId}.json`);
  try {
    await target.get(manifestName(runId), file);
    return openManifestWithKey(config, runId, await readFile(file));
  } catch (err) {
    if (err instanceof ObjectMissing) throw new BackupRefused(`${target.description} holds no complete run ${runId}`);
    throw err;
  } finally {
    await rm(file, { force: true });
  }
}

/** Every run on the target, oldest first. */
export async function listRuns(config: Config, target: BackupTarget, workDir: string): Promise<RunEntry[]> {
  const byRun = new Map<string, { bytes: number; manifest: boolean }>();
  for (const object of await target.list(RUNS_PREFIX)) {
    const runId = object.name.slice(RUNS_PREFIX.length).split('/')[0] as string;
    if (!isRunId(runId)) continue;
    const entry = byRun.get(runId) ?? { bytes: 0, manifest: false };
    entry.bytes += object.size;
    entry.manifest ||= object.name === manifestName(runId);
    byRun.set(runId, entry);
  }
  const runs: RunEntry[] = [];
  for (const [runId, { bytes, manifest }] of [...byRun].sort(([a], [b]) => a.localeCompare(b))) {
    if (!manifest) {
      runs.push({ runId, status: 'incomplete', bytes });
      continue;
    }
    try {
      runs.push({ runId, status: 'complete', ...(await readManifestWithKey(config, target, runId, workDir)), bytes });
    } catch (err) {
      if (!(err instanceof BackupRefused)) throw err;
      runs.push({ runId, status: 'unauthenticated', reason: err.message, bytes });
    }
  }
  return runs;
}

/** The latest complete run holding the workspace and made at or before the time. */
export function runAtOrBefore(runs: RunEntry[], tenantId: string, at: string): string {
  const atMs = Date.parse(at);
  if (Number.isNaN(atMs)) throw new BackupRefused(`${at} is not a time (use ISO 8601, e.g. 2026-11-23T10:00:00Z)`);
  const candidates = runs.filter(
    (run): run is Extract<RunEntry, { status: 'complete' }> =>
      run.status === 'complete' && Date.parse(run.manifest.startedAt) <= atMs && run.manifest.objects.some((o) => o.kind === 'tenant' && o.tenantId === tenantId),
  );
  const chosen = candidates.sort((a, b) => Date.parse(a.manifest.startedAt) - Date.parse(b.manifest.startedAt)).at(-1);
  if (!chosen) throw new BackupRefused(`no complete backup of ${tenantId} was made at or before ${new Date(atMs).toISOString()}`);
  return chosen.runId;
}
