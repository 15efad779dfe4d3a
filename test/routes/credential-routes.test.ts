// Credential routes across tenants: a route a machine calls with a credential of one workspace
// (today the inbound webhook, POST /api/v1/hooks/:endpointId, signed with its endpoint's secret)
// writes only into that workspace, and a deleted credential or an expired signature changes nothing.
// TO RE-POINT: when app.routeTable carries `realm: 'credential'`, walk those routes here instead
// of the one named below (one credential fixture per `credentialKind`).
import t from 'tap';
import { tenantDb } from '../../src/tenancy/context.js';
import { build, type TestApp } from '../helpers/app.js';
import { genericHeaders } from '../webhooks/helpers.js';

const INBOUND_WEBHOOK = '/api/v1/hooks/:endpointId';

const fileOf = (api: TestApp, tenantId: string): Buffer => api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().serialize());
const receiptsOf = (api: TestApp, tenantId: string): { endpoint_id: string; delivery_id: string }[] =>
  api.runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => tenantDb().statement('SELECT endpoint_id, delivery_id FROM webhook_receipts ORDER BY received_at').all() as { endpoint_id: string; delivery_id: string }[]);

t.test("credential route: A's credential never writes into B, and an expired or deleted one changes nothing", async (t) => {
  const api = await build(t);
  t.ok(api.app.routeTable.some((route) => `${route.method} ${route.url}` === `POST ${INBOUND_WEBHOOK}`), 'the inbound webhook route is in the table');
  const a = api.tenant('A');
  const b = api.tenant('B');
  const adminA = a.token('admin');
  const endpoint = async (token: string) => (await api.call({ method: 'POST', url: '/api/v1/webhooks/endpoints', token, payload: { provider: 'generic' } })).json() as { id: string; secret: string };
  const endpointA = await endpoint(adminA);
  const endpointB = await endpoint(b.token('admin'));
  const now = () => Math.floor(api.runtime.clock.now() / 1000);
  const body = JSON.stringify({ type: 'invoice.paid' });
  const deliver = (endpointId: string, secret: string, deliveryId: string) =>
    api.call({ method: 'POST', url: INBOUND_WEBHOOK.replace(':endpointId', endpointId), headers: genericHeaders(secret, deliveryId, now(), body), payload: body });

  // A's credential on A's endpoint: accepted, into A only.
  let bBefore = fileOf(api, b.id);
  t.equal((await deliver(endpointA.id, endpointA.secret, 'msg_a1')).statusCode, 200, "A's signed delivery is accepted");
  t.same(receiptsOf(api, a.id), [{ endpoint_id: endpointA.id, delivery_id: 'msg_a1' }], "it is recorded in A's workspace");
  t.ok(bBefore.equals(fileOf(api, b.id)), "B's workspace is byte-for-byte unchanged");

  // A's credential on B's endpoint: refused, nothing written anywhere.
  bBefore = fileOf(api, b.id);
  let aBefore = fileOf(api, a.id);
  const crossed = await deliver(endpointB.id, endpointA.secret, 'msg_a2');
  t.equal(crossed.statusCode, 401, "A's secret does not open B's endpoint");
  t.notMatch(crossed.body, endpointB.secret, "nor shows B's secret");
  t.ok(bBefore.equals(fileOf(api, b.id)), 'B unchanged');
  t.ok(aBefore.equals(fileOf(api, a.id)), 'A unchanged');

  // An expired signature (outside the timestamp tolerance) on A's own endpoint: refused, nothing written.
  aBefore = fileOf(api, a.id);
  const stale = await api.call({ method: 'POST', url: INBOUND_WEBHOOK.replace(':endpointId', endpointA.id), headers: genericHeaders(endpointA.secret, 'msg_old', now() - 3600, body), payload: body });
  t.equal(stale.statusCode, 401, 'an hour-old signature is refused');
  t.ok(aBefore.equals(fileOf(api, a.id)), 'A unchanged');

  // A deleted (revoked) endpoint: its old secret is refused and changes nothing.
  t.equal((await api.call({ method: 'DELETE', url: `/api/v1/webhooks/endpoints/${endpointA.id}`, token: adminA })).statusCode, 204);
  bBefore = fileOf(api, b.id);
  aBefore = fileOf(api, a.id);
  const revoked = await deliver(endpointA.id, endpointA.secret, 'msg_a3');
  t.equal(revoked.statusCode, 401, 'a deleted endpoint refuses its old secret');
  t.ok(aBefore.equals(fileOf(api, a.id)), 'A unchanged');
  t.ok(bBefore.equals(fileOf(api, b.id)), 'B unchanged');
  t.same(receiptsOf(api, b.id), [], 'B never received anything of A');

  // B's own endpoint still works beside it (the refusals above are not a broken route).
  t.equal((await deliver(endpointB.id, endpointB.secret, 'msg_b1')).statusCode, 200, "B's own credential is accepted");
  t.same(receiptsOf(api, b.id), [{ endpoint_id: endpointB.id, delivery_id: 'msg_b1' }]);
});
