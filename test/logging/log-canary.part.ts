// Canary strings sent in every place a client can put data must never reach the log: one run
// across the whole API with a unique canary in every header, cookie, query string, path parameter
// and body field, plus the secrets and tokens the server itself hands out. The flows that need a
// provider (sign-in, connecting an integration, signed webhook deliveries) are driven by hand;
// every route in the table is then walked from it (walkWithCanaries), so a new route is covered.
//
// The user agent is sent as a canary too: the request line does not log it (nor the IP); the
// audit log records both for the events that need them, and is not the server log.
import t from 'tap';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { build, TEST_KEYS, type TestApp } from '../helpers/app.js';
import { ACCOUNTS, CALLBACK_URL, CLIENTS, integrationRig, PUBLIC_URL } from '../helpers/integrations.js';
import { startJwksIssuer } from '../helpers/jwks-issuer.js';
import { signInAtProvider } from '../helpers/oidc-browser.js';
import { startSession } from '../helpers/app.js';
import { callOptions, fillPath, fixtureKey, issuedCredential, requestFor, reseed, routeName, seedFixtures, walkRoutes, type WalkedRequest } from '../helpers/route-walker.js';
import { genericHeaders, stripeHeader } from '../webhooks/helpers.js';

const CANARY = 'CANARY-d41d8cd98f00b204';
/** Lower-case letters (and a counter's digits), so a canary fits nearly every field's pattern. */
const TAG = `cnry${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const APPLE_CLIENT = 'com.example.spinney';

t.test('no header, cookie, token, query string or body value appears in the log', async (t) => {
  const apple = await startJwksIssuer();
  t.teardown(() => apple.close());
  // At trace level: whatever Fastify or a library logs only when asked for everything is checked too.
  const rig = await integrationRig(t, { SPINNEY_APPLE_CLIENT_IDS: APPLE_CLIENT, SPINNEY_APPLE_ISSUER: apple.issuer, SPINNEY_LOG_LEVEL: 'trace' });
  const { api } = rig;
  let n = 0;
  /** A fresh canary for one place (recorded, so the test can also say which places it covered). */
  const canary = (where: string): string => `${TAG}${where.replace(/[^a-z0-9]/g, '')}${++n}`;
  /** Values the server handed out (tokens, codes, secrets) that must not be logged either. */
  const handedOut = new Map<string, string>();
  const keep = (what: string, value: unknown) => {
    if (typeof value === 'string' && value.length >= 8) handedOut.set(value, what);
  };
  /** Every request carries canaries in headers a client controls besides the ones under test. */
  const call = (options: Parameters<TestApp['call']>[0]) => {
    const headers = { ...(options.headers as Record<string, string> | undefined) };
    const cookie = [headers.cookie, `tracking=${canary('cookie')}`].filter(Boolean).join('; ');
    return api.call({
      ...options,
      headers: {
        'user-agent': `Mozilla/5.0 ${canary('useragent')}`,
        'x-canary': canary('header'),
        'x-request-id': canary('requestid'),
        'x-forwarded-for': '203.0.113.77',
        referer: `https://example.com/${canary('referer')}`,
        'accept-language': canary('lang'),
        ...headers,
        cookie,
      },
    });
  };

  // The workspace's name, its admin's email and the provider's display name are all canaries of a kind.
  const workspaceName = `Builder ${canary('workspacename')}`;
  const office = ACCOUNTS[0]!;
  const workspace = createTenant(api.runtime, { name: workspaceName, adminEmail: office.email });

  // --- Browser sign-in (code flow) with canaries in the query and cookies around it.
  t.equal((await call({ method: 'GET', url: '/api/v1/auth/providers' })).statusCode, 200);
  const started = await call({ method: 'GET', url: `/api/v1/auth/signin/google` });
  t.equal(started.statusCode, 302);
  const flowCookie = started.cookies.find((c) => c.name === '__Host-spinney_signin');
  keep('sign-in flow cookie', flowCookie?.value);
  const back = await signInAtProvider(String(started.headers.location), office.sub);
  keep('sign-in code', back.searchParams.get('code'));
  keep('sign-in state', back.searchParams.get('state'));
  const flow = `${flowCookie?.name}=${flowCookie?.value}`;
  const forged = await call({ method: 'GET', url: `/api/v1/auth/callback/google?code=${canary('code')}&state=${canary('state')}&scope=${canary('scope')}&error_description=${canary('errdesc')}`, headers: { cookie: flow } });
  t.equal(forged.statusCode, 401, 'a callback with a foreign state is refused');
  const signedIn = await call({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie: flow } });
  t.equal(signedIn.statusCode, 303, signedIn.body);
  const refreshCookie = signedIn.cookies.find((c) => c.name === '__Host-spinney_refresh');
  keep('browser refresh token', refreshCookie?.value);
  const refreshed = await call({ method: 'POST', url: '/api/v1/auth/refresh', headers: { origin: PUBLIC_URL, cookie: `${refreshCookie?.name}=${refreshCookie?.value}` }, payload: {} });
  t.equal(refreshed.statusCode, 200, refreshed.body);
  const admin = refreshed.json().accessToken as string;
  keep('access token', admin);
  keep('rotated refresh token', refreshed.cookies.find((c) => c.name === '__Host-spinney_refresh')?.value);
  t.equal((await call({ method: 'POST', url: '/api/v1/auth/refresh', headers: { origin: PUBLIC_URL, cookie: `__Host-spinney_refresh=${canary('refreshcookie')}` }, payload: {} })).statusCode, 401);
  t.equal((await call({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: canary('refreshbody') } })).statusCode, 401);
  t.equal((await call({ method: 'POST', url: '/api/v1/auth/refresh', headers: { origin: `https://${canary('origin')}.example` }, payload: {} })).statusCode, 403);

  // --- Native sign-in: the start with app parameters, the code redemption, the ID-token exchange.
  const challenge = `${canary('challenge')}${'x'.repeat(43)}`.slice(0, 43);
  const native = await call({ method: 'GET', url: `/api/v1/auth/signin/google?client=native&redirect_uri=${encodeURIComponent(`http://127.0.0.1:5000/${canary('redirect')}`)}&code_challenge=${challenge}&app_state=${canary('appstate')}&workspace=${canary('workspace')}` });
  t.equal(native.statusCode, 302, native.body);
  const code43 = `${canary('handoff')}${'y'.repeat(43)}`.slice(0, 43);
  t.equal((await call({ method: 'POST', url: '/api/v1/auth/token', payload: { code: code43, codeVerifier: `${canary('verifier')}${'z'.repeat(43)}` } })).statusCode, 401);
  const appleEmail = `${canary('appleemail')}@example.com`;
  createTenant(api.runtime, { name: `Apple ${canary('applews')}`, adminEmail: appleEmail });
  const nonce = (await call({ method: 'POST', url: '/api/v1/auth/nonce' })).json().nonce as string;
  keep('nonce', nonce);
  const idToken = await apple.sign({ sub: canary('applesub'), email: appleEmail, email_verified: 'true', name: canary('applename'), aud: APPLE_CLIENT, nonce: createHash('sha256').update(nonce).digest('hex') });
  keep('ID token', idToken);
  t.equal((await call({ method: 'POST', url: '/api/v1/auth/exchange', payload: { provider: 'apple', idToken: `${canary('idtoken')}.x.y`, nonce: canary('nonce') } })).statusCode, 401);
  const exchanged = await call({ method: 'POST', url: '/api/v1/auth/exchange', payload: { provider: 'apple', idToken, nonce } });
  t.equal(exchanged.statusCode, 200, exchanged.body);
  keep('native access token', exchanged.json().accessToken);
  keep('native refresh token', exchanged.json().refreshToken);
  const nativeRefresh = await call({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: exchanged.json().refreshToken } });
  t.equal(nativeRefresh.statusCode, 200, nativeRefresh.body);
  keep('rotated native refresh token', nativeRefresh.json().refreshToken);
  keep('refreshed native access token', nativeRefresh.json().accessToken);

  // --- Integrations: connect through the provider, and a forged callback.
  const connectStarted = await rig.start(admin, 'google');
  t.equal(connectStarted.response.statusCode, 200);
  keep('connect state cookie', connectStarted.cookie.split('=')[1]);
  const connectBack = await rig.atProvider(connectStarted.authorizationUrl, office.sub);
  keep('connect code', connectBack.searchParams.get('code'));
  const connected = await call({ method: 'GET', url: `${connectBack.pathname}${connectBack.search}`, headers: { cookie: connectStarted.cookie } });
  t.equal(connected.statusCode, 303, connected.body);
  const integrationId = decodeURIComponent(String(connected.headers.location).replace('/admin/integrations?connected=', ''));
  const tokens = rig.secrets(workspace.id, integrationId);
  keep('integration access token', tokens.access);
  keep('integration refresh token', tokens.refresh);
  t.equal((await call({ method: 'GET', url: `${new URL(CALLBACK_URL).pathname}?code=${canary('connectcode')}&state=${canary('connectstate')}&hd=${canary('hd')}`, headers: { cookie: `__Host-spinney_integration_connect=${canary('connectcookie')}` } })).statusCode, 401);

  // --- Webhooks: endpoints (generic and Stripe), inbound deliveries, subscriptions.
  const generic = await call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token: admin, payload: { provider: 'generic', description: canary('enddesc') } });
  t.equal(generic.statusCode, 201, generic.body);
  const genericSecret = generic.json().secret as string;
  keep('generic endpoint secret', genericSecret);
  const stripeSecret = `whsec_${canary('stripesecret')}`;
  const stripe = await call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token: admin, payload: { provider: 'stripe', secret: stripeSecret } });
  t.equal(stripe.statusCode, 201, stripe.body);
  const now = Math.floor(rig.clock.now() / 1000);
  const hookBody = JSON.stringify({ id: canary('eventid'), note: canary('hookbody') });
  const hook = (created: { url: string }, body: string, headers: Record<string, string>) => call({ method: 'POST', url: new URL(created.url).pathname, headers, payload: body });
  t.equal((await hook(generic.json(), hookBody, genericHeaders(genericSecret, canary('deliveryid'), now, hookBody))).statusCode, 200);
  t.equal((await hook(generic.json(), hookBody, { ...genericHeaders(genericSecret, canary('deliveryid2'), now, hookBody), 'spinney-webhook-signature': `v1=${canary('signature')}` })).statusCode, 401);
  t.equal((await hook(stripe.json(), hookBody, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(stripeSecret, now, hookBody) })).statusCode, 200);
  t.equal((await hook(stripe.json(), hookBody, { 'content-type': 'application/json', 'stripe-signature': `t=${now},v1=${canary('stripesig')}` })).statusCode, 401);
  const broken = `{"${canary('brokenhook')}"`;
  t.equal((await hook(stripe.json(), broken, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(stripeSecret, now, broken) })).statusCode, 400);

  // --- Every route in the table, walked with canaries (test/helpers/route-walker.ts), with
  // the records above in the workspace (so the export carries them): no URL list.
  const walked = await walkWithCanaries(api, workspace.id, call, canary, keep);
  t.equal(walked.routes, api.app.routeTable.length, `every route was walked (${walked.routes})`);

  // --- Finally the workspace's deletion, confirmed by its name (a canary).
  t.equal((await call({ method: 'POST', url: '/api/v1/workspace/deletion', token: admin, payload: { confirm: canary('confirm') } })).statusCode, 400);
  t.equal((await call({ method: 'POST', url: '/api/v1/workspace/deletion', token: admin, payload: { confirm: workspaceName } })).statusCode, 202);
  t.equal((await call({ method: 'GET', url: '/api/v1/contacts', token: admin })).statusCode, 401, 'the deleted workspace refuses its old token');

  const log = api.logs.join('');
  const lines = log.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  const requests = lines.filter((line) => line.msg === 'request');
  t.ok(requests.length >= 70, `one line per request (${requests.length})`);
  t.ok(n >= 90, `${n} canaries sent`);
  t.notOk(log.toLowerCase().includes(TAG), 'no canary anywhere in the log');
  for (const [value, what] of handedOut) t.notOk(log.includes(value), `the ${what} is not in the log`);
  for (const account of ACCOUNTS) {
    t.notOk(log.includes(account.email), `the account email ${account.email} is not logged`);
    t.notOk(log.includes(account.name), `nor the name ${account.name}`);
  }
  for (const [name, key] of Object.entries({ ...TEST_KEYS, ...Object.fromEntries(Object.entries(CLIENTS).map(([p, c]) => [`${p} client secret`, c.clientSecret])) })) {
    t.notOk(log.includes(key), `nor ${name}`);
  }
  t.notOk(log.includes('203.0.113.77'), 'nor a forwarded address the app does not trust');
  for (const line of requests) {
    t.match(line, { reqId: /^[0-9a-f-]{36}$/, method: String, status: Number, ms: Number }, 'a structured request line');
    if ((line.status as number) >= 400) t.ok(typeof line.error === 'string' && /^[a-z_]+$/.test(line.error) && line.error !== 'unrecorded', `${line.method} ${line.route} ${line.status} carries its error code (${line.error})`);
  }
  t.ok(requests.some((line) => line.userId && line.tenantId === workspace.id), 'people appear by user id');
  t.match(requests.find((line) => line.route === '/api/v1/vault/secrets/:secretName' && line.status === 200), { path: '/api/v1/vault/secrets/:secretName' }, 'a secret\'s name stays a placeholder in the path');
  t.match(requests.find((line) => line.route === '/api/v1/contacts/:contactId/sensitive' && line.status === 200), { path: /^\/api\/v1\/contacts\/ct_[a-z2-7]{24}\/sensitive$/ }, 'a record id is filled in');
  const logged = new Set(requests.map((line) => `${line.method as string} ${line.route as string}`));
  t.same(api.app.routeTable.map(routeName).filter((name) => !logged.has(name)), [], 'every route in the table wrote a request line (and so was checked)');
});

type Call = TestApp['call'];

/**
 * Every route in the table, four ways, each request carrying the canary headers and cookie `call`
 * adds: (1) valid, with the workspace's own records and a canary in every free-text body field;
 * (2) with canaries in the query string (the route's own fields, else an unknown one); (3) with
 * canaries for every path parameter (a credential too) and as an unknown body field, and as a
 * malformed JSON body (signed, on a credential route that checks signatures, so it is parsed);
 * (4) with a canary as the bearer token, a Basic credential, and an API-key header. Values the
 * server hands out in a response (secrets, tokens) and the credentials the fixtures issued are kept
 * so the test can look for them too.
 */
async function walkWithCanaries(
  api: TestApp,
  tenantId: string,
  call: Call,
  canary: (where: string) => string,
  keep: (what: string, value: unknown) => void,
): Promise<{ routes: number; requests: number }> {
  let requests = 0;
  const send = async (options: Parameters<Call>[0]) => {
    requests += 1;
    const res = await call(options);
    if ((res.headers['content-type'] ?? '').toString().startsWith('application/json')) {
      JSON.stringify(res.json(), (key, value: unknown) => {
        if (/^(secret|accessToken|refreshToken|nonce|apiKey)$/.test(key)) keep(`the ${key} a walked response handed out`, value);
        return value;
      });
    }
    return res;
  };
  const owner = startSession(api.runtime, tenantId, 'admin', 'us_walker').accessToken;
  const ids = await seedFixtures(api, owner, canary('seed'));
  for (const [key, value] of Object.entries(ids)) if (key.startsWith('credential:')) keep(`the issued ${key}`, value);
  const routes = await walkRoutes(api.app.routeTable, ids, async (request: WalkedRequest) => {
    const { route } = request;
    // A fresh session per route: a route may end the caller's session (sign out, revoke).
    const token = route.realm === 'tenant' ? startSession(api.runtime, tenantId, 'admin', 'us_walker').accessToken : undefined;
    const withToken = token ? { token } : {};
    // A credential route that checks a signature gets its bodies signed, so they reach the handler.
    const signed = route.realm === 'credential' ? issuedCredential(ids[fixtureKey(route, 'credential')] as string).signed : undefined;
    await send(callOptions(requestFor(route, ids, (field) => canary(field)), token));
    const querySchema = (route.schema as { querystring?: { properties?: Record<string, unknown> } } | undefined)?.querystring;
    const query = querySchema?.properties ? Object.fromEntries(Object.keys(querySchema.properties).map((key) => [key, canary(`query${key}`)])) : { [canary('querykey')]: canary('queryvalue') };
    await send({ method: request.method, url: request.url, query, headers: request.headers, ...withToken });
    const canaryIds = Object.fromEntries(route.params.map((param) => [fixtureKey(route, param), canary(param)]));
    const foreignUrl = fillPath(route, canaryIds);
    const hasBody = !['GET', 'HEAD', 'DELETE'].includes(request.method);
    await send({ method: request.method, url: foreignUrl, ...withToken, ...(hasBody ? { payload: { [canary('bodykey')]: canary('bodyvalue') } } : {}) });
    const malformed = `{"${canary('malformed')}": "${canary('malformedvalue')}"`;
    if (hasBody) await send({ method: request.method, url: request.url, ...withToken, headers: { 'content-type': 'application/json', ...signed?.(malformed) }, payload: malformed });
    await send({ method: request.method, url: request.url, headers: { authorization: `Bearer ${canary('bearer')}` } });
    await send({ method: request.method, url: request.url, headers: { authorization: `Basic ${canary('basic')}` } });
    if (token) await send({ method: request.method, url: request.url, token, headers: { 'x-api-key': canary('apikey') } });
    // A DELETE consumed a record: seed a fresh one for the routes still to come.
    if (request.method === 'DELETE') await reseed(api, owner, canary('reseed'), route, ids);
  });
  return { routes, requests };
}

/** The log's JSON lines (a chunk may hold several). */
function logLines(api: TestApp): Record<string, unknown>[] {
  return api.logs
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
const requestLines = (api: TestApp) => logLines(api).filter((line) => line.msg === 'request');

t.test('every refusal is logged with its API error code (and the field at fault, never its value)', async (t) => {
  const api = await build(t, { SPINNEY_BODY_LIMIT_BYTES: String(64 * 1024) });
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  const refusals: [string, Parameters<TestApp['call']>[0], number, string, string | undefined][] = [
    ['a missing field', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { notes: `${CANARY}-notes` } }, 400, 'missing_field', 'name'],
    ['a field of the wrong kind', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 7 } }, 400, 'invalid_field', 'name'],
    ['a field the client named', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'x', [`${CANARY}-key`]: 1 } }, 400, 'unknown_field', undefined],
    ['no token', { method: 'GET', url: '/api/v1/contacts' }, 401, 'unauthenticated', undefined],
    ['a bad token', { method: 'GET', url: '/api/v1/contacts', token: `${CANARY}-token` }, 401, 'invalid_token', undefined],
    ['a role without the permission', { method: 'POST', url: '/api/v1/vault/secrets', token: tenant.token('viewer'), payload: { name: 'x', value: `${CANARY}-v` } }, 403, 'forbidden', undefined],
    ['a record that does not exist', { method: 'GET', url: '/api/v1/contacts/ct_aaaaaaaaaaaaaaaaaaaaaaaa', token: admin }, 404, 'not_found', undefined],
    ['a route that does not exist', { method: 'GET', url: `/api/v1/${CANARY}`, token: admin }, 404, 'not_found', undefined],
    ['a conflict', { method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'taken', value: `${CANARY}-second` } }, 409, 'conflict', undefined],
    ['a body too large', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'x', notes: 'n'.repeat(70 * 1024) } }, 413, 'payload_too_large', undefined],
  ];
  t.equal((await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'taken', value: 'first-value' } })).statusCode, 201);
  for (const [what, options, status, code, field] of refusals) {
    const before = api.logs.length;
    const res = await api.call(options);
    t.equal(res.statusCode, status, `${what}: ${status}`);
    t.equal(res.json().error.code, code, `${what}: ${code} to the client`);
    const lines = api.logs.slice(before).join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    t.equal(lines.length, 1, `${what}: one request line`);
    t.match(lines[0], { status, error: code, level: 40 }, `${what}: logged as a warning with the code`);
    if (field) t.equal(lines[0]?.field, field, `${what}: and the field's name`);
    else t.notOk('field' in (lines[0] ?? {}), `${what}: no field logged`);
  }
  const log = api.logs.join('');
  t.notOk(log.includes(CANARY), 'no value the client sent (nor a field name it made up) is in the log');
  t.notOk(requestLines(api).some((line) => (line.status as number) >= 400 && line.error === 'unrecorded'), 'every refusal went through the one error path');
  t.notOk(requestLines(api).some((line) => (line.status as number) < 400 && 'error' in line), 'successes carry no error');
});

t.test('a 500 is logged with its stack, and the client gets no internals', async (t) => {
  const api = await build(t, {}, [
    async (app) => {
      app.get('/explode', { config: { permission: 'contacts:read' } }, async () => {
        throw new Error(`database exploded at /srv/secret/path`);
      });
    },
  ]);
  const res = await api.call({ method: 'GET', url: '/api/v1/explode', token: api.tenant().token('viewer') });
  t.equal(res.statusCode, 500);
  t.same(res.json(), { error: { code: 'internal_error', message: 'something went wrong; the error has been logged' } });
  t.notMatch(res.body, /exploded|secret|at |stack|\.ts/, 'no message, path or stack in the body');
  t.notMatch(JSON.stringify(res.headers), /exploded|\.ts:/, 'nor in a header');
  const lines = logLines(api);
  const failures = lines.filter((line) => line.msg === 'request failed');
  t.equal(failures.length, 1, 'logged once');
  t.match(failures[0], { level: 50, error: 'internal_error', reqId: res.headers['x-request-id'], err: { type: 'Error', message: /database exploded/, stack: /database exploded[\s\S]*\n\s+at / } }, 'with the cause and its stack');
  t.match(requestLines(api), [{ level: 50, status: 500, error: 'internal_error', reqId: res.headers['x-request-id'] }], 'and the request line carries the code');
});

t.test('the walk catches a new route that logs what a client sent, and refuses a route it cannot fill', async (t) => {
  // Planted: the kind of route the canary exists for, added without touching this test.
  const diary: FastifyPluginAsync = async (app) => {
    const body = Type.Object({ note: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
    app.post('/diary', { config: { permission: 'contacts:write' }, schema: { body } }, async (request) => {
      request.log.info({ note: (request.body as { note: string }).note }, 'diary entry');
      return {};
    });
  };
  const api = await build(t, {}, [diary]);
  const workspace = api.tenant();
  let n = 0;
  const planted = `plnt${randomBytes(4).toString('hex')}`;
  const walked = await walkWithCanaries(api, workspace.id, (options) => api.call(options), (where) => `${planted}${where.replace(/[^a-z0-9]/gi, '')}${++n}`, () => {});
  t.equal(walked.routes, api.app.routeTable.length, 'the planted route was walked with the rest');
  const leaking = logLines(api).filter((line) => JSON.stringify(line).includes(planted));
  t.ok(leaking.length > 0, 'a canary reached the log');
  t.same([...new Set(leaking.map((line) => line.msg))], ['diary entry'], 'only through the planted route, which the walk found by itself');

  const widgets: FastifyPluginAsync = async (app) => {
    const params = Type.Object({ widgetId: Type.String({ pattern: '^wd_[a-z2-7]{24}$' }) }, { additionalProperties: false });
    app.get('/widgets/:widgetId', { config: { permission: 'contacts:read' }, schema: { params } }, async () => ({}));
  };
  const unfilled = await build(t, {}, [widgets]);
  await t.rejects(
    walkWithCanaries(unfilled, unfilled.tenant().id, (options) => unfilled.call(options), (where) => where, () => {}),
    /GET \/api\/v1\/widgets\/:widgetId: no route-walker fixture for :widgetId/,
    'a route with no fixture stops the walk, named',
  );
});
