// Sessions and refresh tokens, with a controllable clock: rotation, reuse detection and its
// grace window, the absolute and idle ends, re-authentication for sensitive routes, the browser
// cookie and Origin rules, sign-out and revocation.
import t from 'tap';
import { createTenant, setTenantStatus } from '../../src/tenants/tenants.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type Teardown, type TestApp } from '../helpers/app.js';

const MINUTE = 60_000;
const ORIGIN = 'http://127.0.0.1:3000';

async function setup(t: Teardown) {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const tenant = createTenant(api.runtime, { name: 'Acme', adminEmail: 'ann@acme.example' });
  const signInAs = (clientKind: 'native' | 'browser' = 'native') =>
    signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind, requestId: 'r', client: { ip: '127.0.0.1', userAgent: 'test-agent' } });
  const refresh = (refreshToken: string) => api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
  const events = () =>
    api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT action, target_id, after FROM audit_events ORDER BY seq').all()) as {
      action: string;
      target_id: string;
      after: string;
    }[];
  return { api, clock, tenant, signInAs, refresh, events };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const contacts = (api: TestApp, token: string) => api.call({ method: 'GET', url: '/api/v1/contacts', token });

t.test('each refresh rotates: a new refresh token and access token, the old refresh token spent', async (t) => {
  const { api, clock, signInAs, refresh, tenant } = await setup(t);
  const first = signInAs().tokens;
  clock.advance(MINUTE);
  const res = await refresh(first.refreshToken);
  t.equal(res.statusCode, 200, res.body);
  const second = res.json();
  t.not(second.refreshToken, first.refreshToken);
  t.not(second.accessToken, first.accessToken);
  t.match(second.refreshToken, new RegExp(`^${tenant.id}\\.[A-Za-z0-9_-]{43}$`));
  t.equal(second.session.id, first.session.id, 'same session');
  t.equal((await contacts(api, second.accessToken)).statusCode, 200);
  const stored = api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () =>
    tenantDb().statement('SELECT generation, rotated_at IS NOT NULL AS rotated, length(token_hash) AS bytes FROM refresh_tokens ORDER BY generation').all(),
  );
  t.same(stored, [{ generation: 0, rotated: 1, bytes: 32 }, { generation: 1, rotated: 0, bytes: 32 }], 'only SHA-256 hashes are stored');
  const raw = api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => tenantDb().serialize()).toString('latin1');
  t.notOk(raw.includes(second.refreshToken.split('.')[1]), 'the token itself is nowhere in the database file');
});

t.test('a retry with the just-rotated token within the grace window gets the very same pair', async (t) => {
  const { clock, signInAs, refresh } = await setup(t);
  const first = signInAs().tokens;
  const a = (await refresh(first.refreshToken)).json();
  clock.advance(9_000);
  const retry = await refresh(first.refreshToken);
  t.equal(retry.statusCode, 200);
  t.equal(retry.json().refreshToken, a.refreshToken, 'same refresh token');
  t.equal(retry.json().accessToken, a.accessToken, 'same access token');
  const next = await refresh(a.refreshToken);
  t.equal(next.statusCode, 200, 'the new token still works after a grace retry');
});

t.test('reuse of a rotated token after the grace window ends the whole family and is audited', async (t) => {
  const { api, clock, signInAs, refresh, events } = await setup(t);
  const first = signInAs().tokens;
  const second = (await refresh(first.refreshToken)).json();
  clock.advance(11_000);
  const reuse = await refresh(first.refreshToken);
  t.equal(reuse.statusCode, 401);
  t.equal(reuse.json().error.code, 'refresh_token_reused');
  const latest = await refresh(second.refreshToken);
  t.equal(latest.statusCode, 401, 'the newest token of the family is dead too');
  t.equal(latest.json().error.code, 'session_ended');
  t.equal((await contacts(api, second.accessToken)).json().error.code, 'session_ended', 'and its access token stops at once');
  t.match(events().at(-1), { action: 'session.refresh_reused', target_id: first.session.id });
});

t.test('an older generation is reuse even within seconds', async (t) => {
  const { signInAs, refresh } = await setup(t);
  const g0 = signInAs().tokens;
  const g1 = (await refresh(g0.refreshToken)).json();
  await refresh(g1.refreshToken);
  const res = await refresh(g0.refreshToken);
  t.equal(res.json().error.code, 'refresh_token_reused', 'generation 0 after generation 2 exists');
});

t.test('a session ends 8 hours after sign-in, however active', async (t) => {
  const { clock, signInAs, refresh } = await setup(t);
  let token = signInAs().tokens.refreshToken;
  for (let minutes = 0; minutes < 8 * 60 - 20; minutes += 20) {
    clock.advance(20 * MINUTE);
    const res = await refresh(token);
    t.equal(res.statusCode, 200, `refresh at ${minutes + 20} min`);
    token = res.json().refreshToken;
  }
  clock.advance(20 * MINUTE);
  const late = await refresh(token);
  t.equal(late.statusCode, 401);
  t.equal(late.json().error.code, 'session_expired');
});

t.test('30 minutes without activity ends the session', async (t) => {
  const { api, clock, signInAs, refresh, events } = await setup(t);
  const { tokens } = signInAs();
  clock.advance(14 * MINUTE);
  const alive = await contacts(api, tokens.accessToken);
  t.equal(alive.statusCode, 200, 'activity at 14 minutes');
  t.equal(alive.headers['spinney-session-idle-expires'], new Date(clock.now() + 30 * MINUTE).toISOString(), 'the response says when it will idle out');
  clock.advance(29 * MINUTE);
  const refreshed = await refresh(tokens.refreshToken);
  t.equal(refreshed.statusCode, 200, '29 minutes after the last activity: still alive');
  clock.advance(14 * MINUTE);
  t.equal((await contacts(api, refreshed.json().accessToken)).statusCode, 200);
  clock.advance(31 * MINUTE);
  const idle = await refresh(refreshed.json().refreshToken);
  t.equal(idle.statusCode, 401);
  t.equal(idle.json().error.code, 'session_expired', '31 minutes idle: over');
  t.equal((await refresh(refreshed.json().refreshToken)).json().error.code, 'session_ended', 'and it stays over');
  t.match(events().find((e) => e.action === 'session.expired'), { after: /"reason":"idle"/ });
});

t.test('an idle session stops its access token too, before the token expires', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, { SPINNEY_ACCESS_TOKEN_TTL: '3600' }, [], { clock });
  const tenant = api.tenant();
  const token = tenant.token('member');
  clock.advance(31 * MINUTE);
  const res = await contacts(api, token);
  t.equal(res.statusCode, 401);
  t.equal(res.json().error.code, 'session_expired');
});

t.test('sensitive routes need a sign-in or sensitive activity within 10 minutes; other requests do not reopen them', async (t) => {
  const { api, clock, signInAs, refresh } = await setup(t);
  let tokens = signInAs().tokens;
  // Access tokens last 15 minutes: each step takes a fresh one (a refresh does not count as sensitive activity either).
  const renew = async () => (tokens = (await refresh(tokens.refreshToken)).json());
  const sessions = () => api.call({ method: 'GET', url: '/api/v1/sessions', token: tokens.accessToken });
  // Sensitive activity inside the window extends it: 9, 18 and 27 minutes after sign-in, still open.
  for (let i = 1; i <= 3; i++) {
    clock.advance(9 * MINUTE);
    await renew();
    t.equal((await sessions()).statusCode, 200, `a sensitive request ${9 * i} minutes in, 9 after the last: allowed`);
  }
  // Ordinary requests keep the session alive but not the sensitive window.
  for (let i = 0; i < 11; i++) {
    clock.advance(MINUTE);
    t.equal((await contacts(api, tokens.accessToken)).statusCode, 200);
  }
  await renew();
  const stale = await sessions();
  t.equal(stale.statusCode, 401, '11 minutes after the last sensitive request: refused');
  t.equal(stale.json().error.code, 'reauth_required');
  const session = (await api.call({ method: 'GET', url: '/api/v1/auth/session', token: tokens.accessToken })).json();
  t.ok(Date.parse(session.reauthBy) < clock.now(), 'GET /auth/session says the window has closed');
  t.equal(session.provider, 'google', 'and names the provider to confirm with');
  t.equal((await sessions()).json().error?.code, 'reauth_required', 'the ordinary request before did not reopen the window for the same token');
  await renew();
  t.equal((await sessions()).json().error?.code, 'reauth_required', 'nor does a refresh');
});

t.test('the browser refresh needs the cookie and the server Origin; a browser token in a body ends the session', async (t) => {
  const { api, signInAs, refresh } = await setup(t);
  const browser = signInAs('browser').tokens;
  const cookie = `__Host-spinney_refresh=${browser.refreshToken}`;
  const call = (headers: Record<string, string>) => api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: {}, headers });
  t.equal((await call({ cookie })).json().error.code, 'origin_mismatch', 'no Origin');
  t.equal((await call({ cookie, origin: 'https://evil.example' })).json().error.code, 'origin_mismatch', 'another Origin');
  t.equal((await call({ origin: ORIGIN })).json().error.code, 'unauthenticated', 'no cookie');
  const ok = await call({ cookie, origin: ORIGIN });
  t.equal(ok.statusCode, 200);
  t.notOk('refreshToken' in ok.json());
  const rotated = ok.cookies.find((c) => c.name === '__Host-spinney_refresh');
  t.ok(rotated && rotated.value !== browser.refreshToken, 'the cookie is rotated too');
  const stolen = await refresh(rotated?.value ?? '');
  t.equal(stolen.statusCode, 401, 'a browser session\'s token in a JSON body is refused');
  t.equal((await call({ cookie: `__Host-spinney_refresh=${rotated?.value}`, origin: ORIGIN })).json().error.code, 'session_ended', 'and the session is over');
});

t.test('malformed and unknown refresh tokens are 401 and change nothing', async (t) => {
  const { tenant, refresh } = await setup(t);
  for (const token of ['x', `${tenant.id}.short`, `tn_aaaaaaaaaaaaaaaaaaaaaaaa.${'A'.repeat(43)}`, `${tenant.id}.${'A'.repeat(43)}`, `../../etc.${'A'.repeat(43)}`]) {
    const res = await refresh(token);
    t.equal(res.statusCode, 401, token);
    t.equal(res.json().error.code, 'invalid_refresh_token');
  }
  t.equal((await refresh('x'.repeat(500))).statusCode, 400, 'oversized: a schema error');
});

t.test('sign out ends this session only; its tokens stop working', async (t) => {
  const { api, signInAs, refresh, events } = await setup(t);
  const one = signInAs().tokens;
  const two = signInAs().tokens;
  const out = await api.call({ method: 'POST', url: '/api/v1/auth/signout', token: one.accessToken, payload: {} });
  t.equal(out.statusCode, 204);
  t.match(String(out.headers['set-cookie']), /__Host-spinney_refresh=;.*Expires=Thu, 01 Jan 1970/, 'the browser cookie is cleared');
  t.equal((await contacts(api, one.accessToken)).statusCode, 401);
  t.equal((await refresh(one.refreshToken)).statusCode, 401);
  t.equal((await contacts(api, two.accessToken)).statusCode, 200, 'the other session is untouched');
  t.match(events().at(-1), { action: 'auth.signed_out', target_id: one.session.id });
});

t.test('sign out everywhere ends every session of mine in this workspace, and no other member', async (t) => {
  const { api, tenant, signInAs, refresh, events } = await setup(t);
  const laptop = signInAs('browser').tokens;
  const phone = signInAs().tokens;
  const viewerToken = startViewer(api, tenant.id);
  const out = await api.call({ method: 'POST', url: '/api/v1/auth/signout', token: laptop.accessToken, payload: { everywhere: true } });
  t.equal(out.statusCode, 204);
  t.match(String(out.headers['set-cookie']), /__Host-spinney_refresh=;/, 'this browser\'s cookie is cleared');
  for (const [name, tokens] of [['laptop', laptop], ['phone', phone]] as const) {
    t.equal((await contacts(api, tokens.accessToken)).statusCode, 401, `${name}: its access token stops working`);
    t.equal((await refresh(tokens.refreshToken as string)).statusCode, 401, `${name}: its refresh token too`);
  }
  t.equal((await contacts(api, viewerToken)).statusCode, 200, 'another member\'s session is untouched');
  t.same(events().filter((e) => e.action === 'auth.signed_out').map((e) => e.target_id).sort(), [laptop.session.id, phone.session.id].sort(), 'each ended session is audited');
  const bad = await api.call({ method: 'POST', url: '/api/v1/auth/signout', token: viewerToken, payload: { everywhere: 'yes' } });
  t.equal(bad.statusCode, 400, 'a non-boolean is refused');
  t.equal((await contacts(api, viewerToken)).statusCode, 200, 'and ends nothing');
});

t.test('my sessions: listed with device and IP, and revocable; others\' are not mine to see or end', async (t) => {
  const s: Setup = await setup(t);
  const { api, tenant } = s;
  const admin = s.signInAs().tokens;
  const other = s.signInAs().tokens;
  const list = (await api.call({ method: 'GET', url: '/api/v1/sessions', token: admin.accessToken })).json();
  t.equal(list.items.length, 2);
  t.match(list.items.find((i: { current: boolean }) => i.current), { id: admin.session.id, device: 'test-agent', ip: '127.0.0.1', clientKind: 'native', provider: 'google' });

  const viewerToken = startViewer(api, tenant.id);
  const viewerSessions = (await api.call({ method: 'GET', url: '/api/v1/sessions', token: viewerToken })).json();
  t.equal(viewerSessions.items.length, 1, 'a viewer sees only their own');
  t.equal((await api.call({ method: 'GET', url: '/api/v1/sessions?scope=all', token: viewerToken })).statusCode, 403);
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/sessions/${other.session.id}`, token: viewerToken })).statusCode, 404, 'another person\'s session is not found');
  t.equal((await contacts(api, other.accessToken)).statusCode, 200);

  const all = (await api.call({ method: 'GET', url: '/api/v1/sessions?scope=all', token: admin.accessToken })).json();
  t.equal(all.items.length, 3, 'admins see everyone\'s');
  const viewerSessionId = viewerSessions.items[0].id;
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/sessions/${viewerSessionId}`, token: admin.accessToken })).statusCode, 204, 'admins revoke anyone\'s');
  t.equal((await contacts(api, viewerToken)).json().error.code, 'session_ended');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/sessions/${other.session.id}`, token: admin.accessToken })).statusCode, 204);
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/sessions/${other.session.id}`, token: admin.accessToken })).statusCode, 404, 'twice: gone');
  t.match(s.events().filter((e) => e.action === 'session.revoked').map((e) => e.target_id), [viewerSessionId, other.session.id]);
});

function startViewer(api: TestApp, tenantId: string): string {
  return api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () =>
    api.runtime.sessions.start({ userId: 'mb_viewer', role: 'viewer', provider: 'google', clientKind: 'native', device: null, ip: null }),
  ).accessToken;
}

t.test('a suspended workspace cannot refresh', async (t) => {
  const { api, tenant, signInAs, refresh } = await setup(t);
  const { tokens } = signInAs();
  setTenantStatus(api.runtime, tenant.id, 'suspended');
  const res = await refresh(tokens.refreshToken);
  t.equal(res.statusCode, 403);
  t.equal(res.json().error.code, 'tenant_suspended');
});

t.test('an access token expires after 15 minutes by the clock, cached or not', async (t) => {
  const { api, clock, signInAs } = await setup(t);
  const { tokens } = signInAs();
  t.equal((await contacts(api, tokens.accessToken)).statusCode, 200, 'verified and cached');
  clock.advance(14 * MINUTE);
  t.equal((await contacts(api, tokens.accessToken)).statusCode, 200);
  clock.advance(2 * MINUTE);
  const res = await contacts(api, tokens.accessToken);
  t.equal(res.statusCode, 401);
  t.equal(res.json().error.code, 'token_expired');
});
