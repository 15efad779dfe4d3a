// One crash round against the real server process: several clients create contacts as fast as
// they can, the server is killed with SIGKILL at a random moment, started again, and every write
// that was acknowledged (2xx) is looked for through the API; every database file is then checked
// with integrity_check. Used by test/lifecycle/durability.test.ts and bench/durability.ts.
import type { Teardown } from '../helpers/app.js';
import { databaseFiles, integrityCheck, startServer, type ServerProcess, type Workspace } from './server-process.js';

export interface CrashRoundOptions {
  /** Concurrent writing clients, spread over the workspaces. */
  clients: number;
  /** The kill comes this long (ms) after the first acknowledged write; random within the range. */
  killDelayMs: readonly [number, number];
}

export interface CrashRoundResult {
  acknowledged: number;
  /** Acknowledged writes found after the restart. */
  found: number;
  /** Ids of acknowledged writes missing after the restart (must be empty). */
  lost: string[];
  /** Writes present although their client never saw the answer (in flight at the kill). */
  unacknowledgedPresent: number;
  killedAfterMs: number;
  /** Milliseconds from spawning the new process until /healthz answered. */
  restartMs: number;
  /** Database files whose integrity_check was not "ok", with what it said. */
  damaged: { file: string; integrity: string }[];
}

const PAGE = 100;

async function listContactIds(server: ServerProcess, workspace: Workspace): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const url = `${server.base}/api/v1/contacts?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${workspace.token}` } });
    if (res.status !== 200) throw new Error(`listing contacts answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    for (const item of body.items) ids.add(item.id);
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

/** Creates contacts until a request fails (the server is gone); returns the ids acknowledged. */
async function writer(server: ServerProcess, workspace: Workspace, label: string, acknowledged: (id: string) => void): Promise<void> {
  for (let n = 0; ; n++) {
    let res: Response;
    try {
      res = await fetch(`${server.base}/api/v1/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `${label}-${n}`, notes: 'written during a crash round' }),
      });
    } catch {
      return; // connection refused or reset: the server was killed
    }
    const text = await res.text().catch(() => null);
    if (text === null) return;
    if (res.status >= 200 && res.status < 300) acknowledged((JSON.parse(text) as { id: string }).id);
    else throw new Error(`a write answered ${res.status}: ${text}`);
  }
}

const randomIn = ([min, max]: readonly [number, number]): number => min + Math.random() * (max - min);

/** Runs one round against a running server; returns the numbers and the restarted server (for the next round). */
export async function crashRound(
  t: Teardown,
  server: ServerProcess,
  env: Record<string, string>,
  workspaces: Workspace[],
  options: CrashRoundOptions,
  round: number,
): Promise<{ result: CrashRoundResult; server: ServerProcess }> {
  const before = new Map<string, number>();
  for (const workspace of workspaces) before.set(workspace.id, (await listContactIds(server, workspace)).size);
  const acknowledged = new Map<string, Set<string>>(workspaces.map((w) => [w.id, new Set()]));
  let firstAck: () => void = () => {};
  const firstAcknowledged = new Promise<void>((resolve) => (firstAck = resolve));
  const writers = Array.from({ length: options.clients }, (_, i) => {
    const workspace = workspaces[i % workspaces.length] as Workspace;
    return writer(server, workspace, `r${round}-c${i}`, (id) => {
      acknowledged.get(workspace.id)?.add(id);
      firstAck();
    });
  });
  const writing = Promise.all(writers);
  await Promise.race([firstAcknowledged, writing]);
  const killedAfterMs = randomIn(options.killDelayMs);
  await new Promise((r) => setTimeout(r, killedAfterMs));
  server.child.kill('SIGKILL');
  await Promise.all([writing, server.exited]);

  const restarted = await startServer(t, env);
  let found = 0;
  let unacknowledgedPresent = 0;
  const lost: string[] = [];
  for (const workspace of workspaces) {
    const ids = await listContactIds(restarted, workspace);
    const mine = acknowledged.get(workspace.id) ?? new Set<string>();
    const foundHere = [...mine].filter((id) => ids.has(id)).length;
    lost.push(...[...mine].filter((id) => !ids.has(id)));
    found += foundHere;
    unacknowledgedPresent += ids.size - (before.get(workspace.id) ?? 0) - foundHere;
  }
  const acknowledgedCount = [...acknowledged.values()].reduce((n, s) => n + s.size, 0);
  const damaged = databaseFiles(env.SPINNEY_DATA_DIR as string)
    .map((file) => ({ file, integrity: integrityCheck(file) }))
    .filter((check) => check.integrity !== 'ok');
  return {
    result: { acknowledged: acknowledgedCount, found, lost, unacknowledgedPresent, killedAfterMs, restartMs: restarted.startMs, damaged },
    server: restarted,
  };
}
