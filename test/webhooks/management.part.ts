// Managing webhooks: admins only, writes sensitive and audited, secrets shown once and kept only
// in the vault, deletions that remove the mapping and the secret but keep what was received.
import t from 'tap';
import { OUTBOX_HANDLERS } from '../../src/background.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build } from '../helpers/app.js';
import { genericHeaders, inTenant } from './helpers.js';

t.test('an admin creates, lists and deletes inbound endpoints; a generated secret is shown once and kept only in the vault', async (t) => {
  const api = await build(t);
  const tenant = api.tenant();
  const token = tenant.token('admin', 'mb_admin');
  const created = await api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token, payload: { provider: 'generic', description: 'Shop orders' } });
  t.equal(created.statusCode, 201, created.body);
  const endpoint = created.json() as { id: string; secret: string; url: string };
  t.match(endpoint, { id: /^wh_[a-z2-7]{24}$/, provider: 'generic', description: 'Shop orders', createdBy: 'mb_admin', secret: /^spwhsec_/ });
  t.match(endpoint.url, new RegExp(`^${api.config.publicUrl}/api/v1/hooks/[A-Za-z0-9_-]{43}$`), 'the URL to give the sender (a 256-bit credential)');

  const list = await api.call({ method: 'GET', url: '/api/v1/webhooks/endpoints', token });
  t.equal(list.statusCode, 200);
  t.same(list.json().items.map((e: { id: string }) => e.id), [endpoint.id]);
  t.notMatch(list.body, endpoint.secret, 'a list never shows the secret');
  t.notOk(inTenant(api, tenant.id, () => tenantDb().serialize()).includes(Buffer.from(endpoint.secret)), 'the database file holds it only sealed');
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.getSystem(`webhook:${endpoint.id}:secret`)), endpoint.secret, 'the vault holds it');
  t.same(api.runtime.control.statement('SELECT tenant_id, provider FROM webhook_endpoints WHERE id = ?').get(endpoint.id), { tenant_id: tenant.id, provider: 'generic' }, 'mapped to this workspace');

  const body = '{"n":1}';
  t.equal((await api.call({ method: 'POST', url: new URL(endpoint.url).pathname, headers: genericHeaders(endpoint.secret, 'm1', Math.floor(Date.now() / 1000), body), payload: body })).statusCode, 200);
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/webhooks/endpoints/${endpoint.id}`, token })).statusCode, 204);
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/webhooks/endpoints/${endpoint.id}`, token })).statusCode, 404, 'gone');
  t.equal(api.runtime.control.statement('SELECT count(*) FROM webhook_endpoints').pluck().get(), 0, 'the mapping is removed');
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.getSystem(`webhook:${endpoint.id}:secret`)), undefined, 'and the secret');
  const after = await api.call({ method: 'POST', url: new URL(endpoint.url).pathname, headers: genericHeaders(endpoint.secret, 'm2', Math.floor(Date.now() / 1000), body), payload: body });
  t.equal(after.statusCode, 401, 'a deleted endpoint accepts nothing');
  t.equal(inTenant(api, tenant.id, () => tenantDb().statement('SELECT count(*) FROM webhook_receipts').pluck().get()), 1, 'what it received is kept until retention');
  const actions = inTenant(api, tenant.id, () => tenantDb().statement("SELECT action FROM audit_events WHERE action LIKE 'webhook.%' ORDER BY seq").pluck().all());
  t.same(actions, ['webhook.endpoint_created', 'webhook.received', 'webhook.endpoint_deleted']);
  const events = JSON.stringify(inTenant(api, tenant.id, () => tenantDb().statement('SELECT * FROM audit_events').all()));
  t.notMatch(events, endpoint.secret, 'no secret in the audit log');
});

t.test('a Stripe endpoint needs the pasted secret and a generic one refuses it', async (t) => {
  const api = await build(t);
  const token = api.tenant().token('admin');
  const create = (payload: object) => api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token, payload });
  const missing = await create({ provider: 'stripe' });
  t.equal(missing.statusCode, 400);
  t.match(missing.json().error, { code: 'missing_field', field: 'secret' });
  const given = await create({ provider: 'generic', secret: 'whsec_abcdefghijklmnopqrstuvwxyz' });
  t.equal(given.statusCode, 400);
  t.match(given.json().error, { code: 'invalid_field', field: 'secret' });
  t.equal((await create({ provider: 'stripe', secret: 'sk_live_not_a_webhook_secret' })).statusCode, 400, 'not a whsec_ secret');
  t.equal((await create({ provider: 'paypal' })).statusCode, 400, 'an unknown provider');
  t.equal((await create({ provider: 'generic', tenantId: 'tn_aaaaaaaaaaaaaaaaaaaaaaaa' })).statusCode, 400, 'no workspace can be named');
  const stripe = await create({ provider: 'stripe', secret: 'whsec_abcdefghijklmnopqrstuvwxyz' });
  t.equal(stripe.statusCode, 201);
  t.notOk('secret' in stripe.json(), 'the pasted secret is not echoed');
  t.equal(api.runtime.control.statement('SELECT count(*) FROM webhook_endpoints').pluck().get(), 1, 'only the valid one exists');
});

t.test('an admin registers, lists and deletes subscriptions; the signing secret is shown once', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant();
  const token = tenant.token('admin', 'mb_admin');
  const created = await api.call({ method: 'POST', url: '/api/v1/webhooks/subscriptions', token, payload: { url: 'http://127.0.0.1:9/hook', eventTypes: ['contact.created', 'contact.deleted'] } });
  t.equal(created.statusCode, 201, created.body);
  const subscription = created.json() as { id: string; secret: string };
  t.match(subscription, { id: /^ws_/, url: 'http://127.0.0.1:9/hook', eventTypes: ['contact.created', 'contact.deleted'], description: null, secret: /^spwhsec_/ });
  const list = await api.call({ method: 'GET', url: '/api/v1/webhooks/subscriptions', token });
  t.same(list.json().items.map((s: { id: string }) => s.id), [subscription.id]);
  t.notMatch(list.body, subscription.secret, 'never listed');
  t.notOk(inTenant(api, tenant.id, () => tenantDb().serialize()).includes(Buffer.from(subscription.secret)), 'stored only sealed');
  const visited = () => api.runtime.control.statement('SELECT tenant_id FROM outbox_tenants').pluck().all();
  t.same(visited(), [tenant.id], 'outbox workers now visit this workspace');

  for (const [name, payload] of [
    ['no event types', { url: 'http://127.0.0.1:9/h', eventTypes: [] }],
    ['an unknown event type', { url: 'http://127.0.0.1:9/h', eventTypes: ['vault.secret_read'] }],
    ['a sensitive-field event', { url: 'http://127.0.0.1:9/h', eventTypes: ['contact.sensitive_read'] }],
    ['a repeated event type', { url: 'http://127.0.0.1:9/h', eventTypes: ['contact.created', 'contact.created'] }],
    ['not a URL', { url: 'hooks', eventTypes: ['contact.created'] }],
    ['credentials in the URL', { url: 'https://user:pw@hooks.example.com/', eventTypes: ['contact.created'] }],
    ['another scheme', { url: 'file:///etc/passwd', eventTypes: ['contact.created'] }],
  ] as const) {
    const res = await api.call({ method: 'POST', url: '/api/v1/webhooks/subscriptions', token, payload });
    t.equal(res.statusCode, 400, name);
  }
  const log = await api.call({ method: 'GET', url: `/api/v1/webhooks/subscriptions/${subscription.id}/deliveries`, token });
  t.same(log.json(), { items: [], nextCursor: null }, 'an empty delivery log');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/webhooks/subscriptions/${subscription.id}`, token })).statusCode, 204);
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/webhooks/subscriptions/${subscription.id}`, token })).statusCode, 404);
  t.equal((await api.call({ method: 'GET', url: `/api/v1/webhooks/subscriptions/${subscription.id}/deliveries`, token })).statusCode, 404);
  t.equal(inTenant(api, tenant.id, () => api.runtime.vault.getSystem(`webhook:${subscription.id}:secret`)), undefined, 'its secret is deleted');
  await runOutboxPass(api.runtime, OUTBOX_HANDLERS);
  t.same(visited(), [tenant.id], 'a mark younger than a minute stays (work may be committing right now)');
  clock.advance(61_000);
  await runOutboxPass(api.runtime, OUTBOX_HANDLERS);
  t.same(visited(), [], 'no subscription and nothing left to send: workers skip this workspace');
  const actions = inTenant(api, tenant.id, () => tenantDb().statement("SELECT action FROM audit_events WHERE action LIKE 'webhook.%' ORDER BY seq").pluck().all());
  t.same(actions, ['webhook.subscription_created', 'webhook.subscription_deleted']);
});

t.test('members and viewers get 403 on every webhook management route; admins need a recent sign-in to change them', async (t) => {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant();
  const admin = tenant.token('admin');
  const endpoint = (await api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token: admin, payload: { provider: 'generic' } })).json() as { id: string };
  const subscription = (await api.call({ method: 'POST', url: '/api/v1/webhooks/subscriptions', token: admin, payload: { url: 'http://127.0.0.1:9/', eventTypes: ['contact.created'] } })).json() as { id: string };
  const routes = api.app.routeTable.filter((r) => r.url.startsWith('/api/v1/webhooks/'));
  t.equal(routes.length, 7, 'every management route');
  const url = (pattern: string) => pattern.replace(':endpointId', endpoint.id).replace(':subscriptionId', subscription.id);
  const payloads: Record<string, object> = {
    'POST /api/v1/webhooks/endpoints': { provider: 'generic' },
    'POST /api/v1/webhooks/subscriptions': { url: 'http://127.0.0.1:9/', eventTypes: ['contact.created'] },
  };
  for (const role of ['member', 'viewer'] as const) {
    const token = tenant.token(role);
    for (const route of routes) {
      const res = await api.call({ method: route.method as 'GET', url: url(route.url), token, ...(payloads[`${route.method} ${route.url}`] ? { payload: payloads[`${route.method} ${route.url}`] } : {}) });
      t.equal(res.statusCode, 403, `${role}: ${route.method} ${route.url}`);
    }
  }
  t.equal(inTenant(api, tenant.id, () => tenantDb().statement('SELECT count(*) FROM webhook_endpoints').pluck().get()), 1, 'nothing was created or deleted');
  const stale = tenant.token('admin');
  clock.advance(11 * 60_000);
  for (const route of routes.filter((r) => r.method !== 'GET')) {
    const res = await api.call({ method: route.method as 'POST', url: url(route.url), token: stale, ...(payloads[`${route.method} ${route.url}`] ? { payload: payloads[`${route.method} ${route.url}`] } : {}) });
    t.equal(res.json().error?.code, 'reauth_required', `${route.method} ${route.url} is sensitive`);
  }
});
