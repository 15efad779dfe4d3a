// Workspace files sent with a message: checked and linked when it is queued, read from their
// encrypted blobs at the attempt, received by a real SMTP server byte for byte; what cannot be
// attached is refused naming fileIds and nothing is queued.
import t, { type Test } from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { mailHandler } from '../../src/mail/mail.handler.js';
import { insertMember } from '../../src/members/members.repo.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { requireTools } from '../deploy/tools.js';
import { pdf, png, upload } from '../files/helpers.js';
import { mailApp } from './smtp.js';

const skip = requireTools(t, ['openssl']);

async function setup(t: Test) {
  const { smtp, api, workspace } = await mailApp(t);
  insertMember(api.runtime.control, { id: 'mb_maria', tenantId: workspace.id, email: 'maria@whitfield.test', identityId: null, role: 'member', now: '2026-12-01T08:00:00.000Z', createdBy: 'system', updatedBy: 'system' });
  const token = workspace.token('member', 'mb_maria');
  const post = async (url: string, payload: unknown, as = token) => api.call({ method: 'POST', url, token: as, payload: payload as Record<string, unknown> });
  const contact = (await post('/api/v1/contacts', { name: 'Dana Whitfield', email: 'dana@customer.test' })).json() as { id: string };
  const uploaded = async (content: Buffer, name: string, query = `?contactId=${contact.id}`, as = token) => {
    const res = await upload(api, as, content, name, query);
    t.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; name: string; type: string };
  };
  const mailList = async () => ((await api.call({ method: 'GET', url: '/api/v1/mail', token })).json() as { items: { id: string; state: string; error: string | null; attachments: unknown[] }[] }).items;
  const pass = () => runOutboxPass(api.runtime, [mailHandler({ timeoutMs: 10_000 })]);
  return { api, workspace, token, post, contact, uploaded, mailList, pass, smtp };
}

t.test('files attached to a message reach the SMTP server byte for byte, with their checked type and cleaned name', { skip }, async (t) => {
  const s = await setup(t);
  const quote = pdf('Quote 1042', 300_000);
  const photo = png(64, 48);
  const pdfFile = await s.uploaded(quote, 'quote-1042.pdf');
  // Declared as an executable, named with a path and a right-to-left override: stored as a PNG named "roof\u202Egnp.exe" cleaned.
  const photoFile = await s.uploaded(photo, '../../photos/roof\u202Egnp.exe');
  t.equal(photoFile.name, 'roofgnp.exe', 'the name was cleaned at upload (no path, no override)');
  const message = { contactId: s.contact.id, subject: 'Your quote', body: 'Attached: the quote and a photo.', fileIds: [pdfFile.id, photoFile.id] };

  const preview = await s.post('/api/v1/mail/preview', message);
  t.equal(preview.statusCode, 200, preview.body);
  t.same(preview.json().attachments.map((a: { name: string }) => a.name), ['quote-1042.pdf', 'roofgnp.exe'], 'the preview lists what goes with it');

  const queued = await s.post('/api/v1/mail', message);
  t.equal(queued.statusCode, 201, queued.body);
  const mail = queued.json() as { id: string; messageId: string; attachments: { fileId: string; name: string; type: string; size: number }[] };
  t.same(mail.attachments, [
    { fileId: pdfFile.id, name: 'quote-1042.pdf', type: 'application/pdf', size: quote.length },
    { fileId: photoFile.id, name: 'roofgnp.exe', type: 'image/png', size: photo.length },
  ], 'the message names its files as they were when queued');
  t.same((await s.api.call({ method: 'GET', url: `/api/v1/mail/${mail.id}`, token: s.token })).json().attachments, mail.attachments, 'the message detail shows them');

  t.match(await s.pass(), { delivered: 1 });
  t.equal(s.smtp.received.length, 1);
  const received = await simpleParser(s.smtp.received[0]!.raw);
  t.equal(received.messageId, mail.messageId, 'the Message-ID fixed when queued');
  t.same(received.to && !Array.isArray(received.to) ? received.to.value.map((a) => a.address) : [], ['dana@customer.test']);
  t.equal(received.attachments.length, 2);
  const [gotPdf, gotPng] = received.attachments;
  t.equal(gotPdf?.filename, 'quote-1042.pdf');
  t.equal(gotPdf?.contentType, 'application/pdf');
  t.ok(gotPdf?.content.equals(quote), 'the PDF arrives byte for byte');
  t.equal(gotPng?.filename, 'roofgnp.exe');
  t.equal(gotPng?.contentType, 'image/png', 'sent with the type decided from its content, not its name');
  t.ok(gotPng?.content.equals(photo), 'the PNG arrives byte for byte');
  t.match(received.text, /Attached: the quote and a photo\./);
  t.match(await s.mailList(), [{ id: mail.id, state: 'sent' }]);
  const timeline = (await s.api.call({ method: 'GET', url: `/api/v1/contacts/${s.contact.id}/timeline`, token: s.token })).json() as { items: { kind: string; mailId?: string; attachments?: string[] }[] };
  t.same(timeline.items.find((e) => e.kind === 'mail' && e.mailId === mail.id)?.attachments, ['quote-1042.pdf', 'roofgnp.exe'], "the contact's timeline names the files it carried");
});

t.test("refused, naming fileIds, and nothing queued: an unknown id, another workspace's file, more than 10, more than 20 MB together", { skip }, async (t) => {
  const s = await setup(t);
  const other = s.api.tenant('Elsewhere Ltd');
  const theirs = await s.uploaded(pdf('theirs'), 'theirs.pdf', '', other.token('member', 'us_other'));
  const big1 = await s.uploaded(pdf('big one', 8_000_000), 'big-1.pdf');
  const big2 = await s.uploaded(pdf('big two', 8_000_000), 'big-2.pdf');
  const small = await s.uploaded(png(), 'small.png');
  const base = { contactId: s.contact.id, subject: 'Files', body: 'Here.' };
  const elevenIds = Array.from({ length: 11 }, (_, i) => `fl_${String(i).padStart(24, 'a')}`);
  const cases: [string, string[], number, string, RegExp][] = [
    ['an unknown file id', [small.id, 'fl_aaaaaaaaaaaaaaaaaaaaaaaa'], 400, 'invalid_field', /no such file in this workspace/],
    ["another workspace's file", [theirs.id], 400, 'invalid_field', /no such file in this workspace/],
    ['more than 10 files', elevenIds, 400, 'invalid_field', /fileIds/],
    ['more than 20 MB together', [big1.id, big2.id, small.id], 413, 'attachments_too_large', /at most 20971520/],
  ];
  for (const [what, fileIds, status, code, message] of cases) {
    for (const url of ['/api/v1/mail/preview', '/api/v1/mail']) {
      const res = await s.post(url, { ...base, fileIds });
      t.equal(res.statusCode, status, `${what} (${url}): ${res.body}`);
      t.match(res.json(), { error: { code, message, field: /^fileIds/ } }, what);
    }
  }
  t.same(await s.mailList(), [], 'nothing was queued');
  t.equal((await s.post('/api/v1/mail', { ...base, fileIds: [big1.id, small.id] })).statusCode, 201, 'within the limit it is queued');
});

t.test('a file deleted after the message was queued: the message fails with the reason, nothing half-sent', { skip }, async (t) => {
  const s = await setup(t);
  const file = await s.uploaded(pdf('gone soon'), 'gone.pdf');
  const mail = (await s.post('/api/v1/mail', { contactId: s.contact.id, subject: 'Files', body: 'Here.', fileIds: [file.id] })).json() as { id: string };
  t.equal((await s.api.call({ method: 'DELETE', url: `/api/v1/files/${file.id}`, token: s.token })).statusCode, 204);
  t.match(await s.pass(), { failed: 1 });
  t.equal(s.smtp.received.length, 0, 'nothing reached the SMTP server');
  t.match(await s.mailList(), [{ id: mail.id, state: 'failed', error: `attachment_unavailable: ${file.id} was deleted` }], 'the reason is shown');
});

t.test('a blob changed on disk after the message was queued: the message fails as unreadable, nothing is sent', { skip }, async (t) => {
  const s = await setup(t);
  const file = await s.uploaded(pdf('tampered', 100_000), 'plan.pdf');
  const mail = (await s.post('/api/v1/mail', { contactId: s.contact.id, subject: 'Files', body: 'Here.', fileIds: [file.id] })).json() as { id: string };
  const blob = join(s.api.config.dataDir, 'tenants', s.workspace.id, 'files', file.id);
  const bytes = readFileSync(blob);
  bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0xff;
  writeFileSync(blob, bytes);
  t.match(await s.pass(), { failed: 1 });
  t.equal(s.smtp.received.length, 0, 'nothing reached the SMTP server');
  t.match(await s.mailList(), [{ id: mail.id, state: 'failed', error: 'attachment_unreadable: plan.pdf does not decrypt or match its record' }]);
});
