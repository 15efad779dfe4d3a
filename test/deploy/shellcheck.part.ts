// Every shell script the project ships or runs passes Debian's shellcheck, warnings included.
import t from 'tap';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireTools, TOOLS } from './tools.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHELL = /^(#!\s*\/(usr\/)?bin\/(env )?(ba)?sh\b|# shellcheck shell=)/;

/** Files under these directories that are shell scripts (by their first line), as repo paths. */
function shellScripts(dirs: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SHELL.test(readFileSync(path, 'utf8').split('\n', 1)[0] ?? '')) found.push(relative(ROOT, path));
    }
  };
  for (const dir of dirs) walk(join(ROOT, dir));
  return found.sort();
}

t.test('every shell script in deploy, scripts, tools and .ci passes shellcheck', { skip: requireTools(t, ['shellcheck']) }, async (t) => {
  const scripts = shellScripts(['deploy', 'scripts', 'tools', '.ci']);
  for (const expected of [
    '.ci/run', 'deploy/certbot/reload-nginx', 'deploy/install-release', 'deploy/nginx/render', 'deploy/provision.sh',
    'scripts/backup-now', 'scripts/lib.sh', 'scripts/restore', 'scripts/rotate-keys', 'scripts/spinney', 'scripts/status', 'scripts/tenant', 'tools/test/suite.sh',
  ]) {
    t.ok(scripts.includes(expected), `${expected} is checked`);
  }
  const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    // -x follows `. lib.sh` (each script names its source path); severity style: everything.
    const child = spawn(TOOLS.shellcheck, ['-x', '--severity=style', ...scripts], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
  t.equal(result.output, '', 'no findings');
  t.equal(result.code, 0);
});
