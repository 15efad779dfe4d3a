// `spinney keys` as an operator runs it: a real data dir and key files; each keys command through
// the real executable at least once, the other cases in this process (test/helpers/cli-in-process.ts).
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRuntime } from '../../src/runtime.js';
import { tempDataDir, testConfig, TEST_KEYS } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { spinneyInProcess } from '../helpers/cli-in-process.js';

t.test('keys status: data-key and backup-key state per workspace; a missing backup key fails', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const a = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'A', '--json'], env)).stdout);
  const b = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'B', '--json'], env)).stdout);
  const runtime = openRuntime(testConfig(dataDir));
  runtime.tenancy.run(a.id, { actor: null, requestId: null }, () => runtime.vault.create('smtp.password', 'x'));
  runtime.keyring.destroyBackupKey(b.id);
  runtime.close();
  const json = await spinney(['keys', 'status', '--json'], env);
  const status = JSON.parse(json.stdout);
  t.match(status.tenants.find((x: { id: string }) => x.id === a.id), { dataKeys: [{ purpose: 'app', version: 1, rootVersion: 1 }], backupKey: true });
  t.match(status.tenants.find((x: { id: string }) => x.id === b.id), { dataKeys: [], backupKey: false });
  t.equal(json.code, 1, 'a workspace without its backup key is an error');
  t.equal(json.stderr, 'spinney: a workspace has no backup key\n');
  const text = await spinneyInProcess(['keys', 'status'], env);
  t.match(text.stdout, new RegExp(`${a.id}  app v1 \\(root v1\\); backup key present`));
  t.match(text.stdout, new RegExp(`${b.id}  no data keys yet; backup key MISSING`));
});

t.test('keys status opens every wrapped key: a data dir paired with the wrong app key file fails loudly', async (t) => {
  const dataDir = tempDataDir(t);
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS };
  const a = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'A', '--json'], env)).stdout);
  const runtime = openRuntime(testConfig(dataDir));
  runtime.tenancy.run(a.id, { actor: null, requestId: null }, () => runtime.vault.create('smtp.password', 'x'));
  runtime.close();
  const good = await spinneyInProcess(['keys', 'status', '--json'], env);
  t.same([good.code, JSON.parse(good.stdout).tenants[0].problems], [0, []], 'with the right keys every wrapped key opens');
  const wrong = { ...env, SPINNEY_APP_SECRETS_KEY: 'a-different-app-secrets-key-0123456789abcdef0123' };
  const res = await spinney(['keys', 'status'], wrong);
  t.equal(res.code, 1, 'exit 1: the next backup would fail for every workspace');
  t.equal(res.stderr, 'spinney: 1 workspace(s) have keys that do not open with the configured root keys (a wrong or outdated key file?)\n');
  t.match(res.stdout, new RegExp(`${a.id}  app v1 \\(root v1\\); backup key present; DOES NOT OPEN: app data key v1 \\(sealed by root v1\\) does not open: .*; backup key does not open: `));
});

t.test('keys rotate, rewrap and retire: an operator moves a workspace to a new root key version', async (t) => {
  const dataDir = tempDataDir(t);
  const appKeyFile = join(tempDataDir(t), 'app.key'); // outside the data dir, as deployed
  writeFileSync(appKeyFile, 'app-root-key-from-a-file-0123456789abcdef0123\n', { mode: 0o600 });
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: dataDir, ...TEST_KEYS, SPINNEY_APP_SECRETS_KEY: '', SPINNEY_APP_SECRETS_KEY_FILE: appKeyFile };
  const a = JSON.parse((await spinneyInProcess(['tenant', 'create', '--name', 'A', '--json'], env)).stdout);

  const envKey = await spinneyInProcess(['keys', 'rotate', '--key', 'sensitive'], env);
  t.equal(envKey.code, 1);
  t.equal(envKey.stderr, 'spinney: SPINNEY_SENSITIVE_FIELDS_KEY is set in the environment, which spinney cannot change; put the key in a file named by SPINNEY_SENSITIVE_FIELDS_KEY_FILE to rotate it\n');

  const rotate = await spinney(['keys', 'rotate', '--key', 'app'], env);
  t.equal(rotate.code, 0, rotate.stderr);
  t.match(rotate.stdout, /^SPINNEY_APP_SECRETS_KEY: added version 2; running servers use it within a second\n/);
  const retire = ['keys', 'retire', '--key', 'app', '--version', '1', '--confirm', '1'];
  const unconfirmed = await spinneyInProcess(['keys', 'retire', '--key', 'app', '--version', '1', '--confirm', '2'], env);
  t.same([unconfirmed.code, unconfirmed.stderr], [1, 'spinney: --confirm must repeat the --version exactly\n'], '--confirm must name the same version');
  const tooSoon = await spinney(retire, env);
  t.equal(tooSoon.code, 1);
  t.match(tooSoon.stderr, /^spinney: retiring version 1 of SPINNEY_APP_SECRETS_KEY: it is removed from \S+app\.key, and nothing it sealed or signed opens afterwards, including backups made with it\n/, 'it says what it will do first');
  // Right after the rotation it is refused for its age (test/vault/key-rotation.part.ts pins the message
  // with a manual clock); on a slow machine the rotation may already have settled, then for the key below.
  t.match(tooSoon.stderr, /\nspinney: (the newest app version is less than 2 s old: a running server may still seal with version 1 until \S+Z; then run `spinney keys rewrap` again|1 wrapped key)/, 'refused');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const early = await spinneyInProcess(retire, env);
  t.equal(early.code, 1);
  t.match(early.stderr, /\nspinney: 1 wrapped key\(s\) still use app version 1; run `spinney keys rewrap` first\n$/, 'the backup key of A still needs version 1');
  const rewrap = await spinney(['keys', 'rewrap'], env);
  t.equal(rewrap.stdout, 'rewrapped 0 data key(s) in 1 workspace(s) and 1 backup key(s)\n');
  t.equal(rewrap.stderr, '', 'the rotation has settled: no advice to rewrap again');
  t.match((await spinney(retire, env)).stdout, /^SPINNEY_APP_SECRETS_KEY: version 1 retired \(backups checked on local directory \S+\)\n$/);
  const status = JSON.parse((await spinneyInProcess(['keys', 'status', '--json'], env)).stdout);
  t.match(status.rootKeys.app, [{ version: 2, newest: true, wrappedKeys: 1 }]);
  t.equal(status.rootKeys.app.length, 1);
  t.match(status.tenants, [{ id: a.id, backupKey: true }]);
  t.equal((await spinneyInProcess(['keys', 'retire', '--key', 'app', '--version', 'x', '--confirm', 'x'], env)).stderr, 'spinney: --version must be a positive whole number\n');
  t.match((await spinneyInProcess(['keys', 'retire', '--key', 'app', '--version', '2'], env)).stderr, /required option '--confirm <n>' not specified/, 'retire without --confirm is refused');
});
