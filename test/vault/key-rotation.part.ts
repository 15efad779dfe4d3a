// Root key rotation: rotate adds a version, rewrap moves every wrapped key to it, retire drops the
// old one only when nothing needs it. Keys come from files here, as in production.
import { readFileSync, writeFileSync } from 'node:fs';
import { createSigner } from 'fast-jwt';
import t, { type Test } from 'tap';
import { cookieSigner } from '../../src/auth/derived-keys.js';
import { openRuntime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { KeyRotationRefused, keyStatus, retireRootKey, rewrapAll, rotateRootKey, ROTATION_SETTLE_MS, signingKeyOverlapSeconds } from '../../src/vault/key-rotation.js';
import { KeySetError, parseKeySet } from '../../src/vault/root-keys.js';
import { rootKeyFiles } from '../backup/helpers.js';
import { build, startSession, tempDataDir, testConfig, type TestApp } from '../helpers/app.js';

const inTenant = <T>(api: TestApp, tenantId: string, fn: () => T): T => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);

async function seed(api: TestApp, name: string) {
  const tenant = api.tenant(name);
  const token = tenant.token('admin');
  await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: 'smtp.password', value: `${name}-smtp-secret` } });
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana' } })).json();
  const url = `/api/v1/contacts/${contact.id}/sensitive`;
  await api.call({ method: 'PATCH', url, token, payload: { taxId: `${name}-tax`, bankDetails: `${name}-iban` } });
  return { tenant, token, url, backupKey: api.runtime.keyring.backupKey(tenant.id) };
}

async function assertReadable(t: Test, api: TestApp, name: string, seeded: Awaited<ReturnType<typeof seed>>) {
  t.equal(inTenant(api, seeded.tenant.id, () => api.runtime.vault.read('smtp.password', { person: false })), `${name}-smtp-secret`, `${name}: vault secret`);
  const fields = await api.call({ method: 'GET', url: seeded.url, token: seeded.token });
  t.same(fields.json(), { taxId: `${name}-tax`, bankDetails: `${name}-iban` }, `${name}: sensitive fields`);
  t.ok(api.runtime.keyring.backupKey(seeded.tenant.id).equals(seeded.backupKey), `${name}: the same backup key`);
}

t.test('rotate and rewrap keep every secret and sensitive field readable and let the old version retire', async (t) => {
  const env = rootKeyFiles(tempDataDir(t));
  const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
  const api = await build(t, env, [], { clock });
  const a = await seed(api, 'alpha');
  const b = await seed(api, 'beta');
  const oldAppKey = readFileSync(env.SPINNEY_APP_SECRETS_KEY_FILE as string, 'utf8').trim();

  t.equal(rotateRootKey(api.runtime, 'app').version, 2);
  t.equal(rotateRootKey(api.runtime, 'sensitive').version, 2);
  t.match(readFileSync(env.SPINNEY_APP_SECRETS_KEY_FILE as string, 'utf8'), /^# spinney root key set v1\n(#.*\n)?1 - app-root-key-version-one-\S+\n2 \d{4}-\S+Z \S{64}\n$/, 'the key file became a key set');
  await assertReadable(t, api, 'alpha', a);
  // New keys are wrapped with the new version at once.
  const c = await seed(api, 'gamma');
  t.same(inTenant(api, c.tenant.id, () => api.runtime.vault.keyVersions().map((k) => k.rootVersion)), [2, 2]);
  await t.rejects(
    retireRootKey(api.runtime, 'app', 1),
    new KeyRotationRefused(
      'the newest app version is less than 2 s old: a running server may still seal with version 1 until 2026-11-23T09:00:02.000Z; then run `spinney keys rewrap` again if `spinney keys status` shows keys on it, and retire',
    ),
    'right after the rotation a server may not have seen version 2 yet',
  );
  clock.advance(ROTATION_SETTLE_MS);
  await t.rejects(retireRootKey(api.runtime, 'app', 1), /4 wrapped key\(s\) still use app version 1; run `spinney keys rewrap` first/, 'two data keys and two backup keys still need it');
  await t.rejects(retireRootKey(api.runtime, 'sensitive', 1), /2 wrapped key\(s\) still use sensitive version 1/);

  const progress: string[] = [];
  const result = rewrapAll(api.runtime, (done, total) => progress.push(`${done}/${total}`));
  t.same(result, { tenants: 3, dataKeys: 4, backupKeys: 2, failed: [] });
  t.same(progress, ['0/3', '1/3', '2/3', '3/3']);
  t.same(rewrapAll(api.runtime), { tenants: 3, dataKeys: 0, backupKeys: 0, failed: [] }, 'a second run has nothing left to do (resumable)');
  const rows = inTenant(api, a.tenant.id, () => tenantDb().statement('SELECT purpose, version, root_version FROM vault_keys ORDER BY purpose').all());
  t.same(rows, [{ purpose: 'app', version: 1, root_version: 2 }, { purpose: 'sensitive', version: 1, root_version: 2 }], 'the data keys stay, sealed by the new root');
  t.same(keyStatus(api.runtime).rootKeys.app, [
    { version: 1, addedAt: null, newest: false, wrappedKeys: 0 },
    { version: 2, addedAt: keyStatus(api.runtime).rootKeys.app[1]?.addedAt, newest: true, wrappedKeys: 6 },
  ]);

  t.same(await retireRootKey(api.runtime, 'app', 1), { key: 'app', version: 1, unreadable: null, checkedTarget: `local directory ${api.config.backup.dir}` }, 'no backup needs it (none made)');
  await retireRootKey(api.runtime, 'sensitive', 1);
  t.notMatch(readFileSync(env.SPINNEY_APP_SECRETS_KEY_FILE as string, 'utf8'), oldAppKey, 'the old key is gone from the file');
  for (const [name, seeded] of [['alpha', a], ['beta', b], ['gamma', c]] as const) await assertReadable(t, api, name, seeded);

  // A fresh process that only has the files (no old key anywhere) reads everything.
  const fresh = openRuntime(testConfig(api.config.dataDir, env));
  t.teardown(() => fresh.close());
  t.equal(fresh.tenancy.run(b.tenant.id, { actor: null, requestId: null }, () => fresh.vault.read('smtp.password', { person: false })), 'beta-smtp-secret');
  t.ok(fresh.keyring.backupKey(b.tenant.id).equals(b.backupKey));

  const platform = api.runtime.control.statement("SELECT action, after FROM audit_events WHERE action LIKE 'keys.%' ORDER BY seq").all() as { action: string; after: string }[];
  t.same(platform.map((e) => e.action), ['keys.rotated', 'keys.rotated', 'keys.rewrapped', 'keys.rewrapped', 'keys.retired', 'keys.retired']);
  t.notMatch(JSON.stringify(platform), /root-key-version/, 'no key material in the audit log');
});

t.test('retire refuses the newest version, an unknown version, and a key given in the environment cannot rotate', async (t) => {
  const api = await build(t);
  t.throws(() => rotateRootKey(api.runtime, 'app'), new KeySetError('SPINNEY_APP_SECRETS_KEY is set in the environment, which spinney cannot change; put the key in a file named by SPINNEY_APP_SECRETS_KEY_FILE to rotate it'));
  await t.rejects(retireRootKey(api.runtime, 'app', 1), /version 1 is the newest app key; rotate first/);
  await t.rejects(retireRootKey(api.runtime, 'sensitive', 7), /the sensitive key has no version 7/);
  t.same(api.runtime.control.statement("SELECT count(*) AS n FROM audit_events WHERE action LIKE 'keys.%'").get(), { n: 0 }, 'nothing recorded');
});

t.test('signing key rotation: old tokens keep working until the old version is retired, which waits for the longest token lifetime', async (t) => {
  const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
  const env = rootKeyFiles(tempDataDir(t));
  const api = await build(t, env, [], { clock });
  const tenant = api.tenant();
  const before = startSession(api.runtime, tenant.id, 'admin', 'us_ann');
  const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8'));
  t.equal(headerOf(before.accessToken).kid, '1');
  const signedCookie = cookieSigner(api.config.keys.signing).sign('sign-in-flow');

  rotateRootKey(api.runtime, 'signing');
  const after = startSession(api.runtime, tenant.id, 'admin', 'us_ann');
  t.equal(headerOf(after.accessToken).kid, '2', 'new tokens name the new version');
  for (const token of [before.accessToken, after.accessToken]) t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token })).statusCode, 200);
  t.same(cookieSigner(api.config.keys.signing).unsign(signedCookie), { valid: true, renew: true, value: 'sign-in-flow' }, 'a sign-in cookie from before still opens');

  // A refresh made with the old key, retried within the grace window after the rotation, gets the same pair.
  const refresh = (refreshToken: string) => api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
  const first = await refresh(before.refreshToken);
  t.equal(first.statusCode, 200);
  clock.advance(1000);
  rotateRootKey(api.runtime, 'signing');
  const retry = await refresh(before.refreshToken);
  t.equal(retry.statusCode, 200, retry.body);
  t.equal(retry.json().refreshToken, first.json().refreshToken, 'the same next refresh token');

  const overlap = signingKeyOverlapSeconds(api.runtime);
  t.equal(overlap, 960, 'the 15-minute access token is the longest-lived thing signed, plus a minute');
  await t.rejects(retireRootKey(api.runtime, 'signing', 1), /tokens signed with version 1 may still be in use; retire it after 2026-11-23T09:16:00.000Z/);
  clock.advance(overlap * 1000);
  await retireRootKey(api.runtime, 'signing', 1);
  const oldKey = 'signing-root-key-version-one-0123456789abcdef';
  const forged = createSigner({ key: oldKey, algorithm: 'HS256', kid: '1', iss: api.config.tokens.issuer, aud: api.config.tokens.audience, expiresIn: 60_000 })({
    tid: tenant.id, sub: 'us_ann', role: 'admin', sid: after.session.id, iat: Math.floor(clock.now() / 1000),
  });
  const refused = await api.call({ method: 'GET', url: '/api/v1/contacts', token: forged });
  t.equal(refused.statusCode, 401, 'a token made with a retired key is refused');
  t.equal(refused.json().error.code, 'invalid_token');
  t.equal(cookieSigner(api.config.keys.signing).unsign(signedCookie).valid, false, 'and so is a cookie');
});

t.test('a process sees a version another process added, without a restart', async (t) => {
  const env = rootKeyFiles(tempDataDir(t));
  const dataDir = tempDataDir(t);
  const cli = testConfig(dataDir, env);
  const server = testConfig(dataDir, env);
  const added = cli.keys.app.addVersion('2026-11-23T09:00:00.000Z');
  t.ok(server.keys.app.get(2)?.equals(added.key), 'an unknown version is looked up in the file at once');
  await new Promise((resolve) => setTimeout(resolve, 1100));
  t.equal(server.keys.app.current().version, 2, 'the newest version is noticed within a second');
});

t.test('key set files: the format, and what the configuration refuses', async (t) => {
  const single = parseKeySet(Buffer.from([0, 1, 2, 255]));
  t.same(single, [{ version: 1, key: Buffer.from([0, 1, 2, 255]), addedAt: null }], 'any single key is version 1, byte for byte');
  t.throws(() => parseKeySet(Buffer.from('# spinney root key set v1\n1 - key one\n')), /line 2 is not/);
  t.throws(() => parseKeySet(Buffer.from('# spinney root key set v1\n1 - a\n1 - b\n')), /version 1 is not a new positive number/);
  t.throws(() => parseKeySet(Buffer.from('# spinney root key set v1\n')), /no versions/);

  const dir = tempDataDir(t);
  const env = rootKeyFiles(dir);
  const good = 'x'.repeat(40);
  writeFileSync(env.SPINNEY_APP_SECRETS_KEY_FILE as string, `# spinney root key set v1\n1 - ${good}\n2 2026-11-23T09:00:00.000Z short\n`);
  t.throws(() => testConfig(tempDataDir(t), env), /SPINNEY_APP_SECRETS_KEY version 2 is too short \(5 bytes; at least 32 needed\)/);
  writeFileSync(env.SPINNEY_APP_SECRETS_KEY_FILE as string, `# spinney root key set v1\n1 - ${good}\n2 - ${good}\n`);
  t.throws(() => testConfig(tempDataDir(t), env), /SPINNEY_APP_SECRETS_KEY repeats a key in two versions/);
  writeFileSync(env.SPINNEY_APP_SECRETS_KEY_FILE as string, `# spinney root key set v1\n1 - ${good}\n2 - sensitive-root-key-version-one-0123456789abcd\n`);
  t.throws(() => testConfig(tempDataDir(t), env), /SPINNEY_APP_SECRETS_KEY and SPINNEY_SENSITIVE_FIELDS_KEY must be different keys/, 'no version may equal another root key');
});
