// `spinney jobs list|run`: the scheduled jobs, their last outcome, and running one by hand in this
// process (refused while the server, or another command, is running the same job).
import type { Command } from 'commander';
import type { JobRunRow } from '../jobs/job-runs.repo.js';
import type { JobRun } from '../jobs/runner.js';
import { CliError, print, withRuntime } from './support.js';

const counted = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

const parsedCounts = (row: JobRunRow): Record<string, number> => (row.counts ? (JSON.parse(row.counts) as Record<string, number>) : {});

const lastRunView = (row: JobRunRow | undefined) =>
  row
    ? { id: row.id, trigger: row.triggered_by, status: row.status, startedAt: row.started_at, finishedAt: row.finished_at, counts: parsedCounts(row), error: row.error }
    : null;

export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('the scheduled jobs (retention, audit verification): list them, run one now');

  jobs
    .command('list')
    .description('each job, its schedule (UTC) and its last run')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) =>
      withRuntime(async (runtime) => {
        const [{ scheduleOf }, { lastJobRun }, { registeredJobs }] = await Promise.all([import('../jobs/job.js'), import('../jobs/job-runs.repo.js'), import('../jobs/registry.js')]);
        const views = registeredJobs().map((job) => ({ name: job.name, schedule: scheduleOf(job, runtime.config), description: job.description, lastRun: lastRunView(lastJobRun(runtime.control, job.name)) }));
        if (options.json) return print(views);
        for (const view of views) {
          const last = view.lastRun;
          const outcome = !last ? 'never run' : last.status === 'running' ? `running since ${last.startedAt} (${last.trigger})` : `${last.status} at ${last.finishedAt} (${last.trigger}): ${counted(last.counts) || 'nothing counted'}${last.error ? ` — ${last.error}` : ''}`;
          print(`${view.name.padEnd(16)}  ${view.schedule.padEnd(12)}  ${outcome}`);
        }
      }),
    );

  jobs
    .command('run <name>')
    .description('run a job now in this process and print its counts; exit 1 if it failed or partly failed')
    .option('--json', 'print the run as JSON')
    .action(async (name: string, options: { json?: boolean }) =>
      withRuntime(async (runtime) => {
        const [{ default: pino }, { findJob }, { JobBusy, runJob }, { createLogger }, { humanLogDestination }] = await Promise.all([
          import('pino'),
          import('../jobs/registry.js'),
          import('../jobs/runner.js'),
          import('../logging/logger.js'),
          import('../logging/human-lines.js'),
        ]);
        const job = findJob(name);
        if (!job) throw new CliError(`no job named ${name} (spinney jobs list shows them)`);
        // Log lines to stderr, written at once: stdout carries the result. A person at a terminal
        // reads them as text; captured stderr (cron, a pipe) keeps JSON lines for the log files.
        const log = createLogger(runtime.config, process.stderr.isTTY ? humanLogDestination(process.stderr) : pino.destination({ dest: 2, sync: true }));
        let run: JobRun;
        try {
          run = await runJob(runtime, job, { trigger: 'cli', log });
        } catch (err) {
          if (err instanceof JobBusy) throw new CliError(err.message);
          throw err;
        }
        if (options.json) print(run);
        else print(`${run.job}: ${run.status} (${counted(run.counts) || 'nothing counted'})${run.error ? `\n${run.error}` : ''}`);
        if (run.status !== 'ok') throw new CliError(`job ${run.job} ${run.status === 'failed' ? 'failed' : 'partly failed'}; see the log lines above or spinney jobs list`);
      }),
    );
}
