// Credential realm over the real app: a credential in the path opens exactly one record of exactly
// one workspace, found by the SHA-256 of the credential; every credential that opens nothing gets
// the same 404, and nothing the client sends can choose the workspace.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import t, { type Test } from 'tap';
import { setTenantStatus } from '../../src/tenants/tenants.service.js';
import type { CredentialKind } from '../../src/credentials/credential-kinds.js';
import { issueCredential, lookupCredential, revokeCredentials } from '../../src/credentials/credentials.service.js';
import { currentTenantId } from '../../src/tenancy/context.js';
import { applyMigrations, loadMigrations } from '../../src/tenancy/migrations.js';
import { openSqlite } from '../../src/tenancy/sqlite.js';
import { ManualClock, isoAt } from '../../src/time/clock.js';
import { build, tempDataDir } from '../helpers/app.js';
import { genericHeaders } from '../webhooks/helpers.js';

// A credential route as estimate links will declare one: realm, kind, :credential in the path.
const probeRoute: FastifyPluginAsync = async (app) => {
  app.get('/probe/:credential', {
    config: { realm: 'credential', credentialKind: 'estimate_link' },
    schema: { params: { type: 'object', properties: { credential: { type: 'string', pattern: '^[A-Za-z0-9_-]{27,43}$' } }, additionalProperties: false } },
    handler: async (request) => ({ tenant: currentTenantId(), target: request.credential?.targetId }),
  });
};

async function setup(t: Test) {
  const clock = new ManualClock();
  const api = await build(t, {}, [probeRoute], { clock });
  const issue = (tenantId: string, kind: CredentialKind, target: string, expiresAt?: string) =>
    api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => issueCredential(api.runtime, kind, target, expiresAt ? { expiresAt } : {}));
  const probe = (credential: string, headers: Record<string, string> = {}) => api.call({ method: 'GET', url: `/api/v1/probe/${credential}`, headers });
  return { api, clock, issue, probe };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();
const NOT_FOUND = { error: { code: 'not_found', message: 'not found' } };

t.test('a credential opens its record in its workspace, and is stored only as its SHA-256', async (t) => {
  const { api, issue, probe } = await setup(t);
  const a = api.tenant('A');
  const b = api.tenant('B');
  const credential = issue(a.id, 'estimate_link', 'es_target');
  t.match(credential, /^[A-Za-z0-9_-]{43}$/, '256 random bits, base64url');
  const res = await probe(credential, { 'spinney-tenant': b.id, authorization: `Bearer ${b.token()}` });
  t.equal(res.statusCode, 200, res.body);
  t.same(res.json(), { tenant: a.id, target: 'es_target' }, "the credential's workspace, whatever the client names");
  const rows = api.runtime.control.statement('SELECT hash, kind, tenant_id, target_id FROM credentials WHERE target_id = ?').all('es_target') as { hash: Buffer }[];
  t.same(rows, [{ hash: sha256(credential), kind: 'estimate_link', tenant_id: a.id, target_id: 'es_target' }], 'one row, keyed by the hash');
  t.notOk(api.runtime.control.db.serialize().includes(Buffer.from(credential)), 'the credential itself is nowhere in control.db');
});

t.test('unknown, wrong-kind, expired, revoked and suspended credentials all get the same 404', async (t) => {
  const { api, clock, issue, probe } = await setup(t);
  const tenant = api.tenant();
  const expiring = issue(tenant.id, 'estimate_link', 'es_expiring', isoAt(clock.now() + 60_000));
  const revoked = issue(tenant.id, 'estimate_link', 'es_revoked');
  const suspended = api.tenant('S');
  const ofSuspended = issue(suspended.id, 'estimate_link', 'es_suspended');
  t.equal((await probe(expiring)).statusCode, 200, 'open before it expires');
  t.equal((await probe(revoked)).statusCode, 200, 'open before it is revoked');

  clock.advance(60_000);
  api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => revokeCredentials(api.runtime, 'estimate_link', 'es_revoked'));
  setTenantStatus(api.runtime, suspended.id, 'suspended');
  const cases: [string, string][] = [
    ['unknown', 'A'.repeat(43)],
    ['wrong kind', issue(tenant.id, 'calendar_feed', 'es_target')],
    ['expired', expiring],
    ['revoked', revoked],
    ['workspace suspended', ofSuspended],
  ];
  for (const [name, credential] of cases) {
    const res = await probe(credential);
    t.equal(res.statusCode, 404, name);
    t.same(res.json(), NOT_FOUND, `${name}: the one answer`);
  }
  t.equal((await probe('short')).statusCode, 404, 'a malformed credential is no URL at all');
});

t.test('the lookup is by hash only: a credential one character off finds nothing', async (t) => {
  const { api, issue } = await setup(t);
  const tenant = api.tenant();
  const credential = issue(tenant.id, 'calendar_feed', 'cal_1');
  const lookup = (value: string) => lookupCredential(api.runtime, 'calendar_feed', value);
  t.same(lookup(credential), { kind: 'calendar_feed', tenantId: tenant.id, targetId: 'cal_1' });
  const flipped = `${credential.slice(0, -1)}${credential.endsWith('A') ? 'B' : 'A'}`;
  t.equal(lookup(flipped), null, 'last character changed');
  t.equal(lookup(credential.toLowerCase() === credential ? credential.toUpperCase() : credential.toLowerCase()), null, 'case changed');
});

t.test('control migration 0012: existing inbound webhook URLs become credentials', async (t) => {
  const db = openSqlite(join(tempDataDir(t), 'control.db'), { synchronous: 'NORMAL', mustExist: false });
  t.teardown(() => db.close());
  const migrations = loadMigrations('control');
  const version = (migrations.find((m) => m.name.includes('credentials')) as { version: number }).version;
  applyMigrations(db, migrations.filter((m) => m.version < version));
  db.prepare("INSERT INTO tenants (id, slug, name, created_at, updated_at) VALUES ('tn_hooks', 'hooks', 'Hooks', 't', 't')").run();
  db.prepare("INSERT INTO webhook_endpoints (id, tenant_id, provider, created_at) VALUES ('wh_aaaaaaaaaaaaaaaaaaaaaaaa', 'tn_hooks', 'stripe', 't0')").run();
  applyMigrations(db, migrations);
  t.same(db.prepare('SELECT hash, kind, tenant_id, target_id, created_at, expires_at, revoked_at FROM credentials').all(), [
    { hash: sha256('wh_aaaaaaaaaaaaaaaaaaaaaaaa'), kind: 'inbound_webhook', tenant_id: 'tn_hooks', target_id: 'wh_aaaaaaaaaaaaaaaaaaaaaaaa', created_at: 't0', expires_at: null, revoked_at: null },
  ]);
});

t.test('a legacy webhook URL (its endpoint id) still delivers', async (t) => {
  const { api, clock } = await setup(t);
  const tenant = api.tenant();
  const created = await api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token: tenant.token('admin'), payload: { provider: 'generic' } });
  const { id, url, secret } = created.json() as { id: string; url: string; secret: string };
  t.notOk(url.endsWith(id), 'a new endpoint answers on a credential, not its id');
  const body = '{"n":1}';
  const deliver = (deliveryId: string) =>
    api.call({ method: 'POST', url: `/api/v1/hooks/${id}`, headers: genericHeaders(secret, deliveryId, Math.floor(clock.now() / 1000), body), payload: body });
  t.equal((await deliver('msg_1')).statusCode, 401, 'the id is no credential of its own');
  // What control migration 0012 did for endpoints created before it.
  api.runtime.control.statement("INSERT INTO credentials (hash, kind, tenant_id, target_id, created_at) VALUES (?, 'inbound_webhook', ?, ?, 't')").run(sha256(id), tenant.id, id);
  t.equal((await deliver('msg_2')).statusCode, 200, 'the migrated URL delivers');
});

t.test("deleting a webhook endpoint revokes its URL's credential", async (t) => {
  const { api } = await setup(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const created = (await api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token, payload: { provider: 'generic' } })).json() as { id: string; url: string };
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/webhooks/endpoints/${created.id}`, token })).statusCode, 204);
  const credential = new URL(created.url).pathname.split('/').pop() as string;
  t.equal(lookupCredential(api.runtime, 'inbound_webhook', credential), null, 'the URL opens nothing');
  t.ok(api.runtime.control.statement('SELECT revoked_at FROM credentials WHERE target_id = ?').pluck().get(created.id), 'revoked, not forgotten');
});
