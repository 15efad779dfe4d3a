// Totals of a retention job that walks every workspace: one count per table policy it runs.
import type { DataPolicies, Plane } from '../data-policy/data-policy.js';

/** Zero for each count the job's policies of this plane report (so a run over no workspace still says 0). */
export function zeroCounts(policies: DataPolicies, plane: Plane, job: string): Record<string, number> {
  return Object.fromEntries(policies.retainedBy(job).filter((r) => r.plane === plane).map((r) => [r.retention.countAs, 0]));
}

/** Adds one workspace's counts to the job's totals. */
export function addCounts(totals: Record<string, number>, counts: Record<string, number>): void {
  for (const [key, n] of Object.entries(counts)) totals[key] = (totals[key] ?? 0) + n;
}
