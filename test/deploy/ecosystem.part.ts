// The values in ecosystem.config.cjs, as PM2 itself reads them (its own validateJSON, which turns
// "1G" into bytes and fills in defaults): kill_timeout above the server's whole shutdown bound,
// the memory limit, restart backoff, and the instance variable the job scheduler reads.
// test/lifecycle/pm2.test.ts runs the file under the real PM2; this checks the numbers.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schedulerDecision } from '../../src/jobs/scheduler.js';
import { tempDataDir, testConfig } from '../helpers/app.js';
import { cliEnv } from '../helpers/cli.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** After SPINNEY_SHUTDOWN_TIMEOUT, src/server.ts gives background work 5 s more, then waits up to 1 s for the log to flush. */
const SERVER_BOUND_AFTER_TIMEOUT_MS = 5_000 + 1_000;
/** What PM2's SIGKILL must leave on top of that (a slow disk at the WAL checkpoint). */
const MARGIN_MS = 2_000;

interface Pm2App {
  name: string;
  script: string;
  args: string[];
  exec_mode: string;
  instances: number;
  kill_timeout: number;
  max_memory_restart: number;
  exp_backoff_restart_delay: number;
  restart_delay?: number;
  autorestart: boolean;
  instance_var: string;
  time: boolean;
  env: Record<string, string>;
}

/** Loads the ecosystem file in a fresh Node process (it reads its environment once) and has PM2 validate it. */
function pm2View(scratch: string, envFile: string, extra: Record<string, string> = {}): Promise<{ code: number | null; app?: Pm2App; errors?: string[]; stderr: string }> {
  const script = `
    const file = require(${JSON.stringify(join(REPO, 'ecosystem.config.cjs'))});
    const Config = require(${JSON.stringify(join(REPO, 'node_modules', 'pm2', 'lib', 'tools', 'Config.js'))});
    const { config, errors } = Config.validateJSON(JSON.parse(JSON.stringify(file.apps[0])));
    process.stdout.write(JSON.stringify({ app: config, errors: errors.map(String), apps: file.apps.length }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: scratch, env: cliEnv({ PM2_SPINNEY_ENV_FILE: envFile, ...extra }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve(code === 0 ? { code, ...(JSON.parse(stdout) as { app: Pm2App; errors: string[] }), stderr } : { code, stderr }));
  });
}

t.test('ecosystem.config.cjs: kill_timeout, memory limit, restart backoff and instance variable, as PM2 reads them', async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'spinney-ecosystem-'));
  t.teardown(() => rmSync(scratch, { recursive: true, force: true }));
  const envFile = (name: string, lines: string[]): string => {
    const file = join(scratch, name);
    writeFileSync(file, lines.map((l) => `${l}\n`).join(''), { mode: 0o600 });
    return file;
  };

  const plain = await pm2View(scratch, envFile('plain.env', ['SPINNEY_ENV=production', 'SPINNEY_DATA_DIR=/var/lib/spinney']));
  t.equal(plain.code, 0, plain.stderr);
  t.same(plain.errors, [], 'PM2 accepts every value');
  const app = plain.app as Pm2App;
  t.match(app, { name: 'spinney', script: 'bin/spinney.js', args: ['serve'], exec_mode: 'cluster', instances: 1, time: false });
  t.same(app.env, { SPINNEY_ENV: 'production', SPINNEY_DATA_DIR: '/var/lib/spinney' }, "the app's environment is the file's, nothing else");

  // Without SPINNEY_SHUTDOWN_TIMEOUT in the file, the server uses its default: the file must assume the same.
  const defaultTimeout = testConfig(tempDataDir(t)).shutdownTimeoutSeconds;
  t.ok(app.kill_timeout >= defaultTimeout * 1000 + SERVER_BOUND_AFTER_TIMEOUT_MS + MARGIN_MS, `kill_timeout ${app.kill_timeout} ms covers the default ${defaultTimeout} s shutdown, the 6 s after it and a margin`);
  for (const seconds of [1, 30, 300]) {
    const view = await pm2View(scratch, envFile(`timeout-${seconds}.env`, [`SPINNEY_SHUTDOWN_TIMEOUT=${seconds}`]));
    const killTimeout = (view.app as Pm2App).kill_timeout;
    t.ok(killTimeout >= seconds * 1000 + SERVER_BOUND_AFTER_TIMEOUT_MS + MARGIN_MS, `SPINNEY_SHUTDOWN_TIMEOUT=${seconds}: kill_timeout ${killTimeout} ms`);
  }

  t.equal(app.max_memory_restart, 1024 ** 3, 'a process above 1 GiB RSS is restarted');
  const smaller = await pm2View(scratch, envFile('memory.env', []), { PM2_SPINNEY_MAX_MEMORY: '512M' });
  t.equal((smaller.app as Pm2App).max_memory_restart, 512 * 1024 ** 2, 'PM2_SPINNEY_MAX_MEMORY sets it');

  t.equal(app.autorestart, true);
  t.ok(app.exp_backoff_restart_delay >= 100, 'a crashing process is restarted with exponential backoff, not in a tight loop');
  t.equal(app.restart_delay, undefined, 'no fixed delay overriding the backoff');

  t.equal(app.instance_var, 'NODE_APP_INSTANCE', 'PM2 numbers instances in NODE_APP_INSTANCE');
  const jobsIn = (instance: string) => schedulerDecision(testConfig(tempDataDir(t), { NODE_APP_INSTANCE: instance })).run;
  t.equal(jobsIn('0'), true, 'the variable the scheduler reads: instance 0 runs the jobs');
  t.equal(jobsIn('1'), false, 'instance 1 does not');

  const three = await pm2View(scratch, envFile('three.env', []), { PM2_SPINNEY_INSTANCES: '3' });
  t.equal((three.app as Pm2App).instances, 3);
  const zero = await pm2View(scratch, envFile('zero.env', []), { PM2_SPINNEY_INSTANCES: '0' });
  t.not(zero.code, 0);
  t.match(zero.stderr, /PM2_SPINNEY_INSTANCES must be a whole number of at least 1/);
  const missing = await pm2View(scratch, join(scratch, 'nope.env'));
  t.not(missing.code, 0);
  t.match(missing.stderr, /cannot read the environment file .*nope\.env \(set PM2_SPINNEY_ENV_FILE\)/);
});
