// A benchmark's scratch space: a temp directory removed at the end (or on Ctrl-C), and with
// --profile a second one for .cpuprofile files, kept only when the run asks for it. Steps added
// with onCleanup (e.g. stopping a database server that keeps files there) run first, newest first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Workdir {
  dir: string;
  profileDir: string | null;
  keepProfiles(): void;
  /** A synchronous step to run before the directory is removed (on Ctrl-C too). */
  onCleanup(step: () => void): void;
  cleanup(): void;
}

export function benchWorkdir(name: string, profile: boolean): Workdir {
  const dir = mkdtempSync(join(tmpdir(), `spinney-bench-${name}-`));
  const profileDir = profile ? mkdtempSync(join(tmpdir(), 'spinney-bench-profile-')) : null;
  let keep = false;
  const steps: (() => void)[] = [];
  const cleanup = (): void => {
    for (const step of steps.splice(0).reverse()) {
      try {
        step();
      } catch (error) {
        console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (profileDir && !keep) rmSync(profileDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  return { dir, profileDir, keepProfiles: () => (keep = true) && undefined, onCleanup: (step) => void steps.push(step), cleanup };
}
