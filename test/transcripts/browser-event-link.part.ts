// A meeting's transcript from its calendar event, in real Chromium: the event page lists no
// transcripts → Add transcript from there → the reader names the event and links back → the event
// page lists the transcript and opens the reader → the transcript is filed under the event and the
// event's lead (so the lead's page has it too). A viewer sees the list without Add. axe on each
// screen, no console errors.
import t from 'tap';
import { signIn } from '../../src/signin/signin.service.js';
import { invite } from '../../src/members/members.service.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, loaded, openPage, signInAs } from '../helpers/web-app.js';

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser transcript test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('a transcript added from its calendar event: reader ↔ event, in Chromium', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    api.runtime.tenancy.run(acme.id, { actor: null, operator: true, requestId: null }, () => invite(api.runtime, { email: 'mo@acme.example', role: 'viewer' }));
    const token = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } }).tokens.accessToken;
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await api.call({ method: 'POST', url, token, payload });
      t.equal(res.statusCode, 201, res.statusCode === 201 ? `POST ${url}` : res.body);
      return res.json() as Record<string, unknown>;
    };
    const contact = await post('/api/v1/contacts', { name: 'Dana Whitfield' });
    const lead = await post('/api/v1/leads', { title: 'Barn roof', contactId: contact.id, currency: 'USD' });
    const eventId = ((await post('/api/v1/calendar/events', { title: 'Site visit at the barn', timeZone: 'Europe/Berlin', start: '2027-04-12T09:30', end: '2027-04-12T10:30', leadId: lead.id, contactId: contact.id })).event as { id: string }).id;

    const browser = await launchChromium(t);
    const { page, problems } = await openPage(browser, base);
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));

    await signInAs(page, base, /ann@acme\.example/);
    await page.goto(`${base}/calendar/${eventId}`);
    await page.getByRole('heading', { name: 'Site visit at the barn', level: 1 }).waitFor();
    const panel = page.getByRole('region', { name: 'Transcripts' });
    await panel.getByText('No meeting transcripts yet.').waitFor();
    await panel.getByRole('link', { name: 'Add transcript' }).click();
    await page.getByRole('heading', { name: 'Add a transcript', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('Barn walk-through');
    await page.getByLabel('Text').fill('[00:00:04] Dana: The skylight leaks when it storms.\n[00:00:09] Ann: We replace the flashing with it.');
    await page.getByRole('button', { name: 'Add transcript' }).click();

    // The reader names its meeting and links back to it.
    await page.getByRole('heading', { name: 'Barn walk-through', level: 1 }).waitFor();
    const meeting = page.getByRole('link', { name: /^Site visit at the barn, / });
    await meeting.waitFor();
    t.ok(await page.getByRole('link', { name: '← Back to the event' }).isVisible(), 'the way back is to the event');
    await loaded(page);
    await check('transcript-reader');
    await meeting.click();

    // The event lists it; its link opens the reader.
    await page.getByRole('heading', { name: 'Site visit at the barn', level: 1 }).waitFor();
    await panel.getByRole('link', { name: 'Barn walk-through' }).waitFor();
    await loaded(page);
    await check('event-with-transcripts');
    await panel.getByRole('link', { name: 'Barn walk-through' }).click();
    await page.getByRole('heading', { name: 'Barn walk-through', level: 1 }).waitFor();
    const transcriptId = new URL(page.url()).pathname.split('/').pop() as string;
    const stored = (await api.call({ method: 'GET', url: `/api/v1/transcripts/${transcriptId}`, token })).json() as { eventId: string; leadId: string; contactId: string; segmentCount: number };
    t.match(stored, { eventId, leadId: lead.id, contactId: contact.id, segmentCount: 2 }, 'filed under the event, its lead and the lead’s contact');

    // A viewer reads the list and the reader, with no Add.
    const viewer = await openPage(browser, base);
    await signInAs(viewer.page, base, /mo@acme\.example/);
    await viewer.page.goto(`${base}/calendar/${eventId}`);
    const viewerPanel = viewer.page.getByRole('region', { name: 'Transcripts' });
    await viewerPanel.getByRole('link', { name: 'Barn walk-through' }).waitFor();
    t.equal(await viewerPanel.getByRole('link', { name: 'Add transcript' }).count(), 0, 'viewers add none');

    t.same(a11y, [], 'no serious or critical accessibility violations');
    t.same([...problems, ...viewer.problems], [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
