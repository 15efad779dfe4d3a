// The step-up: once the sensitive window has lapsed, only a fresh sign-in at the provider reopens
// it. GET /auth/signin/{provider}?reauth=1 asks the provider to sign the person in again
// (prompt=login, max_age=0); the callback checks the ID token's auth_time and that it is the
// session's own account, then reopens the window of the SAME session (same tokens).
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { reauthenticate } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { signInAtProvider } from '../helpers/oidc-browser.js';
import { PUBLIC_URL, refreshCookieOf, signInRig, type SignInRig } from '../helpers/signin.js';

const MINUTE = 60_000;

async function signedIn(t: Parameters<typeof signInRig>[0]) {
  const clock = new ManualClock();
  const rig = await signInRig(t, {}, { clock });
  const acme = createTenant(rig.api.runtime, { name: 'Acme', adminEmail: 'ann@acme.example' });
  createTenant(rig.api.runtime, { name: 'Mo Mowing', adminEmail: 'mo@acme.example' });
  const browser = { cookie: refreshCookieOf(await rig.signIn('g-ann')) };
  // Like the page: trade the refresh cookie for an access token, keeping the rotated cookie.
  const accessToken = async (): Promise<string> => {
    const res = await rig.api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: {}, headers: { cookie: browser.cookie, origin: PUBLIC_URL } });
    browser.cookie = refreshCookieOf(res);
    return res.json().accessToken as string;
  };
  return { rig, clock, acme, browser, accessToken };
}

/** The step-up as the browser runs it: with its refresh cookie next to the flow cookie. */
async function stepUp(rig: SignInRig, refreshCookie: string | null, sub: string) {
  const started = await rig.start('?reauth=1');
  const callbackUrl = await signInAtProvider(started.location, sub);
  return { started, done: await rig.callback(callbackUrl, [started.cookie, refreshCookie].filter(Boolean).join('; ')) };
}

t.test('after the window lapses, a step-up at the provider reopens sensitive routes for the same session', async (t) => {
  const { rig, clock, acme, browser, accessToken } = await signedIn(t);
  const token = await accessToken();
  const { cookie } = browser;
  const sessionId = (await rig.api.call({ method: 'GET', url: '/api/v1/auth/session', token })).json().id as string;
  clock.advance(11 * MINUTE);
  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/sessions', token })).json().error?.code, 'reauth_required', 'the window has lapsed');

  const { started, done } = await stepUp(rig, cookie, 'g-ann');
  const authorize = new URL(started.location);
  t.equal(authorize.searchParams.get('prompt'), 'login', 'the provider is asked to sign the person in again');
  t.equal(authorize.searchParams.get('max_age'), '0');
  t.equal(done.statusCode, 303, done.body);
  t.equal(done.headers.location, '/');
  t.equal(done.cookies.find((c) => c.name === '__Host-spinney_refresh'), undefined, 'no new session, no new refresh cookie');

  const again = await rig.api.call({ method: 'GET', url: '/api/v1/sessions', token });
  t.equal(again.statusCode, 200, 'the same access token reaches sensitive routes again');
  t.same(again.json().items.map((s: { id: string }) => s.id), [sessionId], 'and it is still the one session');
  const events = rig.api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () =>
    tenantDb().statement(`SELECT action, target_id FROM audit_events WHERE action LIKE 'auth.%' ORDER BY seq`).all(),
  );
  t.same(events, [{ action: 'auth.signed_in', target_id: sessionId }, { action: 'auth.reauthenticated', target_id: sessionId }], 'audited on the session');
});

t.test('a step-up by another account, or without a session in the browser, reopens nothing', async (t) => {
  const { rig, clock, acme, browser, accessToken } = await signedIn(t);
  const token = await accessToken();
  const { cookie } = browser;
  clock.advance(11 * MINUTE);

  const other = (await stepUp(rig, cookie, 'g-mo')).done;
  t.equal(other.statusCode, 403, 'Mo cannot confirm Ann\'s session');
  t.equal(other.json().error.code, 'identity_mismatch');
  const failed = rig.api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () =>
    tenantDb().statement(`SELECT after FROM audit_events WHERE action = 'auth.reauth_failed'`).pluck().all(),
  );
  t.match(failed, [/"reason":"identity_mismatch"/], 'audited in the workspace');

  const noSession = (await stepUp(rig, null, 'g-ann')).done;
  t.equal(noSession.statusCode, 401);
  t.equal(noSession.json().error.code, 'unauthenticated');
  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/sessions', token })).json().error?.code, 'reauth_required', 'the window is still closed');

  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/auth/signin/google?reauth=1&client=native&redirect_uri=http://127.0.0.1:5000/cb&code_challenge=' + 'a'.repeat(43) })).statusCode, 400, 'no step-up for a native flow');
});

t.test('an ID token whose auth_time is not fresh does not reopen the window', async (t) => {
  const { rig, clock, browser, accessToken } = await signedIn(t);
  const token = await accessToken();
  const { cookie } = browser;
  clock.advance(11 * MINUTE);
  // A provider that ignored prompt=login and reused an old login: auth_time well before iat.
  const now = Math.floor(Date.now() / 1000);
  const identity = { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true };
  const request = { requestId: 'r-stale', client: { ip: '127.0.0.1', userAgent: null } };
  const refused = (extra: object) => {
    try {
      reauthenticate(rig.api.runtime, { ...identity, ...extra }, cookie.slice(cookie.indexOf('=') + 1), request);
    } catch (err) {
      return (err as { code?: string }).code;
    }
    return 'reopened';
  };
  t.equal(refused({ authTime: now - 300, issuedAt: now }), 'reauth_not_fresh', 'signed in five minutes before the token: refused');
  t.equal(refused({ issuedAt: now }), 'reauth_not_fresh', 'no auth_time at all: refused');
  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/sessions', token })).json().error?.code, 'reauth_required', 'the window is still closed');
  t.equal(refused({ authTime: now - 5, issuedAt: now }), 'reopened', 'a login five seconds before the token: accepted');
  t.equal((await rig.api.call({ method: 'GET', url: '/api/v1/sessions', token })).statusCode, 200);
});
