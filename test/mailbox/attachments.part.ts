// Attachments of received mail, through a real IMAP server (a private Dovecot): those of mail filed
// into a thread are kept as encrypted files of the message, its contact and lead (allowed types by
// content, within the per-file limit and the workspace quota, names cleaned as for uploads); every
// other one is listed with why it was not kept, and nothing of it stays on disk.
import t from 'tap';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dovecotMissing } from '../helpers/dovecot.js';
import { pdf, png, windowsExecutable } from '../files/helpers.js';
import { mailboxSetup, messageWithAttachments, type ReceivedItem } from './mailbox-helpers.js';

const skip = dovecotMissing();
if (skip && process.env.CI === 'true') t.fail(`this test cannot run in CI: it ${skip}; .ci/run installs it`);

const MAX_BYTES = 100_000;
const QUOTA = 250_000;

t.test('attachments of a reply are kept as files of the contact and lead; a disallowed type, a too-large file, a full quota and unfiled mail are listed with the reason', { skip }, async (t) => {
  const s = await mailboxSetup(t, { env: { SPINNEY_FILE_MAX_BYTES: String(MAX_BYTES), SPINNEY_WORKSPACE_QUOTA_BYTES: String(QUOTA) } });
  const plans = pdf('Barn plans');
  const photo = png(32, 24);
  await s.dovecot.deliver(
    s.account,
    messageWithAttachments({ from: 'Dana <dana@customer.test>', subject: 'Re: Estimate', body: 'Plans and a photo attached.', inReplyTo: s.estimateMessageId }, [
      { name: 'plans.pdf', type: 'application/pdf', content: plans },
      { name: '../../etc/roof\u202Egnp.exe', type: 'image/png', content: photo },
      { name: 'invoice.pdf', type: 'application/pdf', content: windowsExecutable() },
      { name: 'huge.pdf', type: 'application/pdf', content: pdf('huge', 120_000) },
    ]),
  );
  // Four files of about 80 KB: each fits the per-file limit, the quota has room for three.
  const parts = [1, 2, 3, 4].map((n) => ({ name: `part-${n}.pdf`, type: 'application/pdf', content: pdf(`part ${n}`, 60_000) }));
  await s.dovecot.deliver(s.account, messageWithAttachments({ from: 'dana@customer.test', subject: 'More plans', body: 'The rest.', messageId: '<more-plans@customer.test>' }, parts));
  // From an address that is no contact, answering the message above in the same sync: filed by that thread, its file kept.
  const sketch = png(8, 8, [10, 120, 10]);
  await s.dovecot.deliver(s.account, messageWithAttachments({ from: 'dana.phone@elsewhere.test', subject: 'Re: More plans', body: 'A sketch.', inReplyTo: '<more-plans@customer.test>' }, [{ name: 'sketch.png', type: 'image/png', content: sketch }]));
  await s.dovecot.deliver(s.account, messageWithAttachments({ from: 'stranger@elsewhere.test', subject: 'Our catalogue', body: 'See attached.' }, [{ name: 'catalogue.pdf', type: 'application/pdf', content: pdf('catalogue') }]));

  t.match(await s.sync(), { imported: 4 });
  const received = await s.received(`?contactId=${s.contactId}`);
  const reply = received.find((m) => m.subject === 'Re: Estimate') as ReceivedItem;
  t.match(reply.attachments, [
    { name: 'plans.pdf', type: 'application/pdf', size: plans.length, fileId: /^fl_/, refused: null },
    { name: 'roofgnp.exe', type: 'image/png', size: photo.length, fileId: /^fl_/, refused: null },
    { name: 'invoice.pdf', type: 'application/pdf', fileId: null, refused: 'not an allowed type (judged by its content)' },
    { name: 'huge.pdf', fileId: null, refused: `larger than the ${MAX_BYTES}-byte limit per file` },
  ]);

  const [plansFile, photoFile] = reply.attachments;
  const download = await s.api.call({ method: 'GET', url: `/api/v1/files/${plansFile!.fileId}/content`, token: s.viewer });
  t.equal(download.statusCode, 200);
  t.ok(download.rawPayload.equals(plans), 'the kept file downloads byte for byte');
  const record = (await s.api.call({ method: 'GET', url: `/api/v1/files/${photoFile!.fileId}`, token: s.member })).json();
  t.match(record, { name: 'roofgnp.exe', type: 'image/png', contactId: s.contactId, leadId: s.leadId, receivedMailId: reply.id, createdBy: 'us_ada' }, "a file of the message, its contact and its lead");
  const ofContact = (await s.api.call({ method: 'GET', url: `/api/v1/files?contactId=${s.contactId}`, token: s.member })).json() as { items: { id: string }[] };
  t.ok(ofContact.items.some((f) => f.id === plansFile!.fileId), "listed among the contact's files");
  const timeline = (await s.api.call({ method: 'GET', url: `/api/v1/leads/${s.leadId}/timeline`, token: s.viewer })).json() as { items: { kind: string; subject?: string; attachments?: string[] }[] };
  t.same(timeline.items.find((e) => e.kind === 'mail_in' && e.subject === 'Re: Estimate')?.attachments, ['plans.pdf', 'roofgnp.exe'], "the lead's timeline names the files kept from it, in order");

  const more = received.find((m) => m.subject === 'More plans') as ReceivedItem;
  const keptParts = more.attachments.filter((a) => a.fileId !== null);
  t.equal(keptParts.length, 3, 'three parts kept');
  t.match(more.attachments[3], { name: 'part-4.pdf', fileId: null, refused: "the workspace's file quota is full" }, 'the fourth refused for the quota');

  const answer = received.find((m) => m.subject === 'Re: More plans') as ReceivedItem;
  t.match(answer.attachments, [{ name: 'sketch.png', type: 'image/png', fileId: /^fl_/, refused: null }], 'a reply to a reply in the same sync is filed, and keeps its file');

  const [stranger] = await s.unfiled();
  t.match(stranger?.attachments, [{ name: 'catalogue.pdf', fileId: null, refused: /unfiled mail/ }], "unfiled mail keeps no files");

  const files = (await s.api.call({ method: 'GET', url: '/api/v1/files?limit=100', token: s.admin })).json() as { items: { id: string; size: number }[] };
  t.equal(files.items.length, 2 + keptParts.length + 1, 'a file per kept attachment, no more');
  t.ok(files.items.reduce((sum, f) => sum + f.size, 0) <= QUOTA, 'within the quota');
  const blobs = readdirSync(join(s.api.config.dataDir, 'tenants', s.tenantId, 'files')).sort();
  t.same(blobs, files.items.map((f) => f.id).sort(), 'on disk exactly the kept files: refused and over-quota blobs were removed');

  const message = (await s.api.call({ method: 'GET', url: `/api/v1/received-mail/${reply.id}`, token: s.member })).json() as { attachments: unknown[] };
  t.same(message.attachments, reply.attachments, 'the message view lists them too');

  // Seen again after a restart of the count (the same Message-ID): nothing kept twice.
  t.match(await s.sync(), { imported: 0 });
  t.equal(((await s.api.call({ method: 'GET', url: '/api/v1/files?limit=100', token: s.admin })).json() as { items: unknown[] }).items.length, files.items.length);
});
