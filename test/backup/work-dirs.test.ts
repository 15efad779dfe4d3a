// Work dirs in <data dir>/tmp/ hold decrypted copies of databases while a backup, verify or restore
// runs. A process killed with SIGKILL cannot clean up, and a purged workspace's plaintext must not
// outlive its crypto-shredding there: the sweep at `spinney serve` start-up and at every backup run
// removes the dirs of processes that are gone, and never one a running process (a PM2 sibling, a
// CLI command) is using.
import t, { type Test } from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBackup } from '../../src/backup/backup-run.js';
import { makeWorkDir, OWNER_FILE, sweepStaleWorkDirs, UNCHECKED_WORK_DIR_MAX_AGE_MS } from '../../src/backup/layout.js';
import { build, tempDataDir } from '../helpers/app.js';
import { freePort } from '../helpers/cli.js';
import { serverEnv, startServer } from '../lifecycle/server-process.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const LAYOUT = new URL('../../src/backup/layout.ts', import.meta.url).href;

interface Holder {
  child: ChildProcess;
  dir: string;
  /** SIGKILL, as a crash or `kill -9` would: no finally block runs. */
  kill(): Promise<void>;
}

/** A separate process that makes a work dir with makeWorkDir, writes a "decrypted" file into it and keeps running. */
async function holdWorkDir(t: Test, dataDir: string, label: string): Promise<Holder> {
  const script = join(dataDir, `hold-${label}-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    script,
    `import { writeFileSync } from 'node:fs';
     import { join } from 'node:path';
     const { makeWorkDir } = await import(${JSON.stringify(LAYOUT)});
     const dir = makeWorkDir(${JSON.stringify(dataDir)}, ${JSON.stringify(label)});
     writeFileSync(join(dir, 'restored.db'), 'plaintext of a workspace');
     process.stdout.write(dir + '\\n');
     setInterval(() => {}, 60_000);`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const dir = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', () => reject(new Error(`the holder exited: ${err}`)));
  });
  return {
    child,
    dir,
    kill: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

const name = (dir: string): string => dir.slice(dir.lastIndexOf('/') + 1);

t.test('the sweep removes what killed processes left and keeps what running ones use', async (t) => {
  const dataDir = tempDataDir(t);
  const killed = await holdWorkDir(t, dataDir, 'verify');
  const running = await holdWorkDir(t, dataDir, 'restore');
  t.ok(existsSync(join(killed.dir, 'restored.db')) && existsSync(join(killed.dir, OWNER_FILE)), 'the work dir holds the copy and its owner');
  await killed.kill();

  const own = makeWorkDir(dataDir, 'backup-20261204T160000000Z-abcdef');
  writeFileSync(join(own, 'control.db'), 'in use right now');
  const tmp = join(dataDir, 'tmp');
  const hours = (n: number): Date => new Date(Date.now() - n * 3_600_000);
  // Without an owner file (the instant before makeWorkDir writes it, or an older Spinney's): by age only.
  const oldOrphan = join(tmp, 'restore-Ab3dE9');
  const oldBackupOrphan = join(tmp, 'backup-20261101T100000000Z-qrstuv-Zz09aB');
  const newOrphan = join(tmp, 'verify-Xy7kP2');
  for (const dir of [oldOrphan, oldBackupOrphan, newOrphan]) {
    mkdirSync(dir);
    writeFileSync(join(dir, 'restored.db'), 'plaintext');
  }
  utimesSync(oldOrphan, hours(7), hours(7));
  utimesSync(oldBackupOrphan, hours(30), hours(30));
  // Not work dirs: a damaged live file a restore kept for inspection, and a plain file.
  const damaged = join(tmp, `damaged-acme-${Date.now()}`);
  mkdirSync(damaged);
  utimesSync(damaged, hours(100), hours(100));
  writeFileSync(join(tmp, 'notes.txt'), 'x');

  const sweep = sweepStaleWorkDirs(dataDir);
  t.same(sweep.removed.sort(), [name(killed.dir), name(oldOrphan), name(oldBackupOrphan)].sort(), 'the killed process\'s dir and the old orphans go');
  t.same(sweep.failed, []);
  t.notOk(existsSync(killed.dir), 'no plaintext left behind by the kill -9');
  t.notOk(existsSync(oldOrphan) || existsSync(oldBackupOrphan));
  t.equal(readFileSync(join(running.dir, 'restored.db'), 'utf8'), 'plaintext of a workspace', "a running process's dir is untouched");
  t.equal(readFileSync(join(own, 'control.db'), 'utf8'), 'in use right now', "this process's own dir is untouched");
  t.ok(existsSync(newOrphan), 'an orphan younger than the bound stays (it may be a dir being made)');
  t.ok(existsSync(damaged) && existsSync(join(tmp, 'notes.txt')), 'what is not a work dir stays');
  t.same(sweepStaleWorkDirs(dataDir, Date.now() + UNCHECKED_WORK_DIR_MAX_AGE_MS + 60_000).removed, [name(newOrphan)], 'the young orphan goes once past the bound; a live owner\'s dir never does');
  t.ok(existsSync(running.dir) && existsSync(own));

  await running.kill();
  t.same(sweepStaleWorkDirs(dataDir).removed, [name(running.dir)], 'its dir goes once that process is killed too');
  t.same(sweepStaleWorkDirs(join(dataDir, 'nothing-here')), { removed: [], kept: [], failed: [] }, 'no tmp/ yet: nothing to do');
});

t.test("a reused pid does not keep a dead process's dir", { skip: existsSync('/proc/self/stat') ? false : 'needs /proc (start times)' }, async (t) => {
  const dataDir = tempDataDir(t);
  const dir = makeWorkDir(dataDir, 'verify');
  const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8'));
  t.equal(owner.pid, process.pid);
  t.type(owner.startTicks, 'number');
  t.same(sweepStaleWorkDirs(dataDir).removed, [], 'same pid, same start: the owner is alive');
  // The same pid, started at another time: the process that made the dir is gone, its pid reused.
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify({ ...owner, startTicks: owner.startTicks - 1 }));
  t.same(sweepStaleWorkDirs(dataDir).removed, [name(dir)]);
});

t.test('every backup run sweeps first', async (t) => {
  const api = await build(t);
  const killed = await holdWorkDir(t, api.config.dataDir, 'restore');
  await killed.kill();
  const own = makeWorkDir(api.config.dataDir, 'verify');
  const summary = await runBackup(api.runtime, { actor: 'operator' });
  t.equal(summary.staleWorkDirsRemoved, 1);
  t.notOk(existsSync(killed.dir), 'the killed restore\'s copy is gone');
  t.ok(existsSync(own), 'a dir in use is kept');
  t.same(readdirSync(join(api.config.dataDir, 'tmp')), [name(own)], 'and the run left nothing of its own');
});

t.test('spinney serve sweeps at start-up and says so in its log', async (t) => {
  const dataDir = tempDataDir(t);
  const killed = await holdWorkDir(t, dataDir, 'verify');
  await killed.kill();
  const server = await startServer(t, serverEnv(dataDir, await freePort()));
  t.notOk(existsSync(killed.dir));
  // Log lines reach stdout asynchronously: wait for it (5 s at most).
  const msg = 'removed work dirs left in tmp/ by a process that ended without cleaning up';
  for (const deadline = Date.now() + 5000; server.logLines(msg).length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
  t.match(server.logLines(msg), [{ level: 40, removed: [name(killed.dir)] }], 'a warning names the dirs removed');
  server.child.kill('SIGTERM');
  t.match(await server.exited, { code: 0 });
});
