// Browser sign-in through the real authorization code flow against a real OpenID provider on
// loopback (playing Google). Each way the flow can be wrong is its own test.
import t from 'tap';
import { createHash, randomBytes } from 'node:crypto';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { refreshCookieOf, signInRig, PUBLIC_URL, type SignInRig } from '../helpers/signin.js';
import { signInAtProvider } from '../helpers/oidc-browser.js';
import { securityEvents } from '../helpers/security-events.js';

const platformEvents = (rig: SignInRig) =>
  rig.api.runtime.control.statement(`SELECT action, after FROM audit_events ORDER BY seq`).all() as { action: string; after: string | null }[];
const tenantEvents = (rig: SignInRig, tenantId: string) =>
  rig.api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () =>
    tenantDb().statement('SELECT action, actor_id, target_id, after FROM audit_events ORDER BY seq').all(),
  ) as { action: string; actor_id: string | null; target_id: string | null; after: string | null }[];

async function acme(rig: SignInRig) {
  return createTenant(rig.api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
}

t.test('an invited admin signs in through the provider, gets a refresh cookie, then an access token that works', async (t) => {
  const rig = await signInRig(t);
  const tenant = await acme(rig);

  const { location, cookie, response: start } = await rig.start();
  t.equal(start.statusCode, 302);
  const authorize = new URL(location);
  t.equal(authorize.origin, rig.provider.issuer, 'redirects to the provider');
  t.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  t.match(authorize.searchParams.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
  t.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'), 'state and nonce sent');
  t.equal(authorize.searchParams.get('redirect_uri'), `${PUBLIC_URL}/api/v1/auth/callback/google`);
  const flowCookie = start.cookies.find((c) => c.name === '__Host-spinney_signin');
  t.match(flowCookie, { path: '/', httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 600 }, 'sign-in cookie attributes');

  const done = await rig.callback(await signInAtProvider(location, 'g-ann'), cookie);
  t.equal(done.statusCode, 303, done.body);
  t.equal(done.headers.location, '/');
  const refresh = done.cookies.find((c) => c.name === '__Host-spinney_refresh');
  t.match(refresh, { path: '/', httpOnly: true, secure: true, sameSite: 'Strict' }, 'refresh cookie attributes');
  t.ok(refresh?.expires && Math.abs((refresh.expires as Date).getTime() - (Date.now() + 8 * 3600_000)) < 5000, 'the cookie ends with the session, 8 hours on');
  t.match(String(done.headers['set-cookie']), /__Host-spinney_refresh=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict/);
  t.notMatch(done.body, /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/, 'no token in the page body');

  const tokens = await rig.api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: {}, headers: { cookie: refreshCookieOf(done), origin: PUBLIC_URL } });
  t.equal(tokens.statusCode, 200, tokens.body);
  const body = tokens.json();
  t.notOk('refreshToken' in body, 'a browser never sees its refresh token');
  const contacts = await rig.api.call({ method: 'GET', url: '/api/v1/contacts', token: body.accessToken });
  t.equal(contacts.statusCode, 200);
  const session = (await rig.api.call({ method: 'GET', url: '/api/v1/auth/session', token: body.accessToken })).json();
  t.match(session, { tenantId: tenant.id, role: 'admin', userId: /^mb_/ });

  const events = tenantEvents(rig, tenant.id).map((e) => e.action);
  t.same(events, ['member.joined', 'member.identity_bound', 'auth.signed_in'], 'sign-in is audited in the workspace');
  const identity = rig.api.runtime.control.statement('SELECT provider, subject FROM identities WHERE tenant_id = ?').get(tenant.id);
  t.same(identity, { provider: 'google', subject: 'g-ann' }, 'the membership is now locked to this provider account');
});

t.test('a callback whose state does not match the browser\'s sign-in is refused', async (t) => {
  const rig = await signInRig(t);
  await acme(rig);
  const first = await rig.start();
  const second = await rig.start();
  const res = await rig.callback(await signInAtProvider(second.location, 'g-ann'), first.cookie);
  t.equal(res.statusCode, 401);
  t.equal(res.json().error.code, 'state_mismatch');
  t.equal(res.cookies.find((c) => c.name === '__Host-spinney_refresh'), undefined, 'no session');
  t.match(securityEvents(rig.api.runtime), [{ kind: 'sign_in_failed', reason: 'google:state_mismatch', count: 1 }], 'the refusal is counted against the client');
});

t.test('a callback without the sign-in cookie (another browser, or too late) is refused', async (t) => {
  const rig = await signInRig(t);
  await acme(rig);
  const { location } = await rig.start();
  const res = await rig.callback(await signInAtProvider(location, 'g-ann'), null);
  t.equal(res.statusCode, 401);
  t.equal(res.json().error.code, 'sign_in_expired');
  const tampered = await rig.start();
  const forged = await rig.callback(await signInAtProvider(tampered.location, 'g-ann'), tampered.cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
  t.equal(forged.json().error.code, 'sign_in_expired', 'a cookie with a broken signature counts as none');
});

t.test('a nonce that differs from the one in the ID token is refused', async (t) => {
  const rig = await signInRig(t);
  await acme(rig);
  const { location, cookie } = await rig.start();
  const forged = rig.forgeFlowCookie(cookie, (flow) => (flow.nonce = 'another-nonce-another-nonce-another-nonce'));
  const res = await rig.callback(await signInAtProvider(location, 'g-ann'), forged);
  t.equal(res.statusCode, 401);
  t.equal(res.json().error.code, 'nonce_mismatch');
});

t.test('the code is useless without the PKCE verifier of the browser that asked for it', async (t) => {
  const rig = await signInRig(t);
  await acme(rig);
  const { location, cookie } = await rig.start();
  const forged = rig.forgeFlowCookie(cookie, (flow) => (flow.codeVerifier = 'x'.repeat(43)));
  const res = await rig.callback(await signInAtProvider(location, 'g-ann'), forged);
  t.equal(res.statusCode, 401);
  t.equal(res.json().error.code, 'sign_in_failed');
  t.match(res.json().error.message, /invalid_grant/);
  const missing = await rig.start();
  const withoutVerifier = rig.forgeFlowCookie(missing.cookie, (flow) => delete flow.codeVerifier);
  const res2 = await rig.callback(await signInAtProvider(missing.location, 'g-ann'), withoutVerifier);
  t.equal(res2.statusCode, 401, 'no verifier at all: refused too');
});

t.test('an email the provider has not verified is refused', async (t) => {
  const rig = await signInRig(t);
  createTenant(rig.api.runtime, { name: 'Acme', adminEmail: 'una@acme.example' });
  const res = await rig.signIn('g-una');
  t.equal(res.statusCode, 403);
  t.equal(res.json().error.code, 'email_unverified');
  t.equal((rig.api.runtime.control.statement('SELECT count(*) AS n FROM identities').get() as { n: number }).n, 0, 'no identity stored');
  t.match(securityEvents(rig.api.runtime), [{ kind: 'sign_in_failed', reason: 'google:email_unverified', count: 1 }]);
});

t.test('a person with no membership is told so, and nothing about them is stored but a count of the refusal', async (t) => {
  const rig = await signInRig(t);
  await acme(rig);
  const res = await rig.signIn('g-stranger');
  t.equal(res.statusCode, 403);
  t.same(res.json().error, { code: 'no_workspace', message: 'there is no workspace for this account; ask an admin of your workspace to invite this email' });
  t.equal((rig.api.runtime.control.statement('SELECT count(*) AS n FROM identities').get() as { n: number }).n, 0);
  t.equal((rig.api.runtime.control.statement('SELECT count(*) AS n FROM memberships').get() as { n: number }).n, 0, 'signing in never creates a membership');
  t.same(securityEvents(rig.api.runtime), [{ clientKey: '127.0.0.1', kind: 'sign_in_failed', reason: 'google:no_membership', count: 1 }]);
  t.notMatch(JSON.stringify([platformEvents(rig), securityEvents(rig.api.runtime)]), /stranger@else\.example/, 'the email is not recorded');
});

t.test('the identity lock: the same email from another provider account is refused and audited', async (t) => {
  const rig = await signInRig(t);
  const tenant = await acme(rig);
  t.equal((await rig.signIn('g-ann')).statusCode, 303);
  const res = await rig.signIn('g-ann-2');
  t.equal(res.statusCode, 403);
  t.equal(res.json().error.code, 'identity_mismatch');
  t.match(tenantEvents(rig, tenant.id).at(-1), { action: 'auth.sign_in_failed', after: /"reason":"identity_mismatch"/ });
  t.equal((await rig.signIn('g-ann')).statusCode, 303, 'the bound account still signs in');
});

t.test('a person in two workspaces picks one; the tokens name that one only', async (t) => {
  const rig = await signInRig(t);
  const a = await acme(rig);
  const b = createTenant(rig.api.runtime, { name: 'Beta Builders', adminEmail: 'ann@acme.example' });
  const res = await rig.signIn('g-ann');
  t.equal(res.statusCode, 303, 'the browser goes back to the page, which shows the choice');
  t.equal(res.headers.location, '/');
  t.equal(res.cookies.find((c) => c.name === '__Host-spinney_refresh'), undefined, 'no session yet');
  const choice = res.cookies.find((c) => c.name === '__Host-spinney_choice');
  t.match(choice, { path: '/', httpOnly: true, secure: true, sameSite: 'Strict', maxAge: 600 });
  const shown = await rig.api.call({ method: 'POST', url: '/api/v1/auth/pending', payload: {}, headers: { cookie: `${choice?.name}=${choice?.value}`, origin: PUBLIC_URL } });
  t.same(shown.json(), {
    invitation: null,
    workspaces: [a, b].map((w) => ({ name: w.name, slug: w.slug, signInUrl: `${PUBLIC_URL}/api/v1/auth/signin/google?workspace=${w.slug}` })),
  }, 'the page gets the workspaces by name, each with its sign-in link');
  t.notMatch(shown.body, /tn_[a-z2-7]{24}/, 'and no raw workspace id');
  const chosen = await rig.signIn('g-ann', `?workspace=${b.slug}`);
  t.equal(chosen.statusCode, 303);
  const tokens = (await rig.api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: {}, headers: { cookie: refreshCookieOf(chosen), origin: PUBLIC_URL } })).json();
  const session = (await rig.api.call({ method: 'GET', url: '/api/v1/auth/session', token: tokens.accessToken })).json();
  t.equal(session.tenantId, b.id);
  t.equal(tenantEvents(rig, a.id).length, 0, 'nothing happened in the other workspace');
  const unknown = await rig.signIn('g-ann', '?workspace=no-such-place');
  t.equal(unknown.json().error.code, 'no_workspace');
});

t.test('a provider error at the callback and an unknown provider are refused', async (t) => {
  const rig = await signInRig(t);
  const { cookie } = await rig.start();
  const denied = await rig.api.call({ method: 'GET', url: '/api/v1/auth/callback/google?error=access_denied&state=x', headers: { cookie } });
  t.equal(denied.statusCode, 401);
  t.same(denied.json().error, { code: 'sign_in_failed', message: 'the provider refused the sign-in (access_denied)' });
  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/auth/signin/microsoft' })).statusCode, 404, 'not configured: not found');
  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/auth/signin/evil' })).statusCode, 404);
  const providers = (await rig.api.call({ method: 'GET', url: '/api/v1/auth/providers' })).json();
  t.same(providers.codeFlow, [{ id: 'google', label: 'Google', signInUrl: `${PUBLIC_URL}/api/v1/auth/signin/google` }]);
});

t.test('native code flow: the app gets a one-time code at its loopback redirect and redeems it with its PKCE verifier', async (t) => {
  const clock = new ManualClock();
  const rig = await signInRig(t, { SPINNEY_NATIVE_REDIRECT_SCHEMES: 'com.example.spinney' }, { clock });
  const tenant = await acme(rig);
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const startNative = async (redirect: string) => {
    const { location, cookie, response } = await rig.start(`?client=native&redirect_uri=${encodeURIComponent(redirect)}&code_challenge=${challenge}&code_challenge_method=S256&app_state=abc123`);
    t.equal(response.statusCode, 302, response.body);
    return rig.callback(await signInAtProvider(location, 'g-ann'), cookie);
  };
  const done = await startNative('http://127.0.0.1:51234/callback');
  t.equal(done.statusCode, 302);
  const back = new URL(String(done.headers.location));
  t.equal(`${back.origin}${back.pathname}`, 'http://127.0.0.1:51234/callback', 'back to the app');
  t.equal(back.searchParams.get('state'), 'abc123');
  const code = back.searchParams.get('code') as string;
  t.match(code, /^[A-Za-z0-9_-]{43}$/);
  t.equal(done.cookies.find((c) => c.name === '__Host-spinney_refresh'), undefined, 'no browser session');
  t.notMatch(String(done.headers.location), /eyJ/, 'no token in the URL');

  const redeem = (c: string, v: string) => rig.api.call({ method: 'POST', url: '/api/v1/auth/token', payload: { code: c, codeVerifier: v } });
  const tokens = await redeem(code, verifier);
  t.equal(tokens.statusCode, 200, tokens.body);
  t.match(tokens.json(), { refreshToken: /^tn_/, tenant: { id: tenant.id }, member: { role: 'admin' } });
  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/contacts', token: tokens.json().accessToken })).statusCode, 200);
  t.equal((await redeem(code, verifier)).json().error.code, 'invalid_grant', 'a code is good once');

  const second = new URL(String((await startNative('com.example.spinney:/oauth')).headers.location));
  t.equal(second.protocol, 'com.example.spinney:', 'the configured app scheme works too');
  t.equal((await redeem(second.searchParams.get('code') as string, 'x'.repeat(43))).json().error.code, 'invalid_grant', 'a wrong verifier is refused');
  t.equal((await redeem(second.searchParams.get('code') as string, verifier)).json().error.code, 'invalid_grant', 'and it burned the code');

  const third = new URL(String((await startNative('http://[::1]:4000/cb')).headers.location));
  clock.advance(61_000);
  t.equal((await redeem(third.searchParams.get('code') as string, verifier)).json().error.code, 'invalid_grant', 'a code lasts one minute');
});

t.test('native sign-in refuses redirects that are not loopback or a configured app scheme', async (t) => {
  const rig = await signInRig(t, { SPINNEY_NATIVE_REDIRECT_SCHEMES: 'com.example.spinney' });
  const challenge = 'A'.repeat(43);
  for (const redirect of ['https://evil.example/cb', 'http://localhost:3000/cb', 'http://127.0.0.1.evil.example/cb', 'com.evil.app:/cb', 'javascript:alert(1)', 'http://127.0.0.1:80/cb#frag']) {
    const { response } = await rig.start(`?client=native&redirect_uri=${encodeURIComponent(redirect)}&code_challenge=${challenge}`);
    t.equal(response.statusCode, 400, redirect);
    t.equal(response.json().error.field, 'redirect_uri', redirect);
    t.equal(response.cookies.length, 0, `${redirect}: no sign-in started`);
  }
  t.equal((await rig.start(`?client=native&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}`)).response.json().error.field, 'code_challenge', 'PKCE is required of the app');
  t.equal((await rig.start(`?redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}`)).response.statusCode, 400, 'a browser sign-in takes no redirect');
});
