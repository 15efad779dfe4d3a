// An integration's tokens after the connection: refreshed on demand (accessTokenFor), rotated
// refresh tokens kept, a refused refresh turned into needs_reconnect, and disconnect revoking at
// the provider and deleting everything. Also who may see and disconnect which integration.
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { CLIENTS, integrationRig, PROVIDER_ACCESS_TTL, type IntegrationRig } from '../helpers/integrations.js';

const inTenant = <T>(rig: IntegrationRig, tenantId: string, fn: () => T): T => rig.api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, fn);
const events = (rig: IntegrationRig, tenantId: string) =>
  inTenant(rig, tenantId, () => tenantDb().statement('SELECT action, actor_id, target_id, before, after FROM audit_events ORDER BY seq').all()) as {
    action: string;
    actor_id: string | null;
    target_id: string | null;
    before: string | null;
    after: string | null;
  }[];
const row = (rig: IntegrationRig, tenantId: string, id: string) =>
  inTenant(rig, tenantId, () => tenantDb().statement('SELECT status, access_expires_at FROM integrations WHERE id = ?').get(id)) as { status: string; access_expires_at: string } | undefined;
const userinfo = async (rig: IntegrationRig, accessToken: string): Promise<number> =>
  (await fetch(`${rig.providers.google.issuer}/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (err: { code?: string }) => err.code ?? 'no code',
  );

t.test('accessTokenFor returns the stored token until a minute before expiry, then refreshes and stores the new one', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const id = await rig.connected(tenant.token('admin', 'mb_ann'), 'google', 'g-office');
  const first = rig.secrets(tenant.id, id);
  const connectedAt = rig.clock.now();

  t.equal(await rig.accessTokenFor(tenant.id, id), first.access, 'a fresh token is returned as stored');
  rig.clock.advance(PROVIDER_ACCESS_TTL * 1000 - 61_000);
  t.equal(await rig.accessTokenFor(tenant.id, id), first.access, '61 seconds before expiry: still the stored token');
  rig.clock.advance(2_000);
  const renewed = await rig.accessTokenFor(tenant.id, id);
  t.not(renewed, first.access, '59 seconds before expiry: a new token');
  t.equal(rig.secrets(tenant.id, id).access, renewed, 'the new access token is stored');
  t.equal(rig.secrets(tenant.id, id).refresh, first.refresh, 'Google does not rotate: the refresh token is kept');
  t.equal(row(rig, tenant.id, id)?.access_expires_at, new Date(rig.clock.now() + PROVIDER_ACCESS_TTL * 1000).toISOString(), 'with its new expiry');
  t.equal(await userinfo(rig, renewed), 200, 'the provider accepts the new token');
  t.equal(await rig.accessTokenFor(tenant.id, id), renewed, 'and it is reused until it nears its own expiry');

  rig.clock.advance(24 * 3600_000);
  const later = await rig.accessTokenFor(tenant.id, id);
  t.not(later, renewed, 'long after expiry: refreshed again');
  t.ok(rig.clock.now() > connectedAt, 'time moved only on our clock');
  t.notOk(events(rig, tenant.id).some((e) => e.action === 'integration.refresh_failed'), 'refreshes that work are not failures');
  t.notMatch(JSON.stringify(events(rig, tenant.id)), new RegExp(`${renewed}|${later}`), 'no token in the audit log');
});

t.test('a rotated refresh token replaces the old one, and concurrent callers share one refresh', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Plumber');
  const id = await rig.connected(tenant.token('admin', 'mb_pat'), 'microsoft', 'm-office');
  const first = rig.secrets(tenant.id, id);
  rig.clock.advance(PROVIDER_ACCESS_TTL * 1000);

  const tokens = await Promise.all([1, 2, 3].map(() => rig.accessTokenFor(tenant.id, id)));
  t.equal(new Set(tokens).size, 1, 'three callers, one refresh, one new token');
  t.not(tokens[0], first.access);
  const second = rig.secrets(tenant.id, id);
  t.ok(second.refresh && second.refresh !== first.refresh, 'the rotated refresh token is stored');
  t.equal(row(rig, tenant.id, id)?.status, 'active', 'the integration stays active (the spent token was never presented again)');

  rig.clock.advance(PROVIDER_ACCESS_TTL * 1000);
  const third = await rig.accessTokenFor(tenant.id, id);
  t.not(third, tokens[0], 'the stored rotated token refreshes again');
  t.not(rig.secrets(tenant.id, id).refresh, second.refresh, 'and rotates again');
  const spent = await rig.refreshAtProvider('microsoft', first.refresh as string);
  t.equal(spent.status, 400);
  t.equal(spent.body.error, 'invalid_grant', 'the provider refuses the first, spent refresh token');
});

t.test('a refresh token the provider refuses marks the integration needs_reconnect and audits it', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const token = tenant.token('admin', 'mb_ann');
  const id = await rig.connected(token, 'google', 'g-office');
  const { refresh } = rig.secrets(tenant.id, id);
  // The account owner withdraws consent at the provider.
  const { clientId, clientSecret } = CLIENTS.google;
  const revoked = await fetch(`${rig.providers.google.issuer}/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    body: new URLSearchParams({ token: refresh as string, token_type_hint: 'refresh_token' }),
  });
  t.equal(revoked.status, 200);

  t.equal(await codeOf(rig.accessTokenFor(tenant.id, id)), 'resolved', 'the access token is still valid: no refresh yet');
  rig.clock.advance(PROVIDER_ACCESS_TTL * 1000);
  t.equal(await codeOf(rig.accessTokenFor(tenant.id, id)), 'integration_needs_reconnect', 'the refresh is refused');
  t.equal(row(rig, tenant.id, id)?.status, 'needs_reconnect');
  t.equal(await codeOf(rig.accessTokenFor(tenant.id, id)), 'integration_needs_reconnect', 'later calls do not ask the provider again');
  const failures = events(rig, tenant.id).filter((e) => e.action === 'integration.refresh_failed');
  t.match(failures, [{ actor_id: null, target_id: id, before: '{"status":"active"}', after: /"reason":"invalid_grant"/ }], 'audited once, as the system');
  const [listed] = (await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token })).json().items;
  t.equal(listed.status, 'needs_reconnect', 'admins see it needs a reconnect');

  const again = await rig.connected(token, 'google', 'g-office');
  t.equal(again, id, 'reconnecting the same account renews the same integration');
  t.equal(row(rig, tenant.id, id)?.status, 'active');
  t.not(rig.secrets(tenant.id, id).refresh, refresh, 'with a new refresh token');
  t.match(events(rig, tenant.id).at(-1), { action: 'integration.connected', target_id: id, before: /"status":"needs_reconnect"/ });
  t.ok(await rig.accessTokenFor(tenant.id, id), 'tokens work again');
});

t.test('disconnect revokes at the provider, deletes the secrets and the row, and is audited', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const token = tenant.token('admin', 'mb_ann');
  const id = await rig.connected(token, 'google', 'g-office');
  const { access, refresh } = rig.secrets(tenant.id, id);
  t.equal((await rig.refreshAtProvider('google', refresh as string)).status, 200, 'before: the provider accepts the refresh token');

  const res = await rig.api.call({ method: 'DELETE', url: `/api/v1/integrations/${id}`, token });
  t.equal(res.statusCode, 204, res.body);
  const after = await rig.refreshAtProvider('google', refresh as string);
  t.equal(after.status, 400);
  t.equal(after.body.error, 'invalid_grant', 'after: the provider refuses it (the grant is revoked)');
  t.same(rig.secrets(tenant.id, id), { access: undefined, refresh: undefined }, 'the vault secrets are gone');
  t.same(inTenant(rig, tenant.id, () => rig.api.runtime.vault.names()), []);
  t.same((await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token })).json().items, [], 'the integration is gone');
  t.equal((await rig.api.call({ method: 'GET', url: `/api/v1/integrations/${id}`, token })).statusCode, 404);
  t.equal((await rig.api.call({ method: 'DELETE', url: `/api/v1/integrations/${id}`, token })).statusCode, 404, 'a second disconnect finds nothing');
  t.equal(await codeOf(rig.accessTokenFor(tenant.id, id)), 'not_found', 'no token for features any more');

  const disconnected = events(rig, tenant.id).filter((e) => e.action === 'integration.disconnected');
  t.match(disconnected, [{ actor_id: 'mb_ann', target_id: id, before: /"provider":"google"/, after: '{"revocation":"revoked"}' }]);
  t.notMatch(JSON.stringify(events(rig, tenant.id)), new RegExp(`${access}|${refresh}`), 'no token in the audit log');
});

t.test('disconnect at a provider without a revocation endpoint skips revocation and records that', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Plumber');
  const token = tenant.token('admin', 'mb_pat');
  const id = await rig.connected(token, 'microsoft', 'm-office');
  const res = await rig.api.call({ method: 'DELETE', url: `/api/v1/integrations/${id}`, token });
  t.equal(res.statusCode, 204, res.body);
  t.same(rig.secrets(tenant.id, id), { access: undefined, refresh: undefined }, 'the vault secrets are gone');
  t.match(events(rig, tenant.id).at(-1), { action: 'integration.disconnected', target_id: id, after: '{"revocation":"not_offered"}' });
});

t.test('disconnect while the provider is down still deletes the secrets and the row, and records the revocation as failed', async (t) => {
  const rig = await integrationRig(t);
  const tenant = rig.api.tenant('Builder');
  const token = tenant.token('admin', 'mb_ann');
  const id = await rig.connected(token, 'google', 'g-office');
  const { access, refresh } = rig.secrets(tenant.id, id);
  t.ok(access && refresh, 'connected: both tokens in the vault');

  // "Google" goes away after the connection: its revocation endpoint refuses the connection.
  const google = rig.providers.google;
  await google.close();
  google.close = async () => {}; // the rig's teardown closes it again
  await t.rejects(fetch(`${google.issuer}/.well-known/openid-configuration`), 'the provider is not answering');

  const res = await rig.api.call({ method: 'DELETE', url: `/api/v1/integrations/${id}`, token });
  t.equal(res.statusCode, 204, 'the disconnect goes ahead');
  t.same(rig.secrets(tenant.id, id), { access: undefined, refresh: undefined }, 'the vault secrets are gone');
  t.same(inTenant(rig, tenant.id, () => rig.api.runtime.vault.names()), []);
  t.equal((await rig.api.call({ method: 'GET', url: `/api/v1/integrations/${id}`, token })).statusCode, 404, 'the integration is gone');
  const disconnected = events(rig, tenant.id).filter((e) => e.action === 'integration.disconnected');
  t.match(disconnected, [{ actor_id: 'mb_ann', target_id: id, before: /"provider":"google"/, after: '{"revocation":"failed"}' }], 'the audit log says the revocation failed');
  t.notMatch(JSON.stringify(events(rig, tenant.id)), new RegExp(`${access}|${refresh}`), 'no token in the audit log');
});

t.test('members and viewers cannot disconnect; tenant A cannot see or disconnect an integration of tenant B', async (t) => {
  const rig = await integrationRig(t);
  const a = rig.api.tenant('A');
  const b = rig.api.tenant('B');
  const idB = await rig.connected(b.token('admin', 'mb_bob'), 'google', 'g-office');
  const secretsB = rig.secrets(b.id, idB);

  for (const role of ['member', 'viewer'] as const) {
    const res = await rig.api.call({ method: 'DELETE', url: `/api/v1/integrations/${idB}`, token: b.token(role, `mb_${role}`) });
    t.equal(res.statusCode, 403, `a ${role} of B cannot disconnect`);
  }
  t.same(rig.secrets(b.id, idB), secretsB, 'their attempts changed nothing');
  const adminA = a.token('admin', 'mb_alice');
  const bBefore = inTenant(rig, b.id, () => tenantDb().serialize());
  t.equal((await rig.api.call({ method: 'GET', url: `/api/v1/integrations/${idB}`, token: adminA })).statusCode, 404, 'A cannot read B\'s integration');
  t.equal((await rig.api.call({ method: 'DELETE', url: `/api/v1/integrations/${idB}`, token: adminA })).statusCode, 404, 'A cannot disconnect it');
  t.equal((await rig.api.call({ method: 'DELETE', url: '/api/v1/integrations/ig_notanid', token: adminA })).statusCode, 404, 'a malformed id is a 404');
  t.same((await rig.api.call({ method: 'GET', url: '/api/v1/integrations', token: adminA })).json().items, [], 'A lists nothing of B');
  t.equal(await codeOf(rig.accessTokenFor(a.id, idB)), 'not_found', 'code bound to A cannot get B\'s token');
  t.ok(inTenant(rig, b.id, () => tenantDb().serialize()).equals(bBefore), 'B is byte-for-byte unchanged');
  t.same(rig.secrets(b.id, idB), secretsB, 'B\'s tokens are intact');
  t.equal((await rig.refreshAtProvider('google', secretsB.refresh as string)).status, 200, 'and not revoked at the provider');
});
