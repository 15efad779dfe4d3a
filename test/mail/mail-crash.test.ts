// kill -9 of the real server (`spinney serve`) while the SMTP server has a message but has not
// answered "250": the server never learns whether it was sent. After a restart the outbox sends it
// again once the lease has run out, with the same Message-ID, so the receiving side can drop the
// copy; the message ends `sent` after two attempts, and nothing else is sent twice. (The lease is
// read from the file and run out by hand while the server is down, as test/outbox/crash.test.ts does.)
import t from 'tap';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { requireTools } from '../deploy/tools.js';
import { tempDataDir } from '../helpers/app.js';
import { freePort } from '../helpers/cli.js';
import { createWorkspace, serverEnv, startServer } from '../lifecycle/server-process.js';
import { certificate, smtpEnv, smtpServer } from './smtp.js';

const messageIdOf = (raw: Buffer): string | undefined => /^Message-ID: (<[^>]+>)\r?$/m.exec(raw.toString('utf8'))?.[1];

t.test('a message cut by kill -9 before the SMTP server answered is sent again after its lease, with the same Message-ID', { skip: requireTools(t, ['openssl']) }, async (t) => {
  const tls = certificate(t);
  const smtp = await smtpServer(t, tls, 0, { hold: true });
  const dataDir = tempDataDir(t);
  const env = serverEnv(dataDir, await freePort(), smtpEnv(smtp.port, tls, 'mail@spinney.test'));
  const workspace = await createWorkspace(env, 'Crash Mail');
  let server = await startServer(t, env);
  const api = async (method: string, path: string, payload?: unknown) => {
    const res = await fetch(`${server.base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${workspace.token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const contact = await api('POST', '/contacts', { name: 'Dana Whitfield', email: 'dana@customer.test' });
  const content = { currency: 'USD', sections: [{ title: 'Roof', showOnlySectionTotal: false, items: [{ id: 'a', description: 'Tiles', quantity: '1', unit: 'ea', unitPrice: 5000, taxRateBp: 0 }] }] };
  const estimate = await api('POST', '/estimates', { title: 'Sent across a crash', contactId: contact.body.id, content });
  const sent = await api('POST', `/estimates/${estimate.body.id as string}/send`, {});
  t.equal(sent.status, 200);
  const mailId = sent.body.mailId as string;

  await smtp.firstArrived;
  server.child.kill('SIGKILL');
  const killedAt = Date.now();
  t.match(await server.exited, { signal: 'SIGKILL' }, 'killed with the message at the SMTP server, unanswered');

  const file = new Database(join(dataDir, 'tenants', workspace.id, 'tenant.db'));
  t.same(file.prepare("SELECT id FROM outbox_items WHERE state = 'sending'").pluck().all(), [mailId], 'the cut send is still claimed in the file');
  file.prepare("UPDATE outbox_items SET lease_until = ? WHERE state = 'sending'").run(new Date(killedAt - 1000).toISOString());
  file.close();

  server = await startServer(t, env);
  for (const deadline = Date.now() + 60_000; smtp.received.length < 2 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 100));
  t.equal(smtp.received.length, 2, 'sent again after the restart');
  const [cut, again] = smtp.received;
  t.ok(messageIdOf(cut!.raw), 'the message has a Message-ID');
  t.equal(messageIdOf(again!.raw), messageIdOf(cut!.raw), 'the same Message-ID both times');
  const state = await api('GET', `/mail/${mailId}`);
  t.match(state.body, { state: 'sent', attempts: 2, error: null });

  server.child.kill('SIGTERM');
  t.match(await server.exited, { code: 0 });
  t.equal(smtp.received.length, 2, 'nothing else sent');
});
