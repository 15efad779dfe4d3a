// The shipped ecosystem.config.cjs under the real PM2 (dev dependency), isolated in its own
// PM2_HOME with an environment file and a log dir in temp dirs and a free port: two cluster
// instances serve one workspace, only instance 0 runs the jobs, JSON lines land in the log file,
// a worker killed with SIGKILL is restarted, and `pm2 stop` shuts both down cleanly. No PM2
// daemon survives the test.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { tempDataDir } from '../helpers/app.js';
import { cliEnv, freePort, runProgram, type CliResult } from '../helpers/cli.js';
import { createWorkspace, databaseFiles, integrityCheck, serverEnv, until } from './server-process.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PM2_BIN = join(REPO, 'node_modules', 'pm2', 'bin', 'pm2');

interface Pm2Process {
  pid: number;
  pm2_env: { status: string; exec_mode: string; restart_time: number; NODE_APP_INSTANCE: number | string };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Each look at PM2 runs `pm2 jlist`, a Node process: not more often than this.
const PM2_POLL_MS = 200;

t.test('PM2 runs the ecosystem file in cluster mode and restarts a worker killed with SIGKILL', async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'spinney-pm2-'));
  t.teardown(() => rmSync(scratch, { recursive: true, force: true }));
  const dataDir = tempDataDir(t);
  const env = serverEnv(dataDir, await freePort());
  const envFile = join(scratch, 'spinney.env');
  writeFileSync(envFile, Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
  const logDir = join(scratch, 'logs');
  const pm2Env = { PM2_HOME: join(scratch, 'pm2'), PM2_SPINNEY_ENV_FILE: envFile, PM2_SPINNEY_LOG_DIR: logDir, PM2_SPINNEY_INSTANCES: '2' };
  const pm2 = (...args: string[]): Promise<CliResult> => runProgram(process.execPath, [PM2_BIN, ...args], cliEnv(pm2Env), REPO);
  const list = async (): Promise<Pm2Process[]> => {
    const { stdout } = await pm2('jlist');
    return JSON.parse(stdout.slice(stdout.indexOf('['))) as Pm2Process[];
  };
  const byInstance = (processes: Pm2Process[], instance: number): Pm2Process | undefined => processes.find((p) => Number(p.pm2_env.NODE_APP_INSTANCE) === instance);
  const logLines = (): Record<string, unknown>[] =>
    readFileSync(join(logDir, 'spinney.out.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  t.teardown(async () => {
    await pm2('delete', 'all');
    const daemon = Number(readFileSync(join(pm2Env.PM2_HOME, 'pm2.pid'), { encoding: 'utf8', flag: 'a+' }));
    await pm2('kill');
    // Should `pm2 kill` ever fail, the daemon of this test must still not outlive it.
    if (daemon > 0 && isAlive(daemon)) process.kill(daemon, 'SIGKILL');
  });

  const workspace = await createWorkspace(env, 'Cluster Roofing');
  const started = await pm2('start', join(REPO, 'ecosystem.config.cjs'));
  t.equal(started.code, 0, 'pm2 start ecosystem.config.cjs');
  const base = `http://127.0.0.1:${env.SPINNEY_PORT}`;
  const online = await until('both instances online', async () => {
    const processes = await list();
    return processes.length === 2 && processes.every((p) => p.pm2_env.status === 'online') ? processes : undefined;
  }, { timeoutMs: 20_000, everyMs: PM2_POLL_MS });
  t.same(online.map((p) => [p.pm2_env.exec_mode, Number(p.pm2_env.NODE_APP_INSTANCE)]).sort(), [['cluster_mode', 0], ['cluster_mode', 1]], 'two cluster instances');
  await until('/healthz', async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), { timeoutMs: 20_000, everyMs: PM2_POLL_MS });

  // Both processes write the same workspace file: WAL and the busy timeout keep every write.
  const created = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      fetch(`${base}/api/v1/contacts`, { method: 'POST', headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `Cluster ${i}` }) }),
    ),
  );
  t.same(created.map((r) => r.status), Array(20).fill(201), 'every write through either instance is accepted');
  const listed = (await (await fetch(`${base}/api/v1/contacts?limit=100`, { headers: { authorization: `Bearer ${workspace.token}` } })).json()) as { items: unknown[] };
  t.equal(listed.items.length, 20, 'and every one is there');

  // The scheduler starts after the server listens, so its line may come a moment later.
  const startUp = (l: Record<string, unknown>): boolean => l.msg === 'Server listening at ' + base || l.msg === 'scheduled jobs started' || l.msg === 'scheduled jobs are off in this process';
  const lines = await until('both start-up lines and both scheduler lines in the log file', async () => {
    const all = logLines();
    return all.filter(startUp).length >= 4 ? all : undefined;
  }, { timeoutMs: 10_000, everyMs: PM2_POLL_MS });
  t.ok(lines.every((l) => typeof l.time === 'number' && l.service === 'spinney'), 'the log file holds pino JSON lines, with no prefix from PM2');
  t.equal(lines.filter((l) => l.msg === 'scheduled jobs started').length, 1, 'one instance runs the scheduled jobs');
  t.match(lines.filter((l) => l.msg === 'scheduled jobs are off in this process'), [{ reason: 'PM2 instance 1: only instance 0 runs jobs' }], 'the other does not');

  const victim = byInstance(online, 0) as Pm2Process;
  process.kill(victim.pid, 'SIGKILL');
  const restarted = await until('instance 0 restarted', async () => {
    const replacement = byInstance(await list(), 0);
    return replacement && replacement.pid !== victim.pid && replacement.pm2_env.status === 'online' ? replacement : undefined;
  }, { timeoutMs: 20_000, everyMs: PM2_POLL_MS });
  t.equal(restarted.pm2_env.restart_time, 1, 'PM2 restarted the killed worker once');
  await until('the new worker to take the jobs', async () => (logLines().filter((l) => l.msg === 'scheduled jobs started').length === 2 ? true : undefined), { timeoutMs: 20_000, everyMs: PM2_POLL_MS });
  const health = await Promise.all(Array.from({ length: 6 }, () => fetch(`${base}/healthz`).then((r) => r.status)));
  t.same(health, Array(6).fill(200), '/healthz answers again');

  const stopped = await pm2('stop', 'spinney');
  t.equal(stopped.code, 0, 'pm2 stop');
  t.ok((await list()).every((p) => p.pm2_env.status === 'stopped'), 'both instances stopped');
  await until('both shutdown lines in the log file', async () => (logLines().filter((l) => l.msg === 'stopped').length === 2 ? true : undefined), { timeoutMs: 5_000, everyMs: PM2_POLL_MS });
  t.match(
    logLines().filter((l) => l.msg === 'stopped'),
    [{ requestsCut: false }, { requestsCut: false }],
    'each instance shut down cleanly (SIGINT from PM2) and logged it',
  );
  // Two processes closing one file at the same moment may each leave the WAL to the other, so a
  // -wal file can remain here (it is replayed on the next open); what matters is what it holds.
  const db = new Database(join(dataDir, 'tenants', workspace.id, 'tenant.db'), { fileMustExist: true });
  t.teardown(() => db.close());
  t.equal((db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n, 20, 'every write is in the workspace database after the stop');
  for (const path of databaseFiles(dataDir)) t.equal(integrityCheck(path), 'ok', `integrity_check ${path.slice(dataDir.length)}`);
});
