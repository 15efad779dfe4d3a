// Secrets never leave the server: one canary per kind of secret (a workspace vault secret, a
// contact's tax id and bank details, an integration's access and refresh tokens, an inbound
// endpoint's secret, generic and Stripe, an outbound subscription's secret), driven through success
// and failure (validation errors, 404, 409, 403, a tampered sealed value answering 500, a provider
// that refuses or is down, a receiver that fails). Afterwards no canary is in the server log, in
// any response body or header, in the export, or in any audit row (tenant or platform), except
// where the API hands a value out by design (every route in the table is walked too, so a new one
// is checked against every canary):
//  - a generated webhook secret (generic endpoint, subscription) in the one 201 that created it;
//  - a contact's tax id and bank details to an admin on the sensitive routes and in the export.
import t from 'tap';
import { gunzipSync } from 'node:zlib';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, LightMyRequestResponse } from 'fastify';
import { createLogger } from '../../src/logging/logger.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { OUTBOX_HANDLERS } from '../../src/background.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { build, startSession, type TestApp } from '../helpers/app.js';
import { callOptions, reseed, seedFixtures, walkRoutes } from '../helpers/route-walker.js';
import { CLIENTS, integrationRig, PROVIDER_ACCESS_TTL, type IntegrationRig } from '../helpers/integrations.js';
import { genericHeaders, startReceiver, stripeHeader } from '../webhooks/helpers.js';

const tag = () => randomBytes(6).toString('hex');

interface Seen {
  label: string;
  status: number;
  text: string;
}

/**
 * Every route in the table, with its fixtures: tenant routes as a member and as an admin, the others
 * with no token (credential routes with an issued credential, signed when they check a signature).
 * Each response goes through `call` under the label `walk: <who> <METHOD> <url>`.
 */
async function walkEveryRoute(api: TestApp, tenantId: string, admin: string, call: (label: string, options: Parameters<TestApp['call']>[0]) => Promise<unknown>): Promise<number> {
  const ids = await seedFixtures(api, admin, 'walk');
  return walkRoutes(api.app.routeTable, ids, async (request) => {
    const callers = request.route.realm === 'tenant' ? (['member', 'admin'] as const) : (['anonymous'] as const);
    for (const who of callers) {
      // A fresh session per call: a route may end it (sign out, revoke).
      const token = who === 'anonymous' ? undefined : startSession(api.runtime, tenantId, who, `mb_${who}`).accessToken;
      await call(`walk: ${who} ${request.name}`, callOptions(request, token));
    }
    if (request.method === 'DELETE') await reseed(api, admin, 'walk', request.route, ids);
  });
}

function flipLastByte(sealed: Buffer): Buffer {
  const copy = Buffer.from(sealed);
  copy[copy.length - 1] = (copy[copy.length - 1] as number) ^ 0x01;
  return copy;
}

t.test('no secret reaches a log, a response, a header or an audit row, except by design', async (t) => {
  const rig: IntegrationRig = await integrationRig(t);
  const { api } = rig;
  const tenant = api.tenant('Builder');
  const admin = tenant.token('admin', 'mb_admin');
  const member = tenant.token('member', 'mb_member');
  const inTenant = <T>(fn: () => T): T => api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, fn);

  const seen: Seen[] = [];
  const call = async (label: string, options: Parameters<TestApp['call']>[0]): Promise<LightMyRequestResponse> => {
    const res = await api.call(options);
    const body = res.headers['content-type'] === 'application/gzip' ? gunzipSync(res.rawPayload).toString('latin1') : res.body;
    seen.push({ label, status: res.statusCode, text: `${JSON.stringify(res.headers)}\n${body}` });
    return res;
  };
  const expect = async (label: string, options: Parameters<TestApp['call']>[0], status: number): Promise<LightMyRequestResponse> => {
    const res = await call(label, options);
    t.equal(res.statusCode, status, `${label}: ${status}${res.statusCode === status ? '' : ` ${res.body}`}`);
    return res;
  };
  // The webhook sender's log is the server's log too.
  const senderLog: string[] = [];
  const senderLogger = createLogger({ logLevel: 'debug' }, new Writable({ write: (chunk: Buffer, _e, done) => done(void senderLog.push(chunk.toString())) }));

  /** canary -> the labels of the responses allowed to show it */
  const canaries = new Map<string, { what: string; allowedIn: (label: string) => boolean }>();
  const never = (what: string, value: string | undefined) => {
    t.ok(value && value.length >= 16, `${what} is a real value`);
    canaries.set(value as string, { what, allowedIn: () => false });
  };

  // --- A workspace vault secret.
  const vaultValue = `vault-canary-${tag()}`;
  const vaultReplaced = `vault-canary-replaced-${tag()}`;
  for (const value of [vaultValue, vaultReplaced]) never('a vault secret', value);
  await expect('vault: create', { method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'smtp.password', value: vaultValue } }, 201);
  await expect('vault: create again', { method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'smtp.password', value: vaultValue } }, 409);
  await expect('vault: a bad name', { method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'Bad Name', value: vaultValue } }, 400);
  await expect('vault: too long', { method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'long', value: `${vaultValue}${'x'.repeat(8192)}` } }, 400);
  await expect('vault: an unknown field', { method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'other', value: 'v', extra: vaultValue } }, 400);
  await expect('vault: a member', { method: 'POST', url: '/api/v1/vault/secrets', token: member, payload: { name: 'other', value: vaultValue } }, 403);
  await expect('vault: replace a missing one', { method: 'PUT', url: '/api/v1/vault/secrets/missing', token: admin, payload: { value: vaultValue } }, 404);
  await expect('vault: replace', { method: 'PUT', url: '/api/v1/vault/secrets/smtp.password', token: admin, payload: { value: vaultReplaced } }, 200);
  await expect('vault: list', { method: 'GET', url: '/api/v1/vault/secrets', token: admin }, 200);
  t.equal(inTenant(() => api.runtime.vault.read('smtp.password', { person: true })), vaultReplaced, 'the vault holds the value (a person reading it is audited)');

  // --- A contact's tax id and bank details: shown to admins on the sensitive routes, nowhere else.
  const taxId = `TAX${tag().toUpperCase()}`;
  const bank = `IBAN-CANARY-${tag()}`;
  const sensitiveRoutes = (label: string) => label.startsWith('sensitive: admin') || label === 'export' || label === 'walk: admin POST /api/v1/export';
  canaries.set(taxId, { what: 'a tax id', allowedIn: sensitiveRoutes });
  canaries.set(bank, { what: 'bank details', allowedIn: sensitiveRoutes });
  const contact = (await expect('contact: create', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'Dana' } }, 201)).json().id as string;
  const other = (await expect('contact: create another', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'Eli' } }, 201)).json().id as string;
  const sensitive = `/api/v1/contacts/${contact}/sensitive`;
  await expect('sensitive: admin sets', { method: 'PATCH', url: sensitive, token: admin, payload: { taxId, bankDetails: bank } }, 200);
  await expect('sensitive: admin reads', { method: 'GET', url: sensitive, token: admin }, 200);
  await expect('sensitive: a member writes', { method: 'PATCH', url: sensitive, token: member, payload: { taxId } }, 403);
  await expect('sensitive: a member reads', { method: 'GET', url: sensitive, token: member }, 403);
  await expect('sensitive: control characters', { method: 'PATCH', url: sensitive, token: admin, payload: { taxId: `${taxId}\u0000` } }, 400);
  await expect('sensitive: too long', { method: 'PATCH', url: sensitive, token: admin, payload: { taxId: `${taxId}${'9'.repeat(64)}` } }, 400);
  await expect('sensitive: an unknown field', { method: 'PATCH', url: sensitive, token: admin, payload: { iban: bank } }, 400);
  await expect('sensitive: no such contact', { method: 'PATCH', url: '/api/v1/contacts/ct_aaaaaaaaaaaaaaaaaaaaaaaa/sensitive', token: admin, payload: { taxId } }, 404);
  await expect('contact: read', { method: 'GET', url: `/api/v1/contacts/${contact}`, token: admin }, 200);
  await expect('contact: list', { method: 'GET', url: '/api/v1/contacts', token: admin }, 200);
  // Tampered: a sealed tax id copied to another contact, and a flipped bit in the bank details.
  inTenant(() => tenantDb().statement('UPDATE contacts SET tax_id_sealed = (SELECT tax_id_sealed FROM contacts WHERE id = ?) WHERE id = ?').run(contact, other));
  await expect('tampered: a tax id moved to another contact', { method: 'GET', url: `/api/v1/contacts/${other}/sensitive`, token: admin }, 500);
  await expect('tampered: the export of a workspace holding it', { method: 'POST', url: '/api/v1/export', token: admin, payload: {} }, 500);
  inTenant(() => tenantDb().statement('UPDATE contacts SET tax_id_sealed = NULL WHERE id = ?').run(other));

  // --- Integration tokens, from a real provider.
  const integration = await rig.connected(admin, 'google', 'g-office');
  const tokens = rig.secrets(tenant.id, integration);
  never('an integration access token', tokens.access);
  never('an integration refresh token', tokens.refresh);
  await expect('integrations: list', { method: 'GET', url: '/api/v1/integrations', token: admin }, 200);
  await expect('integrations: one', { method: 'GET', url: `/api/v1/integrations/${integration}`, token: admin }, 200);
  await expect('integrations: a member disconnects', { method: 'DELETE', url: `/api/v1/integrations/${integration}`, token: member }, 403);
  // A replayed callback: the code is spent.
  const again = await rig.start(admin, 'google');
  const back = await rig.atProvider(again.authorizationUrl, 'g-office');
  const replayedCode = back.searchParams.get('code') as string;
  await expect('integrations: callback', { method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie: again.cookie } }, 303);
  await expect('integrations: the same callback again', { method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie: again.cookie } }, 401);
  never('a provider authorization code', replayedCode);
  const renewed = rig.secrets(tenant.id, integration);
  never('a renewed integration access token', renewed.access);
  if (renewed.refresh !== tokens.refresh) never('a renewed integration refresh token', renewed.refresh);
  // The provider refuses the refresh token (consent withdrawn): the integration needs a reconnect.
  const { clientId, clientSecret } = CLIENTS.google;
  await fetch(`${rig.providers.google.issuer}/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    body: new URLSearchParams({ token: renewed.refresh as string, token_type_hint: 'refresh_token' }),
  });
  rig.clock.advance(PROVIDER_ACCESS_TTL * 1000);
  const refused = await rig.accessTokenFor(tenant.id, integration).then(
    () => null,
    (err: Error & { code?: string }) => err,
  );
  t.equal(refused?.code, 'integration_needs_reconnect', 'the provider refused the refresh');
  for (const value of [renewed.access, renewed.refresh, tokens.access, tokens.refresh]) t.notOk(String(refused?.message).includes(value as string), 'the error names no token');
  await expect('integrations: needs reconnect', { method: 'GET', url: `/api/v1/integrations/${integration}`, token: admin }, 200);
  // A second integration whose sealed refresh token is tampered with, then a disconnect.
  const microsoft = await rig.connected(admin, 'microsoft', 'm-office');
  const microsoftTokens = rig.secrets(tenant.id, microsoft);
  never('a Microsoft access token', microsoftTokens.access);
  never('a Microsoft refresh token', microsoftTokens.refresh);
  inTenant(() => {
    const name = `integration:${microsoft}:refresh_token`;
    const row = tenantDb().statement('SELECT sealed FROM vault_secrets WHERE name = ?').get(name) as { sealed: Buffer };
    tenantDb().statement('UPDATE vault_secrets SET sealed = ? WHERE name = ?').run(flipLastByte(row.sealed), name);
  });
  const tampered = await call('tampered: disconnect with a changed refresh token', { method: 'DELETE', url: `/api/v1/integrations/${microsoft}`, token: admin });
  t.equal(tampered.statusCode, 500, 'a changed sealed token: 500, nothing revoked or deleted');
  // The provider goes away; the disconnect still deletes the tokens.
  await rig.providers.google.close();
  rig.providers.google.close = async () => {};
  await expect('integrations: disconnect while the provider is down', { method: 'DELETE', url: `/api/v1/integrations/${integration}`, token: admin }, 204);
  await expect('integrations: disconnect again', { method: 'DELETE', url: `/api/v1/integrations/${integration}`, token: admin }, 404);

  // --- Inbound webhook endpoints: a generated secret (shown once) and a Stripe secret (never shown).
  const genericCreated = await expect('endpoint: create generic', { method: 'POST', url: '/api/v1/webhooks/endpoints', token: admin, payload: { provider: 'generic' } }, 201);
  const endpoint = genericCreated.json() as { id: string; secret: string; url: string };
  canaries.set(endpoint.secret, { what: 'a generic endpoint secret', allowedIn: (label) => label === 'endpoint: create generic' });
  const stripeSecret = `whsec_canary${tag()}${tag()}`;
  never('a Stripe endpoint secret', stripeSecret);
  const stripe = (await expect('endpoint: create stripe', { method: 'POST', url: '/api/v1/webhooks/endpoints', token: admin, payload: { provider: 'stripe', secret: stripeSecret } }, 201)).json() as { id: string; url: string };
  await expect('endpoint: a secret for a generic one', { method: 'POST', url: '/api/v1/webhooks/endpoints', token: admin, payload: { provider: 'generic', secret: stripeSecret } }, 400);
  await expect('endpoint: a malformed stripe secret', { method: 'POST', url: '/api/v1/webhooks/endpoints', token: admin, payload: { provider: 'stripe', secret: `${stripeSecret}!` } }, 400);
  await expect('endpoint: a member', { method: 'POST', url: '/api/v1/webhooks/endpoints', token: member, payload: { provider: 'stripe', secret: stripeSecret } }, 403);
  await expect('endpoint: list', { method: 'GET', url: '/api/v1/webhooks/endpoints', token: admin }, 200);
  const now = Math.floor(rig.clock.now() / 1000);
  const delivery = JSON.stringify({ id: 'evt_1', type: 'invoice.paid' });
  const hook = (label: string, created: { url: string }, headers: Record<string, string>, status: number) => expect(label, { method: 'POST', url: new URL(created.url).pathname, headers, payload: delivery }, status);
  await hook('inbound: generic, signed', endpoint, genericHeaders(endpoint.secret, 'msg_1', now, delivery), 200);
  await hook('inbound: generic, replayed', endpoint, genericHeaders(endpoint.secret, 'msg_1', now, delivery), 401);
  await hook('inbound: generic, wrong secret', endpoint, genericHeaders('spwhsec_wrong', 'msg_2', now, delivery), 401);
  await hook('inbound: stripe, signed', stripe, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(stripeSecret, now, delivery) }, 200);
  await hook('inbound: stripe, stale', stripe, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(stripeSecret, now - 3600, delivery) }, 401);
  inTenant(() => {
    const name = `webhook:${stripe.id}:secret`;
    const row = tenantDb().statement('SELECT sealed FROM vault_secrets WHERE name = ?').get(name) as { sealed: Buffer };
    tenantDb().statement('UPDATE vault_secrets SET sealed = ? WHERE name = ?').run(flipLastByte(row.sealed), name);
  });
  const tamperedHook = await call('tampered: an endpoint secret changed in the file', {
    method: 'POST',
    url: new URL(stripe.url).pathname,
    headers: { 'content-type': 'application/json', 'stripe-signature': stripeHeader(stripeSecret, now, JSON.stringify({ id: 'evt_2' })) },
    payload: JSON.stringify({ id: 'evt_2' }),
  });
  t.equal(tamperedHook.statusCode, 500, 'a secret that does not open is a server error, not a refusal of the sender');
  await expect('endpoint: delete', { method: 'DELETE', url: `/api/v1/webhooks/endpoints/${endpoint.id}`, token: admin }, 204);
  await hook('inbound: a deleted endpoint', endpoint, genericHeaders(endpoint.secret, 'msg_3', now, delivery), 401);

  // --- An outbound subscription: its secret shown once; deliveries to a receiver that fails.
  const receiver = await startReceiver(t, [500]);
  const subscriptionCreated = await expect('subscription: create', { method: 'POST', url: '/api/v1/webhooks/subscriptions', token: admin, payload: { url: receiver.url, eventTypes: ['contact.created'] } }, 201);
  const subscription = subscriptionCreated.json() as { id: string; secret: string };
  canaries.set(subscription.secret, { what: 'a subscription secret', allowedIn: (label) => label === 'subscription: create' });
  await expect('subscription: a bad url', { method: 'POST', url: '/api/v1/webhooks/subscriptions', token: admin, payload: { url: 'ftp://example.com/', eventTypes: ['contact.created'] } }, 400);
  await expect('subscription: a member', { method: 'POST', url: '/api/v1/webhooks/subscriptions', token: member, payload: { url: receiver.url, eventTypes: ['contact.created'] } }, 403);
  await expect('contact: an event to deliver', { method: 'POST', url: '/api/v1/contacts', token: admin, payload: { name: 'Fay' } }, 201);
  rig.clock.advance(60_000);
  t.match(await runOutboxPass(api.runtime, OUTBOX_HANDLERS, { log: senderLogger }), { attempted: 1, retrying: 1 }, 'the receiver failed the first attempt');
  t.ok(receiver.received.length === 1 && !JSON.stringify(receiver.received).includes(subscription.secret), 'the receiver got a signature, never the secret');
  await expect('subscription: list', { method: 'GET', url: '/api/v1/webhooks/subscriptions', token: admin }, 200);
  await expect('subscription: deliveries', { method: 'GET', url: `/api/v1/webhooks/subscriptions/${subscription.id}/deliveries`, token: admin }, 200);
  await expect('subscription: delete', { method: 'DELETE', url: `/api/v1/webhooks/subscriptions/${subscription.id}`, token: admin }, 204);
  await expect('subscription: delete again', { method: 'DELETE', url: `/api/v1/webhooks/subscriptions/${subscription.id}`, token: admin }, 404);

  // --- Every route in the table (test/helpers/route-walker.ts), with every secret above in the
  // workspace: as an admin and a member (tenant routes) or with no token (public ones; credential
  // routes with a credential the walker issued, signed when they check a signature). No URL list,
  // so a route added tomorrow is checked against every canary too.
  const walked = await walkEveryRoute(api, tenant.id, admin, call);
  t.equal(walked, api.app.routeTable.length, `every route was walked (${walked})`);
  const walkedExport = 'walk: admin POST /api/v1/export';

  // --- The export and the audit log, read through the API as an admin would.
  await expect('export', { method: 'POST', url: '/api/v1/export', token: admin, payload: {} }, 200);
  await expect('audit: list', { method: 'GET', url: '/api/v1/audit-events?limit=100', token: admin }, 200);
  await expect('audit: download', { method: 'GET', url: '/api/v1/audit-events/download?format=jsonl', token: admin }, 200);

  // --- Where each canary may be, and is not.
  const log = [...api.logs, ...senderLog].join('');
  const tenantAudit = JSON.stringify(inTenant(() => tenantDb().statement('SELECT * FROM audit_events').all()));
  const platformAudit = JSON.stringify(api.runtime.control.statement('SELECT * FROM audit_events').all());
  t.ok(tenantAudit.includes('vault.secret_created') && tenantAudit.includes('integration.connected'), 'the audit log recorded the changes');
  t.ok(log.includes('"status":500'), 'the 500s were logged');
  for (const [value, { what, allowedIn }] of canaries) {
    t.notOk(log.includes(value), `${what}: not in the server log`);
    t.notOk(tenantAudit.includes(value), `${what}: not in the workspace's audit log`);
    t.notOk(platformAudit.includes(value), `${what}: not in the platform audit log`);
    const shownIn = seen.filter((response) => response.text.includes(value)).map((response) => response.label);
    t.same(shownIn.filter((label) => !allowedIn(label)), [], `${what}: in no other response body or header`);
  }
  const shown = (value: string) => seen.filter((response) => response.text.includes(value)).map((response) => response.label);
  t.same(shown(endpoint.secret), ['endpoint: create generic'], 'the generic endpoint secret was shown exactly once, when it was made');
  t.same(shown(subscription.secret), ['subscription: create'], 'the subscription secret was shown exactly once, when it was made');
  t.same(shown(stripeSecret), [], 'the Stripe secret the admin pasted is never shown back');
  t.same(shown(taxId), ['sensitive: admin sets', 'sensitive: admin reads', walkedExport, 'export'], 'the tax id: to the admin on the sensitive routes and in the exports only');
  const failures = api.logs.flatMap((chunk) => chunk.split('\n')).filter(Boolean).map((line) => JSON.parse(line) as { msg: string; err?: { stack?: string } });
  t.equal(
    failures.filter((line) => line.msg === 'request failed' && /\n\s+at /.test(line.err?.stack ?? '')).length,
    seen.filter((r) => r.status >= 500).length,
    'each 500 was logged once, with its stack, for the operator',
  );
  for (const response of seen.filter((r) => r.status >= 500)) {
    t.notMatch(response.text, /VaultOpenError|does not open|\.ts:\d|\n\s+at /, `${response.label}: no internals in the 500`);
  }
});

t.test('the walk catches a new route that answers with a secret, without being told about it', async (t) => {
  // Planted: an admin route that hands back a vault secret, added without touching this test.
  const held: { api?: TestApp } = {};
  const peek: FastifyPluginAsync = async (app) => {
    app.get('/vault/peek', { config: { permission: 'vault:read' } }, async () => ({ value: (held.api as TestApp).runtime.vault.read('smtp.password', { person: true }) }));
  };
  const api = await build(t, {}, [peek]);
  held.api = api;
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  const value = `vault-canary-${tag()}`;
  t.equal((await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token: admin, payload: { name: 'smtp.password', value } })).statusCode, 201);
  const shownIn: string[] = [];
  const walked = await walkEveryRoute(api, tenant.id, admin, async (label, options) => {
    const res = await api.call(options);
    if (`${JSON.stringify(res.headers)}\n${res.body}`.includes(value)) shownIn.push(label);
  });
  t.equal(walked, api.app.routeTable.length, 'the planted route was walked with the rest');
  t.same(shownIn, ['walk: admin GET /api/v1/vault/peek'], 'the secret shows in the planted route\'s answer, which the walk found by itself');
});
