// kill -9 of the real server (`spinney serve`) in the middle of a webhook send: the receiver has
// the request, the server never learns the answer. After a restart the outbox worker sends it again
// once the lease has run out, under the same Spinney-Webhook-Id and with the same bytes, so the
// receiver can drop the duplicate; the lost attempt shows in the delivery log. A change made at the
// CLI while the server was down is sent by the restarted server, once. The lease's length is read
// from the file and then run out by hand while the server is down (the wait itself is proven with
// a manual clock in outbox.part.ts), so the test does not sleep a real minute.
import t from 'tap';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDataDir } from '../helpers/app.js';
import { freePort, spinney } from '../helpers/cli.js';
import { createWorkspace, serverEnv, startServer } from '../lifecycle/server-process.js';
import { hmacHex } from '../webhooks/helpers.js';

interface Request {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

t.test('a send cut by kill -9 is retried after its lease under the same idempotency key, and the log says so', async (t) => {
  const dataDir = tempDataDir(t);
  const env = serverEnv(dataDir, await freePort());
  const workspace = await createWorkspace(env, 'Crash Deliveries');

  // The receiver holds the first request open (the server is killed meanwhile) and answers 200 after.
  const requests: Request[] = [];
  const held: ServerResponse[] = [];
  let firstArrived: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
  const receiver = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ at: Date.now(), headers: req.headers, body });
      if (requests.length === 1) {
        held.push(res);
        firstArrived();
      } else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    receiver.closeAllConnections();
    return new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  let server = await startServer(t, env);
  const api = (method: string, path: string, payload?: unknown) =>
    fetch(`${server.base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${workspace.token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
  const subscribed = await api('POST', '/webhooks/subscriptions', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, eventTypes: ['contact.created', 'member.invited'] });
  t.equal(subscribed.status, 201);
  const subscription = (await subscribed.json()) as { id: string; secret: string };
  t.equal((await api('POST', '/contacts', { name: 'Sent across a crash' })).status, 201);

  await arrived;
  server.child.kill('SIGKILL');
  const killedAt = Date.now();
  t.match(await server.exited, { signal: 'SIGKILL' }, 'killed with the request at the receiver, unanswered');

  const invited = await spinney(['member', 'invite', '--tenant', workspace.id, '--email', 'while.down@example.com', '--role', 'viewer'], env);
  t.equal(invited.code, 0, 'an invitation made at the CLI while the server is down');

  const file = new Database(join(dataDir, 'tenants', workspace.id, 'tenant.db'));
  const lease = file.prepare("SELECT lease_until FROM outbox_items WHERE state = 'sending'").pluck().all() as string[];
  t.equal(lease.length, 1, 'the cut send is still claimed in the file');
  const leaseMs = Date.parse(lease[0] as string) - killedAt;
  t.ok(leaseMs >= 40_000, `its lease outlives the attempt, so no other worker takes it early (${Math.round(leaseMs / 1000)} s after the kill)`);
  file.prepare("UPDATE outbox_items SET lease_until = ? WHERE state = 'sending'").run(new Date(killedAt - 1000).toISOString());
  file.close();

  server = await startServer(t, env);
  for (const deadline = Date.now() + 120_000; requests.length < 3 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 100));
  const [cut, ...after] = requests;
  const retried = after.filter((r) => JSON.parse(r.body).type === 'contact.created');
  const invitations = after.filter((r) => JSON.parse(r.body).type === 'member.invited');
  t.equal(retried.length, 1, 'the cut send was made again, once');
  t.equal(invitations.length, 1, 'the CLI-made change was sent by the server, once');
  t.equal(retried[0]?.headers['spinney-webhook-id'], cut?.headers['spinney-webhook-id'], 'under the same Spinney-Webhook-Id');
  t.equal(retried[0]?.body, cut?.body, 'with the same bytes');
  for (const r of [cut, ...after]) {
    const signed = `${r?.headers['spinney-webhook-id']}.${r?.headers['spinney-webhook-timestamp']}.${r?.body}`;
    t.equal(r?.headers['spinney-webhook-signature'], `v1=${hmacHex(subscription.secret, signed)}`, 'signed');
  }

  const log = (await (await api('GET', `/webhooks/subscriptions/${subscription.id}/deliveries`)).json()) as { items: { eventType: string; state: string; attempts: { attempt: number; status: number | null; error: string | null }[] }[] };
  const delivery = log.items.find((d) => d.eventType === 'contact.created');
  t.match(delivery, { state: 'delivered' });
  t.same(delivery?.attempts.map((a) => [a.attempt, a.status, a.error]), [[1, null, 'lease_expired'], [2, 200, null]], 'the lost attempt is in the log');
  t.match(log.items.find((d) => d.eventType === 'member.invited'), { state: 'delivered', attempts: [{ attempt: 1, status: 200 }] });

  server.child.kill('SIGTERM');
  t.match(await server.exited, { code: 0 }, 'the restarted server stops its worker and exits cleanly');
  t.equal(requests.length, 3, 'nothing sent twice apart from the cut attempt');
});
