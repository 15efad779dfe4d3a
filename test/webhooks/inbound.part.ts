// Inbound webhooks over the real app: a delivery is stored once, only with a good signature over
// the exact bytes, a fresh timestamp and a new delivery id, and only in the endpoint's workspace.
// Every refusal is the same 401 and stores nothing.
import t, { type Test } from 'tap';
import { setTenantStatus } from '../../src/tenants/tenants.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type TestApp } from '../helpers/app.js';
import { genericHeaders, hmacHex, inTenant, stripeHeader } from './helpers.js';

const REFUSED = { error: { code: 'webhook_signature_invalid', message: 'the webhook signature could not be verified' } };
const STRIPE_SECRET = 'whsec_testStripeSecret0123456789abcdef';

async function setup(t: Test) {
  const clock = new ManualClock();
  const api = await build(t, {}, [], { clock });
  const tenant = api.tenant();
  const token = tenant.token('admin', 'mb_admin');
  // Endpoints are posted to by id in these tests; the URL each id answers on is its creation's url.
  const paths = new Map<string, string>();
  const endpoint = async (payload: object) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token, payload });
    t.equal(res.statusCode, 201, res.body);
    const created = res.json() as { id: string; secret?: string; url: string };
    paths.set(created.id, new URL(created.url).pathname);
    return created;
  };
  const post = (id: string, body: string, headers: Record<string, string>) => api.call({ method: 'POST', url: paths.get(id) ?? `/api/v1/hooks/${id}`, headers, payload: body });
  const now = () => Math.floor(clock.now() / 1000);
  return { api, clock, tenant, token, endpoint, post, now };
}

const receipts = (api: TestApp, tenantId: string) =>
  inTenant(api, tenantId, () => tenantDb().statement('SELECT endpoint_id, delivery_id, payload FROM webhook_receipts ORDER BY received_at').all()) as { endpoint_id: string; delivery_id: string; payload: string }[];
const auditOf = (api: TestApp, tenantId: string, action: string) =>
  inTenant(api, tenantId, () => tenantDb().statement('SELECT actor_type, target_type, target_id, after FROM audit_events WHERE action = ?').all(action)) as { after: string }[];

t.test('a generic delivery with a good signature is accepted once and a replay is refused', async (t) => {
  const { api, tenant, endpoint, post, now } = await setup(t);
  const { id, secret } = await endpoint({ provider: 'generic', description: 'Orders' });
  t.match(secret, /^spwhsec_[A-Za-z0-9_-]{43}$/, 'a generated 256-bit secret');
  const body = JSON.stringify({ order: 42, status: 'paid' });
  const headers = genericHeaders(secret as string, 'msg_0001', now(), body);

  const first = await post(id, body, headers);
  t.equal(first.statusCode, 200, first.body);
  t.same(first.json(), { received: true });
  t.match(receipts(api, tenant.id), [{ endpoint_id: id, delivery_id: 'msg_0001', payload: body }], 'stored with the exact body');
  const audit = auditOf(api, tenant.id, 'webhook.received');
  t.match(audit, [{ actor_type: 'system', target_type: 'webhook_endpoint', target_id: id }], 'and audited against the endpoint');
  t.notMatch(audit[0]?.after, /paid/, 'without the payload');

  const replay = await post(id, body, headers);
  t.equal(replay.statusCode, 401, 'the same request again is refused');
  t.same(replay.json(), REFUSED);
  const resigned = await post(id, body, genericHeaders(secret as string, 'msg_0001', now() + 1, body));
  t.equal(resigned.statusCode, 401, 'the same delivery id freshly signed is refused too');
  t.equal(receipts(api, tenant.id).length, 1, 'nothing new stored');
  t.equal(auditOf(api, tenant.id, 'webhook.received').length, 1, 'nothing new audited');

  const rotated = JSON.stringify({ order: 43 });
  const rotatedHeaders = genericHeaders(secret as string, 'msg_0002', now(), rotated);
  rotatedHeaders['spinney-webhook-signature'] = `v1=${hmacHex('an-old-secret', `msg_0002.${now()}.${rotated}`)} ${rotatedHeaders['spinney-webhook-signature']}`;
  t.equal((await post(id, rotated, rotatedHeaders)).statusCode, 200, 'several signatures (a sender rotating its secret): one match is enough');
});

t.test('stale and future timestamps beyond five minutes are refused', async (t) => {
  const { api, tenant, endpoint, post, now } = await setup(t);
  const { id, secret } = await endpoint({ provider: 'generic' });
  const body = '{"a":1}';
  for (const [name, offset] of [['stale', -301], ['future', 301], ['an hour old', -3600]] as const) {
    const res = await post(id, body, genericHeaders(secret as string, `msg_${name.replace(/\W/g, '')}`, now() + offset, body));
    t.equal(res.statusCode, 401, name);
    t.same(res.json(), REFUSED);
  }
  t.equal(receipts(api, tenant.id).length, 0, 'nothing stored');
  t.equal((await post(id, body, genericHeaders(secret as string, 'msg_edge_past', now() - 299, body))).statusCode, 200, 'within five minutes in the past');
  t.equal((await post(id, body, genericHeaders(secret as string, 'msg_edge_future', now() + 299, body))).statusCode, 200, 'and in the future');
});

t.test('a wrong secret, an altered body and missing or malformed headers are refused', async (t) => {
  const { api, tenant, endpoint, post, now } = await setup(t);
  const { id, secret } = await endpoint({ provider: 'generic' });
  const body = '{"amount":100}';
  const good = genericHeaders(secret as string, 'msg_1', now(), body);
  const without = (name: string) => Object.fromEntries(Object.entries(good).filter(([key]) => key !== name));
  const cases: [string, string, Record<string, string>][] = [
    ['wrong secret', body, genericHeaders('spwhsec_not-the-right-secret', 'msg_1', now(), body)],
    ['body altered', '{"amount":1000}', good],
    ['body with one more space', '{"amount": 100}', good],
    ['id altered', body, { ...good, 'spinney-webhook-id': 'msg_2' }],
    ['timestamp altered', body, { ...good, 'spinney-webhook-timestamp': String(now() - 1) }],
    ['no signature header', body, without('spinney-webhook-signature')],
    ['no id header', body, without('spinney-webhook-id')],
    ['no timestamp header', body, without('spinney-webhook-timestamp')],
    ['signature without v1', body, { ...good, 'spinney-webhook-signature': (good['spinney-webhook-signature'] as string).slice(3) }],
    ['signature not hex', body, { ...good, 'spinney-webhook-signature': `v1=${'z'.repeat(64)}` }],
    ['signature too short', body, { ...good, 'spinney-webhook-signature': (good['spinney-webhook-signature'] as string).slice(0, 40) }],
    ['timestamp not a number', body, { ...good, 'spinney-webhook-timestamp': 'yesterday' }],
    ['id with a newline-free but bad character', body, { ...good, 'spinney-webhook-id': 'msg 1' }],
    ['huge header', body, { ...good, 'spinney-webhook-signature': `v1=${'a'.repeat(3000)}` }],
    ['stripe header on a generic endpoint', body, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(secret as string, now(), body) }],
  ];
  for (const [name, sent, headers] of cases) {
    const res = await post(id, sent, headers);
    t.equal(res.statusCode, 401, name);
    t.same(res.json(), REFUSED, `${name}: the one answer`);
  }
  t.equal(receipts(api, tenant.id).length, 0, 'nothing stored');
  t.equal(auditOf(api, tenant.id, 'webhook.received').length, 0, 'nothing audited');
  t.equal((await post(id, body, good)).statusCode, 200, 'the untouched request still works');
});

t.test('unknown endpoints and suspended workspaces get the same 401 as a bad signature', async (t) => {
  const { api, tenant, endpoint, post, now } = await setup(t);
  const { id, secret } = await endpoint({ provider: 'generic' });
  const body = '{}';
  const unknown = await post('wh_aaaaaaaaaaaaaaaaaaaaaaaa', body, genericHeaders(secret as string, 'msg_1', now(), body));
  t.equal(unknown.statusCode, 401);
  t.same(unknown.json(), REFUSED, 'an unknown endpoint answers like a bad signature');
  t.equal((await post('not-an-endpoint', body, { 'content-type': 'application/json' })).statusCode, 404, 'a malformed id is no webhook URL at all');
  setTenantStatus(api.runtime, tenant.id, 'suspended');
  const suspended = await post(id, body, genericHeaders(secret as string, 'msg_2', now(), body));
  t.equal(suspended.statusCode, 401);
  t.same(suspended.json(), REFUSED, 'a suspended workspace answers the same');
  setTenantStatus(api.runtime, tenant.id, 'active');
  t.equal(receipts(api, tenant.id).length, 0, 'nothing stored while suspended');
  t.equal((await post(id, body, genericHeaders(secret as string, 'msg_3', now(), body))).statusCode, 200, 'and accepted again once resumed');
  const reasons = api.logs.map((line) => JSON.parse(line) as { msg: string; reason?: string }).filter((e) => e.msg === 'webhook refused').map((e) => e.reason);
  t.same(reasons, ['unknown_endpoint', 'unknown_endpoint'], 'the server log says why, the sender is not told');
});

t.test('an endpoint of one workspace can never write into another', async (t) => {
  const { api, tenant: a, endpoint, post, now } = await setup(t);
  const b = api.tenant('B');
  const endpointA = await endpoint({ provider: 'generic' });
  const resB = await api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token: b.token('admin'), payload: { provider: 'generic' } });
  const endpointB = resB.json() as { id: string; secret: string };
  const fileB = inTenant(api, b.id, () => tenantDb().serialize());
  const body = '{"for":"b"}';
  t.equal((await post(endpointA.id, body, genericHeaders(endpointB.secret, 'msg_1', now(), body))).statusCode, 401, "B's secret on A's endpoint is refused");
  t.equal((await post(endpointA.id, body, genericHeaders(endpointA.secret as string, 'msg_1', now(), body))).statusCode, 200, "A's own delivery is accepted");
  t.equal(receipts(api, a.id).length, 1, 'stored in A');
  t.equal(receipts(api, b.id).length, 0, 'not in B');
  t.ok(inTenant(api, b.id, () => tenantDb().serialize()).equals(fileB), "B's database is byte for byte unchanged");
  t.same(api.runtime.control.statement('SELECT id, tenant_id FROM webhook_endpoints ORDER BY tenant_id = ?').all(b.id), [
    { id: endpointA.id, tenant_id: a.id },
    { id: endpointB.id, tenant_id: b.id },
  ], 'each endpoint id maps to exactly one workspace');
});

t.test('a Stripe delivery with a real Stripe-Signature header is accepted once, keyed by the event id', async (t) => {
  const { api, tenant, endpoint, post, now } = await setup(t);
  const { id, secret } = await endpoint({ provider: 'stripe', secret: STRIPE_SECRET, description: 'Stripe' });
  t.equal(secret, undefined, 'the pasted Stripe secret is never echoed');
  const event = JSON.stringify({ id: 'evt_1Q2w3E4r5T6y7U8i', object: 'event', type: 'payment_intent.succeeded', data: { object: { amount: 2000, currency: 'usd' } } }, null, 2);
  const ts = now();
  // Stripe sends its current signature and, while a secret is being rolled, one with the old secret; v0 is ignored.
  const header = `t=${ts},v1=${hmacHex('whsec_old', `${ts}.${event}`)},v1=${hmacHex(STRIPE_SECRET, `${ts}.${event}`)},v0=${'0'.repeat(64)}`;
  const res = await post(id, event, { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header });
  t.equal(res.statusCode, 200, res.body);
  t.match(receipts(api, tenant.id), [{ endpoint_id: id, delivery_id: 'evt_1Q2w3E4r5T6y7U8i', payload: event }]);
  t.match(JSON.parse(auditOf(api, tenant.id, 'webhook.received')[0]?.after ?? '{}'), { provider: 'stripe', deliveryId: 'evt_1Q2w3E4r5T6y7U8i' });

  const retried = await post(id, event, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(STRIPE_SECRET, ts + 60, event) });
  t.equal(retried.statusCode, 401, 'the same event again, freshly signed, is a replay');
  const refusedCases: [string, string, string][] = [
    ['stale', event, stripeHeader(STRIPE_SECRET, ts - 301, event)],
    ['future', event, stripeHeader(STRIPE_SECRET, ts + 301, event)],
    ['wrong secret', event, stripeHeader('whsec_wrong', ts, event)],
    ['altered body', event.replace('2000', '20000'), stripeHeader(STRIPE_SECRET, ts, event)],
    ['no v1', event, `t=${ts}`],
    ['two timestamps', event, `t=${ts},t=${ts},v1=${hmacHex(STRIPE_SECRET, `${ts}.${event}`)}`],
    ['garbage', event, 'not a stripe header'],
  ];
  for (const [name, body, stripeSignature] of refusedCases) {
    const refused = await post(id, body, { 'content-type': 'application/json', 'stripe-signature': stripeSignature });
    t.equal(refused.statusCode, 401, name);
    t.same(refused.json(), REFUSED);
  }
  t.equal((await post(id, event, { 'content-type': 'application/json' })).statusCode, 401, 'no header at all');
  t.equal(receipts(api, tenant.id).length, 1, 'still one receipt');

  const noId = '{"object":"event"}';
  const missingId = await post(id, noId, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(STRIPE_SECRET, ts, noId) });
  t.equal(missingId.statusCode, 400, 'a signed event without an id cannot be deduplicated');
  t.equal(missingId.json().error.code, 'missing_field');
  const notJson = '{"id": "evt_x",';
  const invalid = await post(id, notJson, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(STRIPE_SECRET, ts, notJson) });
  t.equal(invalid.statusCode, 400, 'JSON is parsed only after the signature verifies');
  t.equal(invalid.json().error.code, 'invalid_json');
  const deep = `{"id":"evt_deep","x":${'['.repeat(1500)}${']'.repeat(1500)}}`;
  const tooDeep = await post(id, deep, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(STRIPE_SECRET, ts, deep) });
  t.equal(tooDeep.statusCode, 400, 'JSON nested deeper than SQLite stores is a 400, not a 500');
  t.equal(receipts(api, tenant.id).length, 1, 'none of these was stored');
});

t.test('the inbound route takes JSON bodies only, within the body limit', async (t) => {
  const { endpoint, post, now } = await setup(t);
  const { id, secret } = await endpoint({ provider: 'generic' });
  const body = '{"a":1}';
  const headers = genericHeaders(secret as string, 'msg_1', now(), body);
  t.equal((await post(id, body, { ...headers, 'content-type': 'text/plain' })).statusCode, 415);
  t.equal((await post(id, body, { ...headers, 'content-encoding': 'gzip' })).statusCode, 415);
  const huge = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
  const tooLarge = await post(id, huge, genericHeaders(secret as string, 'msg_2', now(), huge));
  t.equal(tooLarge.statusCode, 413);
  t.equal((await post(id, body, headers)).statusCode, 200, 'and a plain signed JSON body is fine');
});

t.test('the raw body of a webhook never reaches the log', async (t) => {
  const { api, endpoint, post, now } = await setup(t);
  const { id, secret } = await endpoint({ provider: 'generic' });
  const stripe = await endpoint({ provider: 'stripe', secret: STRIPE_SECRET });
  const CANARY = 'WEBHOOK-BODY-CANARY-5c2f9e';
  const good = JSON.stringify({ note: CANARY });
  t.equal((await post(id, good, genericHeaders(secret as string, 'msg_ok', now(), good))).statusCode, 200);
  t.equal((await post(id, good, genericHeaders('spwhsec_wrong', 'msg_bad', now(), good))).statusCode, 401);
  const broken = `{"note":"${CANARY}"`;
  t.equal((await post(id, broken, genericHeaders(secret as string, 'msg_broken', now(), broken))).statusCode, 400);
  t.equal((await post(stripe.id, broken, { 'content-type': 'application/json', 'stripe-signature': stripeHeader(STRIPE_SECRET, now(), broken) })).statusCode, 400);
  t.equal((await post(id, good, { ...genericHeaders(secret as string, `msg_${CANARY}`, now(), good) })).statusCode, 200, 'a delivery id is not logged either');
  const log = api.logs.join('');
  t.ok(api.logs.length >= 6, 'requests were logged');
  t.notOk(log.includes(CANARY), 'no body (or header value) in the log');
  t.notOk(log.includes(secret as string), 'nor the secret');
  t.notOk(log.includes(STRIPE_SECRET), 'nor the Stripe secret');
});
