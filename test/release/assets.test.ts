// src/config/assets.ts outside the executable: Spinney's own files come from the repository, and the
// check the executable runs on its native addon before loading it refuses bytes that differ.
import t from 'tap';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { isPackaged, listAssets, readAsset, writeVerifiedFile } from '../../src/config/assets.js';

t.test('outside the executable, assets are the repository files', async (t) => {
  t.equal(isPackaged(), false);
  t.same(readAsset('package.json'), readFileSync(new URL('../../package.json', import.meta.url)));
  t.same(listAssets('migrations/control').sort(), readdirSync(new URL('../../migrations/control/', import.meta.url)).sort(), 'the control migrations, by file name');
  t.throws(() => readAsset('migrations/control/9999_missing.sql'), { code: 'ENOENT' });
  t.throws(() => listAssets('no-such-folder'), { code: 'ENOENT' });
});

t.test('the addon is loaded only from a private directory and only when its bytes match the release', async (t) => {
  const bytes = new TextEncoder().encode('a native addon, as packed');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { file, dir } = writeVerifiedFile('better_sqlite3.node', bytes, sha256);
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.equal(dirname(file), dir);
  t.equal(statSync(dir).mode & 0o777, 0o700, 'the directory is its owner\'s only');
  t.same(readFileSync(file), Buffer.from(bytes));

  const other = 'f'.repeat(64);
  let refusedDir = '';
  t.throws(
    () => {
      try {
        writeVerifiedFile('better_sqlite3.node', bytes, other);
      } catch (err) {
        refusedDir = /written to (\S+) does not match/.exec((err as Error).message)?.[1] ?? '';
        throw err;
      }
    },
    { message: `sha256 ${sha256}, expected ${other}` },
    'bytes that differ from the release are refused, naming both hashes',
  );
  t.ok(refusedDir, 'the message names the directory');
  t.notOk(existsSync(refusedDir), 'and the refused file and its directory are gone');
});
