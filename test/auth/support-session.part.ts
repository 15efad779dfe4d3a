// A support session (access token with `support: true`; the platform issue will issue them) reads
// and never writes: the framework refuses it on every non-GET route, whatever the route or role.
import t from 'tap';
import { AccessTokens } from '../../src/auth/access-token.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, startSession } from '../helpers/app.js';

/** A real session's access token, re-signed with extra claims: what a support token will look like. */
function mint(api: Awaited<ReturnType<typeof build>>, tenantId: string, extra: Record<string, unknown>): string {
  const { accessToken } = startSession(api.runtime, tenantId, 'admin', 'us_support');
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] as string, 'base64url').toString('utf8')) as { tid: string; sub: string; role: 'admin'; sid: string };
  return new AccessTokens(api.runtime.config).sign({ tid: claims.tid, sub: claims.sub, role: claims.role, sid: claims.sid, ...extra }, api.runtime.clock.now());
}

t.test('a support session reads, and every route that is not a read refuses it', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const support = mint(api, tenant.id, { support: true });
  const contacts = () => api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT count(*) FROM contacts').pluck().get());

  t.equal((await api.call({ method: 'GET', url: '/api/v1/contacts', token: support })).statusCode, 200, 'reads');
  const write = await api.call({ method: 'POST', url: '/api/v1/contacts', token: support, payload: { name: 'Support wrote this' } });
  t.equal(write.statusCode, 403);
  t.same(write.json(), { error: { code: 'read_only_session', message: 'this support session is read-only' } });
  t.equal(contacts(), 0, 'nothing was written');

  const writes = api.app.routeTable.filter((r) => r.realm === 'tenant' && r.method !== 'GET' && r.method !== 'HEAD');
  t.ok(writes.length >= 10, `${writes.length} write routes`);
  for (const route of writes) {
    const res = await api.call({ method: route.method as 'POST', url: route.url.replace(/:[A-Za-z0-9_]+/g, 'x'), token: support, payload: {} });
    t.equal(res.json().error?.code, 'read_only_session', `${route.method} ${route.url}`);
  }

  const ordinary = mint(api, tenant.id, {});
  t.equal((await api.call({ method: 'POST', url: '/api/v1/contacts', token: ordinary, payload: { name: 'Member wrote this' } })).statusCode, 201, 'the same claims without the flag write');
});

t.test('a support claim other than true makes the token invalid', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  for (const value of [false, 'true', 1]) {
    const res = await api.call({ method: 'GET', url: '/api/v1/contacts', token: mint(api, tenant.id, { support: value }) });
    t.equal(res.statusCode, 401, `support: ${JSON.stringify(value)}`);
    t.equal(res.json().error.code, 'invalid_token');
  }
});
