// The real server as a child process (`bin/spinney.js serve`, the compiled build), started and
// stopped the way an operator or PM2 does it, plus what the lifecycle tests read afterwards:
// WAL files and `PRAGMA integrity_check` of every database in the data dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TEST_KEYS } from '../helpers/app.js';
import { cliEnv, SPINNEY_BIN, START_DEADLINE_MS } from '../helpers/cli.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';

/** Settings for a test server on loopback: test mode, fixed test keys, no rate limits, info logs. */
export function serverEnv(dataDir: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SPINNEY_ENV: 'test',
    SPINNEY_DATA_DIR: dataDir,
    SPINNEY_HOST: '127.0.0.1',
    SPINNEY_PORT: String(port),
    SPINNEY_LOG_LEVEL: 'info',
    SPINNEY_RATE_LIMIT: '0',
    SPINNEY_RATE_LIMIT_SIGNIN: '0',
    ...TEST_KEYS,
    ...extra,
  };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly base: string;
  /** Milliseconds from spawn until /healthz answered. */
  readonly startMs: number;
  readonly exited: Promise<Exit>;
  /** Everything the process wrote to stdout (JSON log lines) so far. */
  log(): string;
  /** The parsed log lines with this msg. */
  logLines(msg: string): Record<string, unknown>[];
}

/** Starts `spinney serve` and waits until /healthz answers (20 s at most). SIGKILLed at teardown if still running. */
export async function startServer(t: { teardown(fn: () => unknown): void }, env: Record<string, string>): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, [SPINNEY_BIN, 'serve'], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const base = `http://${env.SPINNEY_HOST ?? '127.0.0.1'}:${env.SPINNEY_PORT}`;
  let running = true;
  void exited.then(() => (running = false));
  for (const deadline = performance.now() + START_DEADLINE_MS; ; ) {
    if (!running) throw new Error(`spinney serve exited before answering: ${err.trim()}`);
    if (performance.now() > deadline) throw new Error(`spinney serve did not answer /healthz within ${START_DEADLINE_MS / 1000} s`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startMs = performance.now() - started;
  const logLines = (msg: string): Record<string, unknown>[] =>
    out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === msg);
  return { child, base, startMs, exited, log: () => out, logLines };
}

/**
 * Polls `probe` until it answers something other than undefined (a probe that throws counts as not
 * yet), every `everyMs`, for up to `timeoutMs` (the start deadline by default); then throws naming `what`.
 */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, { timeoutMs = START_DEADLINE_MS, everyMs = 25 } = {}): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, everyMs))) {
    const value = await Promise.resolve().then(probe).catch(() => undefined);
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface Workspace {
  id: string;
  token: string;
}

/**
 * A workspace made with `spinney tenant create` and an admin token from `spinney dev token`, both run
 * in this process (test/helpers/cli-in-process.ts): set-up, not what these tests are about.
 */
export async function createWorkspace(env: Record<string, string>, name: string): Promise<Workspace> {
  const created = await spinneyInProcess(['tenant', 'create', '--name', name, '--json'], env);
  if (created.code !== 0) throw new Error(`tenant create failed: ${created.stderr}`);
  const { id } = JSON.parse(created.stdout) as { id: string };
  const token = await spinneyInProcess(['dev', 'token', '--tenant', id, '--role', 'admin'], env);
  if (token.code !== 0) throw new Error(`dev token failed: ${token.stderr}`);
  return { id, token: token.stdout.trim() };
}

/** control.db, keyring.db and every tenant.db in the data dir. */
export function databaseFiles(dataDir: string): string[] {
  const tenants = join(dataDir, 'tenants');
  const tenantFiles = existsSync(tenants) ? readdirSync(tenants).map((id) => join(tenants, id, 'tenant.db')).filter((p) => existsSync(p)) : [];
  return [join(dataDir, 'control.db'), join(dataDir, 'keyring.db'), ...tenantFiles].filter((p) => existsSync(p));
}

/** `PRAGMA integrity_check` of one file ("ok" when sound), through its own connection. */
export function integrityCheck(path: string): string {
  const db = new Database(path, { fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Bytes in each database's -wal file (absent files are left out). */
export function walSizes(dataDir: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const path of databaseFiles(dataDir)) {
    if (existsSync(`${path}-wal`)) sizes[path.slice(dataDir.length + 1)] = statSync(`${path}-wal`).size;
  }
  return sizes;
}
