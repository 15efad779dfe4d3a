// What a scheduled job is. A job has a stable name (the CLI and job_runs use it), a cron schedule
// in UTC, and a run function that returns counts (numbers only: they are logged and stored, so
// never content, emails or secrets). The runner (runner.ts) records every run in job_runs and
// keeps two runs of one job from overlapping, in one process or across processes.
import type { LogFn } from 'pino';
import type { Config } from '../config/config.js';
import type { Runtime } from '../runtime.js';

export type JobTrigger = 'schedule' | 'cli';

/** The log calls jobs make: a pino logger, such as the server's (Fastify's is one). */
export interface JobLogger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  debug: LogFn;
  child(bindings: Record<string, unknown>): JobLogger;
}

export type JobCounts = Record<string, number>;

export interface JobContext {
  readonly trigger: JobTrigger;
  /** Lines about this run (already bound to the job, run id and trigger). */
  readonly log: JobLogger;
  /**
   * Calls fn for each workspace that is not deleted, one at a time, yielding to the event loop in
   * between (a server keeps answering requests while a job walks many workspaces). A workspace
   * whose fn throws is logged and recorded and the run ends `partial`; the others still run.
   * Stops early, also `partial`, when the process shuts down. fn binds its own tenant scope.
   */
  forEachTenant(fn: (tenantId: string) => void): Promise<void>;
  /** Marks the run `failed` with a reason (an audit chain found broken), without stopping it. */
  fail(reason: string): void;
}

export interface Job {
  readonly name: string;
  /** node-cron expression (five fields, or six with seconds), evaluated in UTC. */
  readonly schedule: string;
  /** A schedule the operator sets (the backup job: SPINNEY_BACKUP_SCHEDULE); `schedule` is then its default. */
  scheduleFrom?(config: Config): string;
  readonly description: string;
  run(runtime: Runtime, context: JobContext): Promise<JobCounts> | JobCounts;
}

/** The schedule a job runs on with these settings. */
export const scheduleOf = (job: Job, config: Config): string => job.scheduleFrom?.(config) ?? job.schedule;

/** The tenant scope jobs run in: no user acts, no request. */
export const JOB_SCOPE = { actor: null, requestId: null } as const;

export const DAY_MS = 86_400_000;
