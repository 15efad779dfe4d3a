// Mail through a real SMTP server on loopback (smtp-server, STARTTLS with its own certificate,
// authentication): what arrives (headers, the link, a DKIM signature an independent verifier
// accepts), the state the workspace sees, a server that is down (retried, then delivered) and one
// that refuses the account (failed with the reason, not retried). Without an SMTP server (development)
// each message lands as an .eml file.
import t, { type Test } from 'tap';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mailHandler } from '../../src/mail/mail.handler.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { ManualClock } from '../../src/time/clock.js';
import { requireTools } from '../deploy/tools.js';
import { certificate, smtpEnv, smtpServer } from './smtp.js';
import { build } from '../helpers/app.js';

// mailauth's package entry needs a newer Node; its DKIM verifier alone works on Node 20.
const { dkimVerify } = createRequire(import.meta.url)('mailauth/lib/dkim/verify.js') as {
  dkimVerify: (input: Buffer, options: { resolver: (name: string, type: string) => Promise<string[][]> }) => Promise<{ results: { status: { result: string }; signingDomain: string }[] }>;
};

const skip = requireTools(t, ['openssl']);

async function setup(t: Test, env: Record<string, string>) {
  const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
  const api = await build(t, env, [], { clock });
  const workspace = api.tenant('Whitfield Roofing');
  const token = workspace.token('member', 'us_maria');
  const admin = workspace.token('admin', 'us_ada');
  const contact = (await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana <Whitfield>', email: 'dana@customer.test' } })).json() as { id: string };
  const content = { currency: 'USD', sections: [{ title: 'Roof', showOnlySectionTotal: false, items: [{ id: 'a', description: 'Tiles', quantity: '2', unit: 'm²', unitPrice: 12345, taxRateBp: 0 }] }] };
  const sendEstimate = async (title = 'Barn roof') => {
    const estimate = (await api.call({ method: 'POST', url: '/api/v1/estimates', token, payload: { title, contactId: contact.id, content } })).json() as { id: string };
    const sent = await api.call({ method: 'POST', url: `/api/v1/estimates/${estimate.id}/send`, token });
    t.equal(sent.statusCode, 200, sent.body);
    return sent.json() as { link: string; mailId: string };
  };
  const mail = async (id: string) => (await api.call({ method: 'GET', url: `/api/v1/mail/${id}`, token })).json() as { state: string; error: string | null; attempts: number; messageId: string; sentAt: string | null };
  const pass = (handler = mailHandler({ timeoutMs: 5_000 })) => runOutboxPass(api.runtime, [handler]);
  return { api, clock, workspace, token, admin, contact, sendEstimate, mail, pass };
}

t.test('an estimate link by mail: STARTTLS, authenticated, DKIM-signed, the same Message-ID the workspace records; state sent', { skip }, async (t) => {
  const tls = certificate(t);
  const smtp = await smtpServer(t, tls);
  const dkim = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const s = await setup(t, {
    ...smtpEnv(smtp.port, tls, 'Whitfield via Spinney <mail@spinney.test>'),
    SPINNEY_SMTP_SECURE: 'starttls',
    SPINNEY_DKIM_DOMAIN: 'spinney.test',
    SPINNEY_DKIM_SELECTOR: 's1',
    SPINNEY_DKIM_PRIVATE_KEY: dkim.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  });
  const { link, mailId } = await s.sendEstimate();
  t.match(mailId, /^ml_/);
  t.equal((await s.mail(mailId)).state, 'queued', 'stored and queued before any attempt');
  const summary = await s.pass();
  t.match(summary, { delivered: 1, failed: 0 });
  t.equal(smtp.received.length, 1);
  const message = smtp.received[0]!;
  const raw = message.raw.toString('utf8');
  t.same(message.to, ['dana@customer.test']);
  t.equal(message.from, 'mail@spinney.test');
  t.match(raw, /^Subject: Estimate EST-0001 from Whitfield Roofing: Barn roof\r?$/m);
  t.ok(raw.includes(link), 'the link is in the message');
  t.match(raw, /USD 246\.90/, 'the total');
  t.match(raw, /Dana &#60;Whitfield&#62;/, 'the name is escaped in the HTML part');
  const state = await s.mail(mailId);
  t.match(state, { state: 'sent', attempts: 1, error: null });
  t.ok(raw.includes(`Message-ID: ${state.messageId}`), 'the Message-ID the workspace records');
  const timeline = (await s.api.call({ method: 'GET', url: `/api/v1/contacts/${s.contact.id}/timeline`, token: s.token })).json() as { items: { kind: string }[] };
  t.match(
    timeline.items.filter((entry) => entry.kind === 'mail'),
    [{ kind: 'mail', mailId, subject: 'Estimate EST-0001 from Whitfield Roofing: Barn roof', to: 'dana@customer.test', state: 'sent', by: 'us_maria' }],
    "the contact's timeline shows the message and its state",
  );

  const publicKey = dkim.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const verified = await dkimVerify(message.raw, {
    resolver: async (name, type) => {
      if (name === 's1._domainkey.spinney.test' && type === 'TXT') return [[`v=DKIM1; k=rsa; p=${publicKey}`]];
      throw Object.assign(new Error('no such record'), { code: 'ENOTFOUND' });
    },
  });
  t.match(verified.results, [{ status: { result: 'pass' }, signingDomain: 'spinney.test' }], 'an independent verifier accepts the DKIM signature');

  // An invitation mails the invitee how to accept.
  const invited = await s.api.call({ method: 'POST', url: '/api/v1/invitations', token: s.admin, payload: { email: 'new.hire@crew.test', role: 'member' } });
  t.equal(invited.statusCode, 201, invited.body);
  await s.pass();
  const invitation = smtp.received[1]?.raw.toString('utf8') ?? '';
  t.match(invitation, /Subject: You are invited to Whitfield Roofing on Spinney/);
  t.match(invitation, /sign in with your account for new\.hire@crew\.test/);
  t.same(smtp.received[1]?.to, ['new.hire@crew.test']);
});

t.test('a server that is down: retried with backoff and delivered later, once; a refused account fails with the reason', { skip }, async (t) => {
  const tls = certificate(t);
  const smtp = await smtpServer(t, tls);
  const port = smtp.port;
  await smtp.close();
  const env = smtpEnv(port, tls, 'mail@spinney.test');
  const s = await setup(t, env);
  const { mailId } = await s.sendEstimate();
  t.match(await s.pass(), { delivered: 0, retrying: 1 });
  const waiting = await s.mail(mailId);
  t.match(waiting, { state: 'queued', attempts: 1, error: /ECONNECTION|ECONNREFUSED/ });

  const back = await smtpServer(t, tls, port);
  t.match(await s.pass(), { attempted: 0 }, 'not before its retry time');
  s.clock.advance(2 * 60_000);
  t.match(await s.pass(), { delivered: 1 });
  t.equal(back.received.length, 1, 'delivered once');
  t.match(await s.mail(mailId), { state: 'sent', attempts: 2, error: null });
  s.clock.advance(24 * 3600_000);
  await s.pass();
  t.equal(back.received.length, 1, 'never sent again');

  const wrong = await setup(t, { ...env, SPINNEY_SMTP_PASSWORD: 'wrong' });
  const refused = await wrong.sendEstimate();
  t.match(await wrong.pass(), { failed: 1 });
  const failed = await wrong.mail(refused.mailId);
  t.match(failed, { state: 'failed', attempts: 1, error: /EAUTH.*535/ });

  // Resend, once the account is right: the same message (same Message-ID), one more attempt, delivered.
  const viewer = await wrong.api.call({ method: 'POST', url: `/api/v1/mail/${refused.mailId}/resend`, token: wrong.workspace.token('viewer', 'us_vera') });
  t.equal(viewer.statusCode, 403, 'viewers do not send mail');
  const fixed = await setup(t, { ...env, SPINNEY_DATA_DIR: wrong.api.config.dataDir });
  const resent = await fixed.api.call({ method: 'POST', url: `/api/v1/mail/${refused.mailId}/resend`, token: wrong.workspace.token('member', 'us_maria') });
  t.equal(resent.statusCode, 200, resent.body);
  t.match(resent.json(), { state: 'queued', attempts: 1 });
  t.match(await fixed.pass(), { delivered: 1 });
  const after = (await fixed.api.call({ method: 'GET', url: `/api/v1/mail/${refused.mailId}`, token: wrong.workspace.token('member', 'us_maria') })).json();
  t.match(after, { state: 'sent', attempts: 2, messageId: failed.messageId });
  t.ok(back.received.at(-1)?.raw.toString('utf8').includes(`Message-ID: ${failed.messageId}`), 'the same Message-ID');
  const again = await fixed.api.call({ method: 'POST', url: `/api/v1/mail/${refused.mailId}/resend`, token: wrong.workspace.token('member', 'us_maria') });
  t.equal(again.statusCode, 409, 'a sent message is not sent again');
});

t.test('without an SMTP server (development) a message is written as an .eml file, not sent anywhere', async (t) => {
  const s = await setup(t, {});
  const { link, mailId } = await s.sendEstimate();
  await s.pass();
  const dir = join(s.api.config.dataDir, 'dev-mail');
  t.ok(existsSync(join(dir, `${mailId}.eml`)), 'the message as a file');
  t.same(readdirSync(dir), [`${mailId}.eml`]);
  t.ok(readFileSync(join(dir, `${mailId}.eml`), 'utf8').includes(link));
  t.match(await s.mail(mailId), { state: 'sent' });
  // The sealed body is not the plaintext on disk.
  const stored = s.api.runtime.tenancy.run(s.workspace.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT body_sealed FROM mail_messages').get()) as { body_sealed: Buffer };
  t.notOk(stored.body_sealed.toString('latin1').includes(new URL(link).pathname.slice(3)), 'the link is not in the database in clear');
  const withoutMail = await s.api.call({ method: 'POST', url: '/api/v1/estimates', token: s.token, payload: { title: 'Quiet', contactId: s.contact.id, content: { currency: 'USD', sections: [{ title: 'A', showOnlySectionTotal: false, items: [] }] } } });
  const quiet = await s.api.call({ method: 'POST', url: `/api/v1/estimates/${withoutMail.json().id}/send`, token: s.token, payload: { mail: false } });
  t.equal(quiet.json().mailId, null, 'mail: false only returns the link');
});
