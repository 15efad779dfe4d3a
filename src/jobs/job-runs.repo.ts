// SQL for job_runs in control.db (migrations/control/0009_job_runs.sql): claiming a job's lock,
// renewing it, recording the outcome, and reading the last run of each job.
import type { ControlDb } from '../tenants/control-db.js';
import type { JobCounts, JobTrigger } from './job.js';

export type JobRunStatus = 'running' | 'ok' | 'partial' | 'failed';

export interface JobRunRow {
  id: string;
  job: string;
  triggered_by: JobTrigger;
  holder: string;
  started_at: string;
  lease_until: string | null;
  finished_at: string | null;
  status: JobRunStatus;
  counts: string | null;
  error: string | null;
}

export type ClaimResult = { claimed: true } | { claimed: false; holder: JobRunRow };

/**
 * Inserts a 'running' row for the job unless another run holds its lock (a 'running' row whose
 * lease is still in the future). A 'running' row whose lease has passed belongs to a process that
 * stopped mid-run: it is marked failed and the new run takes over. One IMMEDIATE transaction, so
 * two processes claiming at once take turns and exactly one wins.
 */
export function claimJobRun(
  control: ControlDb,
  run: { id: string; job: string; trigger: JobTrigger; holder: string; now: string; leaseUntil: string },
): ClaimResult {
  return control.transaction((): ClaimResult => {
    const running = control.statement(`SELECT * FROM job_runs WHERE job = ? AND status = 'running'`).get(run.job) as JobRunRow | undefined;
    if (running && (running.lease_until ?? '') > run.now) return { claimed: false, holder: running };
    if (running) {
      control
        .statement(`UPDATE job_runs SET status = 'failed', finished_at = ?, lease_until = NULL, error = ? WHERE id = ?`)
        .run(run.now, `abandoned: ${running.holder} stopped before finishing; its lock expired at ${running.lease_until}`, running.id);
    }
    control
      .statement(
        `INSERT INTO job_runs (id, job, triggered_by, holder, started_at, lease_until, status)
         VALUES (@id, @job, @trigger, @holder, @now, @leaseUntil, 'running')`,
      )
      .run(run);
    return { claimed: true };
  });
}

/** Extends a run's lock; false when the run no longer holds it (it ran past its lease and was taken over). */
export function renewJobLease(control: ControlDb, id: string, leaseUntil: string): boolean {
  return control.statement(`UPDATE job_runs SET lease_until = ? WHERE id = ? AND status = 'running'`).run(leaseUntil, id).changes === 1;
}

export function finishJobRun(control: ControlDb, run: { id: string; status: Exclude<JobRunStatus, 'running'>; finishedAt: string; counts: JobCounts; error: string | null }): void {
  control
    .statement('UPDATE job_runs SET status = @status, finished_at = @finishedAt, lease_until = NULL, counts = @counts, error = @error WHERE id = @id')
    .run({ ...run, counts: JSON.stringify(run.counts) });
}

/** The most recent run of a job (a run in progress included). */
export function lastJobRun(control: ControlDb, job: string): JobRunRow | undefined {
  return control.statement('SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, rowid DESC LIMIT 1').get(job) as JobRunRow | undefined;
}
