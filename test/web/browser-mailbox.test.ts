// Receiving replies in real Chromium against a real IMAP server (a private Dovecot): the admin
// connects the mailbox (a wrong password is refused, naming why, and nothing is saved), the
// customer replies to the estimate mail → "Sync now" → the reply is in the contact's mail thread
// and the lead's timeline, its hostile HTML shown sanitised (no image, no script, nothing remote
// loaded: no CSP report, no console error); a message with attachments offers the kept one for
// download (the bytes sent) and says why the other was not kept → the server goes down → the mailbox says so → it
// recovers; the export holds the reply. axe on each screen; screenshots.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { signIn } from '../../src/signin/signin.service.js';
import { readArchive } from '../export/archive.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { dovecotMissing, startDovecot } from '../helpers/dovecot.js';
import { accessibilityProblems, loaded, openPage, screenshots, signInAs } from '../helpers/web-app.js';
import { pdf, windowsExecutable } from '../files/helpers.js';
import { messageWithAttachments, OFFICE, rawMessage } from '../mailbox/mailbox-helpers.js';

const missing = chromiumMissing ?? dovecotMissing();
if (missing && process.env.CI === 'true') {
  t.fail(`the browser mailbox test cannot run in CI: it ${missing}`);
} else {
  t.test('receiving replies in Chromium: connect the mailbox → the customer replies → the reply in the contact\'s thread, sanitised → a server that is down is shown → export', { skip: missing || false }, async (t) => {
    const dovecot = await startDovecot(t);
    const account = dovecot.addUser(OFFICE.user, OFFICE.password);
    const { api, base } = await startGoogleSignInApp(t);
    createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    const ann = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } });
    const token = ann.tokens.accessToken;
    const call = async <T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
      const res = await api.call({ method, url, token, ...(payload ? { payload } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as T;
    };
    const dana = await call<{ id: string }>('POST', '/api/v1/contacts', { name: 'Dana Whitfield', email: 'dana@whitfield.example' });
    const lead = await call<{ id: string }>('POST', '/api/v1/leads', { title: 'Barn roof', contactId: dana.id, currency: 'USD' });
    const content = { currency: 'USD', sections: [{ title: 'Roof', showOnlySectionTotal: false, items: [{ id: 'a', description: 'Tiles', quantity: '2', unit: 'm²', unitPrice: 12345, taxRateBp: 0 }] }] };
    const estimate = await call<{ id: string }>('POST', '/api/v1/estimates', { title: 'Barn roof', contactId: dana.id, leadId: lead.id, content });
    const { mailId } = await call<{ mailId: string }>('POST', `/api/v1/estimates/${estimate.id}/send`, {});
    const { messageId, subject } = await call<{ messageId: string; subject: string }>('GET', `/api/v1/mail/${mailId}`);

    const browser = await launchChromium(t);
    const { page, problems, expectRefusal } = await openPage(browser, base);
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));

    // 1. The admin connects the mailbox: a wrong password is refused with the reason, then it works.
    await signInAs(page, base, /ann@acme\.example/);
    expectRefusal(404, '/api/v1/mailbox'); // no mailbox yet: the screen offers to connect one
    await page.getByRole('link', { name: 'Mailbox' }).click();
    await page.getByRole('heading', { name: 'Mailbox', level: 1 }).waitFor();
    await page.getByText('No mailbox is connected.').waitFor();
    await page.getByRole('button', { name: 'Connect a mailbox' }).click();
    await page.getByLabel('IMAP server').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(dovecot.port));
    await page.getByLabel('User name').fill(OFFICE.user);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByLabel('CA certificate (optional)').fill(dovecot.cert);
    expectRefusal(422, '/api/v1/mailbox');
    await page.getByRole('button', { name: 'Test and save' }).click();
    await page.getByRole('alert').getByText(/refused the login \(wrong user name or password\)/).waitFor();
    await check('mailbox form with an error');
    await page.getByLabel('Password').fill(OFFICE.password);
    await page.getByRole('button', { name: 'Test and save' }).click();
    const health = page.getByTestId('mailbox-health');
    await health.getByText('Not synced yet').first().waitFor();

    // 2. Dana replies to the estimate mail, with HTML that tries to load and run things.
    const html = '<p>Yes, <b>go ahead</b> with the barn roof.</p><img src="https://tracker.invalid/pixel.gif" alt="logo" onerror="document.title=1"><script>document.title = 2</script><a href="javascript:alert(1)">click</a>';
    await dovecot.deliver(account, rawMessage({ from: 'Dana Whitfield <dana@whitfield.example>', subject: `Re: ${subject}`, body: 'Yes, go ahead with the barn roof.', html, inReplyTo: messageId, references: messageId }));
    const plans = pdf('Barn plans');
    await dovecot.deliver(account, messageWithAttachments({ from: 'dana@whitfield.example', subject: 'Site plans', body: 'Plans attached.' }, [
      { name: 'plans.pdf', type: 'application/pdf', content: plans },
      { name: 'setup.pdf', type: 'application/pdf', content: windowsExecutable() },
    ]));
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('The mailbox was synced.').waitFor();
    await health.getByText('Working').waitFor();
    await health.getByText('2 messages imported.').waitFor();
    await check('mailbox');
    await screenshots(page, 'mailbox');

    // 3. The reply in Dana's mail thread, beside the estimate mail it answers; opened, sanitised.
    await page.goto(`${base}/contacts/${dana.id}`);
    const thread = page.getByRole('region', { name: 'Mail' });
    await thread.getByText(`Sent to dana@whitfield.example: “${subject}”`, { exact: false }).waitFor();
    await thread.getByRole('link', { name: `Re: ${subject}` }).click();
    await page.getByRole('heading', { name: `Re: ${subject}`, level: 1 }).waitFor();
    await loaded(page);
    const body = page.getByTestId('mail-body');
    await body.getByText('go ahead').waitFor();
    t.equal(await body.locator('img, script, [onerror]').count(), 0, 'no image, script or handler in the shown message');
    t.equal(await body.locator('a[href^="javascript"]').count(), 0, 'no javascript: link');
    t.match(await body.textContent(), /\[image: logo\]/, 'the image is named, not loaded');
    t.equal(await page.title(), `Re: ${subject} · Spinney`, 'nothing in the message ran');
    await check('received message');
    await screenshots(page, 'mailbox-message');

    // 3b. A message with attachments: the kept file downloads as sent; the refused one says why.
    await page.goto(`${base}/contacts/${dana.id}`);
    const sitePlans = page.getByRole('region', { name: 'Mail' }).locator('li', { hasText: 'Site plans' });
    await sitePlans.waitFor();
    t.match(await sitePlans.innerText(), /Attached: plans\.pdf$/m, "the contact's mail names the file kept from it (not the refused one)");
    await page.getByRole('region', { name: 'Mail' }).getByRole('link', { name: 'Site plans' }).click();
    await page.getByRole('heading', { name: 'Site plans', level: 1 }).waitFor();
    await page.getByText(/setup\.pdf.*not kept: not an allowed type/).waitFor();
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download plans.pdf' }).click();
    const download = await saved;
    t.equal(download.suggestedFilename(), 'plans.pdf');
    t.ok(readFileSync(await download.path()).equals(plans), 'the kept attachment downloads byte for byte');
    await check('received message with attachments');

    // 4. In the lead's timeline too.
    await page.goto(`${base}/leads/${lead.id}`);
    await page.getByRole('region', { name: 'Timeline' }).getByText('received from dana@whitfield.example').waitFor();

    // 5. The server goes down: the mailbox says so, with the reason; then it recovers.
    await dovecot.stop();
    await page.goto(`${base}/admin/mailbox`);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('alert').getByText(/The last sync failed .*connection refused/).waitFor();
    await health.getByText('Failing').waitFor();
    await dovecot.start();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await health.getByText('Working').waitFor();
    t.equal(await page.getByRole('alert').count(), 0, 'no failure shown once it works again');

    // 6. The export holds the reply.
    const exported = await api.call({ method: 'POST', url: '/api/v1/export', token, payload: {} });
    const archive = await readArchive(exported.rawPayload);
    t.match(archive.workspace.inbound_messages, [{ subject: `Re: ${subject}`, contact_id: dana.id, lead_id: lead.id, in_reply_to_mail_id: mailId, text: /go ahead/ }]);

    t.same(a11y, [], 'no serious accessibility problems');
    t.same(problems, [], 'no console errors, no CSP violations');
  });
}
