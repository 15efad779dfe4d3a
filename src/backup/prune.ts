// `spinney backup prune` and the `backup-prune` job. Retention (SPINNEY_BACKUP_KEEP_*): every run
// of the last 48 hours, then the newest run of each day (UTC) for 30 days; older runs go. Never
// deleted: the newest complete run, the newest complete run holding each workspace that still
// exists (a workspace backed up alone, or failing in later runs, keeps its last good copy), and a
// run whose manifest does not authenticate (evidence for a person to look at; `list` shows it).
// A run without a manifest (it failed, or is in progress) goes once it is older than 48 hours.
// A run's manifest is deleted first, so a run cut short while being pruned reads as incomplete.
// `--dry-run` lists the runs that would go and their bytes, and deletes nothing.
import { rm } from 'node:fs/promises';
import { recordPlatformEvent } from '../audit/audit.service.js';
import type { BackupConfig } from '../config/config.js';
import { listTenants } from '../tenants/tenants.service.js';
import type { Runtime } from '../runtime.js';
import { listRuns, type RunEntry } from './catalog.js';
import { makeWorkDir, manifestName, runPrefix } from './layout.js';
import { openTarget } from './targets/open-target.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** When a run was made: its manifest's start, or (no manifest) the time in its id. */
export function runTime(run: RunEntry): number {
  if (run.status === 'complete') return Date.parse(run.manifest.startedAt);
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z/.exec(run.runId);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7])) : 0;
}

/** Which runs go (oldest first), by the rules above. */
export function runsToDelete(runs: RunEntry[], nowMs: number, retention: Pick<BackupConfig, 'keepAllHours' | 'keepDailyDays'>, liveTenants: ReadonlySet<string>): string[] {
  const complete = runs.filter((r): r is Extract<RunEntry, { status: 'complete' }> => r.status === 'complete').sort((a, b) => runTime(a) - runTime(b));
  const keep = new Set<string>();
  const newest = complete.at(-1);
  if (newest) keep.add(newest.runId);
  const newestWith = new Map<string, string>();
  for (const run of complete) for (const o of run.manifest.objects) if (o.tenantId) newestWith.set(o.tenantId, run.runId);
  for (const [tenantId, runId] of newestWith) if (liveTenants.has(tenantId)) keep.add(runId);
  const newestOfDay = new Map<string, string>();
  for (const run of complete) {
    const age = nowMs - runTime(run);
    if (age <= retention.keepAllHours * HOUR_MS) keep.add(run.runId);
    else if (age <= retention.keepDailyDays * DAY_MS) newestOfDay.set(new Date(runTime(run)).toISOString().slice(0, 10), run.runId);
  }
  for (const runId of newestOfDay.values()) keep.add(runId);
  return runs
    .filter((run) => {
      if (run.status === 'unauthenticated') return false;
      if (run.status === 'incomplete') return nowMs - runTime(run) > retention.keepAllHours * HOUR_MS;
      return !keep.has(run.runId);
    })
    .map((run) => run.runId);
}

export interface PruneSummary {
  /** True when nothing was deleted: `deleted` and the bytes are what a real prune would delete now. */
  dryRun: boolean;
  runs: number;
  /** The runs deleted (or, in a dry run, that would be), oldest first. */
  deleted: string[];
  /** Bytes on the target of each of those runs. */
  bytesByRun: Record<string, number>;
  bytesFreed: number;
  /** Runs whose manifest does not authenticate: kept, for a person to look at. */
  unauthenticated: string[];
}

/** Prunes the target; with `dryRun`, only says what would go (nothing deleted, nothing audited). */
export async function pruneBackups(runtime: Runtime, options: { actor: 'operator' | 'system'; dryRun?: boolean }): Promise<PruneSummary> {
  const dryRun = options.dryRun === true;
  const target = await openTarget(runtime.config.backup);
  const workDir = makeWorkDir(runtime.config.dataDir, 'prune');
  try {
    const runs = await listRuns(runtime.config, target, workDir);
    const live = new Set(listTenants(runtime).map((t) => t.id));
    const deleted = runsToDelete(runs, runtime.clock.now(), runtime.config.backup, live);
    const bytesByRun: Record<string, number> = {};
    let bytesFreed = 0;
    for (const runId of deleted) {
      const objects = await target.list(runPrefix(runId));
      const manifest = objects.filter((o) => o.name === manifestName(runId));
      bytesByRun[runId] = 0;
      for (const object of [...manifest, ...objects.filter((o) => o.name !== manifestName(runId))]) {
        if (!dryRun) await target.delete(object.name);
        bytesByRun[runId] += object.size;
        bytesFreed += object.size;
      }
    }
    const summary: PruneSummary = { dryRun, runs: runs.length, deleted, bytesByRun, bytesFreed, unauthenticated: runs.filter((r) => r.status === 'unauthenticated').map((r) => r.runId) };
    if (!dryRun && deleted.length > 0) recordPlatformEvent(runtime, 'backup.pruned', null, { after: { deleted, bytesFreed, kept: runs.length - deleted.length } }, options.actor);
    return summary;
  } finally {
    target.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
