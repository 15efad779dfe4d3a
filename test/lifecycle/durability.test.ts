// kill -9 of the real server while several clients write: after a restart every write that was
// acknowledged (2xx) is there, and every database file passes integrity_check. Three rounds on
// one data dir; bench/durability.ts runs many more and prints the numbers.
import t from 'tap';
import { tempDataDir } from '../helpers/app.js';
import { freePort } from '../helpers/cli.js';
import { crashRound } from './crash-round.js';
import { createWorkspace, serverEnv, startServer } from './server-process.js';

t.test('acknowledged writes survive kill -9 at a random moment and every database passes integrity_check', async (t) => {
  const dataDir = tempDataDir(t);
  // The default durability setting: what an operator gets without choosing.
  const env = serverEnv(dataDir, await freePort());
  t.equal(env.SPINNEY_SQLITE_SYNCHRONOUS, undefined, 'synchronous is left at its default (NORMAL)');
  const workspaces = [await createWorkspace(env, 'Crash Roofing'), await createWorkspace(env, 'Crash Plumbing')];
  let server = await startServer(t, env);
  for (let round = 1; round <= 3; round++) {
    const outcome = await crashRound(t, server, env, workspaces, { clients: 6, killDelayMs: [50, 600] }, round);
    server = outcome.server;
    const { result } = outcome;
    t.ok(result.acknowledged > 0, `round ${round}: ${result.acknowledged} writes acknowledged before the kill at +${Math.round(result.killedAfterMs)} ms`);
    t.same(result.lost, [], `round ${round}: every acknowledged write is there after the restart (${result.found} found)`);
    t.same(result.damaged, [], `round ${round}: integrity_check ok on control.db, keyring.db and every tenant.db`);
  }
  server.child.kill('SIGTERM');
  t.match(await server.exited, { code: 0 }, 'and the last server still shuts down cleanly');
});
