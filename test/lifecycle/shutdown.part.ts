// SIGTERM/SIGINT on the real server process: requests in flight are answered, new connections
// refused, keep-alive clients do not hold it open, every WAL is checkpointed and every handle
// closed (exit 0); the bound cuts requests that do not finish; a second signal exits at once.
import t from 'tap';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDataDir, type Teardown } from '../helpers/app.js';
import { freePort } from '../helpers/cli.js';
import { createWorkspace, databaseFiles, integrityCheck, serverEnv, startServer, walSizes, type ServerProcess, type Workspace } from './server-process.js';

interface Upload {
  /** Sends the rest of the body. */
  finish(): void;
  response: Promise<{ status: number; connection: string | undefined; body: string }>;
}

/** A client uploading a contact slowly: the headers and part of the body now, the rest on finish(). */
function slowUpload(server: ServerProcess, workspace: Workspace, name: string): Upload {
  const body = JSON.stringify({ name });
  const url = new URL('/api/v1/contacts', server.base);
  const request = http.request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    agent: new http.Agent({ keepAlive: true }),
    headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
    });
  });
  request.write(body.slice(0, 5));
  return { finish: () => request.end(body.slice(5)), response };
}

/** Resolves with the error code of a new TCP connection to the server (or "connected"). */
function connectOutcome(server: ServerProcess): Promise<string> {
  const url = new URL(server.base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** An idle keep-alive connection to the server, as a browser or proxy keeps one. */
async function idleKeepAlive(server: ServerProcess): Promise<http.Agent> {
  const agent = new http.Agent({ keepAlive: true });
  await new Promise<void>((resolve, reject) =>
    http.get(`${server.base}/healthz`, { agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    }).on('error', reject),
  );
  return agent;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function setup(t: Teardown, extra: Record<string, string>) {
  const dataDir = tempDataDir(t);
  const env = serverEnv(dataDir, await freePort(), extra);
  const workspace = await createWorkspace(env, 'Shutdown Roofing');
  const server = await startServer(t, env);
  return { dataDir, env, workspace, server };
}

t.test('SIGTERM lets a request in flight finish, refuses new connections and exits 0 with every WAL checkpointed', async (t) => {
  const { dataDir, workspace, server } = await setup(t, { SPINNEY_SHUTDOWN_TIMEOUT: '30' });
  const keepAlive = await idleKeepAlive(server);
  t.teardown(() => keepAlive.destroy());
  const upload = slowUpload(server, workspace, 'Uploaded during shutdown');
  await sleep(200); // the request is in flight: headers and half a body received

  server.child.kill('SIGTERM');
  await sleep(300);
  t.equal(await connectOutcome(server), 'ECONNREFUSED', 'a new connection is refused once shutdown has begun');
  t.equal(server.child.exitCode, null, 'the process waits for the request in flight');

  upload.finish();
  const answered = performance.now();
  const response = await upload.response;
  t.equal(response.status, 201, 'the request in flight is answered normally');
  t.equal(response.connection, 'close', 'and its connection is closed after the answer');
  const id = (JSON.parse(response.body) as { id: string }).id;

  const exit = await server.exited;
  t.same(exit, { code: 0, signal: null }, 'exit code 0');
  t.ok(performance.now() - answered < 3000, 'the idle keep-alive connection did not hold shutdown open until the 30 s bound');
  t.same(
    server.logLines('shutting down: no new connections, waiting for requests in flight').map((l) => l.signal),
    ['SIGTERM'],
    'the log says why it stopped',
  );
  t.match(server.logLines('stopped'), [{ requestsCut: false }]);

  const leftovers = Object.entries(walSizes(dataDir)).filter(([, size]) => size > 0);
  t.same(leftovers, [], 'every -wal file is empty or gone: each database was checkpointed and closed');
  for (const path of databaseFiles(dataDir)) t.equal(integrityCheck(path), 'ok', `integrity_check ${path.slice(dataDir.length)}`);
  const db = new Database(join(dataDir, 'tenants', workspace.id, 'tenant.db'), { readonly: true });
  t.teardown(() => db.close());
  t.same(db.prepare('SELECT name FROM contacts WHERE id = ?').get(id), { name: 'Uploaded during shutdown' }, 'the answered write is in the file');
});

t.test('requests still running at the shutdown timeout are cut off and the databases are still closed cleanly', async (t) => {
  const { dataDir, workspace, server } = await setup(t, { SPINNEY_SHUTDOWN_TIMEOUT: '1' });
  const stuck = slowUpload(server, workspace, 'Never finished');
  const outcome = stuck.response.then(
    (r) => `answered ${r.status}`,
    (err: NodeJS.ErrnoException) => err.code ?? err.message,
  );
  await sleep(200);
  const signalled = performance.now();
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  const took = performance.now() - signalled;
  t.same(exit, { code: 1, signal: null }, 'exit code 1: a request was cut off');
  t.ok(took >= 900 && took < 4000, `stopped at the 1 s bound (${Math.round(took)} ms)`);
  t.equal(await outcome, 'ECONNRESET', 'the stuck client sees its connection closed');
  t.match(server.logLines('requests still in flight at the shutdown timeout: closing their connections'), [{ level: 40, timeoutSeconds: 1 }]);
  t.same(
    Object.entries(walSizes(dataDir)).filter(([, size]) => size > 0),
    [],
    'every -wal file is still empty or gone',
  );
  for (const path of databaseFiles(dataDir)) t.equal(integrityCheck(path), 'ok', `integrity_check ${path.slice(dataDir.length)}`);
});

t.test('a second SIGTERM during a stuck shutdown exits at once', async (t) => {
  const { dataDir, workspace, server } = await setup(t, { SPINNEY_SHUTDOWN_TIMEOUT: '60' });
  const stuck = slowUpload(server, workspace, 'Never finished');
  stuck.response.catch(() => {});
  await sleep(200);
  server.child.kill('SIGTERM');
  await sleep(500);
  t.equal(server.child.exitCode, null, 'the first signal waits for the stuck request');
  const second = performance.now();
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  t.ok(performance.now() - second < 1500, 'the second signal ends the process at once');
  t.same(exit, { code: 143, signal: null }, 'with a non-zero code (128 + SIGTERM)');
  t.match(server.logLines('second signal during shutdown: exiting at once'), [{ signal: 'SIGTERM' }]);
  // Exiting without a checkpoint loses nothing committed: the WAL is replayed on the next open.
  for (const path of databaseFiles(dataDir)) t.equal(integrityCheck(path), 'ok', `integrity_check ${path.slice(dataDir.length)}`);
});
