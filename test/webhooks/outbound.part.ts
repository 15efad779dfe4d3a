// Outbound webhooks end to end: audited changes queue deliveries in their own transaction, the
// outbox worker's webhook handler posts them signed to real receivers on 127.0.0.1, retries with
// backoff on the manual clock, gives up after the last attempt, never mixes workspaces, and claims
// each delivery once.
import t, { type Test } from 'tap';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { recordTenantEvent } from '../../src/audit/audit.service.js';
import { openRuntime } from '../../src/runtime.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { claimDueItems } from '../../src/outbox/outbox.repo.js';
import { runOutboxPass, startOutboxWorker, type PassOptions } from '../../src/outbox/worker.js';
import type { Runtime } from '../../src/runtime.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, WEBHOOK_KIND, webhookDeliveryHandler } from '../../src/webhooks/delivery.handler.js';
import { build, PRODUCTION_SETTINGS, TEST_KEYS, type TestApp } from '../helpers/app.js';
import { spinney } from '../helpers/cli.js';
import { hmacHex, inTenant, startReceiver, type Received } from './helpers.js';

// Events are stamped with the wall clock when they are recorded, a moment after the manual clock
// started: move past that before the first run.
const SETTLE_MS = 5_000;
const MIDDLE = () => 0.5; // jitter: an eighth more than the nominal delay
const delayOf = (attempt: number) => (RETRY_DELAYS_MS[attempt - 1] as number) * 1.125;

/** One outbox pass with the webhook handler only (batch and timeout as a test needs them). */
const deliverDue = (runtime: Runtime, options: PassOptions & { batch?: number; timeoutMs?: number } = {}) => runOutboxPass(runtime, [webhookDeliveryHandler(options)], options);

async function setup(t: Test, env: Record<string, string> = {}) {
  const clock = new ManualClock();
  const api = await build(t, env, [], { clock });
  const subscribe = async (token: string, url: string, eventTypes = ['contact.created', 'contact.updated', 'contact.deleted']) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/webhooks/subscriptions', token, payload: { url, eventTypes } });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: string; secret: string };
  };
  const contact = async (token: string, name: string) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name } });
    return res.json() as { id: string };
  };
  return { api, clock, subscribe, contact };
}

/** What a receiver does: recompute the signature over id, timestamp and the raw body with its secret. */
function verifies(received: Received, secret: string): boolean {
  const id = received.headers['spinney-webhook-id'] as string;
  const timestamp = received.headers['spinney-webhook-timestamp'] as string;
  return received.headers['spinney-webhook-signature'] === `v1=${hmacHex(secret, `${id}.${timestamp}.${received.body}`)}`;
}

const deliveryLog = async (api: TestApp, token: string, subscriptionId: string, query = '') =>
  (await api.call({ method: 'GET', url: `/api/v1/webhooks/subscriptions/${subscriptionId}/deliveries${query}`, token })).json() as {
    items: { id: string; eventType: string; state: string; nextAttemptAt: string | null; attempts: { attempt: number; status: number | null; error: string | null; durationMs: number }[] }[];
    nextCursor: string | null;
  };

t.test('a delivery that fails twice is retried with backoff and succeeds on the third attempt', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const receiver = await startReceiver(t, [500, 500, 200]);
  const subscription = await subscribe(token, receiver.url);
  const created = await contact(token, 'Dana Whitfield');
  clock.advance(SETTLE_MS);

  t.match(await deliverDue(api.runtime, { random: MIDDLE }), { tenants: 1, attempted: 1, retrying: 1, delivered: 0 }, 'first attempt: 500');
  t.equal(receiver.received.length, 1);
  const first = receiver.received[0] as Received;
  t.ok(verifies(first, subscription.secret), 'the receiver verifies the signature with the subscription secret');
  t.equal(first.headers['content-type'], 'application/json');
  t.match(first.headers['spinney-webhook-id'], /^wd_/);
  t.equal(Number(first.headers['spinney-webhook-timestamp']), Math.floor(clock.now() / 1000), 'signed at the time of sending');
  const event = JSON.parse(first.body);
  t.match(event, { id: /^ae_/, type: 'contact.created', tenantId: tenant.id, target: { type: 'contact', id: created.id }, data: { before: null, after: { id: created.id, name: 'Dana Whitfield' } } });
  t.same(Object.keys(event).sort(), ['data', 'id', 'occurredAt', 'target', 'tenantId', 'type'], 'the documented payload, nothing about who or from where');
  t.notOk(verifies(first, 'spwhsec_some-other-secret'), 'another secret does not verify');

  t.match(await deliverDue(api.runtime), { attempted: 0 }, 'not due again at once');
  clock.advance(RETRY_DELAYS_MS[0] as number);
  t.match(await deliverDue(api.runtime), { attempted: 0 }, 'jitter only ever adds to the nominal 30 s');
  clock.advance(delayOf(1) - (RETRY_DELAYS_MS[0] as number));
  t.match(await deliverDue(api.runtime, { random: MIDDLE }), { attempted: 1, retrying: 1 }, 'second attempt after 30 s and its jitter: 500');
  clock.advance(delayOf(2) - 1000);
  t.match(await deliverDue(api.runtime), { attempted: 0 }, 'the next wait is longer (2 min)');
  clock.advance(1000);
  t.match(await deliverDue(api.runtime), { attempted: 1, delivered: 1 }, 'third attempt: 200');
  t.equal(receiver.received.length, 3);
  t.ok(receiver.received.every((r) => verifies(r, subscription.secret)), 'every attempt is signed');
  t.equal(new Set(receiver.received.map((r) => r.headers['spinney-webhook-id'])).size, 1, 'with the same delivery id');
  t.equal(new Set(receiver.received.map((r) => r.body)).size, 1, 'and the same bytes');
  t.match(await deliverDue(api.runtime), { attempted: 0 }, 'delivered means done');

  const log = await deliveryLog(api, token, subscription.id);
  t.equal(log.items.length, 1);
  t.match(log.items[0], { eventType: 'contact.created', state: 'delivered', nextAttemptAt: null });
  t.same(log.items[0]?.attempts.map((a) => [a.attempt, a.status, a.error]), [[1, 500, null], [2, 500, null], [3, 200, null]], 'the log shows all three attempts');
  t.ok(log.items[0]?.attempts.every((a) => a.durationMs >= 0));
});

t.test('a receiver that never succeeds ends in failed after the last attempt', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const receiver = await startReceiver(t, [503]);
  const subscription = await subscribe(token, receiver.url);
  await contact(token, 'Never Delivered');
  clock.advance(SETTLE_MS);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const summary = await deliverDue(api.runtime, { random: MIDDLE });
    t.match(summary, attempt < MAX_ATTEMPTS ? { attempted: 1, retrying: 1 } : { attempted: 1, failed: 1 }, `attempt ${attempt}`);
    if (attempt < MAX_ATTEMPTS) clock.advance(delayOf(attempt));
  }
  t.equal(receiver.received.length, MAX_ATTEMPTS);
  clock.advance(24 * 3600_000);
  t.match(await deliverDue(api.runtime), { attempted: 0 }, 'no attempt after it failed');
  const [delivery] = (await deliveryLog(api, tenant.token('admin'), subscription.id)).items; // a fresh session, a day later
  t.match(delivery, { state: 'failed', nextAttemptAt: null });
  t.same(delivery?.attempts.map((a) => a.status), new Array(MAX_ATTEMPTS).fill(503));
});

t.test('a subscription in one workspace never receives another workspace events', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const a = api.tenant('A');
  const b = api.tenant('B');
  const [receiverA, receiverB] = [await startReceiver(t, [200]), await startReceiver(t, [200])];
  const subA = await subscribe(a.token('admin'), receiverA.url);
  const subB = await subscribe(b.token('admin'), receiverB.url);
  await contact(b.token('admin'), 'Only in B');
  await contact(a.token('admin'), 'Only in A');
  await contact(b.token('admin'), 'Also in B');
  clock.advance(SETTLE_MS);
  t.match(await deliverDue(api.runtime), { tenants: 2, attempted: 3, delivered: 3 });
  t.same(receiverA.received.map((r) => JSON.parse(r.body).data.after.name), ['Only in A']);
  t.same(receiverB.received.map((r) => JSON.parse(r.body).data.after.name).sort(), ['Also in B', 'Only in B']);
  t.ok(receiverA.received.every((r) => JSON.parse(r.body).tenantId === a.id && verifies(r, subA.secret)));
  t.ok(receiverB.received.every((r) => JSON.parse(r.body).tenantId === b.id && verifies(r, subB.secret)));
  t.equal((await api.call({ method: 'GET', url: `/api/v1/webhooks/subscriptions/${subB.id}/deliveries`, token: a.token('admin') })).statusCode, 404, "A cannot read B's delivery log");
});

t.test('only subscribed event types are queued, in the transaction of the change', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const receiver = await startReceiver(t, [200]);
  const subscription = await subscribe(token, receiver.url, ['contact.deleted', 'member.invited']);
  const created = await contact(token, 'Soon Gone');
  await api.call({ method: 'PATCH', url: `/api/v1/contacts/${created.id}`, token, payload: { name: 'Renamed' } });
  await api.call({ method: 'DELETE', url: `/api/v1/contacts/${created.id}`, token });
  await api.call({ method: 'POST', url: '/api/v1/invitations', token, payload: { email: 'new.person@example.com', role: 'member' } });
  inTenant(api, tenant.id, () => {
    t.throws(() =>
      tenantDb().transaction(() => {
        recordTenantEvent('contact.deleted', { type: 'contact', id: 'ct_aaaaaaaaaaaaaaaaaaaaaaaa' }, { before: { name: 'rolled back' } });
        throw new Error('the change failed');
      }),
    );
  });
  const queued = inTenant(api, tenant.id, () => tenantDb().statement('SELECT event_type FROM webhook_deliveries ORDER BY created_at, rowid').pluck().all());
  t.same(queued, ['contact.deleted', 'member.invited'], 'only what the subscription asked for, and nothing for a change that rolled back');
  clock.advance(SETTLE_MS);
  await deliverDue(api.runtime);
  const [deleted, invited] = receiver.received.map((r) => JSON.parse(r.body));
  t.match(deleted, { type: 'contact.deleted', data: { before: { name: 'Renamed' }, after: null } });
  t.match(invited, { type: 'member.invited', target: { type: 'invitation' }, data: { after: { role: 'member' } } });
  t.notMatch(receiver.received.map((r) => r.body).join(''), 'new.person@example.com', 'an invitee email is not in the event');
  t.equal((await deliveryLog(api, token, subscription.id)).items.length, 2);
});

t.test('a change made at the CLI and one made over the API are each queued once', async (t) => {
  const { api, subscribe, contact } = await setup(t);
  const tenant = api.tenant();
  await subscribe(tenant.token('admin'), 'http://127.0.0.1:9/hook', ['member.invited']);
  await subscribe(tenant.token('admin'), 'http://127.0.0.1:9/other', ['contact.created']);
  await contact(tenant.token('admin'), 'Made over the API');
  const viaApi = inTenant(api, tenant.id, () => tenantDb().statement("SELECT count(*) FROM webhook_deliveries WHERE event_type = 'contact.created'").pluck().get());
  t.equal(viaApi, 1, 'one delivery for one subscription, not one per wiring');
  const env = { SPINNEY_ENV: 'test', SPINNEY_DATA_DIR: api.config.dataDir, ...TEST_KEYS };
  const invited = await spinney(['member', 'invite', '--tenant', tenant.id, '--email', 'cli.person@example.com', '--role', 'viewer'], env);
  t.equal(invited.code, 0, invited.stderr);
  const queued = inTenant(api, tenant.id, () => tenantDb().statement("SELECT d.event_type, i.payload FROM webhook_deliveries d JOIN outbox_items i USING (id) WHERE d.event_type = 'member.invited'").all()) as { event_type: string; payload: string }[];
  t.equal(queued.length, 1, 'one delivery for the CLI-made invitation');
  t.match(queued, [{ event_type: 'member.invited' }]);
  t.match(JSON.parse(queued[0]?.payload ?? '{}'), { type: 'member.invited', tenantId: tenant.id, data: { after: { role: 'viewer' } } });
});

t.test('contact tax ids and bank details never reach a webhook', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const receiver = await startReceiver(t, [200]);
  await subscribe(token, receiver.url);
  const created = await contact(token, 'Sensitive Sam');
  const sensitive = await api.call({ method: 'PATCH', url: `/api/v1/contacts/${created.id}/sensitive`, token, payload: { taxId: 'TAX-CANARY-9931', bankDetails: 'IBAN-CANARY-GB33' } });
  t.equal(sensitive.statusCode, 200, sensitive.body);
  await api.call({ method: 'PATCH', url: `/api/v1/contacts/${created.id}`, token, payload: { company: 'Sam & Co' } });
  clock.advance(SETTLE_MS);
  await deliverDue(api.runtime);
  t.same(receiver.received.map((r) => JSON.parse(r.body).type), ['contact.created', 'contact.updated'], 'the sensitive-field change is not an event');
  const everything = receiver.received.map((r) => r.body).join('') + JSON.stringify(inTenant(api, tenant.id, () => tenantDb().statement('SELECT payload FROM outbox_items').all()));
  t.notMatch(everything, /TAX-CANARY|IBAN-CANARY/, 'neither in what was sent nor in the outbox');
});

t.test('two senders at once deliver each event exactly once, and a sender that died is taken over after its lease', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const second = openRuntime(api.config, { clock }); // another process on the same data directory
  t.teardown(() => second.close());
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const receiver = await startReceiver(t, [200]);
  await subscribe(token, receiver.url);
  for (let i = 0; i < 6; i += 1) await contact(token, `Contact ${i}`);
  clock.advance(SETTLE_MS);
  const [one, two] = await Promise.all([deliverDue(api.runtime, { batch: 4 }), deliverDue(second, { batch: 4 })]);
  t.equal(one.attempted + two.attempted, 6, 'six deliveries attempted between them');
  t.ok(one.attempted > 0 && two.attempted > 0, `both senders took a share (${one.attempted} and ${two.attempted})`);
  t.equal(receiver.received.length, 6);
  t.equal(new Set(receiver.received.map((r) => r.headers['spinney-webhook-id'])).size, 6, 'none twice');

  await contact(token, 'Claimed by a sender that then died');
  clock.advance(SETTLE_MS);
  const stolen = inTenant(api, tenant.id, () => claimDueItems(tenantDb(), { kind: WEBHOOK_KIND, now: new Date(clock.now()).toISOString(), leaseUntil: new Date(clock.now() + 60_000).toISOString(), owner: 'a-worker-that-died', limit: 10 }));
  t.equal(stolen.length, 1, 'claimed, never finished');
  t.match(await deliverDue(second), { attempted: 0 }, 'nobody else takes it while the lease runs');
  clock.advance(60_000);
  t.match(await deliverDue(second), { attempted: 1, delivered: 1 }, 'after the lease another sender delivers it');
  t.equal(receiver.received.length, 7);
});

t.test('a workspace that fails does not stop deliveries to the others', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const broken = api.tenant('Broken');
  const healthy = api.tenant('Healthy');
  const receiver = await startReceiver(t, [200]);
  await subscribe(broken.token('admin'), receiver.url);
  await subscribe(healthy.token('admin'), receiver.url);
  await contact(healthy.token('admin'), 'Still delivered');
  api.runtime.tenancy.removeDatabase(broken.id); // its file is gone (a restore under way, a disk problem)
  clock.advance(SETTLE_MS);
  const errors: unknown[] = [];
  const log = { warn: () => undefined, error: (entry: unknown) => errors.push(entry) } as unknown as Logger;
  const summary = await deliverDue(api.runtime, { log });
  t.match(summary, { tenants: 2, errors: 1, delivered: 1 });
  t.equal(receiver.received.length, 1, "the healthy workspace's event arrived");
  t.match(errors, [{ tenantId: broken.id }], 'the failure is logged with its workspace');
});

t.test('deleting a subscription cancels what it has not sent; suspended workspaces send nothing', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const receiver = await startReceiver(t, [200]);
  const gone = await subscribe(token, receiver.url);
  await contact(token, 'Never sent');
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/webhooks/subscriptions/${gone.id}`, token })).statusCode, 204);
  t.same(inTenant(api, tenant.id, () => tenantDb().statement('SELECT state FROM outbox_items').pluck().all()), ['cancelled'], 'kept in the log as cancelled');
  await subscribe(token, receiver.url);
  await contact(token, 'Waits for the workspace to resume');
  api.runtime.control.statement("UPDATE tenants SET status = 'suspended' WHERE id = ?").run(tenant.id);
  clock.advance(SETTLE_MS);
  t.match(await deliverDue(api.runtime), { tenants: 0, attempted: 0 }, 'a suspended workspace is not visited');
  api.runtime.control.statement("UPDATE tenants SET status = 'active' WHERE id = ?").run(tenant.id);
  t.match(await deliverDue(api.runtime), { attempted: 1, delivered: 1 });
  t.same(receiver.received.map((r) => JSON.parse(r.body).data.after.name), ['Waits for the workspace to resume']);
});

t.test('redirects are not followed and a receiver that does not answer times out', async (t) => {
  const { api, clock, subscribe, contact } = await setup(t);
  const tenant = api.tenant();
  const token = tenant.token('admin');
  const target = await startReceiver(t, [200]);
  const redirecting = await startReceiver(t, [302], { headers: { location: target.url } });
  const silent = createServer(() => undefined); // takes the request, never answers
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    silent.closeAllConnections();
    return new Promise<void>((resolve) => silent.close(() => resolve()));
  });
  const redirect = await subscribe(token, redirecting.url);
  const hanging = await subscribe(token, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`);
  await contact(token, 'Somewhere else');
  clock.advance(SETTLE_MS);
  t.match(await deliverDue(api.runtime, { timeoutMs: 300 }), { attempted: 2, retrying: 2 });
  t.equal(target.received.length, 0, 'the redirect target was never called');
  t.match((await deliveryLog(api, token, redirect.id)).items[0]?.attempts, [{ status: 302, error: null }], 'a 3xx is a failed attempt');
  t.match((await deliveryLog(api, token, hanging.id)).items[0], { state: 'pending', attempts: [{ status: null, error: 'timeout' }] });
});

t.test('production refuses subscriber URLs that are not https or not public, at registration and at delivery', async (t) => {
  const { api, clock, contact } = await setup(t, PRODUCTION_SETTINGS);
  t.equal(api.config.env, 'production');
  const tenant = api.tenant();
  const token = tenant.token('admin');
  for (const url of ['http://127.0.0.1/hook', 'https://10.0.0.1/hook', 'https://[::1]/hook', 'https://[::ffff:127.0.0.1]/hook', 'https://169.254.169.254/latest/meta-data/', 'https://localhost/hook', 'https://192.168.1.20/hook', 'https://100.64.0.1/']) {
    const res = await api.call({ method: 'POST', url: '/api/v1/webhooks/subscriptions', token, payload: { url, eventTypes: ['contact.created'] } });
    t.equal(res.statusCode, 400, url);
    t.match(res.json().error, { code: 'url_not_allowed', field: 'url' }, url);
  }
  const publicUrl = await api.call({ method: 'POST', url: '/api/v1/webhooks/subscriptions', token, payload: { url: 'https://93.184.215.14/hook', eventTypes: ['contact.created'] } });
  t.equal(publicUrl.statusCode, 201, 'an https URL on a public address is accepted');
  t.equal(inTenant(api, tenant.id, () => tenantDb().statement('SELECT count(*) FROM webhook_subscriptions').pluck().get()), 1, 'no refused URL was stored');

  // DNS changes after registration: rows written as if their host had resolved publicly back then.
  const receiver = await startReceiver(t, [200]);
  const port = new URL(receiver.url).port;
  inTenant(api, tenant.id, () => {
    tenantDb().statement('DELETE FROM webhook_subscriptions').run();
    for (const [id, url] of [['ws_aaaaaaaaaaaaaaaaaaaaaaaa', `https://localhost:${port}/hook`], ['ws_bbbbbbbbbbbbbbbbbbbbbbbb', `http://127.0.0.1:${port}/hook`]]) {
      tenantDb()
        .statement("INSERT INTO webhook_subscriptions (id, url, event_types, created_at, created_by, updated_at, updated_by) VALUES (?, ?, '[\"contact.created\"]', '', '', '', '')")
        .run(id, url);
      api.runtime.vault.putSystem(`webhook:${id}:secret`, 'spwhsec_test');
    }
  });
  await contact(token, 'Must not leave');
  clock.advance(SETTLE_MS);
  t.match(await deliverDue(api.runtime), { attempted: 2, retrying: 2 });
  t.equal(receiver.received.length, 0, 'nothing reached the loopback receiver');
  const errors = inTenant(api, tenant.id, () => tenantDb().statement('SELECT error FROM outbox_attempts ORDER BY error').pluck().all()) as string[];
  t.match(errors, [/^address_not_allowed: the URL must be https/, /^address_not_allowed: the address (127\.0\.0\.1|::1) is a loopback address/]);
});

t.test('the delivery log pages newest first', async (t) => {
  const { api, subscribe, contact } = await setup(t);
  const token = api.tenant().token('admin');
  const subscription = await subscribe(token, 'http://127.0.0.1:9/hook');
  for (let i = 0; i < 5; i += 1) await contact(token, `Contact ${i}`);
  const first = await deliveryLog(api, token, subscription.id, '?limit=2');
  t.equal(first.items.length, 2);
  t.ok(first.nextCursor);
  const second = await deliveryLog(api, token, subscription.id, `?limit=2&cursor=${first.nextCursor}`);
  const third = await deliveryLog(api, token, subscription.id, `?limit=2&cursor=${second.nextCursor}`);
  t.equal(third.nextCursor, null);
  const ids = [...first.items, ...second.items, ...third.items].map((d) => d.id);
  t.equal(new Set(ids).size, 5, 'every delivery once');
  const all = await deliveryLog(api, token, subscription.id);
  t.same(all.items.map((d) => d.id), ids, 'in the same order as one page');
  t.equal((await api.call({ method: 'GET', url: `/api/v1/webhooks/subscriptions/${subscription.id}/deliveries?cursor=bad!`, token })).statusCode, 400);
});

t.test('the outbox worker sends on its own with an unref-ed timer and stops cleanly', async (t) => {
  const api = await build(t);
  const token = api.tenant().token('admin');
  const receiver = await startReceiver(t, [200]);
  await api.call({ method: 'POST', url: '/api/v1/webhooks/subscriptions', token, payload: { url: receiver.url, eventTypes: ['contact.created'] } });
  await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Sent by the loop' } });
  const lines: unknown[] = [];
  const log = { info: (entry: unknown) => lines.push(entry), warn: () => undefined, error: (entry: unknown) => lines.push(entry) } as unknown as Logger;
  const sender = startOutboxWorker(api.runtime, [webhookDeliveryHandler()], log, 20);
  const deadline = Date.now() + 5_000;
  while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await sender.stop();
  t.equal(receiver.received.length, 1, 'delivered without anyone calling deliverDue');
  t.match(lines, [{ outbox: { attempted: 1, delivered: 1 } }], 'one summary line, no payload');
});
