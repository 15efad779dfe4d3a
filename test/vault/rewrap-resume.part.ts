// `spinney keys rewrap` when one workspace cannot be rewrapped: the others move, the command exits 1
// naming the workspace and why, and once it is repaired a second run moves only what is left.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { keyStatus, rotateRootKey } from '../../src/vault/key-rotation.js';
import { build, tempDataDir, TEST_KEYS, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';

async function seed(api: TestApp, name: string) {
  const tenant = api.tenant(name);
  const token = tenant.token('admin');
  await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: 'smtp.password', value: `${name}-smtp-secret` } });
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana' } })).json();
  const url = `/api/v1/contacts/${contact.id}/sensitive`;
  await api.call({ method: 'PATCH', url, token, payload: { taxId: `${name}-tax` } });
  return { id: tenant.id, name, token, url };
}

t.test('rewrap: a damaged workspace is named and skipped, the others move, and after the repair a second run moves only the rest', async (t) => {
  const dataDir = tempDataDir(t);
  const keyDir = tempDataDir(t);
  const files = { app: join(keyDir, 'app.key'), sensitive: join(keyDir, 'sensitive.key') };
  writeFileSync(files.app, 'app-root-key-version-one-0123456789abcdef0123\n', { mode: 0o600 });
  writeFileSync(files.sensitive, 'sensitive-root-key-version-one-0123456789abcd\n', { mode: 0o600 });
  const env = {
    SPINNEY_ENV: 'test',
    SPINNEY_DATA_DIR: dataDir,
    SPINNEY_TOKEN_SIGNING_KEY: TEST_KEYS.SPINNEY_TOKEN_SIGNING_KEY,
    SPINNEY_APP_SECRETS_KEY: '',
    SPINNEY_SENSITIVE_FIELDS_KEY: '',
    SPINNEY_APP_SECRETS_KEY_FILE: files.app,
    SPINNEY_SENSITIVE_FIELDS_KEY_FILE: files.sensitive,
  };
  const api = await build(t, env);
  const workspaces = [await seed(api, 'alpha'), await seed(api, 'beta'), await seed(api, 'gamma')];
  const [, beta] = workspaces as [unknown, (typeof workspaces)[number], unknown];
  rotateRootKey(api.runtime, 'app');
  rotateRootKey(api.runtime, 'sensitive');

  // Beta's wrapped app data key gets one flipped bit (a damaged page, a bad edit).
  const wrappedOf = () => api.runtime.tenancy.run(beta.id, { actor: null, requestId: null }, () => (tenantDb().statement("SELECT wrapped FROM vault_keys WHERE purpose = 'app'").get() as { wrapped: Buffer }).wrapped);
  const setWrapped = (wrapped: Buffer) =>
    api.runtime.tenancy.run(beta.id, { actor: null, requestId: null }, () => tenantDb().statement("UPDATE vault_keys SET wrapped = ? WHERE purpose = 'app'").run(wrapped));
  const original = wrappedOf();
  const damaged = Buffer.from(original);
  damaged[damaged.length - 1] = (damaged.at(-1) as number) ^ 1;
  setWrapped(damaged);

  const first = await spinney(['keys', 'rewrap'], env);
  t.equal(first.code, 1, 'exit 1');
  t.equal(first.stdout, 'rewrapped 4 data key(s) in 3 workspace(s) and 3 backup key(s)\n', 'alpha and gamma moved (2 data keys each), and every backup key');
  t.match(first.stderr, `spinney: ${beta.id}: the sealed value does not open here: wrong key, wrong place, or changed\n`, 'the damaged workspace is named, with why');
  t.match(first.stderr, /spinney: 1 workspace\(s\) could not be rewrapped; run rewrap again after fixing them\n$/);

  const rootVersions = () =>
    Object.fromEntries(keyStatus(api.runtime).tenants.map((tenant) => [tenant.id, tenant.dataKeys.map((k) => `${k.purpose}:${k.rootVersion}`).join(' ')]));
  const [alpha, , gamma] = workspaces as [(typeof workspaces)[number], unknown, (typeof workspaces)[number]];
  t.same(rootVersions(), { [alpha.id]: 'app:2 sensitive:2', [beta.id]: 'app:1 sensitive:1', [gamma.id]: 'app:2 sensitive:2' }, 'beta stays on version 1, whole');

  setWrapped(original); // the repair: the page restored
  const second = await spinney(['keys', 'rewrap', '--json'], env);
  t.equal(second.code, 0, second.stderr);
  t.same(JSON.parse(second.stdout), { tenants: 3, dataKeys: 2, backupKeys: 0, failed: [] }, 'the second run moves only beta\'s two data keys');
  t.same(rootVersions(), { [alpha.id]: 'app:2 sensitive:2', [beta.id]: 'app:2 sensitive:2', [gamma.id]: 'app:2 sensitive:2' });
  t.same(keyStatus(api.runtime).rootKeys.app.map((v) => [v.version, v.wrappedKeys]), [[1, 0], [2, 6]], 'nothing left on app version 1');

  for (const w of workspaces) {
    t.equal(api.runtime.tenancy.run(w.id, { actor: null, requestId: null }, () => api.runtime.vault.read('smtp.password', { person: false })), `${w.name}-smtp-secret`, `${w.name}: the secret opens`);
    t.match((await api.call({ method: 'GET', url: w.url, token: w.token })).json(), { taxId: `${w.name}-tax` }, `${w.name}: the sensitive field opens`);
  }
});
