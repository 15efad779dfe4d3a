// Runs the registered jobs on their schedules inside `spinney serve` (never in CLI commands or
// tests' apps). Under PM2 cluster mode every instance is a server process, so only instance 0
// (NODE_APP_INSTANCE unset or "0") schedules jobs, and SPINNEY_JOBS=off turns them off (e.g. for a
// second host). A run never overlaps itself: node-cron's noOverlap within the process, and the
// job's lock in job_runs across processes (a `spinney jobs run` by hand, another instance).
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import type { Config } from '../config/config.js';
import type { Runtime } from '../runtime.js';
import { scheduleOf, type Job, type JobLogger } from './job.js';
import { registeredJobs } from './registry.js';
import { JobBusy, runJob } from './runner.js';

export type SchedulerDecision = { run: true } | { run: false; reason: string };

export function schedulerDecision(config: Pick<Config, 'jobs'>): SchedulerDecision {
  if (!config.jobs.enabled) return { run: false, reason: 'SPINNEY_JOBS is off' };
  const instance = config.jobs.pm2Instance;
  if (instance !== null && instance !== '0') return { run: false, reason: `PM2 instance ${instance}: only instance 0 runs jobs` };
  return { run: true };
}

export interface JobScheduler {
  /** Names of the jobs this process schedules (none when the scheduler is off here). */
  readonly jobs: readonly string[];
  /** Stops every schedule and waits for runs in progress (walking workspaces, they stop after the current one). */
  stop(): Promise<void>;
}

/** node-cron's own messages (a missed execution after a blocked event loop) go to our log, not the console. */
const cronLogger = (log: JobLogger): CronLogger => ({
  info: (message) => log.info(message),
  warn: (message) => log.warn(message),
  error: (message, err) => (typeof message === 'string' ? log.error({ err }, message) : log.error({ err: message }, 'scheduler error')),
  debug: (message) => log.debug(String(message)),
});

export function startJobScheduler(runtime: Runtime, log: JobLogger, jobs: Job[] = registeredJobs()): JobScheduler {
  const decision = schedulerDecision(runtime.config);
  if (!decision.run) {
    log.info({ reason: decision.reason }, 'scheduled jobs are off in this process');
    return { jobs: [], stop: async () => {} };
  }
  const shutdown = new AbortController();
  const inProgress = new Set<Promise<void>>();
  const runScheduled = (job: Job): Promise<void> => {
    const run = runJob(runtime, job, { trigger: 'schedule', log, signal: shutdown.signal }).then(
      () => {},
      (err: unknown) => {
        if (err instanceof JobBusy) log.info({ job: job.name, heldBy: err.holder.id }, 'job skipped: another run of it is in progress');
        else log.error({ err, job: job.name }, 'job run could not be started or recorded');
      },
    );
    inProgress.add(run);
    void run.finally(() => inProgress.delete(run));
    return run;
  };
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(scheduleOf(job, runtime.config), () => runScheduled(job), { name: `spinney:${job.name}`, noOverlap: true, timezone: 'UTC', logger: cronLogger(log) }),
  );
  const names = jobs.map((job) => job.name);
  log.info({ jobs: names }, 'scheduled jobs started');
  let stopped: Promise<void> | null = null;
  return {
    jobs: names,
    stop() {
      stopped ??= (async () => {
        shutdown.abort();
        for (const task of tasks) await task.destroy();
        await Promise.all(inProgress);
      })();
      return stopped;
    },
  };
}
