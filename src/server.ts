// Runs the HTTP server (on SPINNEY_HOST:SPINNEY_PORT, or on the socket systemd passed) until
// SIGTERM/SIGINT, then shuts down in order: stop accepting connections
// (idle keep-alive connections close at once), let requests in flight finish for up to
// SPINNEY_SHUTDOWN_TIMEOUT seconds, stop background work (outbox worker, job scheduler, the app's
// onClose hooks, a keyring copy being rewritten after a purge), checkpoint every open database's WAL (TRUNCATE), close every handle, exit 0.
// Requests still running at the bound have their connections cut and the exit code is 1; a second
// signal exits at once. PM2's kill_timeout (ecosystem.config.cjs) stays above the bound.
// Background work (src/background.ts) starts here and nowhere else (not in CLI commands, not in
// tests' apps).
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyListenOptions } from 'fastify';
import { startBackgroundWork, type BackgroundWork } from './background.js';
import { keyringRewritesInFlight, keyringRewritesSettled } from './backup/keyring-copies.js';
import { sweepStaleWorkDirs } from './backup/layout.js';
import { takeActivatedSocket } from './config/config.js';
import type { Runtime } from './runtime.js';

/** How long closing may go on after the bound (background work still stopping) before the process gives up. */
const CLOSE_GRACE_MS = 5_000;

/** Exit codes a shell reports for a process ended by the signal (128 + its number). */
const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function serve(app: FastifyInstance, runtime: Runtime): Promise<string> {
  // Decrypted copies that a killed backup, verify or restore left in <data dir>/tmp/ go first
  // (src/backup/layout.ts: only work dirs whose process is gone).
  const swept = sweepStaleWorkDirs(runtime.config.dataDir);
  if (swept.removed.length > 0) app.log.warn({ removed: swept.removed }, 'removed work dirs left in tmp/ by a process that ended without cleaning up');
  if (swept.failed.length > 0) app.log.error({ failed: swept.failed }, 'stale work dirs in tmp/ could not be removed');
  const socket = takeActivatedSocket();
  // Fastify hands its options to net.Server#listen, which takes an inherited descriptor as `fd`
  // (ahead of host and port); Fastify's own type leaves it out.
  const address = await app.listen(socket === null ? { host: runtime.config.host, port: runtime.config.port } : ({ fd: socket, host: runtime.config.host } as FastifyListenOptions));
  if (socket !== null) app.log.info({ address }, 'listening on the socket systemd passed (socket activation): SPINNEY_HOST and SPINNEY_PORT are not used');
  const background = startBackgroundWork(runtime, app.log);
  const unanswered = trackResponses(app);
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      app.log.warn({ signal }, 'second signal during shutdown: exiting at once');
      process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
    }
    shuttingDown = true;
    endConnectionsAfterResponse(app, unanswered);
    // A request that arrives meanwhile on a connection this process had already accepted (socket
    // activation queues new ones for the next process) is answered too, then its connection ends.
    app.server.on('request', (_request, response: ServerResponse) => endConnectionsAfterResponse(app, [response]));
    void shutdown(app, runtime, background, signal).then(exitWhenLogged, () => exitWhenLogged(1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return address;
}

/** Responses being prepared or sent right now (a Set kept current by the server's request event). */
function trackResponses(app: FastifyInstance): Set<ServerResponse> {
  const responses = new Set<ServerResponse>();
  app.server.on('request', (_request, response: ServerResponse) => {
    responses.add(response);
    response.once('close', () => responses.delete(response));
  });
  return responses;
}

/**
 * Keep-alive connections must not hold shutdown open: idle ones are closed by app.close(), and
 * each request still in flight ends its connection once answered (Connection: close, or, when its
 * headers are already out, closing the connection as soon as it falls idle).
 */
function endConnectionsAfterResponse(app: FastifyInstance, responses: Iterable<ServerResponse>): void {
  for (const response of responses) {
    if (!response.headersSent) response.setHeader('connection', 'close');
    response.once('close', () => setImmediate(() => app.server.closeIdleConnections()));
  }
}

async function shutdown(app: FastifyInstance, runtime: Runtime, background: BackgroundWork[], signal: NodeJS.Signals): Promise<number> {
  const timeoutSeconds = runtime.config.shutdownTimeoutSeconds;
  app.log.info({ signal, timeoutSeconds }, 'shutting down: no new connections, waiting for requests in flight');
  let requestsCut = false;
  const bound = setTimeout(() => {
    requestsCut = true;
    app.log.warn({ timeoutSeconds }, 'requests still in flight at the shutdown timeout: closing their connections');
    app.server.closeAllConnections();
  }, timeoutSeconds * 1000);
  // Background work that will not stop (a delivery waiting on a slow receiver) must not keep the
  // process alive: nothing is mid-transaction between event-loop turns, so closing is still safe.
  const giveUp = setTimeout(() => {
    app.log.error('shutdown did not finish in time: closing the databases and exiting');
    closeDatabases(app, runtime);
    exitWhenLogged(1);
  }, timeoutSeconds * 1000 + CLOSE_GRACE_MS);
  try {
    // app.close() stops listening at once and resolves when the last request has been answered;
    // its onClose hooks (the development provider …) run after that, while the databases are open.
    // A purge's keyring copy rewrite still uploading is waited for too (never rejects), so the copy
    // on the target does not keep a destroyed key because the process stopped; bounded like the rest.
    const rewrites = keyringRewritesInFlight();
    if (rewrites > 0) app.log.info({ rewrites }, 'waiting for the keyring copy rewrite after a purge');
    await Promise.all([app.close(), ...background.map((work) => work.stop()), keyringRewritesSettled()]);
    clearTimeout(bound);
    clearTimeout(giveUp);
    closeDatabases(app, runtime);
    app.log.info({ requestsCut }, 'stopped');
    return requestsCut ? 1 : 0;
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    closeDatabases(app, runtime);
    return 1;
  }
}

/**
 * Empties every open database's WAL into its file, then closes every handle. A database another
 * process is using at that moment (a PM2 sibling) is only partly checkpointed; that is safe, and
 * the last process to close it finishes the job.
 */
function closeDatabases(app: FastifyInstance, runtime: Runtime): void {
  try {
    const checkpoints = [runtime.control.checkpoint(), ...runtime.tenancy.checkpointAll()];
    app.log.info({ databases: checkpoints.length, busy: checkpoints.filter((c) => c.busy).length }, 'WAL checkpointed');
  } catch (err) {
    app.log.error({ err }, 'WAL checkpoint failed');
  }
  runtime.close();
}

/**
 * Exits once the log lines written so far are out. Under PM2 they go through process.stdout into
 * an asynchronous file stream (src/logging/logger.ts), and a write's callback runs only after every
 * earlier write; a second at most, so a stuck log never keeps the process alive.
 */
function exitWhenLogged(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 1000).unref();
  process.stdout.write('', () => process.exit(code));
}
