// Running a job: every run recorded in job_runs and logged once at start and once at the end; a
// failing workspace does not stop the others; a run never overlaps another run of the same job.
import t from 'tap';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { listTenants } from '../../src/tenants/tenants.service.js';
import type { Job } from '../../src/jobs/job.js';
import { JOB_LEASE_MS, JobBusy, runJob } from '../../src/jobs/runner.js';
import { sessionsPurgeJob, SESSION_RETENTION_DAYS } from '../../src/jobs/sessions-purge.job.js';
import { newId } from '../../src/http/ids.js';
import type { Runtime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { at, captureLog, DAY, inTenant, jobApp, jobRuns, NOW, tenantRows } from './helpers.js';

/** One session that ended long past retention, so sessions-purge has something to delete. */
function seedOldSession(runtime: Runtime, tenantId: string): void {
  const ended = at(NOW - (SESSION_RETENTION_DAYS + 1) * DAY);
  inTenant(runtime, tenantId, () =>
    tenantDb()
      .statement(
        `INSERT INTO sessions (id, user_id, role, provider, client_kind, created_at, authenticated_at, last_seen_at, expires_at, ended_at, end_reason)
         VALUES (?, 'us_someone', 'member', 'test', 'native', ?, ?, ?, ?, ?, 'signed_out')`,
      )
      .run(newId('session'), ended, ended, ended, ended, ended),
  );
}

t.test('a failing workspace is logged and recorded, the others are processed and the run is partial', async (t) => {
  const { api } = await jobApp(t);
  for (const name of ['One', 'Two', 'Three']) api.tenant(name);
  // In the order the job walks them: the broken one is in the middle, so one comes after it.
  const tenants = listTenants(api.runtime);
  for (const tenant of tenants) seedOldSession(api.runtime, tenant.id);
  const broken = tenants[1]?.id as string;
  // Damage one workspace behind the server's back: its refresh-token table is gone.
  const file = new Database(join(api.config.dataDir, 'tenants', broken, 'tenant.db'));
  file.exec('DROP TABLE refresh_tokens');
  file.close();

  const { log, lines } = captureLog();
  const run = await runJob(api.runtime, sessionsPurgeJob, { trigger: 'cli', log });
  t.equal(run.status, 'partial');
  t.same(run.counts, { sessions: 2, refreshTokens: 0, tenants: 3, tenantsFailed: 1 }, 'the workspaces before and after the broken one were purged');
  t.same(tenants.map((tenant) => tenantRows(api.runtime, tenant.id, 'sessions')), [0, 1, 0], 'the broken one kept its session (its transaction rolled back)');
  t.match(run.error, new RegExp(`^${broken}: SqliteError: no such table: refresh_tokens$`), 'the error names the workspace and the cause');

  const [row] = jobRuns(api.runtime, 'sessions-purge');
  t.match(row, { id: run.id, triggered_by: 'cli', status: 'partial', finished_at: at(NOW), lease_until: null, error: run.error });
  t.same(JSON.parse(row?.counts ?? '{}'), run.counts, 'the counts are stored');

  const ofRun = lines.filter((l) => l.runId === run.id);
  t.same(ofRun.map((l) => l.msg), ['job started', 'job failed for a workspace; going on with the others', 'job finished'], 'one start line, one line for the failure, one end line');
  t.match(ofRun[1], { level: 50, tenantId: broken, job: 'sessions-purge' });
  t.match(ofRun[2], { level: 40, status: 'partial', counts: run.counts, trigger: 'cli' });
});

t.test('a job that throws is recorded as failed with its error', async (t) => {
  const { api } = await jobApp(t);
  const job: Job = { name: 'always-throws', schedule: '0 0 * * *', description: 'test', run: () => { throw new Error('the disk is full'); } };
  const { log, lines } = captureLog();
  const run = await runJob(api.runtime, job, { trigger: 'schedule', log });
  t.match(run, { status: 'failed', error: 'Error: the disk is full', counts: {} });
  t.match(jobRuns(api.runtime, 'always-throws'), [{ status: 'failed', triggered_by: 'schedule', error: 'Error: the disk is full' }]);
  t.match(lines.at(-1), { level: 50, msg: 'job finished', status: 'failed', err: { message: 'the disk is full' } });
});

t.test('a second run of a job while the first holds its lock is refused and deletes nothing', async (t) => {
  const { api, clock } = await jobApp(t);
  const tenant = api.tenant();
  seedOldSession(api.runtime, tenant.id);
  // The first run waits inside, holding the lock, until released.
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered = (): void => {};
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const slowPurge: Job = {
    ...sessionsPurgeJob,
    async run(runtime, context) {
      entered();
      await gate;
      return sessionsPurgeJob.run(runtime, context);
    },
  };
  const { log } = captureLog();
  const first = runJob(api.runtime, slowPurge, { trigger: 'schedule', log });
  await inside;

  const second = await runJob(api.runtime, sessionsPurgeJob, { trigger: 'cli', log }).then(
    () => null,
    (err: unknown) => err,
  );
  t.type(second, JobBusy, 'refused');
  t.match((second as Error).message, /^job sessions-purge is already running \(run jr_[a-z2-7]{24}, started 2026-06-01T12:00:00\.000Z by .+:\d+ from the schedule; its lock holds until 2026-06-01T12:10:00\.000Z\)/);
  t.equal(tenantRows(api.runtime, tenant.id, 'sessions'), 1, 'the refused run deleted nothing');
  t.match(jobRuns(api.runtime, 'sessions-purge'), [{ status: 'running', triggered_by: 'schedule' }], 'and recorded no run of its own');

  clock.advance(JOB_LEASE_MS - 1);
  await t.rejects(runJob(api.runtime, sessionsPurgeJob, { trigger: 'cli', log }), JobBusy, 'still refused just before the lease runs out');

  release();
  const done = await first;
  t.match(done, { status: 'ok', counts: { sessions: 1 } });
  const after = await runJob(api.runtime, sessionsPurgeJob, { trigger: 'cli', log });
  t.equal(after.status, 'ok', 'once the first has finished the job runs again');
  t.same(jobRuns(api.runtime, 'sessions-purge').map((r) => r.status), ['ok', 'ok']);
});

t.test('a run whose process died is taken over once its lease has passed and recorded as abandoned', async (t) => {
  const { api, clock } = await jobApp(t);
  const tenant = api.tenant();
  seedOldSession(api.runtime, tenant.id);
  api.runtime.control
    .statement(`INSERT INTO job_runs (id, job, triggered_by, holder, started_at, lease_until, status) VALUES ('jr_deadprocessaaaaaaaaaaaaa', 'sessions-purge', 'schedule', 'otherhost:4242', ?, ?, 'running')`)
    .run(at(NOW), at(NOW + JOB_LEASE_MS));
  const { log } = captureLog();
  await t.rejects(runJob(api.runtime, sessionsPurgeJob, { trigger: 'cli', log }), { name: 'JobBusy', message: /by otherhost:4242 from the schedule/ });
  t.equal(tenantRows(api.runtime, tenant.id, 'sessions'), 1);

  clock.advance(JOB_LEASE_MS);
  const run = await runJob(api.runtime, sessionsPurgeJob, { trigger: 'cli', log });
  t.match(run, { status: 'ok', counts: { sessions: 1 } }, 'taken over');
  t.match(jobRuns(api.runtime, 'sessions-purge'), [
    { id: 'jr_deadprocessaaaaaaaaaaaaa', status: 'failed', finished_at: at(NOW + JOB_LEASE_MS), error: `abandoned: otherhost:4242 stopped before finishing; its lock expired at ${at(NOW + JOB_LEASE_MS)}` },
    { id: run.id, status: 'ok' },
  ]);
});

t.test('a run stops after the current workspace when the process shuts down, and is partial', async (t) => {
  const { api } = await jobApp(t);
  for (const name of ['One', 'Two', 'Three']) api.tenant(name);
  const shutdown = new AbortController();
  const visited: string[] = [];
  const job: Job = {
    name: 'walks-workspaces',
    schedule: '0 * * * *',
    description: 'test',
    async run(_runtime, context) {
      await context.forEachTenant((tenantId) => {
        visited.push(tenantId);
        if (visited.length === 1) shutdown.abort();
      });
      return { visited: visited.length };
    },
  };
  const run = await runJob(api.runtime, job, { trigger: 'schedule', log: captureLog().log, signal: shutdown.signal });
  t.same(visited, [listTenants(api.runtime)[0]?.id], 'only the first workspace');
  t.match(run, { status: 'partial', counts: { visited: 1, tenants: 1, tenantsFailed: 0 }, error: 'stopped by shutdown before every workspace was processed' });
});

t.test('a run that outlived its lease and was taken over stops walking workspaces and says so', async (t) => {
  const { api, clock } = await jobApp(t);
  for (const name of ['One', 'Two', 'Three']) api.tenant(name);
  const { log } = captureLog();
  let takeover: Promise<unknown> = Promise.resolve();
  let visited = 0;
  const slow: Job = {
    name: 'slow-walk',
    schedule: '0 * * * *',
    description: 'test',
    async run(runtime, context) {
      await context.forEachTenant(() => {
        visited += 1;
        // The first workspace took longer than the lease: another process claims the job meanwhile.
        clock.advance(JOB_LEASE_MS + 1);
        takeover = runJob(runtime, { ...slow, run: () => ({}) }, { trigger: 'cli', log });
      });
      return {};
    },
  };
  const run = await runJob(api.runtime, slow, { trigger: 'schedule', log });
  await takeover;
  t.equal(visited, 1, 'it stopped after the workspace during which it lost the lock');
  t.match(run, { status: 'partial', error: 'lost its lock (it ran past its lease and another run took over)' });
  t.match(jobRuns(api.runtime, 'slow-walk').map((r) => [r.triggered_by, r.status]), [['schedule', 'partial'], ['cli', 'ok']]);
});
