// The same `spinney` commands as test/helpers/cli.ts runs, called in this process through the CLI's
// main() (src/cli/main.ts) instead of a new process: the same argv, SPINNEY_* settings, exit code
// and the exact bytes the command writes to stdout and stderr. A spawn from a test costs about a
// second on two busy cores; each command family keeps at least one test through the real
// executable (bin/spinney.js), which is what operators run.
import { AsyncLocalStorage } from 'node:async_hooks';
import { main } from '../../src/cli/main.js';
import type { CliResult } from './cli.js';

interface Captured {
  stdout: string[];
  stderr: string[];
}

/** Set while a command runs: writes from its async context go here, the test runner's own output does not. */
const capture = new AsyncLocalStorage<Captured>();

let installed = false;
function captureWrites(): void {
  if (installed) return;
  installed = true;
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      const store = capture.getStore();
      if (!store) return write(chunk, ...rest);
      store[name].push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    }) as typeof stream.write;
  }
}

/** One command at a time: the environment and the umask are the process's own. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `spinney ARGS` in this process with exactly the SPINNEY_* settings given (the process's own are
 * hidden meanwhile), as test/helpers/cli.ts's spinney() does in a child; the environment and the umask
 * main() sets are put back afterwards.
 */
export function spinneyInProcess(args: string[], env: Record<string, string>): Promise<CliResult> {
  captureWrites();
  const run = queue.then(async () => {
    const saved = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('SPINNEY_') || key in env));
    for (const key of Object.keys(saved)) delete process.env[key];
    Object.assign(process.env, env);
    const umask = process.umask();
    const captured: Captured = { stdout: [], stderr: [] };
    try {
      const code = await capture.run(captured, () => main(args));
      return { code, stdout: captured.stdout.join(''), stderr: captured.stderr.join('') };
    } finally {
      for (const key of Object.keys(process.env)) if (key.startsWith('SPINNEY_') || key in env) delete process.env[key];
      Object.assign(process.env, saved);
      process.umask(umask);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
