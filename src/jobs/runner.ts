// Runs one job once, for the scheduler or `spinney jobs run`: claims the job's lock in job_runs
// (refused while another run of the same job holds it, in this process or any other), logs one
// start and one end line, and records the outcome:
//   ok       everything done
//   partial  some workspaces failed (each logged and named in the error text) or the process was
//            shutting down; the others were processed
//   failed   the job threw, or it reported a failure (a broken audit chain)
import { hostname } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { listTenants } from '../tenants/tenants.service.js';
import { newId } from '../http/ids.js';
import type { Runtime } from '../runtime.js';
import { isoAt } from '../time/clock.js';
import { claimJobRun, finishJobRun, renewJobLease, type JobRunRow, type JobRunStatus } from './job-runs.repo.js';
import type { Job, JobContext, JobCounts, JobLogger, JobTrigger } from './job.js';

/**
 * How long a claim holds without progress. Walking workspaces renews it after each one, so only a
 * process that stopped (crash, kill -9) lets it run out; the next run then takes over.
 */
export const JOB_LEASE_MS = 10 * 60_000;
// Error texts are for an operator reading `spinney jobs list`: enough to find the failing
// workspace in the log, bounded however many fail.
const MAX_ERROR_CHARS = 2000;

export class JobBusy extends Error {
  constructor(readonly holder: JobRunRow) {
    super(`job ${holder.job} is already running (run ${holder.id}, started ${holder.started_at} by ${holder.holder} from ${holder.triggered_by === 'cli' ? 'the CLI' : 'the schedule'}; its lock holds until ${holder.lease_until}); try again when it has finished`);
    this.name = 'JobBusy';
  }
}

export interface JobRun {
  id: string;
  job: string;
  trigger: JobTrigger;
  status: Exclude<JobRunStatus, 'running'>;
  startedAt: string;
  finishedAt: string;
  counts: JobCounts;
  error: string | null;
}

export interface RunOptions {
  trigger: JobTrigger;
  log: JobLogger;
  /** Aborted when the process shuts down: a job walking workspaces stops after the current one. */
  signal?: AbortSignal;
}

/** One line, no stack: what went wrong, by error type and message (our messages never hold secrets). */
const describe = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/** Runs the job now. Throws JobBusy (and records nothing) when another run of it holds the lock. */
export async function runJob(runtime: Runtime, job: Job, options: RunOptions): Promise<JobRun> {
  const { control, clock } = runtime;
  const id = newId('jobRun');
  const startedMs = clock.now();
  const claim = claimJobRun(control, { id, job: job.name, trigger: options.trigger, holder: `${hostname()}:${process.pid}`, now: isoAt(startedMs), leaseUntil: isoAt(startedMs + JOB_LEASE_MS) });
  if (!claim.claimed) throw new JobBusy(claim.holder);

  const log = options.log.child({ job: job.name, runId: id, trigger: options.trigger });
  log.info('job started');
  const problems: string[] = [];
  let failed = false;
  let partial = false;
  // Set by forEachTenant: a job that walks workspaces reports how many, and how many failed.
  let walked = false;
  const tenants = { tenants: 0, tenantsFailed: 0 };

  const context: JobContext = {
    trigger: options.trigger,
    log,
    async forEachTenant(fn) {
      walked = true;
      for (const { id: tenantId } of listTenants(runtime)) {
        if (options.signal?.aborted) {
          partial = true;
          problems.push('stopped by shutdown before every workspace was processed');
          return;
        }
        tenants.tenants += 1;
        try {
          fn(tenantId);
        } catch (err) {
          tenants.tenantsFailed += 1;
          partial = true;
          problems.push(`${tenantId}: ${describe(err)}`);
          log.error({ err, tenantId }, 'job failed for a workspace; going on with the others');
        }
        if (!renewJobLease(control, id, isoAt(clock.now() + JOB_LEASE_MS))) {
          partial = true;
          problems.push('lost its lock (it ran past its lease and another run took over)');
          return;
        }
        await yieldToEventLoop();
      }
    },
    fail(reason) {
      failed = true;
      problems.push(reason);
    },
  };

  let counts: JobCounts = {};
  let thrown: unknown;
  try {
    counts = await job.run(runtime, context);
  } catch (err) {
    thrown = err;
    failed = true;
    problems.unshift(describe(err));
  }
  if (walked) counts = { ...counts, ...tenants };
  const status = failed ? 'failed' : partial ? 'partial' : 'ok';
  const finishedMs = clock.now();
  const error = problems.length > 0 ? problems.join('; ').slice(0, MAX_ERROR_CHARS) : null;
  finishJobRun(control, { id, status, finishedAt: isoAt(finishedMs), counts, error });

  const end = { status, counts, durationMs: finishedMs - startedMs, ...(thrown ? { err: thrown } : {}) };
  if (status === 'ok') log.info(end, 'job finished');
  else if (status === 'partial') log.warn(end, 'job finished');
  else log.error(end, 'job finished');
  return { id, job: job.name, trigger: options.trigger, status, startedAt: isoAt(startedMs), finishedAt: isoAt(finishedMs), counts, error };
}
