// The HTTP conventions every route shares: health, OpenAPI, headers, error shape, route rules.
import t from 'tap';
import Fastify, { type FastifyPluginAsync } from 'fastify';
import { registerRouteRegistry } from '../../src/http/route-registry.js';
import { build } from '../helpers/app.js';

t.test('/healthz and /readyz answer without a token', async (t) => {
  const api = await build(t);
  const health = await api.call({ method: 'GET', url: '/healthz' });
  t.equal(health.statusCode, 200);
  t.same(health.json(), { status: 'ok' });
  const ready = await api.call({ method: 'GET', url: '/readyz' });
  t.equal(ready.statusCode, 200);
  t.same(ready.json(), { status: 'ready', checks: { controlDb: true, signingKey: true } });
  api.runtime.control.close();
  const down = await api.call({ method: 'GET', url: '/readyz' });
  t.equal(down.statusCode, 503, 'not ready once control.db is unusable');
  t.equal(down.json().checks.controlDb, false);
});

t.test('the OpenAPI document is generated from the route schemas', async (t) => {
  const api = await build(t);
  const res = await api.call({ method: 'GET', url: '/api/v1/openapi.json' });
  t.equal(res.statusCode, 200);
  const doc = res.json();
  t.equal(doc.openapi, '3.1.0');
  t.ok(doc.paths['/api/v1/contacts'].get && doc.paths['/api/v1/contacts'].post);
  t.ok(doc.paths['/api/v1/contacts/{contactId}'].patch);
  const create = doc.paths['/api/v1/contacts'].post.requestBody.content['application/json'].schema;
  t.same(create.required, ['name'], 'the same schema that validates requests');
  t.equal(create.additionalProperties, false);
  t.same(doc.components.schemas.Error.required, ['error'], 'the error shape is documented once');
  t.match(JSON.stringify(doc.paths['/api/v1/contacts'].post.responses['4XX'] ?? doc.paths['/api/v1/contacts'].post.responses['4xx']), /#\/components\/schemas\/Error/);
  for (const route of api.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && !r.public)) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    t.ok(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url} is documented`);
  }
});

t.test('security headers, request id and no caching on every response', async (t) => {
  const api = await build(t);
  for (const url of ['/healthz', '/api/v1/contacts', '/nope']) {
    const res = await api.call({ method: 'GET', url });
    t.equal(res.headers['x-content-type-options'], 'nosniff', url);
    t.match(res.headers['strict-transport-security'], /max-age=\d+/);
    t.equal(res.headers['x-frame-options'], 'DENY');
    t.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
    t.equal(res.headers['referrer-policy'], 'no-referrer');
    t.equal(res.headers['cache-control'], 'no-store');
    t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/);
    t.notOk(res.headers['x-powered-by']);
  }
});

t.test('unknown routes and methods get the error shape', async (t) => {
  const api = await build(t);
  const res = await api.call({ method: 'GET', url: '/api/v1/nothing-here' });
  t.equal(res.statusCode, 404);
  t.same(res.json(), { error: { code: 'not_found', message: 'no such route' } });
  const put = await api.call({ method: 'PUT', url: '/api/v1/contacts', token: api.tenant().token() });
  t.equal(put.statusCode, 404);
});

t.test('the public list is the only way to skip authentication', async (t) => {
  const api = await build(t);
  t.same(
    api.app.routeTable.filter((r) => r.public).map((r) => `${r.method} ${r.url}`).sort(),
    [
      'GET /',
      'GET /account',
      'GET /account/*',
      'GET /admin',
      'GET /admin/*',
      'GET /api/docs',
      'GET /api/v1/auth/callback/:provider',
      'GET /api/v1/auth/providers',
      'GET /api/v1/auth/signin/:provider',
      'GET /api/v1/estimate-links/:credential',
      'GET /api/v1/integrations/callback',
      'GET /api/v1/openapi.json',
      'GET /assets/:asset',
      'GET /calendar',
      'GET /calendar/*',
      'GET /calendar/feed/:credential/calendar.ics',
      'GET /contacts',
      'GET /contacts/*',
      'GET /e/:credential',
      'GET /estimates',
      'GET /estimates/*',
      'GET /healthz',
      'GET /import',
      'GET /import/*',
      'GET /leads',
      'GET /leads/*',
      'GET /mail',
      'GET /mail/*',
      'GET /readyz',
      'GET /search',
      'GET /search/*',
      'GET /transcripts',
      'GET /transcripts/*',
      'POST /api/v1/auth/exchange',
      'POST /api/v1/auth/invitations/:invitationId/accept',
      'POST /api/v1/auth/invitations/:invitationId/decline',
      'POST /api/v1/auth/nonce',
      'POST /api/v1/auth/pending',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/token',
      'POST /api/v1/estimate-links/:credential/accept',
      'POST /api/v1/estimate-links/:credential/decline',
      'POST /api/v1/hooks/:credential',
      'POST /e/:credential/accept',
      'POST /e/:credential/decline',
    ],
  );
  for (const route of api.app.routeTable.filter((r) => !r.public)) t.ok(route.permission, `${route.method} ${route.url} declares ${route.permission}`);
});

const credentialParams = { params: { type: 'object', properties: { credential: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } }, additionalProperties: false } };

t.test('every route has a realm; only credential routes have a credential kind', async (t) => {
  const api = await build(t);
  const realmOf = (method: string, url: string) => api.app.routeTable.find((r) => r.method === method && r.url === url);
  t.match(realmOf('GET', '/healthz'), { realm: 'public', credentialKind: null, permission: null, public: true });
  t.match(realmOf('GET', '/api/v1/contacts'), { realm: 'tenant', credentialKind: null, permission: 'contacts:read', public: false });
  t.match(realmOf('POST', '/api/v1/hooks/:credential'), { realm: 'credential', credentialKind: 'inbound_webhook', permission: null, public: true });
  for (const route of api.app.routeTable) {
    t.ok(['tenant', 'credential', 'platform', 'public'].includes(route.realm), `${route.method} ${route.url}: ${route.realm}`);
    t.equal(route.credentialKind !== null, route.realm === 'credential', `${route.method} ${route.url}: a kind exactly when credential`);
  }
});

t.test('a platform route fails closed until the platform realm has its own authentication', async (t) => {
  const platformRoute: FastifyPluginAsync = async (app) => {
    app.get('/platform/probe', { config: { realm: 'platform' } }, async () => ({ reached: true }));
  };
  const api = await build(t, {}, [platformRoute]);
  t.match(api.app.routeTable.find((r) => r.url === '/api/v1/platform/probe'), { realm: 'platform', permission: null, credentialKind: null });
  for (const token of [undefined, api.tenant().token('admin')]) {
    const res = await api.call({ method: 'GET', url: '/api/v1/platform/probe', token });
    t.equal(res.statusCode, 401, token ? 'a tenant token opens nothing' : 'no token');
    t.equal(res.json().error.code, 'unauthenticated');
  }
});

t.test('the server refuses to start with a route that declares no permission or breaks the rules', async (t) => {
  const cases: [string, (app: ReturnType<typeof Fastify>) => void, RegExp][] = [
    ['no permission', (app) => app.get('/x', async () => 'x'), /GET \/x declares no valid permission/],
    ['unknown permission', (app) => app.get('/x', { config: { permission: 'everything' as never } }, async () => 'x'), /declares no valid permission/],
    ['self-declared public', (app) => app.get('/x', { config: { public: true } }, async () => 'x'), /claims to be public but is not on the public list/],
    ['write route that viewers may call', (app) => app.post('/x', { config: { permission: 'contacts:read' } }, async () => 'x'), /changes data but viewers hold its permission/],
    ['id parameter without a pattern', (app) => app.get('/x/:thingId', { config: { permission: 'contacts:read' } }, async () => 'x'), /has no pattern for :thingId/],
    ['id parameter with a schema but no pattern', (app) => app.get('/x/:thingId', { config: { permission: 'contacts:read' }, schema: { params: { type: 'object', properties: { thingId: { type: 'string' } }, additionalProperties: false } } }, async () => 'x'), /has no pattern for :thingId/],
    ['write without a body schema', (app) => app.post('/x', { config: { permission: 'contacts:write' } }, async () => 'x'), /needs a body schema with additionalProperties: false/],
    ['open body schema', (app) => app.patch('/x', { config: { permission: 'contacts:write' }, schema: { body: { type: 'object', properties: {} } } }, async () => 'x'), /needs a body schema with additionalProperties: false/],
    ['open query schema', (app) => app.get('/x', { config: { permission: 'contacts:read' }, schema: { querystring: { type: 'object' } } }, async () => 'x'), /querystring schema must set additionalProperties: false/],
    ['HEAD without its GET', (app) => app.head('/x', { config: { permission: 'contacts:read' } }, async () => 'x'), /HEAD \/x: HEAD is answered only as the twin of a GET route/],
    ['unknown realm', (app) => app.get('/x', { config: { realm: 'partner' as never, permission: 'contacts:read' } }, async () => 'x'), /declares an unknown realm \(partner\)/],
    ['public realm not on the list', (app) => app.get('/x', { config: { realm: 'public' } }, async () => 'x'), /claims to be public but is not on the public list/],
    ['listed public route in another realm', (app) => app.get('/healthz', { config: { realm: 'tenant', permission: 'contacts:read' } }, async () => 'x'), /GET \/healthz is on the public list but declares the tenant realm/],
    ['tenant route without permission', (app) => app.get('/x', { config: { realm: 'tenant' } }, async () => 'x'), /declares no valid permission/],
    ['credential route without a kind', (app) => app.get('/x/:credential', { config: { realm: 'credential' }, schema: credentialParams }, async () => 'x'), /credential route without a valid credentialKind/],
    ['credential route with an unknown kind', (app) => app.get('/x/:credential', { config: { realm: 'credential', credentialKind: 'master_key' as never }, schema: credentialParams }, async () => 'x'), /credential route without a valid credentialKind/],
    ['credential route without the credential in its path', (app) => app.get('/x', { config: { realm: 'credential', credentialKind: 'estimate_link' } }, async () => 'x'), /without a :credential path parameter/],
    ['credential route with a tenant permission', (app) => app.get('/x/:credential', { config: { realm: 'credential', credentialKind: 'estimate_link', permission: 'contacts:read' }, schema: credentialParams }, async () => 'x'), /credential realm and cannot declare a tenant permission/],
    ['credential kind on a tenant route', (app) => app.get('/x', { config: { permission: 'contacts:read', credentialKind: 'estimate_link' } }, async () => 'x'), /declares a credentialKind outside the credential realm/],
    ['group commit on a read', (app) => app.get('/x', { config: { permission: 'contacts:read', groupCommit: true } }, async () => 'x'), /GET \/x: groupCommit is only for tenant routes that write/],
    ['group commit on a credential route', (app) => app.post('/x/:credential', { config: { realm: 'credential', credentialKind: 'estimate_link', groupCommit: true }, schema: credentialParams }, async () => 'x'), /POST \/x\/:credential: groupCommit is only for tenant routes that write/],
    ['platform route with a tenant permission', (app) => app.get('/x', { config: { realm: 'platform', permission: 'contacts:read' } }, async () => 'x'), /platform realm and cannot declare a tenant permission/],
  ];
  for (const [name, addRoute, message] of cases) {
    const app = Fastify();
    registerRouteRegistry(app);
    await t.rejects(
      (async () => {
        addRoute(app);
        await app.ready();
      })(),
      message,
      name,
    );
    await app.close();
  }
});

t.test('unknown routes answer 404 before any body is read, even a malformed one', async (t) => {
  const api = await build(t);
  for (const url of ['/api/v1/nope', '/healthz', '/api/v1/openapi.json']) {
    const res = await api.call({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{' });
    t.equal(res.statusCode, 404, `POST ${url}`);
    t.equal(res.json().error.code, 'not_found');
  }
});

t.test('router-level and socket-level failures keep the error shape and headers', async (t) => {
  const api = await build(t);
  const token = api.tenant().token();
  const badEncoding = await api.call({ method: 'GET', url: '/api/v1/contacts/%E0%A4%A', token });
  t.equal(badEncoding.statusCode, 404);
  t.equal(badEncoding.json().error.code, 'not_found');
  t.equal(badEncoding.headers['x-content-type-options'], 'nosniff');
  t.equal(badEncoding.headers['cache-control'], 'no-store');
  t.match(badEncoding.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  const tooLong = await api.call({ method: 'GET', url: `/api/v1/contacts/${'x'.repeat(300)}`, token });
  t.equal(tooLong.statusCode, 404);
  t.equal(tooLong.headers['x-content-type-options'], 'nosniff');

  // Requests Node cannot parse never reach Fastify; they still get our shape over a real socket.
  const { createConnection } = await import('node:net');
  const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = new URL(address);
  const raw = (request: string) =>
    new Promise<string>((resolve, reject) => {
      let data = '';
      const socket = createConnection({ host: '127.0.0.1', port: Number(port) }, () => socket.write(request));
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
  const badHeader = await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n');
  t.match(badHeader, /^HTTP\/1\.1 400 Bad Request\r\n/);
  t.match(badHeader, /\{"error":\{"code":"bad_request","message":"the request is not valid HTTP"\}\}$/);
  const hugeHeaders = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
  t.match(hugeHeaders, /^HTTP\/1\.1 431 /);
  t.match(hugeHeaders, /"code":"headers_too_large"/);
});

t.test('401s say which scheme to use; the scheme name is case-insensitive', async (t) => {
  const api = await build(t);
  const token = api.tenant().token();
  const none = await api.call({ method: 'GET', url: '/api/v1/contacts' });
  t.equal(none.headers['www-authenticate'], 'Bearer');
  const bad = await api.call({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: 'Bearer a.b.c' } });
  t.equal(bad.headers['www-authenticate'], 'Bearer error="invalid_token"');
  for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
    const res = await api.call({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `${scheme} ${token}` } });
    t.equal(res.statusCode, 200, scheme);
  }
});

t.test('forwarded headers are trusted only from a proxy on this host, and only when configured', async (t) => {
  const trusting = await build(t, { SPINNEY_TRUST_PROXY: 'true' });
  const viaNginx = await trusting.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '127.0.0.1', headers: { 'x-request-id': 'nginx-req-12345678' } });
  t.equal(viaNginx.headers['x-request-id'], 'nginx-req-12345678', 'nginx on loopback may name the request');
  const direct = await trusting.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '203.0.113.5', headers: { 'x-request-id': 'spoofed-req-1234' } });
  t.match(direct.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'a client reaching the port directly may not');
  const forged = await trusting.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'forged\nline-12345' } });
  t.match(forged.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'a malformed id is replaced');
  const plain = await build(t);
  const ignored = await plain.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'nginx-req-12345678' } });
  t.match(ignored.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'without SPINNEY_TRUST_PROXY the header is ignored');
});
