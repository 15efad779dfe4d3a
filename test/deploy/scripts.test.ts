// The operator scripts in scripts/, run as an operator would, against a temporary data dir: the
// host paths they default to (/opt/spinney, /etc/spinney/spinney.env, the spinney user, the lock
// in /run/lock) are pointed at temporary ones with their SPINNEY_BIN-style overrides, and the
// `spinney` they call is this checkout's built CLI.
import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, tempDataDir, TEST_KEYS, type Teardown } from '../helpers/app.js';
import { cliEnv, runProgram, SPINNEY_BIN, type CliResult } from '../helpers/cli.js';
import { requireTools, TOOLS } from './tools.js';

const SCRIPTS = fileURLToPath(new URL('../../scripts/', import.meta.url));
const NAMES = ['backup-now', 'restore', 'tenant', 'rotate-keys', 'status', 'spinney'] as const;

interface Host {
  dir: string;
  envFile: string;
  lockFile: string;
  run(script: string, args: string[], extra?: Record<string, string>): Promise<CliResult>;
}

/** A host layout in a temp dir: data dir, env file, lock; the service user is whoever runs the test. */
function host(t: Teardown, settings: Record<string, string>, dataDir?: string): Host {
  const dir = tempDataDir(t);
  const data = dataDir ?? join(dir, 'data');
  mkdirSync(data, { recursive: true });
  const envFile = join(dir, 'spinney.env');
  const lines = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: data, ...settings };
  writeFileSync(envFile, `# as provision.sh writes it\n${Object.entries(lines).map(([k, v]) => `${k}=${v}`).join('\n')}\n`);
  const lockFile = join(dir, 'operations.lock');
  return {
    dir,
    envFile,
    lockFile,
    run: (script, args, extra = {}) => {
      const env = cliEnv({
        SPINNEY_BIN,
        SPINNEY_ENV_FILE: envFile,
        SPINNEY_USER: userInfo().username,
        SPINNEY_LOCK_FILE: lockFile,
        // An operator's shell may hold any SPINNEY_* variable; the CLI would refuse an unknown
        // one, so the scripts must pass on only the env file.
        SPINNEY_NOT_A_SETTING: 'from the operator shell',
        ...extra,
      });
      return runProgram(join(SCRIPTS, script), args, env);
    },
  };
}

const skip = requireTools(t, ['flock', 'curl']);

t.test('every operator script answers --help without touching the host', async (t) => {
  // Pointing at nothing: --help must not need the CLI, the env file or the lock.
  const env = cliEnv({ SPINNEY_BIN: '/nonexistent/spinney', SPINNEY_ENV_FILE: '/nonexistent/env', SPINNEY_LOCK_FILE: '/nonexistent/lock' });
  for (const name of NAMES) {
    const help = await runProgram(join(SCRIPTS, name), ['--help'], env);
    t.equal(help.code, 0, `${name} --help exits 0`);
    t.match(help.stdout, new RegExp(`^Usage: scripts/${name}`), `${name} --help prints its usage`);
    t.equal(help.stderr, '');
  }
});

t.test('scripts/tenant and scripts/spinney run the CLI as the service user with only the env file settings', { skip }, async (t) => {
  // A value with a space: PM2's parser (util.parseEnv) and the CLI must read it alike; a shell's `.` ran "SSO" as a command.
  const h = host(t, { ...TEST_KEYS, SPINNEY_OIDC_LABEL: 'Acme SSO' });
  const created = await h.run('tenant', ['create', '--name', 'Acme Roofing', '--json']);
  t.equal(created.code, 0, created.stderr);
  const { id } = JSON.parse(created.stdout) as { id: string };
  t.match(id, /^tn_[a-z2-7]{24}$/);
  t.ok(existsSync(join(h.dir, 'data', 'tenants', id, 'tenant.db')), 'in the data dir the env file names');

  const listed = await h.run('tenant', ['list']);
  t.equal(listed.code, 0, listed.stderr);
  t.match(listed.stdout, new RegExp(`^${id}  active +acme-roofing +Acme Roofing$`, 'm'));

  const deletion = await h.run('tenant', ['delete', '--tenant', id, '--confirm', 'tn_not_the_same_one_at_all']);
  t.same([deletion.code, deletion.stderr], [1, 'spinney: --confirm must repeat the --tenant id exactly\n'], 'the CLI refuses a confirmation that is not the id');
  t.match((await h.run('tenant', ['list'])).stdout, new RegExp(`${id}  active`), 'the workspace is untouched');
  t.equal((await h.run('tenant', [])).code, 2, 'no command is a usage error');
  const early = await h.run('tenant', ['purge', '--tenant', id, '--confirm', id]);
  t.same([early.code, early.stderr], [1, `spinney: workspace ${id} is active, not deleted; only a deleted workspace can be purged\n`], 'purge refuses a workspace that is not deleted');

  const deleted = await h.run('tenant', ['delete', '--tenant', id, '--confirm', id]);
  t.equal(deleted.code, 0, deleted.stderr);
  t.match(deleted.stderr, new RegExp(`^deleting ${id}: every request refused and every session ended now; database, files and backup key destroyed after 7 days`), 'it says what delete does first');
  const purged = await h.run('tenant', ['purge', '--tenant', id, '--confirm', id]);
  t.equal(purged.code, 0, purged.stderr);
  t.match(purged.stderr, new RegExp(`^purging ${id} now: its database, files and backup key destroyed`), 'and what purge does');
  t.equal(purged.stdout, `purged ${id} (no keyring copy on the backup target yet)\n`);
  t.notOk(existsSync(join(h.dir, 'data', 'tenants', id)), 'the workspace is purged before its grace period ends');
  await h.run('tenant', ['create', '--name', 'Acme Roofing Two']);

  // Any other command goes through scripts/spinney the same way.
  const migrated = await h.run('spinney', ['migrate', '--json']);
  t.equal(migrated.code, 0, migrated.stderr);
  t.same(JSON.parse(migrated.stdout), { tenants: 1, migrated: 0, missing: [] }, 'the CLI ran against the env file data dir (the purged workspace is not counted)');
});

t.test('scripts/status reports keys, workspaces, the service and readiness, and exits 1 naming what is down', { skip }, async (t) => {
  const api = await build(t);
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (api.app.server.address() as AddressInfo).port;
  const tenant = api.tenant('Status Check Ltd');
  // Quoted, with blanks around it: the scripts read the port as the CLI does.
  const h = host(t, { ...TEST_KEYS, SPINNEY_PORT: ` "${port}" ` }, api.config.dataDir);

  // The systemd service: a stub `systemctl` whose answer is a file's content, exit 3 unless "active".
  const bin = join(h.dir, 'bin');
  mkdirSync(bin);
  const state = join(h.dir, 'service-state');
  writeFileSync(state, 'active');
  writeFileSync(join(bin, 'systemctl'), `#!/bin/sh\necho "$*" >> ${join(h.dir, 'systemctl.log')}\ncat ${state}; echo\n[ "$(cat ${state})" = active ] || exit 3\n`);
  chmodSync(join(bin, 'systemctl'), 0o755);
  const extra = { PATH: `${bin}:${process.env.PATH ?? ''}`, SPINNEY_SERVICE: 'spinney-test' };

  const healthy = await h.run('status', [], extra);
  t.equal(healthy.code, 0, healthy.stderr);
  t.match(healthy.stdout, /^== keys\nSPINNEY_TOKEN_SIGNING_KEY: v1 \(newest\)/m, 'keys status');
  t.match(healthy.stdout, new RegExp(`^${tenant.id}  active +status-check-ltd`, 'm'), 'the workspaces');
  t.match(healthy.stdout, `== service\nspinney-test.service is active, running ${SPINNEY_BIN}\n`, 'the service and the release it runs');
  t.match(healthy.stdout, /== readiness\n\{"status":"ready","checks":\{"controlDb":true,"signingKey":true\}\}\n/, 'and /readyz of the app on the env file port');
  t.same(readFileSync(join(h.dir, 'systemctl.log'), 'utf8'), 'is-active spinney-test\n', 'systemctl is asked, never told to start anything');
  const quiet = await h.run('status', ['--quiet'], extra);
  t.same([quiet.code, quiet.stdout, quiet.stderr], [0, '', ''], '--quiet says nothing when all is well');

  writeFileSync(state, 'failed');
  const failed = await h.run('status', ['--quiet'], extra);
  t.equal(failed.code, 1);
  t.match(failed.stderr, 'spinney-test.service is failed (journalctl -u spinney-test says why)');
  t.match(failed.stderr, /status: not healthy: service$/m);

  await api.app.close();
  const down = await h.run('status', ['--quiet'], extra);
  t.equal(down.code, 1);
  t.match(down.stderr, /status: not healthy: service readiness$/m, 'the app not answering is named too');
});

t.test('scripts/rotate-keys rotates, rewraps and says when the old version may be retired', { skip }, async (t) => {
  const keys = tempDataDir(t);
  const files: Record<string, string> = {};
  for (const [variable, value] of Object.entries(TEST_KEYS)) {
    files[variable] = join(keys, `${variable}.key`);
    writeFileSync(files[variable] as string, `${value}\n`, { mode: 0o600 });
  }
  const h = host(t, Object.fromEntries(Object.entries(files).map(([variable, file]) => [`${variable}_FILE`, file])));
  t.equal((await h.run('tenant', ['create', '--name', 'Rotation Ltd'])).code, 0);

  const app = await h.run('rotate-keys', ['--key', 'app']);
  t.equal(app.code, 0, app.stderr);
  t.match(app.stdout, /^SPINNEY_APP_SECRETS_KEY: added version 2/m, 'rotated');
  t.match(app.stdout, /^rewrapped \d+ data key\(s\) in 1 workspace\(s\) and 1 backup key\(s\)$/m, 'rewrapped');
  t.match(app.stdout, /^SPINNEY_APP_SECRETS_KEY: v1: 0 wrapped, v2 \(newest\): 1 wrapped$/m, 'status shows version 1 seals nothing now');
  t.match(app.stdout, /^backup runs made before now need version 1 \(their control\.db and manifest\)/m, 'it warns that older backups need the old version');
  t.match(app.stdout, /^ {2}spinney keys retire --key app --version 1 --confirm 1$/m, 'and names the retire command, confirmed');
  t.notMatch(app.stderr, /run `spinney keys rewrap` again/, 'it waited for running servers to see the new version before rewrapping');
  t.match(readFileSync(files.SPINNEY_APP_SECRETS_KEY as string, 'utf8'), /^# spinney root key set v1\n(?:#.*\n)?1 - \S+\n2 \S+ \S+\n$/, 'the key file holds both versions');

  const signing = await h.run('rotate-keys', ['--key', 'signing', '--quiet']);
  t.same([signing.code, signing.stdout], [0, ''], '--quiet prints nothing on success');
  t.match(readFileSync(files.SPINNEY_TOKEN_SIGNING_KEY as string, 'utf8'), /^2 /m, 'the signing key got version 2');
  const again = await h.run('rotate-keys', ['--key', 'signing']);
  t.match(again.stdout, /Tokens signed with version 2 stay valid until they expire[^]*spinney keys retire --key signing --version 2 --confirm 2\n$/);
  t.notMatch(again.stdout, /rewrapped/, 'a signing key seals nothing, so nothing is rewrapped');

  t.equal((await h.run('rotate-keys', ['--key', 'everything'])).code, 2, 'an unknown key is a usage error');
});

t.test('a second backup, restore or key rotation is refused while the operations lock is held', { skip }, async (t) => {
  const h = host(t, TEST_KEYS);
  writeFileSync(h.lockFile, 'backup-now pid 4242 since 2026-11-23T03:00:00Z\n');
  const holder: ChildProcess = spawn(TOOLS.flock, [h.lockFile, 'sleep', '60'], { stdio: 'ignore' });
  t.teardown(async () => {
    holder.kill('SIGKILL');
    if (holder.exitCode === null && holder.signalCode === null) await once(holder, 'exit');
  });
  const deadline = Date.now() + 5000;
  const lockTaken = async () => (await new Promise<number | null>((r) => spawn(TOOLS.flock, ['-n', h.lockFile, 'true']).on('close', r))) !== 0;
  while (!(await lockTaken()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

  for (const [script, args] of [
    ['backup-now', ['--quiet']],
    ['rotate-keys', ['--key', 'app']],
    ['restore', ['br_20261123T0300', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--confirm', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa']],
  ] as const) {
    const refused = await h.run(script, [...args]);
    t.equal(refused.code, 75, `${script} exits 75 (try again later)`);
    t.match(refused.stderr, `${script}: another backup, restore or key rotation is running (lock ${h.lockFile} held by: backup-now pid 4242`);
  }

  const unconfirmed = await h.run('restore', ['br_20261123T0300', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--confirm', 'tn_bbbbbbbbbbbbbbbbbbbbbbbb']);
  t.equal(unconfirmed.code, 2, 'a restore whose confirmation is not the workspace id is refused');
  t.match(unconfirmed.stderr, /--confirm must repeat the workspace id \(tn_a{24}\) exactly/);
  const inPlace = await h.run('restore', ['br_20261123T0300', '--tenant', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', '--confirm', 'tn_aaaaaaaaaaaaaaaaaaaaaaaa']);
  t.match(inPlace.stdout, /^restoring workspace tn_a{24} from backup run br_20261123T0300 IN PLACE: it is suspended meanwhile/, 'restore says what it will do first');
});
