// What every `spinney` command shares: loading the config, opening and always closing the runtime,
// printing, and the one error type that becomes a one-line message and exit code 1.
import { loadConfigFromProcess, type Config, type LoadOptions } from '../config/config.js';
import type { Runtime } from '../runtime.js';

export class CliError extends Error {}

/** Loads the config; notices (e.g. a generated development key) go to stderr, never stdout. */
export function withConfig(options: LoadOptions = {}): { config: Config; notices: string[] } {
  const loaded = loadConfigFromProcess(options);
  for (const notice of loaded.notices) process.stderr.write(`spinney: ${notice}\n`);
  return loaded;
}

/** Opens the runtime for one command and always closes it (loaded here, so `--help` never pays for it). */
export async function withRuntime<T>(fn: (runtime: Runtime) => T | Promise<T>, config = withConfig().config): Promise<T> {
  const { openRuntime } = await import('../runtime.js');
  const runtime = openRuntime(config);
  try {
    return await fn(runtime);
  } finally {
    runtime.close();
  }
}

export const print = (value: unknown): void => {
  process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
};

/** A progress line on stderr, redrawn in place on a terminal and silent otherwise (logs stay clean). */
export function progress(label: string): { update(done: number, total: number): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  return {
    update(done, total) {
      if (!tty) return;
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
