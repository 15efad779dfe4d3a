// `spinney jobs` as an operator runs it (the built dist/), against a real data directory that a
// server-side runtime in this test shares, as a running server would. Runs of a job go through the
// executable (their log lines go to its stderr); listings and refusals run in this process
// (test/helpers/cli-in-process.ts).
import t from 'tap';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { newId } from '../../src/http/ids.js';
import { SESSION_RETENTION_DAYS } from '../../src/jobs/sessions-purge.job.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, TEST_KEYS, tempDataDir } from '../helpers/app.js';
import { cliEnv, spinney, SPINNEY_BIN, START_DEADLINE_MS } from '../helpers/cli.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';
import { at, DAY, inTenant, jobRuns, tenantRows } from './helpers.js';

async function setup(t: Parameters<typeof build>[0]) {
  const api = await build(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS };
  const tenant = api.tenant();
  const ended = at(Date.now() - (SESSION_RETENTION_DAYS + 1) * DAY);
  inTenant(api.runtime, tenant.id, () =>
    tenantDb()
      .statement(
        `INSERT INTO sessions (id, user_id, role, provider, client_kind, created_at, authenticated_at, last_seen_at, expires_at, ended_at, end_reason)
         VALUES (?, 'us_someone', 'member', 'test', 'native', ?, ?, ?, ?, ?, 'signed_out')`,
      )
      .run(newId('session'), ended, ended, ended, ended, ended),
  );
  return { api, env, tenant };
}

t.test('spinney jobs run runs a job now and prints its counts; jobs list shows each job and its last run', async (t) => {
  const { api, env, tenant } = await setup(t);
  const help = await spinneyInProcess(['jobs'], env);
  t.equal(help.code, 0);
  t.match(help.stdout, /Usage: spinney jobs[\s\S]*list[\s\S]*run/);

  const before = await spinney(['jobs', 'list'], env);
  t.equal(before.code, 0, before.stderr);
  t.same(before.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/)[0]), ['sessions-purge', 'control-purge', 'webhooks-purge', 'tenant-purge', 'audit-verify', 'backup', 'backup-prune', 'mailbox-poll']);
  t.match(before.stdout, /^sessions-purge\s+15 \* \* \* \*\s+never run$/m);
  t.match(before.stdout, /^audit-verify\s+0 3 \* \* \*\s+never run$/m);
  t.match(before.stdout, /^backup\s+0 \* \* \* \*\s+never run$/m, 'the backup schedule (SPINNEY_BACKUP_SCHEDULE)');

  const run = await spinney(['jobs', 'run', 'sessions-purge'], env);
  t.equal(run.code, 0, run.stderr);
  t.equal(run.stdout, 'sessions-purge: ok (sessions 1, refreshTokens 0, tenants 1, tenantsFailed 0)\n');
  t.equal(tenantRows(api.runtime, tenant.id, 'sessions'), 0, 'the old session is gone');

  const logged = { ...env, SPINNEY_LOG_LEVEL: 'info' };
  const captured = (await spinney(['jobs', 'run', 'sessions-purge'], logged)).stderr.split('\n').filter(Boolean);
  t.ok(captured.length >= 2 && captured.every((line) => JSON.parse(line).service === 'spinney'), 'captured stderr (cron, a pipe) is JSON log lines only');
  // On a terminal (script(1) gives the command a pseudo-terminal) the log lines read as text.
  const envArgs = Object.entries(logged).map(([k, v]) => `${k}=${v}`);
  const tty = spawn('script', ['-qec', ['env', ...envArgs, process.execPath, SPINNEY_BIN, 'jobs', 'run', 'sessions-purge'].map((a) => `'${a}'`).join(' '), '/dev/null'], { env: cliEnv({}) });
  let screen = '';
  tty.stdout.on('data', (d: Buffer) => (screen += d.toString()));
  await once(tty, 'close');
  const lines = screen.split(/\r?\n/).filter(Boolean);
  t.match(lines[0], /^\d\d:\d\d:\d\d INFO job started job=sessions-purge runId=jr_\w+ trigger=cli$/, 'a person at a terminal reads text, not JSON');
  t.match(lines.at(-1), /^sessions-purge: ok \(sessions 0, /, 'then the summary');
  t.notOk(lines.some((line) => line.startsWith('{')), 'no JSON on the terminal');

  const json = await spinney(['jobs', 'run', 'sessions-purge', '--json'], env);
  t.equal(json.code, 0, json.stderr);
  t.match(JSON.parse(json.stdout), { id: /^jr_/, job: 'sessions-purge', trigger: 'cli', status: 'ok', counts: { sessions: 0, tenants: 1 }, error: null });

  const listed = await spinneyInProcess(['jobs', 'list', '--json'], env);
  t.equal(listed.code, 0, listed.stderr);
  const jobs = JSON.parse(listed.stdout) as { name: string; schedule: string; lastRun: unknown }[];
  t.match(jobs.find((j) => j.name === 'sessions-purge'), { schedule: '15 * * * *', description: /30 days/, lastRun: { trigger: 'cli', status: 'ok', counts: { sessions: 0 }, error: null } });
  t.equal(jobs.find((j) => j.name === 'control-purge')?.lastRun, null);
  t.match((await spinneyInProcess(['jobs', 'list'], env)).stdout, /^sessions-purge\s+15 \* \* \* \*\s+ok at \S+ \(cli\): sessions 0, refreshTokens 0, tenants 1, tenantsFailed 0$/m);

  const unknown = await spinneyInProcess(['jobs', 'run', 'tenant-purge-typo'], env);
  t.equal(unknown.code, 1);
  t.equal(unknown.stderr, 'spinney: no job named tenant-purge-typo (spinney jobs list shows them)\n');
});

t.test('spinney jobs run is refused while the server runs the same job, and exits 1 when a run fails', async (t) => {
  const { api, env, tenant } = await setup(t);
  // The server's run of the job, in progress: its lock in job_runs.
  const held = newId('jobRun');
  api.runtime.control
    .statement(`INSERT INTO job_runs (id, job, triggered_by, holder, started_at, lease_until, status) VALUES (?, 'sessions-purge', 'schedule', 'web1:1234', ?, ?, 'running')`)
    .run(held, at(Date.now()), at(Date.now() + 600_000));
  const refused = await spinneyInProcess(['jobs', 'run', 'sessions-purge'], env);
  t.equal(refused.code, 1);
  t.match(refused.stderr, new RegExp(`^spinney: job sessions-purge is already running \\(run ${held}, started \\S+ by web1:1234 from the schedule; its lock holds until \\S+\\); try again when it has finished\\n$`));
  t.equal(refused.stdout, '');
  t.equal(tenantRows(api.runtime, tenant.id, 'sessions'), 1, 'nothing deleted');
  t.equal(jobRuns(api.runtime, 'sessions-purge').length, 1, 'nothing recorded');
  t.match((await spinneyInProcess(['jobs', 'list'], env)).stdout, /^sessions-purge\s+15 \* \* \* \*\s+running since \S+ \(schedule\)$/m);

  for (const name of ['Dana', 'Eli']) await api.call({ method: 'POST', url: '/api/v1/contacts', token: tenant.token(), payload: { name } });
  const file = new Database(join(api.config.dataDir, 'tenants', tenant.id, 'tenant.db'));
  file.exec(`DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq = 1`);
  file.close();
  const failed = await spinney(['jobs', 'run', 'audit-verify'], env);
  t.equal(failed.code, 1);
  t.match(failed.stdout, new RegExp(`^audit-verify: failed \\(logs 2, events \\d+, broken 1, tenants 1, tenantsFailed 0\\)\\n${tenant.id} audit log broken at event `));
  t.match(failed.stderr, /^spinney: job audit-verify failed; see the log lines above or spinney jobs list\n$/m);
});

t.test('spinney serve schedules the jobs in PM2 instance 0 only and stops them on SIGTERM', async (t) => {
  for (const [instance, expected] of [['0', 'scheduled jobs started'], ['1', 'scheduled jobs are off in this process']] as const) {
    const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: tempDataDir(t), SPINNEY_PORT: '0', SPINNEY_LOG_LEVEL: 'info', ...TEST_KEYS };
    const child = spawn(process.execPath, [SPINNEY_BIN, 'serve'], { env: { ...cliEnv(env), NODE_APP_INSTANCE: instance }, stdio: ['ignore', 'pipe', 'pipe'] });
    t.teardown(() => child.kill('SIGKILL'));
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const deadline = Date.now() + START_DEADLINE_MS;
    while (!stdout.includes(expected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const line = stdout.split('\n').find((l) => l.includes(expected));
    t.ok(line, `instance ${instance}: ${expected}`);
    if (instance === '0') t.same(JSON.parse(line ?? '{}').jobs, ['sessions-purge', 'control-purge', 'webhooks-purge', 'tenant-purge', 'audit-verify', 'backup', 'backup-prune', 'mailbox-poll']);
    else t.match(JSON.parse(line ?? '{}'), { reason: 'PM2 instance 1: only instance 0 runs jobs' });
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    t.equal(code, 0, 'SIGTERM stops it cleanly with the scheduler');
  }
});
