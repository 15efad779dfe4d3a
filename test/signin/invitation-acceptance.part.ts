// Joining a workspace through an admin's invitation is an explicit step: signing in (even through
// a link naming the workspace) shows the invitation (workspace name, who invited, role) and
// nothing is joined until the person accepts; declining ends the invitation, audited.
import t from 'tap';
import { createHash, randomBytes } from 'node:crypto';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { signInAtProvider } from '../helpers/oidc-browser.js';
import { PUBLIC_URL, refreshCookieOf, signInRig, type SignInRig } from '../helpers/signin.js';

const count = (rig: SignInRig, sql: string, ...params: unknown[]) => rig.api.runtime.control.statement(sql).pluck().get(...params) as number;

/** Ann is admin of Acme; she invites Mo (a member of Mo Mowing) to Acme as a viewer. */
async function invited(t: Parameters<typeof signInRig>[0]) {
  const rig = await signInRig(t);
  const acme = createTenant(rig.api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
  const mowing = createTenant(rig.api.runtime, { name: 'Mo Mowing', adminEmail: 'mo@acme.example' });
  const annCookie = refreshCookieOf(await rig.signIn('g-ann', `?workspace=${acme.slug}`));
  const annToken = (await rig.api.call({ method: 'POST', url: '/api/v1/auth/refresh', payload: {}, headers: { cookie: annCookie, origin: PUBLIC_URL } })).json().accessToken as string;
  refreshCookieOf(await rig.signIn('g-mo', `?workspace=${mowing.slug}`));
  const invitation = (await rig.api.call({ method: 'POST', url: '/api/v1/invitations', token: annToken, payload: { email: 'mo@acme.example', role: 'viewer' } })).json() as { id: string };
  const acmeEvents = () =>
    rig.api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT action, target_id, after FROM audit_events ORDER BY seq').all()) as {
      action: string;
      target_id: string;
      after: string | null;
    }[];
  const moInAcme = () => count(rig, 'SELECT count(*) FROM memberships WHERE tenant_id = ? AND email = ?', acme.id, 'mo@acme.example');
  return { rig, acme, mowing, invitation, acmeEvents, moInAcme };
}

const stepCookie = (res: { cookies: { name: string; value: string }[] }) => {
  const cookie = res.cookies.find((c) => c.name === '__Host-spinney_invitation');
  return cookie ? `${cookie.name}=${cookie.value}` : '';
};

t.test('a link naming the workspace does not join it: the page shows the invitation, and accept joins', async (t) => {
  const { rig, acme, invitation, acmeEvents, moInAcme } = await invited(t);
  const link = await rig.signIn('g-mo', `?workspace=${acme.id}`);
  t.equal(link.statusCode, 303, link.body);
  t.equal(link.headers.location, '/');
  t.equal(link.cookies.find((c) => c.name === '__Host-spinney_refresh'), undefined, 'no session');
  t.equal(moInAcme(), 0, 'no membership');
  t.match(link.cookies.find((c) => c.name === '__Host-spinney_invitation'), { path: '/', httpOnly: true, secure: true, sameSite: 'Strict', maxAge: 600 });
  const cookie = stepCookie(link);

  const shown = await rig.api.call({ method: 'POST', url: '/api/v1/auth/pending', payload: {}, headers: { cookie, origin: PUBLIC_URL } });
  t.equal(shown.statusCode, 200, shown.body);
  t.match(shown.json(), {
    invitation: { id: invitation.id, workspace: { name: 'Acme Roofing', slug: acme.slug }, invitedBy: { email: 'ann@acme.example', description: 'ann@acme.example (admin of Acme Roofing)' }, role: 'viewer' },
    workspaces: null,
  });
  t.notMatch(shown.body, /tn_[a-z2-7]{24}/, 'no raw workspace id to show');
  t.equal((await rig.api.call({ method: 'POST', url: '/api/v1/auth/pending', payload: {}, headers: { cookie } })).json().error.code, 'origin_mismatch', 'only from this server\'s pages');

  const accepted = await rig.api.call({ method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/accept`, payload: {}, headers: { cookie, origin: PUBLIC_URL } });
  t.equal(accepted.statusCode, 200, accepted.body);
  t.match(accepted.json(), { tenant: { id: acme.id, name: 'Acme Roofing' }, member: { role: 'viewer' } });
  t.notOk('refreshToken' in accepted.json(), 'a browser gets its refresh token as a cookie only');
  t.ok(refreshCookieOf(accepted), 'and gets it');
  t.match(String(accepted.headers['set-cookie']), /__Host-spinney_invitation=;/, 'the step cookie is cleared');
  t.equal(moInAcme(), 1, 'Mo is now a member of Acme');
  t.same(acmeEvents().slice(-3).map((e) => e.action), ['member.joined', 'member.identity_bound', 'auth.signed_in']);

  const again = await rig.api.call({ method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/accept`, payload: {}, headers: { cookie, origin: PUBLIC_URL } });
  t.equal(again.statusCode, 401, 'the step is spent with the invitation');
  t.equal(again.json().error.code, 'invalid_acceptance');
});

t.test('decline ends the invitation, audited, and joins nothing', async (t) => {
  const { rig, acme, invitation, acmeEvents, moInAcme } = await invited(t);
  const cookie = stepCookie(await rig.signIn('g-mo', `?workspace=${acme.slug}`));
  const declined = await rig.api.call({ method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/decline`, payload: {}, headers: { cookie, origin: PUBLIC_URL } });
  t.equal(declined.statusCode, 204, declined.body);
  t.equal(moInAcme(), 0);
  t.equal(count(rig, 'SELECT count(*) FROM invitations WHERE id = ? AND revoked_at IS NOT NULL', invitation.id), 1, 'the invitation has ended');
  t.match(acmeEvents().at(-1), { action: 'invitation.declined', target_id: invitation.id });
  const accept = await rig.api.call({ method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/accept`, payload: {}, headers: { cookie, origin: PUBLIC_URL } });
  t.equal(accept.statusCode, 401, 'nothing left to accept');
  const later = await rig.signIn('g-mo', `?workspace=${acme.slug}`);
  t.equal(later.statusCode, 403, 'a later sign-in to that workspace finds no invitation');
  t.equal(later.json().error.code, 'no_workspace');
});

t.test('the acceptance cannot be forged, moved to another invitation, or used as a native token', async (t) => {
  const { rig, acme, invitation, moInAcme } = await invited(t);
  const cookie = stepCookie(await rig.signIn('g-mo', `?workspace=${acme.slug}`));
  const value = cookie.slice(cookie.indexOf('=') + 1);
  const other = `iv_${'a'.repeat(24)}`;
  const attempts: [string, Parameters<SignInRig['api']['call']>[0]][] = [
    ['another invitation id', { method: 'POST', url: `/api/v1/auth/invitations/${other}/accept`, payload: {}, headers: { cookie, origin: PUBLIC_URL } }],
    ['a changed token', { method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/accept`, payload: {}, headers: { cookie: cookie.replace(/.(\.)/, 'A$1'), origin: PUBLIC_URL } }],
    ['the browser token in a body', { method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/accept`, payload: { acceptanceToken: value } }],
    ['no step at all', { method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/accept`, payload: {}, headers: { origin: PUBLIC_URL } }],
  ];
  for (const [what, request] of attempts) {
    const res = await rig.api.call(request);
    t.equal(res.statusCode, 401, `${what}: refused`);
    t.equal(res.json().error.code, 'invalid_acceptance');
  }
  t.equal(moInAcme(), 0, 'nothing joined');
});

t.test('native code flow: the app gets the invitation at its redirect and answers it with its PKCE verifier', async (t) => {
  const { rig, acme, invitation, moInAcme } = await invited(t);
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirect = 'http://127.0.0.1:53682/done';
  const started = await rig.start(`?client=native&workspace=${acme.slug}&redirect_uri=${encodeURIComponent(redirect)}&code_challenge=${challenge}&app_state=s1`);
  const done = await rig.callback(await signInAtProvider(started.location, 'g-mo'), started.cookie);
  t.equal(done.statusCode, 302, done.body);
  const target = new URL(String(done.headers.location));
  t.equal(`${target.origin}${target.pathname}`, redirect);
  t.equal(target.searchParams.get('code'), null, 'no sign-in code: there is nothing to sign in to yet');
  t.equal(target.searchParams.get('state'), 's1');
  const acceptanceToken = target.searchParams.get('invitation') as string;
  t.ok(acceptanceToken, 'the invitation step instead');

  const withoutVerifier = await rig.api.call({ method: 'POST', url: '/api/v1/auth/pending', payload: { acceptanceToken } });
  t.equal(withoutVerifier.json().error?.code, 'invalid_acceptance', 'useless to whoever intercepts the redirect without the verifier');
  const shown = await rig.api.call({ method: 'POST', url: '/api/v1/auth/pending', payload: { acceptanceToken, codeVerifier: verifier } });
  t.match(shown.json(), { invitation: { id: invitation.id, workspace: { name: 'Acme Roofing' }, role: 'viewer' } });
  const accepted = await rig.api.call({ method: 'POST', url: `/api/v1/auth/invitations/${invitation.id}/accept`, payload: { acceptanceToken, codeVerifier: verifier } });
  t.equal(accepted.statusCode, 200, accepted.body);
  t.match(accepted.json(), { refreshToken: /^tn_/, tenant: { id: acme.id }, member: { role: 'viewer' } });
  t.equal(accepted.cookies.length, 0, 'native: no cookies');
  t.equal(moInAcme(), 1);
});

t.test('a member signing in to a workspace they belong to is not asked again', async (t) => {
  const { rig, mowing } = await invited(t);
  const res = await rig.signIn('g-mo', `?workspace=${mowing.slug}`);
  t.equal(res.statusCode, 303);
  t.ok(refreshCookieOf(res), 'straight into the session');
});
