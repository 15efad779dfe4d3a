// keyring.db: one backup key per workspace, made with the workspace, sealed by the root key, kept
// outside every tenant and control-plane file, and gone for good once destroyed.
import t from 'tap';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { openRuntime } from '../../src/runtime.js';
import { VaultOpenError } from '../../src/vault/envelope.js';
import { tempDataDir, testConfig, type Teardown } from '../helpers/app.js';

t.test('each workspace gets its own backup key in keyring.db, sealed, outside its own and the control database', async (t) => {
  const dataDir = tempDataDir(t);
  const runtime = openRuntime(testConfig(dataDir));
  t.teardown(() => runtime.close());
  const a = createTenant(runtime, { name: 'A' });
  const b = createTenant(runtime, { name: 'B' });
  const keyA = runtime.keyring.backupKey(a.id);
  t.equal(keyA.length, 32);
  t.not(keyA.toString('hex'), runtime.keyring.backupKey(b.id).toString('hex'), 'one key per workspace');
  t.ok(existsSync(join(dataDir, 'keyring.db')), 'its own file');
  const everyFile = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everyFile(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of everyFile(dataDir)) t.notOk(readFileSync(file).includes(keyA), `the key is not in clear in ${file.slice(dataDir.length + 1)}`);
  runtime.keyring.createBackupKey(a.id);
  t.equal(runtime.keyring.backupKey(a.id).toString('hex'), keyA.toString('hex'), 'creating again keeps the key');
});

t.test('a destroyed backup key is gone; another root key cannot open the keyring', async (t) => {
  const dataDir = tempDataDir(t);
  const runtime = openRuntime(testConfig(dataDir));
  const tenant = createTenant(runtime, { name: 'A' });
  const key = runtime.keyring.backupKey(tenant.id);
  t.equal(runtime.keyring.destroyBackupKey(tenant.id), true);
  t.equal(runtime.keyring.hasBackupKey(tenant.id), false);
  t.throws(() => runtime.keyring.backupKey(tenant.id), VaultOpenError);
  t.equal(runtime.keyring.destroyBackupKey(tenant.id), false, 'twice: nothing left');
  runtime.close();
  const files = readdirSync(dataDir).filter((f) => f.startsWith('keyring.db'));
  for (const file of files) t.notOk(readFileSync(join(dataDir, file)).includes(key), `no trace of the key in ${file}`);

  const other = createTenant(openRuntimeFor(t, dataDir), { name: 'B' });
  const wrongRoot = openRuntime(testConfig(dataDir, { SPINNEY_APP_SECRETS_KEY: 'a-different-app-secrets-root-key-0123456789ab' }));
  t.teardown(() => wrongRoot.close());
  t.throws(() => wrongRoot.keyring.backupKey(other.id), VaultOpenError, 'sealed by the root key');
});

function openRuntimeFor(t: Teardown, dataDir: string) {
  const runtime = openRuntime(testConfig(dataDir));
  t.teardown(() => runtime.close());
  return runtime;
}
