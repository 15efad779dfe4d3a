// The per-tenant vault: write-only secrets for admins, values sealed by the tenant's own data key
// (itself sealed by the root key), audited by fingerprint, and useless anywhere but where they
// were written.
import t from 'tap';
import { ManualClock } from '../../src/time/clock.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { VaultOpenError } from '../../src/vault/envelope.js';
import { build, type TestApp } from '../helpers/app.js';

const VALUE = 'smtp-pass-Zq9!wX4r';
const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);

t.test('an admin stores a secret; the API never shows its value, the file never holds it in clear', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('admin', 'mb_admin');
  const res = await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: 'smtp.password', value: VALUE } });
  t.equal(res.statusCode, 201, res.body);
  t.match(res.json(), { name: 'smtp.password', last4: 'wX4r', fingerprint: /^[0-9a-f]{16}$/, createdBy: 'mb_admin' });
  t.notMatch(res.body, VALUE);
  const list = await api.call({ method: 'GET', url: '/api/v1/vault/secrets', token });
  t.same(list.json().items.map((i: { name: string }) => i.name), ['smtp.password']);
  t.notMatch(list.body, VALUE);
  const file = inTenant(api, tenant.id, () => tenantDb().serialize());
  t.notOk(file.includes(Buffer.from(VALUE)), 'the value is nowhere in the database file');
  t.notOk(file.includes(Buffer.from(VALUE.slice(0, 8))), 'not even in part');
  const keys = inTenant(api, tenant.id, () => tenantDb().statement('SELECT purpose, version, root_version, length(wrapped) AS bytes FROM vault_keys').all());
  t.same(keys, [{ purpose: 'app', version: 1, root_version: 1, bytes: 1 + 4 + 12 + 32 + 16 }], 'one app data key, stored sealed by the root key');
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.read('smtp.password', { person: false })), VALUE, 'code reads the value back');

  const events = inTenant(api, tenant.id, () => tenantDb().statement('SELECT action, actor_id, target_id, after FROM audit_events').all()) as { action: string; after: string }[];
  t.match(events, [{ action: 'vault.secret_created', actor_id: 'mb_admin', target_id: 'smtp.password', after: new RegExp(res.json().fingerprint) }]);
  t.notMatch(JSON.stringify(events), VALUE, 'the audit log has the fingerprint, never the value');
});

t.test('replace, delete, conflicts and missing names; a person reading a value is audited', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const create = (name: string, value: string) => api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name, value } });
  const first = (await create('ai.key', 'sk-first-1111')).json();
  t.equal((await create('ai.key', 'sk-other')).statusCode, 409, 'a name is created once');
  const replaced = await api.call({ method: 'PUT', url: '/api/v1/vault/secrets/ai.key', token, payload: { value: 'sk-second-2222' } });
  t.equal(replaced.statusCode, 200);
  t.not(replaced.json().fingerprint, first.fingerprint);
  t.equal(replaced.json().last4, null, 'a value under 16 characters gets no hint');
  t.equal(replaced.json().createdAt, first.createdAt);
  t.equal((await api.call({ method: 'PUT', url: '/api/v1/vault/secrets/missing', token, payload: { value: 'x' } })).statusCode, 404);
  for (const name of ['Upper', '../etc', 'a b', 'x'.repeat(65)]) {
    t.equal((await api.call({ method: 'PUT', url: `/api/v1/vault/secrets/${encodeURIComponent(name)}`, token, payload: { value: 'x' } })).statusCode, 404, `bad name ${name}`);
    t.equal((await create(name, 'x')).statusCode, 400, `bad name ${name} on create`);
  }
  t.equal((await create('empty', '')).statusCode, 400, 'an empty value');
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.read('ai.key', { person: true })), 'sk-second-2222');
  t.equal((await api.call({ method: 'DELETE', url: '/api/v1/vault/secrets/ai.key', token })).statusCode, 204);
  t.equal((await api.call({ method: 'DELETE', url: '/api/v1/vault/secrets/ai.key', token })).statusCode, 404);
  const actions = inTenant(api, tenant.id, () => tenantDb().statement('SELECT action FROM audit_events ORDER BY seq').pluck().all());
  t.same(actions, ['vault.secret_created', 'vault.secret_replaced', 'vault.secret_read', 'vault.secret_deleted']);
});

t.test('members and viewers cannot reach the vault; admins need a recent sign-in', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant();
  for (const role of ['member', 'viewer'] as const) {
    const token = tenant.token(role);
    t.equal((await api.call({ method: 'GET', url: '/api/v1/vault/secrets', token })).statusCode, 403, role);
    t.equal((await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: 'x', value: 'y' } })).statusCode, 403, role);
  }
  const admin = tenant.token('admin');
  clock.advance(11 * 60_000);
  const stale = await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'x', value: 'y' } });
  t.equal(stale.json().error.code, 'reauth_required');
});

t.test('a sealed value copied to another tenant, or to another name, does not open', async (t) => {
  const api = await build(t);
  const a = api.tenant('A');
  const b = api.tenant('B');
  await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token: a.token('admin'), payload: { name: 'smtp.password', value: VALUE } });
  await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token: b.token('admin'), payload: { name: 'placeholder', value: 'b' } });
  const row = inTenant(api, a.id, () => tenantDb().statement('SELECT * FROM vault_secrets').get()) as Record<string, unknown>;
  const aKey = inTenant(api, a.id, () => tenantDb().statement(`SELECT * FROM vault_keys WHERE purpose = 'app'`).get()) as Record<string, unknown>;
  // The worst case: B's file gets A's sealed secret and even A's wrapped data key.
  inTenant(api, b.id, () => {
    tenantDb().statement('INSERT INTO vault_secrets (name, sealed, fingerprint, hint, created_at, created_by, updated_at, updated_by) VALUES (@name, @sealed, @fingerprint, @hint, @created_at, @created_by, @updated_at, @updated_by)').run(row);
    tenantDb().statement(`UPDATE vault_keys SET wrapped = ? WHERE purpose = 'app'`).run(aKey.wrapped);
  });
  t.throws(() => inTenant(api, b.id, () => api.runtime.vault.read('smtp.password', { person: false })), VaultOpenError, 'A\u2019s data key does not unwrap in B');
  inTenant(api, a.id, () => tenantDb().statement(`INSERT INTO vault_secrets (name, sealed, fingerprint, hint, created_at, created_by, updated_at, updated_by) SELECT 'other.name', sealed, fingerprint, hint, created_at, created_by, updated_at, updated_by FROM vault_secrets`).run());
  t.throws(() => inTenant(api, a.id, () => api.runtime.vault.read('other.name', { person: false })), VaultOpenError, 'a value moved to another name');
  t.equal(inTenant(api, a.id, () => api.runtime.vault.read('smtp.password', { person: false })), VALUE, 'the original still opens');
});

t.test('without the right root key nothing opens; sensitive fields are bound to their column', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token: tenant.token('admin'), payload: { name: 'k', value: VALUE } });
  const sealed = inTenant(api, tenant.id, () => api.runtime.vault.sealField('contacts', 'ct_aaaaaaaaaaaaaaaaaaaaaaaa', 'tax_id', 'DE123456789'));
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.openField('contacts', 'ct_aaaaaaaaaaaaaaaaaaaaaaaa', 'tax_id', sealed)), 'DE123456789');
  t.throws(() => inTenant(api, tenant.id, () => api.runtime.vault.openField('contacts', 'ct_aaaaaaaaaaaaaaaaaaaaaaaa', 'bank_details', sealed)), VaultOpenError);
  t.throws(() => inTenant(api, tenant.id, () => api.runtime.vault.openField('contacts', 'ct_bbbbbbbbbbbbbbbbbbbbbbbb', 'tax_id', sealed)), VaultOpenError);

  // The same data directory opened with another app secrets root key: the data key does not unwrap.
  const { openRuntime } = await import('../../src/runtime.js');
  const { testConfig } = await import('../helpers/app.js');
  const other = openRuntime(testConfig(api.config.dataDir, { SPINNEY_APP_SECRETS_KEY: 'another-app-secrets-root-key-0123456789abcdef' }));
  t.teardown(() => other.close());
  t.throws(() => other.tenancy.run(tenant.id, { actor: null, requestId: null }, () => other.vault.read('k', { person: false })), VaultOpenError);
});

t.test('system secrets are sealed like any other, unaudited by the vault, out of the admin list and out of reach of the admin routes', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const name = 'integration:in_1:refresh_token';
  inTenant(api, tenant.id, () => {
    api.runtime.vault.putSystem(name, 'first-refresh-token');
    api.runtime.vault.putSystem(name, 'second-refresh-token');
  });
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.getSystem(name)), 'second-refresh-token');
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.getSystem('integration:in_2:refresh_token')), undefined);
  t.notOk(inTenant(api, tenant.id, () => tenantDb().serialize()).includes(Buffer.from('second-refresh')), 'sealed on disk');
  t.same(inTenant(api, tenant.id, () => api.runtime.vault.names()), [name], 'the export can name it');
  const list = await api.call({ method: 'GET', url: '/api/v1/vault/secrets', token });
  t.same(list.json().items, [], 'not among the workspace secrets admins manage');
  const del = await api.call({ method: 'DELETE', url: `/api/v1/vault/secrets/${encodeURIComponent(name)}`, token });
  t.equal(del.statusCode, 404, 'the admin routes cannot name a system secret');
  t.ok(inTenant(api, tenant.id, () => api.runtime.vault.getSystem(name)), 'and it is still there');
  t.throws(() => inTenant(api, tenant.id, () => api.runtime.vault.putSystem('smtp.password', 'x')), RangeError, 'system names carry an owner prefix');
  t.same(inTenant(api, tenant.id, () => tenantDb().statement("SELECT count(*) AS n FROM audit_events WHERE action LIKE 'vault.%'").get()), { n: 0 });
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.deleteSystem(name)), true);
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.deleteSystem(name)), false);
});
