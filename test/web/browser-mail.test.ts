// Mail in real Chromium: a template refused for an unknown variable next to its field, then saved →
// "Write email" on a lead, the template picked, a file of the lead attached, the preview filled in by
// the server → sent (the file arrives byte for byte, the outbox names it), shown in
// the lead's timeline → the workspace's own SMTP account refused for a wrong password (on the
// field), then tested and saved → the outbox worker sends through it to a real SMTP server → a
// message to a mailbox that does not exist fails with the server's answer, is found under "Failed"
// and sent again; the header's search finds the lead and the message; a transcript added to the
// lead (a broken file refused naming its line) is found by a phrase and opens at its segment → axe on every screen, no console errors; screenshots.
import t from 'tap';
import { mailHandler } from '../../src/mail/mail.handler.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { signIn } from '../../src/signin/signin.service.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { requireTools } from '../deploy/tools.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, loaded, openPage, screenshots, settle, signInAs } from '../helpers/web-app.js';
import { simpleParser } from 'mailparser';
import { pdf, upload } from '../files/helpers.js';
import { certificate, SMTP_PASSWORD, SMTP_USER, smtpEnv, smtpServer } from '../mail/smtp.js';

const skipTools = requireTools(t, ['openssl']);

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser mail test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test("mail in Chromium: a template → write to a lead's contact with it → the workspace's own SMTP account → sent, a failure sent again", { skip: chromiumMissing ?? skipTools }, async (t) => {
    const tls = certificate(t);
    const serverSmtp = await smtpServer(t, tls);
    const ownSmtp = await smtpServer(t, tls, 0, { refuse: ['gone@whitfield.example'] });
    const { api, base } = await startGoogleSignInApp(t, {
      env: smtpEnv(serverSmtp.port, tls),
    });
    createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    const token = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } }).tokens.accessToken;
    const post = async <T>(url: string, payload: Record<string, unknown>): Promise<T> => (await api.call({ method: 'POST', url, token, payload })).json() as T;
    const dana = await post<{ id: string }>('/api/v1/contacts', { name: 'Dana Whitfield', email: 'dana@whitfield.example' });
    const gone = await post<{ id: string }>('/api/v1/contacts', { name: 'Old Address', email: 'gone@whitfield.example' });
    const lead = await post<{ id: string }>('/api/v1/leads', { title: 'Barn roof', contactId: dana.id, currency: 'USD' });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const { event: visit } = await post<{ event: { id: string } }>('/api/v1/calendar/events', { title: 'Barn walk-through', timeZone: 'UTC', start: `${yesterday}T10:00`, end: `${yesterday}T11:00`, leadId: lead.id });
    const plan = pdf('Site plan');
    t.equal((await upload(api, token, plan, 'site-plan.pdf', `?leadId=${lead.id}`)).statusCode, 201, 'a file on the lead');
    const sendPass = () => runOutboxPass(api.runtime, [mailHandler({ timeoutMs: 5_000 })]);

    const browser = await launchChromium(t);
    const { page, problems, expectRefusal } = await openPage(browser, base);
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));
    await signInAs(page, base, /ann@acme\.example/);

    // 1. A template: an unknown variable is refused on the Message field, then it is saved.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail', exact: true }).click();
    await page.getByRole('heading', { name: 'Mail', level: 1 }).waitFor();
    await page.getByText('No mail yet.').waitFor();
    await check('outbox-empty');
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByText('No templates yet.').waitFor();
    await page.getByRole('button', { name: 'New template' }).click();
    const form = page.getByRole('form', { name: 'New template' });
    await form.getByLabel('Name').fill('After a visit');
    await form.getByLabel('Subject').fill('Your {{lead.title}} with {{workspace.name}}');
    await form.getByLabel('Message').fill('Hello {{contact.nickname}},');
    expectRefusal(400, '/api/v1/mail-templates');
    await form.getByRole('button', { name: 'Save template' }).click();
    await form.getByText('{{contact.nickname}} is not a variable').waitFor();
    t.equal(await form.getByLabel('Message').getAttribute('aria-invalid'), 'true', 'the refusal is on the Message field');
    await check('template-refused');
    await form.getByLabel('Message').fill('Hello {{contact.firstName}},\n\nThanks for having us out today. <b>Not bold</b>.');
    await form.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('heading', { name: 'After a visit', level: 2 }).waitFor();
    t.pass('the template is listed');

    // 2. Write email from the lead, with the template; the server's preview; send.
    await page.goto(`${base}/leads/${lead.id}`);
    await page.getByRole('link', { name: 'Write email' }).click();
    await page.getByRole('heading', { name: 'Write to Dana Whitfield', level: 1 }).waitFor();
    await page.getByLabel('Template').selectOption({ label: 'After a visit' });
    const preview = page.getByRole('region', { name: 'As the contact gets it' });
    await preview.getByText('Your Barn roof with Acme Roofing').waitFor();
    t.equal(await preview.locator('[data-preview-text]').innerText(), 'Hello Dana,\n\nThanks for having us out today. <b>Not bold</b>.', 'the variables filled in by the server, markup shown as typed');
    t.match(await preview.innerText(), /Dana Whitfield <dana@whitfield\.example>[\s\S]*ann@acme\.example/, 'to whom, and that replies come back to Ann');
    await page.getByRole('group', { name: 'Attach files' }).getByRole('checkbox', { name: /site-plan\.pdf/ }).check();
    await preview.locator('[data-preview-attachments]').getByText('site-plan.pdf').waitFor();
    t.pass('the file of the lead is attached, and the preview says so');
    await check('compose');
    await screenshots(page, 'mail-compose');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();
    await page.getByText('The message is queued').waitFor();
    await page.getByText('Your Barn roof with Acme Roofing').first().waitFor();
    t.pass("the lead's timeline shows the message");

    // 2b. Search from the header ("/" puts the cursor there): the lead and the message, grouped, the match marked.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    t.equal(await page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")'), 'Search the workspace', '"/" focuses the search box');
    await page.keyboard.type('barn roo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Results for “barn roo”', level: 1 }).waitFor();
    const leads = page.getByRole('region', { name: /^Leads/ });
    await leads.getByRole('link', { name: 'Barn roof' }).waitFor();
    t.equal(await leads.locator('mark').first().innerText(), 'Barn', 'the matched word is marked');
    await page.getByRole('region', { name: /^Mail/ }).getByRole('link', { name: 'Your Barn roof with Acme Roofing' }).waitFor();
    await check('search');
    await screenshots(page, 'search');
    await leads.getByRole('link', { name: 'Barn roof' }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();

    // 2c. A meeting transcript on the lead: a broken file is refused naming its line; a good one is
    // read into segments; a phrase from it is found by search and opens the reader at its segment.
    await page.getByRole('region', { name: 'Transcripts' }).getByRole('link', { name: 'Add transcript' }).click();
    await page.getByRole('heading', { name: 'Add a transcript', level: 1 }).waitFor();
    await page.getByLabel('Transcript file').setInputFiles({ name: 'site-visit.vtt', mimeType: 'text/vtt', buffer: Buffer.from('WEBVTT\n\n00:00:01.000 --> soon\nhello') });
    await page.getByLabel('Title').waitFor();
    t.equal(await page.getByLabel('Title').inputValue(), 'site-visit', "the file's name as the title");
    expectRefusal(400, '/api/v1/transcripts');
    await page.getByRole('button', { name: 'Add transcript' }).click();
    await page.getByText('line 3: "soon" is not a time').waitFor();
    t.equal(await page.getByLabel('Text').getAttribute('aria-invalid'), 'true', 'the refusal is on the Text field, naming the line');
    const vtt = ['WEBVTT', '', '00:00:02.000 --> 00:00:05.000', '<v Ann>Thanks for showing us the barn.', '', '00:01:10.000 --> 00:01:15.000', '<v Dana Whitfield>The skylight over the hay loft leaks when it storms.', ''].join('\n');
    await page.getByLabel('Transcript file').setInputFiles({ name: 'site-visit.vtt', mimeType: 'text/vtt', buffer: Buffer.from(vtt) });
    await page.getByLabel('Title').fill('Site visit');
    await page.getByRole('button', { name: 'Add transcript' }).click();
    await page.getByRole('heading', { name: 'Site visit', level: 1 }).waitFor();
    await page.getByText('“Site visit” was added: 2 segments.').waitFor();
    await page.locator('.transcript li').nth(1).getByText('The skylight over the hay loft leaks when it storms.').waitFor();
    await check('transcript-reader');
    await page.getByRole('searchbox', { name: 'Search the workspace' }).fill('"hay loft"');
    await page.keyboard.press('Enter');
    const transcripts = page.getByRole('region', { name: /^Transcripts/ });
    await transcripts.getByRole('link', { name: 'Site visit' }).click();
    const target = page.locator('.transcript-target');
    await target.waitFor();
    t.match(await target.innerText(), /1:10\s+Dana Whitfield\s+The skylight over the hay loft/, 'the reader opens at the segment where it was said');
    // The reader focuses the segment in an effect, a frame after it is marked.
    const focusedId = () => page.evaluate<string | null>('document.activeElement && document.activeElement.id');
    t.equal(await settle(focusedId, (id) => id === 's-2'), 's-2', 'and puts the focus there');
    await screenshots(page, 'transcript');
    // It was yesterday's walk-through: linked to that meeting of the lead, then unlinked again.
    await page.getByRole('button', { name: 'Link to a meeting' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Link to a meeting' });
    t.match(await linkDialog.getByLabel('Meeting').locator('option:checked').innerText(), /^Barn walk-through, /, "the lead's most recent meeting is offered first");
    await check('transcript-link-meeting');
    await linkDialog.getByRole('button', { name: 'Link' }).click();
    await page.getByText('The transcript is linked to the meeting.').waitFor();
    await page.locator('.transcript-event').getByRole('link', { name: /^Barn walk-through, / }).waitFor();
    const transcriptId = new URL(page.url()).pathname.split('/')[2] as string;
    const linked = (await api.call({ method: 'GET', url: `/api/v1/transcripts?eventId=${visit.id}`, token })).json() as { items: { id: string }[] };
    t.same(linked.items.map((i) => i.id), [transcriptId], "the event's transcripts now hold it");
    await page.getByRole('button', { name: 'Unlink the meeting' }).click();
    await page.getByText('The transcript is no longer linked to the meeting.').waitFor();
    await page.getByRole('button', { name: 'Link to a meeting' }).waitFor();
    t.equal(await page.locator('.transcript-event').count(), 0, 'the meeting line is gone');
    await page.getByRole('link', { name: '← Back to the lead' }).click();
    await page.getByRole('heading', { name: 'Barn roof', level: 1 }).waitFor();

    // 3. The workspace's own SMTP account: a wrong password is refused on its field, then it is saved.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail settings' }).click();
    await page.getByRole('heading', { name: 'Mail settings', level: 1 }).waitFor();
    await page.getByText("The server's SMTP account (set by the operator).").waitFor();
    await page.getByLabel('SMTP server').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(ownSmtp.port));
    await page.getByLabel('User name').fill(SMTP_USER);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByLabel('From').fill('Acme Roofing <office@acme.example>');
    expectRefusal(422, '/api/v1/settings/mail');
    await page.getByRole('button', { name: 'Test and save' }).click();
    await page.getByText(/refused the user name or password/).waitFor();
    t.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true', 'the refusal is on the Password field');
    await check('mail-settings-refused');
    await page.getByLabel('Password').fill(SMTP_PASSWORD);
    await page.getByRole('button', { name: 'Test and save' }).click();
    await page.getByText("The workspace's own SMTP account, below.").waitFor();
    t.equal(await page.getByLabel('Password').getAttribute('placeholder'), 'Unchanged', 'the password is never shown back');

    // 4. The outbox sends through it; a mailbox that does not exist fails with the server's answer.
    await api.call({ method: 'POST', url: '/api/v1/mail', token, payload: { contactId: gone.id, subject: 'Your invoice', body: 'Hello' } });
    await sendPass();
    t.equal(ownSmtp.received.length, 1, "the message went out through the workspace's account");
    t.equal(serverSmtp.received.length, 0);
    t.match(ownSmtp.received[0]?.raw.toString('utf8'), /^Reply-To: ann@acme\.example\r?$/m);
    const barnMail = await simpleParser(ownSmtp.received[0]!.raw);
    t.equal(barnMail.attachments[0]?.filename, 'site-plan.pdf');
    t.ok(barnMail.attachments[0]?.content.equals(plan), 'the file chosen on the compose screen arrives byte for byte');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail', exact: true }).click();
    await loaded(page);
    await page.getByRole('link', { name: 'Failed' }).click();
    const failedRow = page.locator('.mail-table tbody tr');
    await failedRow.getByText('Your invoice').waitFor();
    t.match(await failedRow.innerText(), /Old Address <gone@whitfield\.example>[\s\S]*Failed[\s\S]*550[\s\S]*no such mailbox/, "the failure with the server's answer");
    t.equal(await failedRow.count(), 1, 'only the failed one under Failed');
    await check('outbox-failed');
    // One rectangle per line the text takes: a word broken in two takes two.
    const unbroken = await page.evaluate(`[...document.querySelectorAll('.mail-table .mail-state, .mail-table th.mail-state-column')].every((e) => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length === 1; })`);
    t.ok(unbroken, 'the State heading and each state stay whole words on one line beside a long address');
    await screenshots(page, 'mail-outbox');
    const below = await failedRow.evaluate((row) => {
      const button = row.querySelector('.mail-resend')?.getBoundingClientRect();
      const answer = row.querySelector('[data-label="Server\'s answer"]')?.getBoundingClientRect();
      return button && answer ? button.left - answer.left < 40 && button.top > answer.top + 10 : false;
    });
    t.ok(below, "Send again sits on its own line under the server's answer, not after its last word");
    await failedRow.getByRole('button', { name: 'Send again' }).click();
    await page.getByText('The message is queued again.').waitFor();
    await page.getByRole('link', { name: 'All' }).click();
    await page.locator('.mail-table tbody tr').nth(1).waitFor();
    t.match(await page.locator('.mail-table').innerText(), /Your invoice[\s\S]*Queued[\s\S]*Your Barn roof with Acme Roofing[\s\S]*site-plan\.pdf[\s\S]*Sent/, 'queued again, the other sent, naming its attachment');

    t.same(a11y, [], 'no serious or critical accessibility problems');
    t.same(problems, [], 'no console errors');
  });
}
