// Inbound mail is untrusted: its HTML is kept only sanitised (no scripts, event handlers, styles,
// frames, forms, images or any remote URL; links only http(s)/mailto, without referrer or opener),
// and its attachments are checked like uploads and kept as files (test/mailbox/attachments.part.ts).
import t, { type Test } from 'tap';
import { sanitizeInboundHtml } from '../../src/mailbox/inbound-parse.js';
import { dovecotMissing } from '../helpers/dovecot.js';
import { mailboxSetup } from './mailbox-helpers.js';

const HOSTILE = `<html><head><style>body { background: url(https://tracker.test/bg.png) }</style><script>alert(1)</script></head>
<body onload="steal()">
<p style="background-image: url('https://tracker.test/style.png')">Dear Whitfield,</p>
<img src="https://tracker.test/pixel.gif" alt="logo" onerror="steal()" srcset="https://tracker.test/2x.gif 2x">
<picture><source srcset="https://tracker.test/p.webp"></picture>
<a href="javascript:steal()">click</a> <a href="https://example.test/plans" onclick="steal()">the plans</a> <a href="//tracker.test/x">relative</a>
<iframe src="https://tracker.test/frame"></iframe><form action="https://tracker.test/post"><input name="card"></form>
<svg><image href="https://tracker.test/svg.png"/></svg><object data="https://tracker.test/o"></object>
<table><tr><td colspan="2" background="https://tracker.test/td.png">Total</td></tr></table>
<link rel="stylesheet" href="https://tracker.test/s.css"><meta http-equiv="refresh" content="0;url=https://tracker.test/">
</body></html>`;

function assertSafe(t: Test, html: string): void {
  t.notMatch(html, /tracker\.test/, 'no remote URL of the tracker survives anywhere');
  t.notMatch(html, /<script|<style|<iframe|<form|<input|<svg|<object|<img|<picture|<source|<link|<meta/i, 'no active or loading element');
  t.notMatch(html, /\son[a-z]+=/i, 'no event handler');
  t.notMatch(html, /style=/i, 'no style attribute');
  t.notMatch(html, /javascript:/i, 'no javascript: link');
  t.match(html, /<a href="https:\/\/example\.test\/plans" rel="noopener noreferrer nofollow" target="_blank">the plans<\/a>/, 'a web link is kept, without referrer or opener');
  t.match(html, /\[image: logo\]/, 'an image is named, not loaded');
  t.match(html, /<td colspan="2">Total<\/td>/, 'tables keep their structure');
  t.match(html, /Dear Whitfield,/);
}

t.test('the allowlist', async (t) => {
  assertSafe(t, sanitizeInboundHtml(HOSTILE));
  t.equal(sanitizeInboundHtml('<a href="mailto:dana@customer.test">mail</a>'), '<a href="mailto:dana@customer.test" rel="noopener noreferrer nofollow" target="_blank">mail</a>');
  t.equal(sanitizeInboundHtml('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'), '<span>x</span>', 'a data: link is only its text');
  t.equal(sanitizeInboundHtml('<a href=" JaVaScript:alert(1)">y</a><a href="//tracker.test/z">z</a>'), '<span>y</span><span>z</span>', 'so are javascript: and protocol-relative links');
});

t.test('a hostile message through a real IMAP server: stored sanitised, its attachment listed with the file it was kept as', { skip: dovecotMissing() }, async (t) => {
  const s = await mailboxSetup(t);
  const boundary = 'mixed-boundary';
  const raw = [
    'From: Dana <dana@customer.test>',
    'To: office@whitfield.test',
    'Subject: Plans attached',
    'Message-ID: <hostile@customer.test>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    HOSTILE,
    `--${boundary}`,
    'Content-Type: application/pdf; name="plans.pdf"',
    'Content-Disposition: attachment; filename="plans.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 pretend plans').toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  await s.dovecot.deliver(s.account, raw);
  t.equal((await s.sync()).imported, 1);
  const [summary] = await s.received();
  t.match(summary, { subject: 'Plans attached', contactId: s.contactId, attachments: [{ name: 'plans.pdf', type: 'application/pdf', size: 22, fileId: /^fl_/, refused: null }] });
  const message = (await s.api.call({ method: 'GET', url: `/api/v1/received-mail/${summary!.id}`, token: s.member })).json() as { html: string; text: string };
  assertSafe(t, message.html);
  t.match(message.text, /Dear Whitfield,/, 'a text body made from the HTML');
  t.notMatch(message.text, /alert\(1\)|steal\(\)/, 'without the script');
});
