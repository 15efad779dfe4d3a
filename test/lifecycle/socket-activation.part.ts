// systemd socket activation (deploy/systemd/spinney.socket): systemd holds the listening socket and
// passes it to `spinney serve`, so across `systemctl restart spinney` (an upgrade) connections wait in
// the socket's queue instead of being refused. systemd-socket-activate stands in for systemd: it
// listens, and on the first connection execs a small supervisor holding the socket, which starts
// the server, and once that server has stopped on SIGTERM starts the next, as a restart does.
import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { takeActivatedSocket } from '../../src/config/config.js';
import { tempDataDir } from '../helpers/app.js';
import { cliEnv, freePort, SPINNEY_BIN } from '../helpers/cli.js';
import { requireTools, TOOLS } from '../deploy/tools.js';
import { serverEnv, until } from './server-process.js';

const skip = requireTools(t, ['systemdSocketActivate']);

// Starts the server twice on the inherited socket (fd 3): LISTEN_PID must name the server's own
// process, which a subshell that execs keeps.
const SUPERVISOR = `set -u
for round in 1 2; do
  ( LISTEN_PID=$BASHPID exec "$NODE" "$ENTRY" serve ) &
  echo "$!" > "$PIDS/server-$round"
  wait "$!"
done`;

/** GET /healthz on a new connection; the status, or the error's code (ECONNREFUSED …). */
function healthz(port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

t.test('takeActivatedSocket: fd 3 only when systemd passed one socket to this very process; the variables are taken away', async (t) => {
  t.equal(takeActivatedSocket({}, 42), null, 'no socket activation');
  const other = { LISTEN_PID: '41', LISTEN_FDS: '1' };
  t.equal(takeActivatedSocket(other, 42), null, "another process's socket (LISTEN_PID names it)");
  t.same(other, { LISTEN_PID: '41', LISTEN_FDS: '1' }, 'and left alone');
  const ours: NodeJS.ProcessEnv = { LISTEN_PID: '42', LISTEN_FDS: '1', LISTEN_FDNAMES: 'spinney.socket', PATH: '/usr/bin' };
  t.equal(takeActivatedSocket(ours, 42), 3);
  t.same(ours, { PATH: '/usr/bin' }, 'a child process does not take it for its own');
  t.throws(() => takeActivatedSocket({ LISTEN_PID: '42', LISTEN_FDS: '2' }, 42), /passed 2 sockets; spinney.socket must listen on exactly one/);
});

t.test('socket activation: the server answers on the socket systemd holds, and across a restart no connection is refused', { skip }, async (t) => {
  const dir = tempDataDir(t);
  const port = await freePort();
  // SPINNEY_PORT names another port: the server must not listen there.
  const unused = await freePort();
  const settings = { ...serverEnv(join(dir, 'data'), unused), NODE: process.execPath, ENTRY: SPINNEY_BIN, PIDS: dir };
  // Like systemd, it gives the program a clean environment: only what -E names (taken from its own).
  const passed = [...Object.keys(settings), 'PATH'].flatMap((name) => ['-E', name]);
  const holder = spawn(TOOLS.systemdSocketActivate, ['-l', `127.0.0.1:${port}`, ...passed, 'bash', '-c', SUPERVISOR], { env: cliEnv(settings), stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  holder.stdout.on('data', (d: Buffer) => (log += d.toString()));
  holder.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const pidOf = (round: number): number | null => (existsSync(join(dir, `server-${round}`)) ? Number(readFileSync(join(dir, `server-${round}`), 'utf8')) : null);
  t.teardown(() => {
    for (const pid of [pidOf(1), pidOf(2), holder.pid]) {
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  // The first connection starts it: the request waits in the queue until the server takes it
  // (refused only until systemd-socket-activate itself listens).
  const firstAnswer = await until('systemd-socket-activate to listen', async () => {
    const answer = await healthz(port);
    return answer === 'ECONNREFUSED' ? undefined : answer;
  });
  t.equal(firstAnswer, 200, 'the first request is answered by the server it started');
  await until('the log line', () => (log.includes('listening on the socket systemd passed') ? true : undefined));
  t.pass('on the inherited socket, as its log says');
  t.equal(await healthz(unused), 'ECONNREFUSED', 'not on SPINNEY_PORT');

  // Requests one after another on new connections while the server restarts underneath them.
  const answers: (number | string)[] = [];
  let traffic = true;
  const client = (async () => {
    while (traffic) answers.push(await healthz(port));
  })();
  await until('some traffic', () => (answers.length >= 20 ? true : undefined));
  const first = pidOf(1) as number;
  process.kill(first, 'SIGTERM');
  await until('the second server', () => pidOf(2) ?? undefined);
  const before = answers.length;
  await until('requests to the second server', () => (answers.length >= before + 20 ? true : undefined));
  traffic = false;
  await client;
  t.throws(() => process.kill(first, 0), 'the first server has exited');
  t.equal((log.match(/listening on the socket systemd passed/g) ?? []).length, 2, 'the second server took the same socket');
  t.same(
    answers.filter((a) => a !== 200),
    [],
    `all ${answers.length} requests across the restart were answered 200: none refused or cut`,
  );
});
