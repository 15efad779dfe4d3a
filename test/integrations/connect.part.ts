// Connecting Google Workspace and Microsoft 365 through the real authorization code flow against
// real OpenID providers on loopback, and every way the callback can be misused.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tenantDb } from '../../src/tenancy/context.js';
import { CALLBACK_URL, CONNECT_COOKIE_NAME, integrationRig, PROVIDER_ACCESS_TTL, type IntegrationRig } from '../helpers/integrations.js';
import { build } from '../helpers/app.js';
import { securityEvents } from '../helpers/security-events.js';

const inTenant = <T>(rig: IntegrationRig, tenantId: string, fn: () => T): T => rig.api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
const tenantEvents = (rig: IntegrationRig, tenantId: string) =>
  inTenant(rig, tenantId, () => tenantDb().statement('SELECT action, actor_id, target_type, target_id, before, after FROM audit_events ORDER BY seq').all()) as {
    action: string;
    actor_id: string | null;
    target_type: string | null;
    target_id: string | null;
    before: string | null;
    after: string | null;
  }[];
/** The tenant's database as it is on disk: the file and its write-ahead log. */
const tenantBytes = (rig: IntegrationRig, tenantId: string): Buffer => {
  const base = join(rig.api.config.dataDir, 'tenants', tenantId, 'tenant.db');
  const wal = (() => {
    try {
      return readFileSync(`${base}-wal`);
    } catch {
      return Buffer.alloc(0);
    }
  })();
  return Buffer.concat([readFileSync(base), wal]);
};
const snapshotB = (rig: IntegrationRig, tenantId: string): Buffer => inTenant(rig, tenantId, () => tenantDb().serialize());
const controlIdentityRows = (rig: IntegrationRig) =>
  ['identities', 'memberships', 'invitations'].map((table) => rig.api.runtime.control.statement(`SELECT * FROM ${table} ORDER BY 1`).all());
const pendingFlows = (rig: IntegrationRig) => rig.api.runtime.control.statement('SELECT count(*) FROM integration_connects').pluck().get();
const withState = (url: URL, state: string): URL => {
  const changed = new URL(url);
  changed.searchParams.set('state', state);
  return changed;
};

t.test('an admin connects Google; scopes, email and connected_by are recorded and the tokens exist only sealed in the vault', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const token = tenant.token('admin', 'mb_ann');

  const started = await rig.start(token, 'google');
  t.equal(started.response.statusCode, 200, started.response.body);
  t.match(started.response.json(), { provider: 'google', expiresAt: new Date(rig.clock.now() + 600_000).toISOString() });
  const authorize = new URL(started.authorizationUrl);
  t.equal(authorize.origin, rig.providers.google.issuer, 'the URL is the provider\'s');
  t.equal(authorize.searchParams.get('redirect_uri'), CALLBACK_URL);
  t.equal(authorize.searchParams.get('response_type'), 'code');
  t.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  t.match(authorize.searchParams.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
  t.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'), 'state and nonce sent');
  t.equal(authorize.searchParams.get('access_type'), 'offline', 'Google is asked for a refresh token');
  t.equal(authorize.searchParams.get('prompt'), 'consent', 'and asked again on every connect');
  t.same(authorize.searchParams.get('scope')?.split(' '), ['openid', 'email', 'https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/gmail.send']);
  const cookie = started.response.cookies.find((c) => c.name === CONNECT_COOKIE_NAME);
  t.match(cookie, { path: '/', httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 600 }, 'the browser binding cookie');
  t.equal(cookie?.value, authorize.searchParams.get('state'), 'it holds the state of this flow');
  t.equal(pendingFlows(rig), 1, 'one flow in progress');
  const stored = rig.api.runtime.control.statement('SELECT * FROM integration_connects').get() as Record<string, unknown>;
  t.match(stored, { tenant_id: tenant.id, user_id: 'mb_ann', provider: 'google' });
  t.notOk(JSON.stringify(stored).includes(authorize.searchParams.get('state') as string), 'control.db holds a hash of the state, not the state');

  const done = await rig.callback(await rig.atProvider(started.authorizationUrl, 'g-office'), started.cookie);
  t.equal(done.statusCode, 303, done.body);
  const id = String(done.headers.location).replace('/admin/integrations?connected=', '');
  t.match(id, /^ig_[a-z2-7]{24}$/, 'the browser lands on the page, naming the new integration');
  t.match(String(done.headers['set-cookie']), new RegExp(`${CONNECT_COOKIE_NAME}=;`), 'the binding cookie is cleared');
  t.equal(pendingFlows(rig), 0, 'the flow is spent');

  const list = await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token });
  t.equal(list.statusCode, 200);
  t.same(list.json(), {
    items: [
      {
        id,
        provider: 'google',
        accountEmail: 'office@builder.example',
        scopes: ['openid', 'email', 'https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/gmail.send'],
        status: 'active',
        connectedBy: 'mb_ann',
        connectedAt: new Date(rig.clock.now()).toISOString(),
        accessTokenExpiresAt: new Date(rig.clock.now() + PROVIDER_ACCESS_TTL * 1000).toISOString(),
      },
    ],
    nextCursor: null,
  });
  const one = await rig.api.call({ method: 'GET', url: `/api/v1/integrations/${id}`, token });
  t.same(one.json(), list.json().items[0]);

  const { access, refresh } = rig.secrets(tenant.id, id);
  t.ok(access && refresh, 'access and refresh tokens are in the vault');
  for (const [name, value] of Object.entries({ access, refresh }) as [string, string][]) {
    t.notOk(tenantBytes(rig, tenant.id).includes(Buffer.from(value)), `the ${name} token is nowhere in the tenant database bytes (file and WAL)`);
    t.notOk(readFileSync(join(rig.api.config.dataDir, 'control.db')).includes(Buffer.from(value)), `nor in control.db`);
    t.notOk(list.body.includes(value) || one.body.includes(value), `nor in an API answer`);
  }
  const names = inTenant(rig, tenant.id, () => rig.api.runtime.vault.names());
  t.same(names, [`integration:${id}:access_token`, `integration:${id}:refresh_token`], 'stored as system secrets');
  const columns = inTenant(rig, tenant.id, () => tenantDb().statement("SELECT name FROM pragma_table_info('integrations')").pluck().all());
  t.notOk((columns as string[]).some((c) => /token|secret|sealed/.test(c) && c !== 'access_expires_at'), 'the integrations table has no token column');

  const events = tenantEvents(rig, tenant.id);
  t.match(events, [{ action: 'integration.connected', actor_id: 'mb_ann', target_type: 'integration', target_id: id, after: /"provider":"google"/ }]);
  t.notOk(JSON.stringify(events).includes(access as string) || JSON.stringify(events).includes(refresh as string), 'no token in the audit log');
  t.notMatch(JSON.stringify(events), /office@builder\.example/, 'nor the account email');
});

t.test('Microsoft: offline_access brings a refresh token and the email comes from userinfo', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Plumber');
  const token = tenant.token('admin', 'mb_pat');
  const started = await rig.start(token, 'microsoft');
  const authorize = new URL(started.authorizationUrl);
  t.ok(authorize.searchParams.get('scope')?.split(' ').includes('offline_access'), 'offline_access is asked for');
  t.equal(authorize.searchParams.get('prompt'), 'consent');
  t.equal(authorize.searchParams.get('access_type'), null, 'no Google-only parameter');
  const done = await rig.callback(await rig.atProvider(started.authorizationUrl, 'm-office'), started.cookie);
  t.equal(done.statusCode, 303, done.body);
  const [item] = (await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token })).json().items;
  t.match(item, { provider: 'microsoft', accountEmail: 'office@plumber.example', status: 'active', connectedBy: 'mb_pat' });
  t.ok(item.scopes.includes('https://graph.microsoft.com/Calendars.ReadWrite') && item.scopes.includes('https://graph.microsoft.com/Mail.Send'), 'calendar and mail granted');
  t.ok(rig.secrets(tenant.id, item.id).refresh, 'a refresh token was issued and stored');

  const providers = await rig.api.call({ method: 'GET', url: '/api/v1/integrations/providers', token });
  t.same(providers.json().items.map((p: { id: string }) => p.id), ['google', 'microsoft'], 'both providers are available');
});

t.test('connecting an account that is not a member does not let it sign in and changes no identity or membership', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const token = tenant.token('admin', 'mb_ann');
  const before = controlIdentityRows(rig);
  await rig.connected(token, 'google', 'g-office');
  t.same(controlIdentityRows(rig), before, 'identities, memberships and invitations are unchanged');

  const signIn = await rig.signIn('g-office');
  t.equal(signIn.statusCode, 403, 'the connected account cannot sign in');
  t.equal(signIn.json().error.code, 'no_workspace');
  t.equal(signIn.cookies.find((c) => c.name === '__Host-spinney_refresh'), undefined, 'no session');
  t.same(controlIdentityRows(rig), before, 'still unchanged after the sign-in attempt');
  t.match(securityEvents(rig.api.runtime), [{ kind: 'sign_in_failed', reason: 'google:no_membership', count: 1 }], 'the refusal is counted');
  t.notOk(tenantEvents(rig, tenant.id).some((e) => e.action.startsWith('member.') || e.action === 'auth.signed_in'), 'no member event in the workspace');
});

t.test('the callback refuses a wrong, expired or replayed state and a browser that did not start the flow', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const token = tenant.token('admin', 'mb_ann');
  const refused = async (url: URL, cookie: string, code: string, what: string) => {
    const res = await rig.callback(url, cookie);
    t.equal(res.statusCode, 401, `${what}: 401`);
    t.equal(res.json().error.code, code, `${what}: ${code}`);
  };

  const wrong = await rig.start(token, 'google');
  const wrongBack = await rig.atProvider(wrong.authorizationUrl, 'g-office');
  await refused(withState(wrongBack, 'x'.repeat(43)), wrong.cookie, 'connect_failed', 'an unknown state');
  await refused(new URL(`${CALLBACK_URL}?code=abc`), wrong.cookie, 'connect_failed', 'no state at all');

  const replayed = await rig.start(token, 'google');
  const replayedBack = await rig.atProvider(replayed.authorizationUrl, 'g-office');
  t.equal((await rig.callback(replayedBack, replayed.cookie)).statusCode, 303, 'the genuine callback connects');
  await refused(replayedBack, replayed.cookie, 'connect_failed', 'the same callback again');

  const late = await rig.start(token, 'google');
  const lateBack = await rig.atProvider(late.authorizationUrl, 'g-other');
  rig.clock.advance(600_001);
  await refused(lateBack, late.cookie, 'connect_failed', 'after 10 minutes');

  const elsewhere = await rig.start(tenant.token('admin', 'mb_ann'), 'google');
  const elsewhereBack = await rig.atProvider(elsewhere.authorizationUrl, 'g-other');
  await refused(elsewhereBack, '', 'connect_browser_mismatch', 'a browser without the binding cookie (a link sent to someone else)');
  await refused(elsewhereBack, elsewhere.cookie, 'connect_failed', 'and the flow is spent by that attempt');

  const first = await rig.start(tenant.token('admin', 'mb_ann'), 'google');
  const second = await rig.start(tenant.token('admin', 'mb_ann'), 'google');
  await refused(await rig.atProvider(first.authorizationUrl, 'g-other'), second.cookie, 'connect_browser_mismatch', 'the cookie of another flow');
  t.equal(second.cookie.startsWith(`${CONNECT_COOKIE_NAME}=`), true);

  const denied = await rig.start(tenant.token('admin', 'mb_ann'), 'google');
  const deniedState = new URL(denied.authorizationUrl).searchParams.get('state') as string;
  await refused(new URL(`${CALLBACK_URL}?error=access_denied&state=${deniedState}`), denied.cookie, 'connect_failed', 'the admin declined at the provider');
  const hostile = await rig.api.call({ method: 'GET', url: `/api/v1/integrations/callback?state=${deniedState}&error=${encodeURIComponent('<script>')}` });
  t.equal(hostile.statusCode, 400, 'an error code that is not a plain word is refused');
  const extra = await rig.api.call({ method: 'GET', url: '/api/v1/integrations/callback?state=a&injected=1' });
  t.equal(extra.statusCode, 400, 'unknown query fields are refused');

  const items = (await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token: tenant.token('admin', 'mb_ann') })).json().items;
  t.equal(items.length, 1, 'only the genuine callback connected anything');
  t.same(inTenant(rig, tenant.id, () => rig.api.runtime.vault.names()).length, 2, 'and only its tokens are stored');
});

t.test('the callback refuses when the admin who started the flow has signed out since', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const token = tenant.token('admin', 'mb_ann');
  const started = await rig.start(token, 'google');
  const back = await rig.atProvider(started.authorizationUrl, 'g-office');
  const signOut = await rig.api.call({ method: 'POST', url: '/api/v1/auth/signout', token, payload: {} });
  t.equal(signOut.statusCode, 204, signOut.body);
  const res = await rig.callback(back, started.cookie);
  t.equal(res.statusCode, 401);
  t.match(res.json().error, { code: 'connect_failed', message: /no longer signed in/ });
  t.same(inTenant(rig, tenant.id, () => tenantDb().statement('SELECT count(*) FROM integrations').pluck().get()), 0, 'nothing connected');
});

t.test('a callback started in tenant A never writes into tenant B', async (t) => {
  const rig = await integrationRig(t);
  const a = rig.api.tenant('A');
  const b = rig.api.tenant('B');
  const tokenA = a.token('admin', 'mb_alice');
  const tokenB = b.token('admin', 'mb_bob');
  const startedA = await rig.start(tokenA, 'google');
  const startedB = await rig.start(tokenB, 'google');
  const backA = await rig.atProvider(startedA.authorizationUrl, 'g-office');
  const stateB = new URL(startedB.authorizationUrl).searchParams.get('state') as string;
  const bBefore = snapshotB(rig, b.id);

  // A's code under B's state (and B's browser): B's flow has another PKCE verifier and nonce.
  const crossed = await rig.callback(withState(backA, stateB), startedB.cookie);
  t.equal(crossed.statusCode, 401, crossed.body);
  t.equal(crossed.json().error.code, 'connect_failed');
  t.ok(snapshotB(rig, b.id).equals(bBefore), 'B is byte-for-byte unchanged');

  const done = await rig.callback(backA, startedA.cookie);
  t.equal(done.statusCode, 303, done.body);
  t.ok(snapshotB(rig, b.id).equals(bBefore), 'completing A\'s flow leaves B unchanged');
  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token: tokenA })).json().items.length, 1, 'A has its integration');
  t.same((await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token: tokenB })).json().items, [], 'B has none');
});

t.test('start: admins only, a recent sign-in, a configured provider, closed input', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const connect = (token: string | undefined, payload: unknown) => rig.api.call({ method: 'POST', url: '/api/v1/integrations/connect', ...(token ? { token } : {}), payload: payload as object });
  t.equal((await connect(undefined, { provider: 'google' })).statusCode, 401, 'no token');
  for (const role of ['member', 'viewer'] as const) {
    const token = tenant.token(role, `mb_${role}`);
    t.equal((await connect(token, { provider: 'google' })).statusCode, 403, `a ${role} cannot start`);
    t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token })).statusCode, 403, `a ${role} cannot list`);
    t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/integrations/providers', token })).statusCode, 403, `a ${role} cannot list providers`);
  }
  const admin = tenant.token('admin', 'mb_ann');
  t.equal((await connect(admin, { provider: 'apple' })).statusCode, 400, 'an unknown provider');
  t.equal((await connect(admin, { provider: 'google', scope: 'openid' })).statusCode, 400, 'an unknown field');
  t.equal((await connect(admin, {})).statusCode, 400, 'no provider');
  t.equal((await connect(admin, { provider: 'g'.repeat(2_000_000) })).statusCode, 413, 'a huge body');
  t.equal(pendingFlows(rig), 0, 'no flow was recorded for any of these');

  rig.clock.advance(11 * 60_000);
  const stale = await connect(admin, { provider: 'google' });
  t.equal(stale.statusCode, 401, 'a session without a recent sign-in cannot start');
  t.equal(stale.json().error.code, 'reauth_required');

  const bare = await build(t);
  const plain = bare.tenant('No providers').token('admin');
  const missing = await bare.call({ method: 'POST', url: '/api/v1/integrations/connect', token: plain, payload: { provider: 'microsoft' } });
  t.equal(missing.statusCode, 409, 'a provider without a configured client');
  t.equal(missing.json().error.code, 'provider_not_configured');
  t.same((await bare.call({ method: 'GET', url: '/api/v1/integrations/providers', token: plain })).json(), { items: [] });
});
