// Runs one server in its own Node process (so the load generator never shares its event loop)
// and reads what the kernel knows about it: CPU time, resident memory, open descriptors.
// The server script is compiled to JavaScript first and the child runs on plain `node`, as
// production does: under tsx's loader each child carried a loader thread and 40–45 MiB more
// resident memory, which bench:tenants counted against Spinney.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a server child sends once it listens. */
export interface ListeningMessage {
  type: 'listening';
  url: string;
}

export interface ServerChild {
  readonly pid: number;
  readonly url: string;
  /** User + system CPU seconds the child has used so far. */
  cpuSeconds(): number;
  /** Current and peak resident set size, in kB (/proc/<pid>/status VmRSS, VmHWM). */
  memory(): { rssKb: number; hwmKb: number };
  openFds(): number;
  /** SIGTERM, wait for a clean exit (the servers close their databases), SIGKILL after 15 s. */
  stop(): Promise<number | null>;
}

const TSX = import.meta.resolve('tsx');
const SQLITE_ADDON_PRELOAD = new URL('./sqlite-addon.ts', import.meta.url);

/** Another Node binary to run a server child on, with a better-sqlite3 addon built for its ABI when it differs. */
export interface ServerNode {
  execPath: string;
  version: string;
  sqliteAddon: string | null;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

const viaTsx = process.env.BENCH_SPINNEY_SOURCE === 'src';
let compiled = 0;

/**
 * The script as a child runs it: bundled with the bench modules it imports (packages stay
 * imports) into one ES module in a sibling folder (bench/servers/x.ts → bench/.servers-compiled/),
 * at the same depth so its `import.meta.url`-relative paths (../../dist/ …) still resolve; `remove`
 * deletes that file. With BENCH_SPINNEY_SOURCE=src the child imports src/*.ts at run time and runs
 * under tsx, so the script is used as it is. esbuild is loaded here only, never in the children.
 */
async function runnable(script: URL): Promise<{ url: URL; remove(): void }> {
  if (viaTsx) return { url: script, remove: () => undefined };
  const { buildSync } = await import('esbuild');
  const source = fileURLToPath(script);
  const outDir = join(dirname(dirname(source)), `.${basename(dirname(source))}-compiled`);
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(source, '.ts')}-${process.pid}-${(compiled += 1)}.mjs`);
  buildSync({ entryPoints: [source], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  return { url: pathToFileURL(outfile), remove: () => rmSync(outfile, { force: true }) };
}

export async function startServer(script: URL, args: unknown, options: { execArgv?: string[]; node?: ServerNode | null } = {}): Promise<ServerChild> {
  const { node } = options;
  const entry = await runnable(script);
  const preload = node?.sqliteAddon ? await runnable(SQLITE_ADDON_PRELOAD) : null;
  const addon = node?.sqliteAddon && preload ? { preload: ['--import', preload.url.href], env: { BENCH_SQLITE_ADDON: node.sqliteAddon } } : { preload: [], env: {} };
  const removeCompiled = (): void => {
    entry.remove();
    preload?.remove();
  };
  const child: ChildProcess = fork(entry.url, [JSON.stringify(args)], {
    execArgv: [...(viaTsx ? ['--import', TSX] : []), ...addon.preload, ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(node ? { execPath: node.execPath, env: { ...process.env, ...addon.env } } : {}),
  });
  const pid = child.pid;
  if (pid === undefined) {
    removeCompiled();
    throw new Error(`could not start ${script.pathname}`);
  }
  child.once('exit', removeCompiled);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script.pathname} did not start within 60 s`)), 60_000);
    child.once('message', (message: ListeningMessage) => {
      clearTimeout(timer);
      resolve(message.url);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script.pathname} exited (${code}) before listening`));
    });
  });

  return {
    pid,
    url,
    cpuSeconds() {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
    },
    openFds() {
      return readdirSync(`/proc/${pid}/fd`).length;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** For server children: the parent's arguments, and exit when the parent goes away. */
export function childArgs<T>(): T {
  process.on('disconnect', () => process.exit(0));
  const raw = process.argv[2];
  if (!raw || !process.send) throw new Error('start this script through bench/lib/child.ts startServer()');
  return JSON.parse(raw) as T;
}

export function announce(url: string): void {
  const message: ListeningMessage = { type: 'listening', url };
  process.send?.(message);
}

/** Runs a script that does one job and sends its result as its one message, then exits. */
export async function runWorker<T>(script: URL, args: unknown): Promise<T> {
  const child = fork(script, [JSON.stringify(args)], {
    execArgv: ['--import', TSX],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<T>((resolve, reject) => {
    let result: { value: T } | null = null;
    child.once('message', (message: T) => {
      result = { value: message };
    });
    child.once('exit', (code) => {
      if (code === 0 && result) resolve(result.value);
      else reject(new Error(`${script.pathname} exited with ${code}`));
    });
  });
}
