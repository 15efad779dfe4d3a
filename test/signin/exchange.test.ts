// Native sign-in: an Apple or Google ID token obtained on the device, exchanged for a session.
// A small JWKS server on loopback plays Apple and Google; each way a token can be wrong is a test.
import t from 'tap';
import { createHash } from 'node:crypto';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type Teardown, type TestApp } from '../helpers/app.js';
import { startJwksIssuer, type JwksIssuer } from '../helpers/jwks-issuer.js';
import { securityEvents } from '../helpers/security-events.js';

const APPLE_CLIENT = 'com.example.spinney';
const GOOGLE_IOS_CLIENT = 'ios.apps.googleusercontent.example';

interface Rig {
  api: TestApp;
  apple: JwksIssuer;
  google: JwksIssuer;
  nonce(): Promise<string>;
  exchange(body: Record<string, unknown>): ReturnType<TestApp['call']>;
}

async function rig(t: Teardown, env: Record<string, string> = {}, clock?: ManualClock): Promise<Rig> {
  const apple = await startJwksIssuer();
  const google = await startJwksIssuer();
  t.teardown(() => Promise.all([apple.close(), google.close()]));
  const api = await build(
    t,
    {
      SPINNEY_APPLE_CLIENT_IDS: APPLE_CLIENT,
      SPINNEY_APPLE_ISSUER: apple.issuer,
      SPINNEY_GOOGLE_CLIENT_ID: 'web.apps.example',
      SPINNEY_GOOGLE_CLIENT_SECRET: 'web-secret',
      SPINNEY_GOOGLE_NATIVE_CLIENT_IDS: GOOGLE_IOS_CLIENT,
      SPINNEY_GOOGLE_ISSUER: google.issuer,
      ...env,
    },
    [],
    clock ? { clock } : {},
  );
  createTenant(api.runtime, { name: 'Acme', adminEmail: 'ann@acme.example' });
  return {
    api,
    apple,
    google,
    async nonce() {
      const res = await api.call({ method: 'POST', url: '/api/v1/auth/nonce' });
      return res.json().nonce as string;
    },
    exchange: (payload) => api.call({ method: 'POST', url: '/api/v1/auth/exchange', payload }),
  };
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
const ann = { sub: 'apple-ann', email: 'ann@acme.example', email_verified: 'true' };
const annClaims = ann;

t.test('an Apple ID token with our nonce (hashed, as Apple does) gives a native session with its refresh token', async (t) => {
  const r = await rig(t);
  const nonce = await r.nonce();
  const idToken = await r.apple.sign({ ...ann, aud: APPLE_CLIENT, nonce: sha256(nonce) });
  const res = await r.exchange({ provider: 'apple', idToken, nonce });
  t.equal(res.statusCode, 200, res.body);
  const body = res.json();
  t.match(body, { tokenType: 'Bearer', refreshToken: /^tn_[a-z2-7]{24}\.[A-Za-z0-9_-]{43}$/, member: { role: 'admin' }, tenant: { name: 'Acme' } });
  t.equal(res.cookies.length, 0, 'native clients get no cookie');
  t.equal((await r.api.call({ method: 'GET', url: '/api/v1/contacts', token: body.accessToken })).statusCode, 200);

  const replay = await r.exchange({ provider: 'apple', idToken, nonce });
  t.equal(replay.statusCode, 401);
  t.equal(replay.json().error.code, 'nonce_reused', 'a captured token cannot be exchanged twice');
});

t.test('a Google ID token for our iOS client id works with the raw nonce', async (t) => {
  const r = await rig(t);
  const nonce = await r.nonce();
  const idToken = await r.google.sign({ sub: 'google-ann', email: 'ann@acme.example', email_verified: true, aud: GOOGLE_IOS_CLIENT, nonce });
  const res = await r.exchange({ provider: 'google', idToken, nonce });
  t.equal(res.statusCode, 200, res.body);
});

t.test('wrong audience, wrong issuer, forged signature, expired token: each refused with 401', async (t) => {
  const clock = new ManualClock();
  const r = await rig(t, {}, clock);
  const cases: [string, (nonce: string) => Promise<string>, string][] = [
    ['wrong audience', (nonce) => r.apple.sign({ ...ann, aud: 'com.someone.else', nonce }), 'invalid_id_token'],
    ['wrong issuer', (nonce) => r.apple.sign({ ...ann, aud: APPLE_CLIENT, nonce, iss: 'https://appleid.apple.com.evil.example' }), 'invalid_id_token'],
    ['another provider\'s token', (nonce) => r.google.sign({ ...ann, aud: APPLE_CLIENT, nonce }), 'invalid_id_token'],
    ['forged signature', (nonce) => r.apple.sign({ ...ann, aud: APPLE_CLIENT, nonce }, { key: 'other' }), 'invalid_id_token'],
    ['expired', (nonce) => r.apple.sign({ ...ann, aud: APPLE_CLIENT, nonce }, { issuedAt: Math.floor(clock.now() / 1000) - 3600, expiresInSeconds: 600 }), 'id_token_expired'],
    ['no nonce in the token', () => r.apple.sign({ ...ann, aud: APPLE_CLIENT }), 'invalid_id_token'],
    ['a nonce we did not issue', (nonce) => r.apple.sign({ ...ann, aud: APPLE_CLIENT, nonce: `${nonce}x` }), 'nonce_mismatch'],
  ];
  for (const [name, mint, code] of cases) {
    const nonce = await r.nonce();
    const res = await r.exchange({ provider: 'apple', idToken: await mint(nonce), nonce });
    t.equal(res.statusCode, 401, `${name}: 401`);
    t.equal(res.json().error.code, code, `${name}: ${code}`);
  }
  const sessions = r.api.runtime.control.statement('SELECT count(*) AS n FROM identities').get() as { n: number };
  t.equal(sessions.n, 0, 'none of them bound an identity');
  const failures = securityEvents(r.api.runtime).filter((e) => e.kind === 'sign_in_failed').reduce((n, e) => n + e.count, 0);
  t.equal(failures, cases.length, 'each failure is counted against the client');
});

t.test('nonces: forged, expired and unknown providers are refused', async (t) => {
  const clock = new ManualClock();
  const r = await rig(t, {}, clock);
  const nonce = await r.nonce();
  const idToken = await r.apple.sign({ ...ann, aud: APPLE_CLIENT, nonce });
  const forged = nonce.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
  t.equal((await r.exchange({ provider: 'apple', idToken, nonce: forged })).json().error.code, 'nonce_mismatch', 'a nonce whose signature is not ours');
  t.equal((await r.exchange({ provider: 'apple', idToken, nonce: 'short' })).json().error.code, 'nonce_mismatch');
  clock.advance(11 * 60_000);
  const late = await r.exchange({ provider: 'apple', idToken, nonce });
  t.equal(late.json().error.code, 'nonce_expired', 'a nonce is good for 10 minutes');
  const unknown = await r.exchange({ provider: 'facebook', idToken, nonce });
  t.equal(unknown.statusCode, 400, 'unknown providers are a schema error');
  t.equal(unknown.json().error.field, 'provider');
});

t.test('an unverified email is refused even with a valid token', async (t) => {
  const r = await rig(t);
  const nonce = await r.nonce();
  const res = await r.exchange({ provider: 'apple', idToken: await r.apple.sign({ ...ann, email_verified: 'false', aud: APPLE_CLIENT, nonce }), nonce });
  t.equal(res.statusCode, 403);
  t.equal(res.json().error.code, 'email_unverified');
});

t.test('the 21st sign-in request from one address within a minute gets 429, counted and never chained', async (t) => {
  const r = await rig(t, { SPINNEY_RATE_LIMIT_SIGNIN: '20', SPINNEY_RATE_LIMIT: '100' });
  const statuses: number[] = [];
  let limited;
  for (let i = 0; i < 25; i += 1) {
    const res = await r.api.call({ method: 'POST', url: '/api/v1/auth/nonce' });
    statuses.push(res.statusCode);
    if (res.statusCode === 429) limited = res;
  }
  t.same(statuses.slice(0, 20), Array(20).fill(200));
  t.same(statuses.slice(20), Array(5).fill(429));
  t.equal(limited?.json().error.code, 'rate_limited');
  t.match(limited?.headers['retry-after'], /^\d+$/);
  t.ok(Number(limited?.headers['retry-after']) <= 60);
  t.equal((await r.exchange({ provider: 'apple', idToken: 'x', nonce: 'y' })).statusCode, 401, 'each sign-in route has its own budget');
  t.equal((await r.api.call({ method: 'GET', url: '/healthz' })).statusCode, 200, 'other routes have their own budget');
  t.match(securityEvents(r.api.runtime).filter((e) => e.kind === 'rate_limited'), [{ clientKey: '127.0.0.1', reason: 'sign-in', count: 5 }], 'one row counting every refusal of the client this hour');
  t.equal(r.api.runtime.control.statement(`SELECT count(*) FROM audit_events WHERE action = 'rate_limit.exceeded'`).pluck().get(), 0, 'and nothing in the audit chain');
  const other = await r.api.call({ method: 'POST', url: '/api/v1/auth/nonce', remoteAddress: '10.0.0.9' });
  t.equal(other.statusCode, 200, 'another client address has its own budget');
});

t.test('every other route: 100 per minute per address', async (t) => {
  const r = await rig(t, { SPINNEY_RATE_LIMIT_SIGNIN: '20', SPINNEY_RATE_LIMIT: '100' });
  const statuses: number[] = [];
  for (let i = 0; i < 101; i += 1) statuses.push((await r.api.call({ method: 'GET', url: '/healthz' })).statusCode);
  t.equal(statuses.filter((s) => s === 200).length, 100);
  t.equal(statuses.at(-1), 429);
});

t.test('a workspace can admit only accounts of its own organisation (Google hd, Entra tid)', async (t) => {
  const r = await rig(t);
  const googleToken = async (hd: string | undefined) => {
    const nonce = await r.nonce();
    const claims = { sub: 'google-ann', email: 'ann@acme.example', email_verified: true, aud: GOOGLE_IOS_CLIENT, nonce, ...(hd ? { hd } : {}) };
    return r.exchange({ provider: 'google', idToken: await r.google.sign(claims), nonce });
  };
  const admin = (await googleToken(undefined)).json();
  const put = (allowedOrganizations: unknown, token = admin.accessToken) => r.api.call({ method: 'PUT', url: '/api/v1/settings/sign-in', token, payload: { allowedOrganizations } });
  t.same((await r.api.call({ method: 'GET', url: '/api/v1/settings/sign-in', token: admin.accessToken })).json(), { allowedOrganizations: null }, 'open by default');

  t.equal((await put([])).json().error.field, 'allowedOrganizations', 'an empty list would lock everyone out');
  t.equal((await put(['not a domain'])).statusCode, 400);
  t.equal((await put(Array.from({ length: 21 }, (_, i) => `d${i}.example`))).statusCode, 400, 'at most 20');
  const set = await put(['Acme.Example', '72f988bf-86f1-41af-91ab-2d7cd011db47']);
  t.equal(set.statusCode, 200, set.body);
  t.same(set.json(), { allowedOrganizations: ['acme.example', '72f988bf-86f1-41af-91ab-2d7cd011db47'] });

  const outsider = await googleToken('other.example');
  t.equal(outsider.statusCode, 403);
  t.equal(outsider.json().error.code, 'organization_not_allowed');
  t.equal((await googleToken(undefined)).json().error.code, 'organization_not_allowed', 'a personal account (no hd) is refused too');
  t.equal((await googleToken('acme.example')).statusCode, 200, 'the work account gets in');

  const events = r.api.runtime.tenancy.run(admin.tenant.id, { actor: null, requestId: null }, () =>
    tenantDb().statement(`SELECT action, before, after FROM audit_events WHERE action IN ('settings.sign_in_changed', 'auth.sign_in_failed') ORDER BY seq`).all(),
  ) as { action: string; before: string; after: string }[];
  t.same(events.map((e) => e.action), ['settings.sign_in_changed', 'auth.sign_in_failed', 'auth.sign_in_failed']);
  t.match(events[1]?.after, /"reason":"organization_not_allowed"/);
  t.equal((await put(null)).statusCode, 200, 'null lifts the restriction');
  t.equal((await googleToken('other.example')).statusCode, 200);
});

t.test('only admins read or change sign-in settings', async (t) => {
  const r = await rig(t);
  const tenant = r.api.tenant();
  for (const role of ['member', 'viewer'] as const) {
    const token = tenant.token(role);
    t.equal((await r.api.call({ method: 'GET', url: '/api/v1/settings/sign-in', token })).statusCode, 403, `${role} read`);
    t.equal((await r.api.call({ method: 'PUT', url: '/api/v1/settings/sign-in', token, payload: { allowedOrganizations: null } })).statusCode, 403, `${role} write`);
  }
});

t.test("an admin's invitation is answered explicitly: the exchange answers 409 invitation_pending, and accept joins", async (t) => {
  const r = await rig(t);
  const annNonce = await r.nonce();
  const ann = (await r.exchange({ provider: 'apple', idToken: await r.apple.sign({ ...annClaims, aud: APPLE_CLIENT, nonce: sha256(annNonce) }), nonce: annNonce })).json();
  const invitation = (await r.api.call({ method: 'POST', url: '/api/v1/invitations', token: ann.accessToken, payload: { email: 'bo@acme.example', role: 'member' } })).json();
  const nonce = await r.nonce();
  const idToken = await r.apple.sign({ sub: 'apple-bo', email: 'bo@acme.example', email_verified: 'true', aud: APPLE_CLIENT, nonce: sha256(nonce) });
  const asked = await r.exchange({ provider: 'apple', idToken, nonce });
  t.equal(asked.statusCode, 409, asked.body);
  const { error } = asked.json();
  t.match(error, { code: 'invitation_pending', invitation: { id: invitation.id, workspace: { name: 'Acme' }, invitedBy: { email: 'ann@acme.example' }, role: 'member' }, acceptanceToken: /\./ });
  t.equal(r.api.runtime.control.statement('SELECT count(*) FROM memberships WHERE email = ?').pluck().get('bo@acme.example'), 0, 'not joined yet');
  const accepted = await r.api.call({ method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/accept`, payload: { acceptanceToken: error.acceptanceToken } });
  t.equal(accepted.statusCode, 200, accepted.body);
  t.match(accepted.json(), { refreshToken: /^tn_/, member: { role: 'member' }, tenant: { name: 'Acme' } });
});
