// Workspace API keys, end to end: who may manage them, what a key of each role reaches, the refusals
// a key gets (expired, revoked, forged, malformed, rate-limited), the hash and not the key on disk,
// and the audit trail (actor `api_key:<id>`).
import t from 'tap';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tenantDb } from '../../src/tenancy/context.js';
import { setTenantStatus } from '../../src/tenants/tenants.service.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type TestApp } from '../helpers/app.js';

const KEY_SHAPE = /^spk_(tn_[a-z2-7]{24})_([A-Za-z0-9_-]{43})$/;
const HOUR = 3_600_000;

interface Created {
  id: string;
  name: string;
  role: string;
  apiKey: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; field?: string } }).error;

async function createKey(api: TestApp, admin: string, payload: Record<string, unknown>): Promise<Created> {
  const res = await api.call({ method: 'POST', url: '/api/v1/api-keys', token: admin, payload });
  if (res.statusCode !== 201) throw new Error(`creating a key failed: ${res.statusCode} ${res.body}`);
  return res.json() as Created;
}

const auditRows = (api: TestApp, tenantId: string) =>
  api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () =>
    tenantDb().statement('SELECT actor_type, actor_id, actor_role, action, target_id, before, after FROM audit_events ORDER BY seq').all(),
  ) as { actor_type: string; actor_id: string | null; actor_role: string | null; action: string; target_id: string | null; before: string | null; after: string | null }[];

const keyRows = (api: TestApp, tenantId: string) =>
  api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().statement('SELECT * FROM api_keys').all()) as Record<string, unknown>[];

t.test('only admins manage keys; a key never gets the admin role; the answer carries the key once', async (t) => {
  const api = await build(t);
  const ws = api.tenant('Keys');
  const admin = ws.token('admin', 'us_admin');
  for (const [who, token, status, code] of [
    ['no token', undefined, 401, 'unauthenticated'],
    ['a viewer', ws.token('viewer'), 403, 'forbidden'],
    ['a member', ws.token('member'), 403, 'forbidden'],
  ] as const) {
    t.equal((await api.call({ method: 'GET', url: '/api/v1/api-keys', token })).statusCode, status, `${who} cannot list keys`);
    const create = await api.call({ method: 'POST', url: '/api/v1/api-keys', token, payload: { name: 'x', role: 'viewer' } });
    t.equal(create.statusCode, status, `${who} cannot create a key`);
    t.equal(errorOf(create).code, code);
  }
  t.same(keyRows(api, ws.id), [], 'nothing was created');

  for (const [what, payload, field] of [
    ['the admin role', { name: 'x', role: 'admin' }, 'role'],
    ['an unknown role', { name: 'x', role: 'owner' }, 'role'],
    ['no name', { role: 'member' }, 'name'],
    ['an expiry in the past', { name: 'x', role: 'member', expiresAt: new Date(Date.now() - HOUR).toISOString() }, 'expiresAt'],
    ['an expiry more than a year ahead', { name: 'x', role: 'member', expiresAt: new Date(Date.now() + 367 * 24 * HOUR).toISOString() }, 'expiresAt'],
    ['an unknown field', { name: 'x', role: 'member', scopes: ['all'] }, undefined],
  ] as const) {
    const res = await api.call({ method: 'POST', url: '/api/v1/api-keys', token: admin, payload });
    t.equal(res.statusCode, 400, `${what} is refused`);
    if (field) t.equal(errorOf(res).field, field, `${what}: the error names ${field}`);
  }
  t.same(keyRows(api, ws.id), [], 'no refused request stored a key');

  const created = await createKey(api, admin, { name: 'Nightly sync', role: 'member', expiresAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString() });
  const [, tenantId, secret] = KEY_SHAPE.exec(created.apiKey) ?? [];
  t.equal(tenantId, ws.id, 'the key is spk_<workspace id>_<secret>');
  t.ok(secret, 'with a 43-character base64url secret (256 bits)');
  const list = await api.call({ method: 'GET', url: '/api/v1/api-keys', token: admin });
  t.equal(list.statusCode, 200);
  t.match(list.json(), { items: [{ id: created.id, name: 'Nightly sync', role: 'member', createdBy: 'us_admin', lastUsedAt: null, expired: false }], nextCursor: null });
  t.notOk(list.body.includes(secret as string), 'the list never shows the key');
  t.notMatch(list.body, /hash|apiKey/, 'nor its hash');
});

t.test('a key acts with its role: member reads and writes, viewer reads; neither reaches admin, sensitive or session routes', async (t) => {
  const api = await build(t);
  const ws = api.tenant('Keys');
  const admin = ws.token('admin', 'us_admin');
  const member = await createKey(api, admin, { name: 'Writer', role: 'member' });
  const viewer = await createKey(api, admin, { name: 'Reader', role: 'viewer' });

  const written = await api.call({ method: 'POST', url: '/api/v1/contacts', token: member.apiKey, payload: { name: 'Made by a script' } });
  t.equal(written.statusCode, 201, 'a member key creates a contact');
  t.equal(written.json().createdBy, `api_key:${member.id}`, 'recorded as made by the key');
  const contactId = written.json().id as string;
  t.equal((await api.call({ method: 'PATCH', url: `/api/v1/contacts/${contactId}`, token: member.apiKey, payload: { notes: 'updated' } })).statusCode, 200, 'and updates it');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token: viewer.apiKey })).statusCode, 200, 'a viewer key reads contacts');
  const viewerWrite = await api.call({ method: 'POST', url: '/api/v1/contacts', token: viewer.apiKey, payload: { name: 'x' } });
  t.equal(viewerWrite.statusCode, 403, 'a viewer key cannot write');
  t.equal(errorOf(viewerWrite).code, 'forbidden');

  for (const key of [member, viewer]) {
    for (const [method, url, payload] of [
      ['GET', '/api/v1/api-keys', undefined],
      ['POST', '/api/v1/api-keys', { name: 'escalate', role: 'member' }],
      ['DELETE', `/api/v1/api-keys/${key.id}`, undefined],
      ['GET', '/api/v1/members', undefined],
      ['GET', '/api/v1/vault/secrets', undefined],
      ['GET', `/api/v1/contacts/${contactId}/sensitive`, undefined],
    ] as const) {
      const res = await api.call({ method, url, token: key.apiKey, ...(payload ? { payload } : {}) });
      t.equal(res.statusCode, 403, `a ${key.role} key: ${method} ${url} is refused`);
      t.equal(errorOf(res).code, 'forbidden');
    }
    for (const [method, url] of [
      ['GET', '/api/v1/sessions'],
      ['GET', '/api/v1/auth/session'],
      ['POST', '/api/v1/auth/signout'],
    ] as const) {
      const res = await api.call({ method, url, token: key.apiKey, ...(method === 'POST' ? { payload: {} } : {}) });
      t.equal(res.statusCode, 403, `a ${key.role} key: ${method} ${url} (a person's session, or re-authentication) is refused`);
      t.equal(errorOf(res).code, 'api_key_not_allowed');
    }
  }
  t.equal(keyRows(api, ws.id).filter((row) => row.revoked_at === null).length, 2, 'no key was revoked or created by a key');
});

t.test('expired, revoked, forged and malformed keys get 401 with their code, never 500', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const a = api.tenant('A');
  const b = api.tenant('B');
  const adminA = a.token('admin', 'us_a');
  const adminB = b.token('admin', 'us_b');
  const short = await createKey(api, adminA, { name: 'Short', role: 'member', expiresAt: new Date(clock.now() + HOUR).toISOString() });
  const revoked = await createKey(api, adminA, { name: 'Revoked', role: 'member' });
  const keyOfB = await createKey(api, adminB, { name: 'B', role: 'member' });
  const contacts = (key: string) => api.call({ method: 'GET', url: '/api/v1/contacts', token: key });

  t.equal((await contacts(short.apiKey)).statusCode, 200, 'a live key works');
  clock.advance(HOUR + 1000);
  const expired = await contacts(short.apiKey);
  t.equal(expired.statusCode, 401, 'past its expiry it is refused');
  t.equal(errorOf(expired).code, 'api_key_expired');
  const listed = (await api.call({ method: 'GET', url: '/api/v1/api-keys', token: a.token('admin') })).json() as { items: { id: string; expired: boolean }[] };
  t.same(listed.items.map((k) => [k.id, k.expired]).sort(), [[revoked.id, false], [short.id, true]].sort(), 'the list shows the expired key as expired');

  t.equal((await contacts(revoked.apiKey)).statusCode, 200);
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/api-keys/${revoked.id}`, token: a.token('admin') })).statusCode, 204);
  const afterRevoke = await contacts(revoked.apiKey);
  t.equal(afterRevoke.statusCode, 401, 'a revoked key is refused at once');
  t.equal(errorOf(afterRevoke).code, 'api_key_revoked');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/api-keys/${revoked.id}`, token: a.token('admin') })).statusCode, 404, 'revoking it again: not found');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/api-keys/${keyOfB.id}`, token: a.token('admin') })).statusCode, 404, "another workspace's key: not found");
  t.equal((await contacts(keyOfB.apiKey)).statusCode, 200, "and B's key still works");
  setTenantStatus(api.runtime, b.id, 'suspended');
  const suspended = await contacts(keyOfB.apiKey);
  t.equal(suspended.statusCode, 403, "a suspended workspace's keys are refused");
  t.equal(errorOf(suspended).code, 'tenant_suspended');
  setTenantStatus(api.runtime, b.id, 'active');

  const secretOfB = KEY_SHAPE.exec(keyOfB.apiKey)?.[2] as string;
  const forged = await contacts(`spk_${a.id}_${secretOfB}`);
  t.equal(forged.statusCode, 401, "B's secret under A's workspace id is refused");
  t.equal(errorOf(forged).code, 'invalid_api_key');
  const tenantOfNobody = `spk_tn_${'a'.repeat(24)}_${secretOfB}`;
  for (const value of ['spk_', 'spk_x', `spk_${a.id}`, `spk_${a.id}_short`, `spk_${a.id}_${secretOfB}x`, `spk_${a.id}.${secretOfB}`, tenantOfNobody, `spk_${'x'.repeat(5000)}`, 'SPK_abc', 'spk_ünïcödé']) {
    const res = await contacts(value);
    t.equal(res.statusCode, 401, `${value.slice(0, 40)} is refused with 401`);
    t.equal(errorOf(res).code, 'invalid_api_key');
  }
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Bearer ${keyOfB.apiKey} extra` } })).statusCode, 401, 'a key with trailing text is refused');
  t.notOk(api.logs.join('').includes(secretOfB), 'no key reached the log');
});

t.test('on disk: the hash, never the key; audit events name the key by id and name, never its secret; last use to the minute', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const ws = api.tenant('Disk');
  const admin = ws.token('admin', 'us_admin');
  const key = await createKey(api, admin, { name: 'Audited', role: 'member' });
  const secret = KEY_SHAPE.exec(key.apiKey)?.[2] as string;

  t.equal((await api.call({ method: 'POST', url: '/api/v1/contacts', token: key.apiKey, payload: { name: 'By key' } })).statusCode, 201);
  const firstUse = keyRows(api, ws.id)[0]?.last_used_at;
  t.equal(firstUse, new Date(clock.now()).toISOString(), 'the first use is recorded');
  clock.advance(30_000);
  await api.call({ method: 'GET', url: '/api/v1/contacts', token: key.apiKey });
  t.equal(keyRows(api, ws.id)[0]?.last_used_at, firstUse, 'not moved within the minute (no write per request)');
  clock.advance(31_000);
  await api.call({ method: 'GET', url: '/api/v1/contacts', token: key.apiKey });
  t.equal(keyRows(api, ws.id)[0]?.last_used_at, new Date(clock.now()).toISOString(), 'moved after a minute');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}`, token: admin })).statusCode, 204);

  const rows = auditRows(api, ws.id);
  t.match(rows.find((row) => row.action === 'api_key.created'), { actor_id: 'us_admin', actor_role: 'admin', target_id: key.id, after: /"name":"Audited","role":"member"/ });
  t.match(rows.find((row) => row.action === 'api_key.first_used'), { actor_id: `api_key:${key.id}`, actor_role: 'member', target_id: key.id });
  t.equal(rows.filter((row) => row.action === 'api_key.first_used').length, 1, 'the first use only');
  t.match(rows.find((row) => row.action === 'contact.created'), { actor_type: 'user', actor_id: `api_key:${key.id}`, actor_role: 'member' }, "the key's requests are audited as api_key:<id>");
  t.match(rows.find((row) => row.action === 'api_key.revoked'), { actor_id: 'us_admin', target_id: key.id, before: /"name":"Audited"/ });
  t.notOk(JSON.stringify(rows).includes(secret), 'no audit row holds the secret');

  api.runtime.tenancy.run(ws.id, { actor: null, requestId: null }, () => tenantDb().statement('PRAGMA wal_checkpoint(TRUNCATE)').run());
  const file = join(api.config.dataDir, 'tenants', ws.id, 'tenant.db');
  const bytes = Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])]);
  t.ok(bytes.includes(createHash('sha256').update(secret).digest()), 'the SHA-256 of the secret is in the file');
  t.notOk(bytes.includes(Buffer.from(secret)), 'the secret is not');
  t.notOk(bytes.includes(Buffer.from(key.apiKey)), 'nor the key');
  t.notOk(api.logs.join('').includes(secret), 'nor the log');
});

t.test('each key has its own budget per minute, on top of the per-address limit', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, { SPINNEY_RATE_LIMIT: '3' }, [], { clock });
  const ws = api.tenant('Limits');
  const admin = ws.token('admin');
  const one = await createKey(api, admin, { name: 'One', role: 'viewer' });
  const two = await createKey(api, admin, { name: 'Two', role: 'viewer' });
  // A new address for every call, so only the key's own budget can refuse.
  let n = 0;
  const call = (key: string) => api.call({ method: 'GET', url: '/api/v1/contacts', token: key, remoteAddress: `192.0.2.${++n}` });
  for (let i = 0; i < 3; i += 1) t.equal((await call(one.apiKey)).statusCode, 200, `request ${i + 1} of 3`);
  const over = await call(one.apiKey);
  t.equal(over.statusCode, 429, 'the fourth in the minute is refused, from whatever address');
  t.equal(errorOf(over).code, 'rate_limited');
  t.equal(over.headers['retry-after'], '60', 'with Retry-After');
  t.equal((await call(two.apiKey)).statusCode, 200, 'another key has its own budget');
  clock.advance(60_000);
  t.equal((await call(one.apiKey)).statusCode, 200, 'the next minute it is served again');
});
