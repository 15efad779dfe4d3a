// The scheduler inside `spinney serve`: on only in PM2 instance 0 (or outside PM2) and unless
// SPINNEY_JOBS=off; scheduled runs are recorded as such; stopping it leaves no timer behind and
// waits for a run in progress, which stops after the current workspace.
import t from 'tap';
import cron from 'node-cron';
import { loadConfig } from '../../src/config/config.js';
import type { Job } from '../../src/jobs/job.js';
import { registeredJobs } from '../../src/jobs/registry.js';
import { schedulerDecision, startJobScheduler } from '../../src/jobs/scheduler.js';
import { build, TEST_KEYS, tempDataDir } from '../helpers/app.js';
import { captureLog, jobRuns } from './helpers.js';

const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

t.test('the scheduler runs only outside PM2 or in its instance 0, and not with SPINNEY_JOBS=off', async (t) => {
  const config = (env: Record<string, string>) => loadConfig({ SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: tempDataDir(t), ...TEST_KEYS, ...env }).config;
  t.same(schedulerDecision(config({})), { run: true }, 'outside PM2');
  t.same(schedulerDecision(config({ NODE_APP_INSTANCE: '0' })), { run: true }, 'PM2 instance 0');
  t.same(schedulerDecision(config({ NODE_APP_INSTANCE: '1' })), { run: false, reason: 'PM2 instance 1: only instance 0 runs jobs' });
  t.same(schedulerDecision(config({ SPINNEY_JOBS: 'off' })), { run: false, reason: 'SPINNEY_JOBS is off' });
  t.same(schedulerDecision(config({ SPINNEY_JOBS: 'on', NODE_APP_INSTANCE: '0' })), { run: true });
  t.throws(() => config({ SPINNEY_JOBS: 'sometimes' }), /SPINNEY_JOBS must be true or false/);

  for (const env of [{ NODE_APP_INSTANCE: '1' }, { SPINNEY_JOBS: 'off' }] as Record<string, string>[]) {
    const api = await build(t, env);
    const before = timers();
    const { log, lines } = captureLog();
    const scheduler = startJobScheduler(api.runtime, log);
    t.same(scheduler.jobs, [], `no jobs with ${JSON.stringify(env)}`);
    t.equal(cron.getTasks().size, 0, 'no task scheduled');
    t.equal(timers(), before, 'no timer started');
    t.match(lines, [{ msg: 'scheduled jobs are off in this process', reason: /only instance 0|SPINNEY_JOBS is off/ }]);
    await scheduler.stop();
  }
});

t.test('the scheduler schedules every registered job in UTC and stops without leaving a timer', async (t) => {
  const api = await build(t);
  const before = timers();
  const { log, lines } = captureLog();
  const scheduler = startJobScheduler(api.runtime, log);
  const names = registeredJobs().map((job) => job.name);
  t.same(scheduler.jobs, names);
  t.same(names.slice().sort(), ['audit-verify', 'backup', 'backup-prune', 'control-purge', 'mailbox-poll', 'sessions-purge', 'tenant-purge', 'webhooks-purge'], 'the eight jobs');
  t.same([...cron.getTasks().values()].map((task) => task.name).sort(), names.map((name) => `spinney:${name}`).sort());
  const auditTask = [...cron.getTasks().values()].find((task) => task.name === 'spinney:audit-verify');
  const next = auditTask?.getNextRun();
  t.equal(next?.getUTCHours(), 3, 'audit-verify runs at 03:00 UTC');
  t.equal(next?.getUTCMinutes(), 0);
  t.ok(timers() > before, 'timers are running');
  t.match(lines, [{ msg: 'scheduled jobs started', jobs: names }]);

  await scheduler.stop();
  await scheduler.stop(); // a second stop (signal twice) is harmless
  t.equal(cron.getTasks().size, 0, 'every task destroyed');
  t.equal(timers(), before, 'no timer left: the process can exit');
});

t.test('a scheduled run is recorded with trigger schedule, and stop waits for a run in progress', async (t) => {
  const api = await build(t);
  api.tenant('One');
  api.tenant('Two');
  let runs = 0;
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const everySecond: Job = {
    name: 'every-second',
    schedule: '* * * * * *',
    description: 'test',
    async run(_runtime, context) {
      runs += 1;
      await gate;
      let visited = 0;
      await context.forEachTenant(() => {
        visited += 1;
      });
      return { visited };
    },
  };
  const { log, lines } = captureLog();
  const scheduler = startJobScheduler(api.runtime, log, [everySecond]);
  await until(() => runs === 1);
  t.match(jobRuns(api.runtime, 'every-second'), [{ status: 'running', triggered_by: 'schedule' }], 'recorded as a scheduled run');
  await new Promise((resolve) => setTimeout(resolve, 1200));
  t.equal(runs, 1, 'the next second does not start a second run while the first is busy (noOverlap)');

  const stopped = scheduler.stop();
  let stoppedYet = false;
  void stopped.then(() => (stoppedYet = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.notOk(stoppedYet, 'stop waits for the run in progress');
  release();
  await stopped;
  const [run] = jobRuns(api.runtime, 'every-second');
  t.match(run, { status: 'partial', error: 'stopped by shutdown before every workspace was processed', lease_until: null }, 'which stopped before walking the workspaces and said so');
  t.same(JSON.parse(run?.counts ?? '{}'), { visited: 0, tenants: 0, tenantsFailed: 0 });
  t.notOk(lines.some((l) => l.level >= 50), 'no error logged');
});

t.test('a scheduled run is skipped and logged while another process holds the job lock', async (t) => {
  const api = await build(t);
  let runs = 0;
  const everySecond: Job = { name: 'every-second', schedule: '* * * * * *', description: 'test', run: () => ({ ran: ++runs }) };
  api.runtime.control
    .statement(`INSERT INTO job_runs (id, job, triggered_by, holder, started_at, lease_until, status) VALUES ('jr_heldbythecliaaaaaaaaaaaa', 'every-second', 'cli', 'ops:99', ?, ?, 'running')`)
    .run(new Date().toISOString(), new Date(Date.now() + 600_000).toISOString());
  const { log, lines } = captureLog();
  const scheduler = startJobScheduler(api.runtime, log, [everySecond]);
  t.teardown(() => scheduler.stop());
  await until(() => lines.some((l) => l.msg === 'job skipped: another run of it is in progress'));
  await scheduler.stop();
  t.equal(runs, 0, 'the job did not run');
  t.match(lines.find((l) => l.msg.startsWith('job skipped')), { level: 30, job: 'every-second', heldBy: 'jr_heldbythecliaaaaaaaaaaaa' });
  t.match(jobRuns(api.runtime, 'every-second'), [{ id: 'jr_heldbythecliaaaaaaaaaaaa', status: 'running' }], 'and recorded nothing');
});

t.test('node-cron warnings (a run missed while the event loop was blocked) go to the log as JSON lines', async (t) => {
  const api = await build(t);
  const { log, lines } = captureLog();
  const scheduler = startJobScheduler(api.runtime, log, [{ name: 'every-second', schedule: '* * * * * *', description: 'test', run: () => ({}) }]);
  t.teardown(() => scheduler.stop());
  const blockedUntil = Date.now() + 2500;
  while (Date.now() < blockedUntil); // a blocked event loop, as a long synchronous request would cause
  await until(() => lines.some((l) => /missed execution/.test(l.msg)));
  await scheduler.stop();
  t.match(lines.find((l) => /missed execution/.test(l.msg)), { level: 40 });
});
