// The sign-in and refresh cookies are __Host-: a sibling subdomain can plant cookies for the
// parent domain (without a prefix, or __Secure- ones), but never a __Host- one. These tests play
// such a planted cookie, carrying the attacker's own valid sign-in flow or refresh token, next to
// (or instead of) the real one, and check that the server reads only the __Host- name.
import t from 'tap';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { signInAtProvider } from '../helpers/oidc-browser.js';
import { PUBLIC_URL, refreshCookieOf, signInRig, type SignInRig } from '../helpers/signin.js';

const valueOf = (cookie: string): string => cookie.slice(cookie.indexOf('=') + 1);
const refresh = (rig: SignInRig, cookie: string) => rig.api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: {}, headers: { cookie, origin: PUBLIC_URL } });
const sessionOf = async (rig: SignInRig, accessToken: string) => (await rig.api.call({ method: 'GET', url: '/api/v1/auth/session', token: accessToken })).json();

t.test('the sign-in and refresh cookies are __Host-: Path=/, no Domain, Secure', async (t) => {
  const rig = await signInRig(t);
  createTenant(rig.api.runtime, { name: 'Acme', adminEmail: 'ann@acme.example' });
  const { response, location, cookie } = await rig.start();
  const flow = String(response.headers['set-cookie']);
  t.match(flow, /^__Host-spinney_signin=[^;]+; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/, 'the flow cookie');
  const done = await rig.callback(await signInAtProvider(location, 'g-ann'), cookie);
  const set = ([] as string[]).concat(done.headers['set-cookie'] ?? []);
  const refreshSet = set.find((c) => c.startsWith('__Host-spinney_refresh='));
  t.match(refreshSet, /; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/, 'the refresh cookie');
  t.notMatch(set.join('\n'), /Domain=/i, 'neither names a Domain');
});

t.test('a flow cookie planted for the parent domain cannot sign the browser in as the attacker (login fixation)', async (t) => {
  const rig = await signInRig(t);
  createTenant(rig.api.runtime, { name: 'Mo Mowing', adminEmail: 'mo@acme.example' });
  // The attacker starts a sign-in in their own browser, signs in at the provider, and keeps the
  // callback URL; then plants their flow cookie under the names a sibling subdomain can set.
  const attacker = await rig.start();
  const callbackUrl = await signInAtProvider(attacker.location, 'g-mo');
  const planted = valueOf(attacker.cookie);
  for (const name of ['__Secure-spinney_signin', 'spinney_signin', '__host-spinney_signin']) {
    const res = await rig.callback(callbackUrl, `${name}=${planted}`);
    t.equal(res.statusCode, 401, `planted as ${name}: refused`);
    t.equal(res.json().error.code, 'sign_in_expired');
    t.equal(res.cookies.find((c) => c.name === '__Host-spinney_refresh'), undefined, 'and no session');
  }
  t.equal((await rig.callback(callbackUrl, attacker.cookie)).statusCode, 303, 'the attacker\'s own browser, with the real cookie, still signs in (the refusals were about the name)');
});

t.test('a refresh cookie planted for the parent domain neither shadows the real one nor fixes a session', async (t) => {
  const rig = await signInRig(t);
  const acme = createTenant(rig.api.runtime, { name: 'Acme', adminEmail: 'ann@acme.example' });
  createTenant(rig.api.runtime, { name: 'Mo Mowing', adminEmail: 'mo@acme.example' });
  const victim = refreshCookieOf(await rig.signIn('g-ann'));
  const attacker = valueOf(refreshCookieOf(await rig.signIn('g-mo')));

  // A planted cookie with a longer Path is sent first; the server must still pick the victim's own.
  const shadowed = await refresh(rig, `__Secure-spinney_refresh=${attacker}; spinney_refresh=${attacker}; ${victim}`);
  t.equal(shadowed.statusCode, 200, shadowed.body);
  t.equal((await sessionOf(rig, shadowed.json().accessToken)).tenantId, acme.id, 'the browser stays in its own session');

  // A signed-out browser with only planted cookies is not signed in to the attacker's session.
  const fixed = await refresh(rig, `__Secure-spinney_refresh=${attacker}; spinney_refresh=${attacker}`);
  t.equal(fixed.statusCode, 401);
  t.equal(fixed.json().error.code, 'unauthenticated');
});
