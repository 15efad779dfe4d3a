// Runs the real `spinney` executable (bin/spinney.js → dist/) as an operator would.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SPINNEY_BIN = fileURLToPath(new URL('../../bin/spinney.js', import.meta.url));

/**
 * How long a test waits for a process it started (spinney serve, nginx, sshd) to answer. About a
 * second on a quiet machine; the suite must pass at a load average of 4 on two cores, and a cold
 * Node start there takes many times that, so the wait is generous: a server that never comes up
 * still fails, only later.
 */
export const START_DEADLINE_MS = 60_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The parent's environment without any SPINNEY_* setting, plus the given ones. */
export function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SPINNEY_')));
  return { ...clean, ...env };
}

/** Runs a program to its end with no input, and answers its exit code and everything it printed. */
export function runProgram(file: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, ...(cwd ? { cwd } : {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function spinney(args: string[], env: Record<string, string>): Promise<CliResult> {
  return runProgram(process.execPath, [SPINNEY_BIN, ...args], cliEnv(env));
}

/** A port free right now on 127.0.0.1 (for a server whose public URL must name its port). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = (server.address() as AddressInfo);
  server.close();
  return port;
}

/** Resolves once something listens on the port; rejects with the child's output when it exits first or after 10 s. */
export async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${child.spawnfile} did not listen on ${port}: ${output()}`);
}
