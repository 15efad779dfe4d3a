// Connecting the mailbox: the connection is tested on save (a wrong password, a closed port, an
// untrusted certificate, TLS on a plain port are each a 422 naming the failure, and save nothing),
// the password lives only sealed in the vault, only admins see or change the mailbox; the poll job
// imports for every workspace with a mailbox; disconnecting keeps the mail; another workspace sees none of it.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJob } from '../../src/jobs/runner.js';
import { checkInbox } from '../../src/mailbox/imap-reader.js';
import { mailboxPollJob } from '../../src/mailbox/mailbox-poll.job.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { dovecotMissing } from '../helpers/dovecot.js';
import { captureLog } from '../jobs/helpers.js';
import { mailboxSetup, OFFICE, rawMessage } from './mailbox-helpers.js';

const skip = dovecotMissing();
if (skip && process.env.CI === 'true') t.fail(`this test cannot run in CI: it ${skip}; .ci/run installs it`);

t.test('saving tests the connection: each failure is a 422 that names it, and nothing is saved', { skip }, async (t) => {
  const s = await mailboxSetup(t, { connect: false });
  const refusals: [Record<string, unknown>, RegExp][] = [
    [{ password: 'wrong-password' }, /refused the login \(wrong user name or password\)/],
    [{ port: 1 }, /nothing answers at 127\.0\.0\.1:1 \(connection refused\)/],
    [{ caCertificate: null }, /TLS with 127\.0\.0\.1:\d+ failed: its certificate is not trusted/],
    [{ port: s.dovecot.starttlsPort }, /127\.0\.0\.1:\d+ does not speak TLS from the first byte \(a STARTTLS port\? choose starttls\)/],
  ];
  for (const [overrides, message] of refusals) {
    const response = await s.connect(overrides);
    t.equal(response.statusCode, 422, JSON.stringify(overrides));
    t.match(response.json(), { error: { code: 'mailbox_connect_failed', message } });
    t.notMatch(response.body, OFFICE.password);
  }
  t.equal((await s.api.call({ method: 'GET', url: '/api/v1/mailbox', token: s.admin })).statusCode, 404, 'nothing saved');
  const account = { host: '127.0.0.1', port: s.dovecot.port, security: 'tls' as const, username: OFFICE.user, password: OFFICE.password, caPem: s.dovecot.cert };
  await t.rejects(checkInbox({ ...account, production: true }), { name: 'ImapFailure', message: 'the host 127.0.0.1 has the address 127.0.0.1, a loopback one, not a public one' }, 'in production a mailbox on loopback is refused before any connection');
  await t.rejects(checkInbox({ ...account, host: 'localhost', production: true }), { message: /the host localhost has the address .*, a loopback one/ });
  await t.resolves(checkInbox({ ...account, production: false }), 'outside production loopback is allowed (tests, development)');
  const badPem = await s.connect({ caCertificate: 'not a certificate' });
  t.match(badPem.json(), { error: { code: 'invalid_field', field: 'caCertificate' } });
  const noSecrets = s.api.runtime.tenancy.run(s.tenantId, { actor: null, requestId: null }, () => tenantDb().statement("SELECT count(*) FROM vault_secrets WHERE name LIKE 'mailbox:%'").pluck().get());
  t.equal(noSecrets, 0, 'no password stored');

  const starttls = await s.connect({ port: s.dovecot.starttlsPort, security: 'starttls' });
  t.equal(starttls.statusCode, 200, `STARTTLS (required, never plain text): ${starttls.body}`);
  const tls = await s.connect();
  t.equal(tls.statusCode, 200, tls.body);
  const mailbox = tls.json() as Record<string, unknown>;
  t.match(mailbox, { host: '127.0.0.1', port: s.dovecot.port, security: 'tls', username: OFFICE.user, hasCaCertificate: true, status: 'pending', importedCount: 0, connectedBy: 'us_ada' });
  t.notMatch(JSON.stringify(mailbox), OFFICE.password, 'the password is never returned');

  // The password only sealed: not in the tenant database file in clear, not in the audit log.
  const dbFile = join(s.api.config.dataDir, 'tenants', s.tenantId, 'tenant.db');
  s.api.runtime.tenancy.run(s.tenantId, { actor: null, requestId: null }, () => tenantDb().statement('PRAGMA wal_checkpoint(TRUNCATE)').run());
  t.notOk(readFileSync(dbFile).includes(OFFICE.password), 'no clear password in the database file');
  const audit = s.api.runtime.tenancy.run(s.tenantId, { actor: null, requestId: null }, () => tenantDb().statement("SELECT action, after FROM audit_events WHERE action LIKE 'mailbox.%' ORDER BY seq").all()) as { action: string; after: string }[];
  t.same(audit.map((a) => a.action), ['mailbox.connected', 'mailbox.connected'], 'each save audited');
  t.notMatch(JSON.stringify(audit), OFFICE.password);
});

t.test('only admins see or change the mailbox; mail received is read like sent mail', { skip }, async (t) => {
  const s = await mailboxSetup(t);
  for (const token of [s.member, s.viewer]) {
    t.equal((await s.api.call({ method: 'GET', url: '/api/v1/mailbox', token })).statusCode, 403);
    t.equal((await s.api.call({ method: 'PUT', url: '/api/v1/mailbox', token, payload: { host: '127.0.0.1', port: 1, security: 'tls', username: 'x', password: 'y' } })).statusCode, 403);
    t.equal((await s.api.call({ method: 'POST', url: '/api/v1/mailbox/sync', token })).statusCode, 403);
    t.equal((await s.api.call({ method: 'DELETE', url: '/api/v1/mailbox', token })).statusCode, 403);
  }
  t.equal((await s.api.call({ method: 'GET', url: '/api/v1/received-mail', token: s.viewer })).statusCode, 200);
  t.match(await s.sync(), { imported: 0, more: false, mailbox: { status: 'ok', lastError: null } }, 'an empty INBOX syncs fine');
});

t.test('the poll job imports for each workspace with a mailbox; disconnecting keeps the mail; another workspace sees none of it', { skip }, async (t) => {
  const s = await mailboxSetup(t);
  const other = s.api.tenant('Another Roofer');
  const otherToken = other.token('admin', 'us_other');
  await s.dovecot.deliver(s.account, rawMessage({ from: 'dana@customer.test', subject: 'By the job', inReplyTo: s.estimateMessageId }));

  const run = await runJob(s.api.runtime, mailboxPollJob, { trigger: 'schedule', log: captureLog().log });
  t.match(run, { status: 'ok', counts: { mailboxes: 1, imported: 1, mailboxesFailing: 0 } });
  const [message] = await s.received();
  t.match(message, { subject: 'By the job', contactId: s.contactId, leadId: s.leadId });

  t.equal((await s.api.call({ method: 'GET', url: `/api/v1/received-mail/${message!.id}`, token: otherToken })).statusCode, 404, "another workspace cannot open it");
  t.same((await s.api.call({ method: 'GET', url: '/api/v1/received-mail', token: otherToken })).json(), { items: [], nextCursor: null }, 'nor list it');
  t.equal((await s.api.call({ method: 'GET', url: '/api/v1/mailbox', token: otherToken })).statusCode, 404, 'nor see the mailbox');

  await s.dovecot.stop();
  const failing = await runJob(s.api.runtime, mailboxPollJob, { trigger: 'schedule', log: captureLog().log });
  t.match(failing, { status: 'ok', counts: { mailboxes: 1, imported: 0, mailboxesFailing: 1 } }, 'a failing mailbox is counted; the failure is on the mailbox');
  t.match((await s.api.call({ method: 'GET', url: '/api/v1/mailbox', token: s.admin })).json(), { status: 'failing', lastError: /connection refused/ });

  const removed = await s.api.call({ method: 'DELETE', url: '/api/v1/mailbox', token: s.admin });
  t.equal(removed.statusCode, 204);
  t.equal((await s.api.call({ method: 'GET', url: '/api/v1/mailbox', token: s.admin })).statusCode, 404);
  const secrets = s.api.runtime.tenancy.run(s.tenantId, { actor: null, requestId: null }, () => tenantDb().statement("SELECT count(*) FROM vault_secrets WHERE name LIKE 'mailbox:%'").pluck().get());
  t.equal(secrets, 0, 'the password is gone');
  t.equal((await s.received()).length, 1, 'the mail received stays');
  t.match(await runJob(s.api.runtime, mailboxPollJob, { trigger: 'schedule', log: captureLog().log }), { counts: { mailboxes: 0 } });
});
