// The hash of everything a release is built from (tracked and new files, not ignored ones such as
// web/dist or node_modules): two checkouts with the same hash build the same executable.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RELEASE_INPUTS = ['src', 'migrations', 'web', 'tools/release', 'package.json', 'package-lock.json'];

export function releaseInputsHash(root) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...RELEASE_INPUTS], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .sort();
  const hash = createHash('sha256');
  for (const file of new Set(files)) {
    let content;
    try {
      content = readFileSync(join(root, file));
    } catch {
      continue; // deleted in the work tree but still in the index
    }
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex').slice(0, 16);
}
