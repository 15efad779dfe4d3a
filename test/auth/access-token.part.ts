// Every way a bearer token can be wrong gets a 401 (or 403 for a suspended workspace), and none
// of them reaches tenant data.
import t from 'tap';
import { createHmac } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { setTenantStatus } from '../../src/tenants/tenants.service.js';
import { newTenantId } from '../../src/tenancy/tenant-id.js';
import { build, startSession, TEST_SIGNING_KEY } from '../helpers/app.js';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

t.test('bad tokens are refused with 401 and the documented codes', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const { issuer, audience } = api.config.tokens;
  const now = Math.floor(Date.now() / 1000);
  const { session } = startSession(api.runtime, tenant.id, 'admin', 'us_x');
  const claims = { tid: tenant.id, sub: 'us_x', role: 'admin', sid: session.id, iss: issuer, aud: audience, iat: now, exp: now + 600 };
  const hs256 = (payload: object, key = TEST_SIGNING_KEY, header: object = { alg: 'HS256', typ: 'JWT' }): string => {
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
  };
  const cases: [string, string | undefined, string][] = [
    ['no authorization header', undefined, 'unauthenticated'],
    ['not a bearer token', 'Basic dXNlcjpwYXNz', 'invalid_token'],
    ['garbage', 'Bearer not-a-jwt', 'invalid_token'],
    ['expired', `Bearer ${hs256({ ...claims, iat: now - 1000, exp: now - 100 })}`, 'token_expired'],
    ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, 'invalid_token'],
    ['wrong signing key', `Bearer ${hs256(claims, 'another-key-another-key-another-key-0000')}`, 'invalid_token'],
    ['HS512 instead of the pinned HS256', `Bearer ${createSigner({ key: TEST_SIGNING_KEY, algorithm: 'HS512' })(claims)}`, 'invalid_token'],
    ['wrong audience', `Bearer ${hs256({ ...claims, aud: 'someone-else' })}`, 'invalid_token'],
    ['wrong issuer', `Bearer ${hs256({ ...claims, iss: 'https://evil.example' })}`, 'invalid_token'],
    ['no exp', `Bearer ${hs256({ ...claims, exp: undefined })}`, 'invalid_token'],
    ['no iat', `Bearer ${hs256({ ...claims, iat: undefined })}`, 'invalid_token'],
    ['lifetime longer than we issue', `Bearer ${hs256({ ...claims, exp: now + 86_400 * 30 })}`, 'invalid_token'],
    ['issued long ago (older than the maximum age)', `Bearer ${hs256({ ...claims, iat: now - 7200, exp: now + 60 })}`, 'invalid_token'],
    ['issued in the future', `Bearer ${hs256({ ...claims, iat: now + 86_400 * 365, exp: now + 86_400 * 365 + 600 })}`, 'invalid_token'],
    ['issued a minute ahead', `Bearer ${hs256({ ...claims, iat: now + 60, exp: now + 660 })}`, 'invalid_token'],
    ['no tenant claim', `Bearer ${hs256({ ...claims, tid: undefined })}`, 'invalid_token'],
    ['malformed tenant claim', `Bearer ${hs256({ ...claims, tid: '../../etc' })}`, 'invalid_token'],
    ['unknown role', `Bearer ${hs256({ ...claims, role: 'owner' })}`, 'invalid_token'],
    ['no session', `Bearer ${hs256({ ...claims, sid: undefined })}`, 'invalid_token'],
    ['unknown tenant', `Bearer ${hs256({ ...claims, tid: newTenantId() })}`, 'invalid_token'],
    ['a session that does not exist', `Bearer ${hs256({ ...claims, sid: 'ss_aaaaaaaaaaaaaaaaaaaaaaaa' })}`, 'session_ended'],
    ['another user than the session', `Bearer ${hs256({ ...claims, sub: 'us_y' })}`, 'session_ended'],
    ['another role than the session', `Bearer ${hs256({ ...claims, role: 'member' })}`, 'session_ended'],
  ];
  for (const [name, authorization, code] of cases) {
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: authorization ? { authorization } : {} });
    t.equal(res.statusCode, 401, `${name}: 401`);
    t.equal(res.json().error.code, code, `${name}: ${code}`);
  }
  const ok = await api.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Bearer ${hs256(claims)}` } });
  t.equal(ok.statusCode, 200, 'the same claims, correctly signed, are accepted');
});

t.test('a suspended workspace answers 403 tenant_suspended on every route, and resumes', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const created = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Before' } });
  t.equal(created.statusCode, 201);
  setTenantStatus(api.runtime, tenant.id, 'suspended');
  for (const route of api.app.routeTable.filter((r) => !r.public)) {
    const url = route.url.replace(/:contactId/, created.json().id);
    const res = await api.call({ method: route.method as 'GET', url, token, ...(route.method === 'POST' || route.method === 'PATCH' ? { payload: { name: 'x' } } : {}) });
    t.equal(res.statusCode, 403, `${route.method} ${route.url}`);
    t.equal(res.json().error.code, 'tenant_suspended');
  }
  setTenantStatus(api.runtime, tenant.id, 'active');
  const after = await api.call({ method: 'GET', url: `/api/v1/contacts/${created.json().id}`, token });
  t.equal(after.statusCode, 200, 'the same token works again after resume');
  t.equal(after.json().name, 'Before', 'and nothing was changed while suspended');
});

t.test('roles: viewers read only, members and admins write', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  for (const role of ['admin', 'member', 'viewer'] as const) {
    const token = tenant.token(role);
    const list = await api.call({ method: 'GET', url: '/api/v1/contacts', token });
    t.equal(list.statusCode, 200, `${role} can list`);
    const create = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: `by ${role}` } });
    t.equal(create.statusCode, role === 'viewer' ? 403 : 201, `${role} create`);
    if (role === 'viewer') t.equal(create.json().error.code, 'forbidden');
  }
  const names = (await api.call({ method: 'GET', url: '/api/v1/contacts', token: tenant.token('viewer') })).json().items.map((c: { name: string }) => c.name);
  t.same(names, ['by admin', 'by member'], 'the viewer request changed nothing');
});

t.test('a cached verified token still sees suspension and role checks on every request', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('viewer');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token })).statusCode, 200);
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token })).statusCode, 200, 'served from the cache');
  const write = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'x' } });
  t.equal(write.statusCode, 403, 'the cached viewer token still may not write');
  setTenantStatus(api.runtime, tenant.id, 'suspended');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token })).statusCode, 403);
});
