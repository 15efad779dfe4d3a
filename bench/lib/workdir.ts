// A benchmark's scratch space: a temp directory removed at the end (or on Ctrl-C), and with
// --profile a second one for .cpuprofile files, kept only when the run asks for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Workdir {
  dir: string;
  profileDir: string | null;
  keepProfiles(): void;
  cleanup(): void;
}

export function benchWorkdir(name: string, profile: boolean): Workdir {
  const dir = mkdtempSync(join(tmpdir(), `spinney-bench-${name}-`));
  const profileDir = profile ? mkdtempSync(join(tmpdir(), 'spinney-bench-profile-')) : null;
  let keep = false;
  const cleanup = (): void => {
    rmSync(dir, { recursive: true, force: true });
    if (profileDir && !keep) rmSync(profileDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  return { dir, profileDir, keepProfiles: () => (keep = true) && undefined, cleanup };
}
