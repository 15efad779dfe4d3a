// Received mail in the workspace's export (its text and sanitised HTML opened, the mailbox's
// password never) and in a `restore --as` copy (the mail opens there; the mailbox connection and
// its password stay behind, so the copy never reads the original's mailbox).
import t from 'tap';
import { runBackup } from '../../src/backup/backup-run.js';
import { restoreTenantAs } from '../../src/backup/restore-as.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { startSession } from '../helpers/app.js';
import { dovecotMissing } from '../helpers/dovecot.js';
import { readArchive } from '../export/archive.js';
import { mailboxSetup, OFFICE, rawMessage } from './mailbox-helpers.js';

t.test('the export holds the received mail in clear; restore --as keeps the mail and leaves the mailbox behind', { skip: dovecotMissing() }, async (t) => {
  const s = await mailboxSetup(t);
  await s.dovecot.deliver(s.account, rawMessage({ from: 'dana@customer.test', subject: 'Re: Estimate', body: 'Yes please, start Monday.', html: '<p>Yes <b>please</b>, start Monday.<img src="https://tracker.test/p.gif"></p>', inReplyTo: s.estimateMessageId }));
  t.equal((await s.sync()).imported, 1);
  const [received] = await s.received();

  const res = await s.api.call({ method: 'POST', url: '/api/v1/export', token: s.admin, payload: {} });
  t.equal(res.statusCode, 200, 'the export answers');
  const archive = await readArchive(res.rawPayload);
  const [row] = archive.workspace.inbound_messages ?? [];
  t.match(row, { id: received!.id, subject: 'Re: Estimate', from_address: 'dana@customer.test', contact_id: s.contactId, lead_id: s.leadId, in_reply_to_mail_id: s.estimateMailId, text: 'Yes please, start Monday.', html: '<p>Yes <b>please</b>, start Monday.<span>[image]</span></p>' });
  t.notOk(row && ('text_sealed' in row || 'html_sealed' in row), 'the sealed columns themselves are not in it');
  t.match(archive.workspace.mailboxes, [{ host: '127.0.0.1', username: OFFICE.user, last_uid: 1 }]);
  t.notOk(archive.tar.includes(OFFICE.password), 'the password is nowhere in the archive');
  t.equal(archive.manifest.tables.inbound_messages, 1);

  const { runId } = await runBackup(s.api.runtime, { actor: 'operator' });
  const restored = await restoreTenantAs(s.api.runtime, { tenantId: s.tenantId, runId, as: 'new', adminEmail: 'restorer@whitfield.test' });
  t.match(restored, { leftBehind: { mailboxes: 1 } });
  const copy = restored.newTenantId;
  s.api.runtime.tenancy.run(copy, { actor: null, requestId: null }, () => {
    t.equal(tenantDb().statement('SELECT count(*) FROM mailboxes').pluck().get(), 0, 'no mailbox in the copy');
    t.same(tenantDb().statement("SELECT name FROM vault_secrets WHERE name LIKE 'mailbox:%'").pluck().all(), [], 'nor its password');
  });
  const token = startSession(s.api.runtime, copy, 'member', 'us_restorer').accessToken;
  const message = await s.api.call({ method: 'GET', url: `/api/v1/received-mail/${received!.id}`, token });
  t.equal(message.statusCode, 200, message.body);
  t.match(message.json(), { text: 'Yes please, start Monday.', contactId: s.contactId }, 'the mail opens under the new id');
});
