// Crash durability: N rounds (default 20) of test/lifecycle/crash-round.ts on one data dir. Each
// round: several clients create contacts against the real server (`bin/spinney.js serve`, the
// compiled build), SIGKILL at a random moment, restart, look up every acknowledged write through
// the API, integrity_check every database file. Prints one line per round and a JSON summary;
// exits 1 if any acknowledged write was lost or any file damaged.
//
//   npm run bench:durability [-- --rounds 20 --clients 8 --workspaces 2 --synchronous NORMAL|FULL]
import { parseArgs } from 'node:util';
import { freePort } from '../test/helpers/cli.js';
import { crashRound, type CrashRoundResult } from '../test/lifecycle/crash-round.js';
import { createWorkspace, serverEnv, startServer, type ServerProcess } from '../test/lifecycle/server-process.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '8' },
    workspaces: { type: 'string', default: '2' },
    synchronous: { type: 'string', default: 'NORMAL' },
    'kill-min-ms': { type: 'string', default: '50' },
    'kill-max-ms': { type: 'string', default: '1500' },
  },
});
const rounds = Number(args.rounds);
const synchronous = args.synchronous === 'FULL' ? 'FULL' : 'NORMAL';

const work = benchWorkdir('durability', false);
const teardowns: (() => unknown)[] = [];
const t = { teardown: (fn: () => unknown) => void teardowns.push(fn) };
let server: ServerProcess | undefined;
try {
  const env = serverEnv(work.dir, await freePort(), { SPINNEY_SQLITE_SYNCHRONOUS: synchronous, SPINNEY_LOG_LEVEL: 'warn' });
  const workspaces = [];
  for (let i = 0; i < Number(args.workspaces); i++) workspaces.push(await createWorkspace(env, `Durability ${i + 1}`));
  server = await startServer(t, env);
  console.log(`durability: ${rounds} rounds, ${args.clients} clients, ${workspaces.length} workspaces, synchronous=${synchronous}, first start ${Math.round(server.startMs)} ms`);
  const results: CrashRoundResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    const outcome = await crashRound(t, server, env, workspaces, { clients: Number(args.clients), killDelayMs: [Number(args['kill-min-ms']), Number(args['kill-max-ms'])] }, round);
    server = outcome.server;
    const r = outcome.result;
    results.push(r);
    console.log(
      `round ${String(round).padStart(2)}: killed at +${String(Math.round(r.killedAfterMs)).padStart(4)} ms  acknowledged ${String(r.acknowledged).padStart(5)}  found ${String(r.found).padStart(5)}  lost ${r.lost.length}  in flight but kept ${r.unacknowledgedPresent}  restart ${Math.round(r.restartMs)} ms  damaged files ${r.damaged.length}`,
    );
  }
  const restarts = results.map((r) => r.restartMs).sort((a, b) => a - b);
  const summary = {
    rounds,
    clients: Number(args.clients),
    workspaces: workspaces.length,
    synchronous,
    acknowledged: results.reduce((n, r) => n + r.acknowledged, 0),
    found: results.reduce((n, r) => n + r.found, 0),
    lost: results.reduce((n, r) => n + r.lost.length, 0),
    unacknowledgedPresent: results.reduce((n, r) => n + r.unacknowledgedPresent, 0),
    damagedFiles: results.reduce((n, r) => n + r.damaged.length, 0),
    restartMs: { p50: Math.round(restarts[Math.floor(restarts.length / 2)] ?? 0), max: Math.round(restarts.at(-1) ?? 0) },
  };
  console.log(JSON.stringify(summary));
  process.exitCode = summary.lost === 0 && summary.damagedFiles === 0 ? 0 : 1;
} finally {
  server?.child.kill('SIGTERM');
  if (server) await server.exited;
  for (const fn of teardowns) await fn();
  work.cleanup();
}
