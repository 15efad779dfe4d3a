// The calendar in real Chromium: a member makes an event in Europe/Berlin across the March change
// with a contact and themself as attendees and sends the invites → the event page shows both
// invited → the contact's invite (written by the outbox as the .eml a mail client gets) reads back
// in ical.js with the right local times → the week view shows it on its day; the agenda on a
// phone → the member makes a feed link, copies it, a calendar fetches it, then it is revoked →
// the event is cancelled → the export holds it. A viewer sees no write action. axe on every
// screen, no console errors; screenshots.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mailHandler } from '../../src/mail/mail.handler.js';
import { invite } from '../../src/members/members.service.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { signIn } from '../../src/signin/signin.service.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { calendarPartOf, readIcs } from '../calendar/fixtures.js';
import { readArchive } from '../export/archive.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { accessibilityProblems, loaded, openPage, PHONE, DESKTOP, screenshots, signInAs } from '../helpers/web-app.js';

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the browser calendar test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('calendar in Chromium: event with invites across DST → read back → week and agenda → feed link → cancel → export', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    api.runtime.tenancy.run(acme.id, { actor: null, operator: true, requestId: null }, () => invite(api.runtime, { email: 'mo@acme.example', role: 'viewer' }));
    const ann = signIn(api.runtime, { provider: 'google', subject: 'g-ann', email: 'ann@acme.example', emailVerified: true }, { workspace: null, clientKind: 'native', requestId: 'r', client: { ip: '127.0.0.1', userAgent: null } });
    const token = ann.tokens.accessToken;
    t.equal((await api.call({ method: 'POST', url: '/api/v1/contacts', token, payload: { name: 'Dana Whitfield', email: 'dana@whitfield.example' } })).statusCode, 201);
    // An event in the next days, for the agenda (which starts today).
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    t.equal((await api.call({ method: 'POST', url: '/api/v1/calendar/events', token, payload: { title: 'Gutter check', timeZone: 'UTC', start: `${soon}T10:00`, end: `${soon}T11:00`, location: '12 Elm St' } })).statusCode, 201);

    const browser = await launchChromium(t);
    const { page, context, problems } = await openPage(browser, base);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const a11y: string[] = [];
    const check = async (screen: string) => a11y.push(...(await accessibilityProblems(page)).map((p) => `${screen}: ${p}`));

    // 1. From the calendar to the editor.
    await signInAs(page, base, /ann@acme\.example/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: /^Week of/, level: 1 }).waitFor();
    await loaded(page);
    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByRole('heading', { name: 'New event', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('Roof survey');
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    // Berlin springs forward at 02:00 on 28 March 2027: 23:00 CET to 04:00 CEST is four hours.
    await page.getByLabel('Starts').fill('2027-03-27T23:00');
    await page.getByLabel('Ends').fill('2027-03-28T04:00');
    await page.getByLabel('Location or site address').fill('Whitfield Farm, barn');
    await page.getByLabel('Add a contact').fill('Dana');
    await page.getByRole('button', { name: /Dana Whitfield/ }).click();
    await page.getByRole('checkbox', { name: /ann@acme\.example/ }).check();
    t.ok(await page.getByRole('checkbox', { name: 'Send invites to the attendees now' }).isChecked(), 'invites go out by default');
    await check('event-editor');
    await screenshots(page, 'calendar-event-editor');
    await page.getByRole('button', { name: 'Add event' }).click();

    // 2. The event page: both attendees invited.
    await page.getByRole('heading', { name: 'Roof survey', level: 1 }).waitFor();
    await loaded(page);
    const eventId = new URL(page.url()).pathname.split('/')[2] as string;
    t.match(await page.locator('.details').innerText(), /2027-03-27 23:00–2027-03-28 04:00 \(Europe\/Berlin\)/, 'the time as the invite states it');
    const attendees = page.getByRole('region', { name: 'Attendees' });
    t.match(await attendees.innerText(), /ann@acme\.example\s+Member\s+Invited \(up to date\)\s+Dana Whitfield\s+Contact\s+Invited \(up to date\)/, 'both invited');
    await check('event-detail');
    await screenshots(page, 'calendar-event');

    // 3. The outbox sends them (no SMTP here: .eml files); Dana's reads back in ical.js.
    t.match(await runOutboxPass(api.runtime, [mailHandler({ timeoutMs: 5_000 })]), { delivered: 3 }, "the two invites, and Mo's invitation to the workspace");
    const mail = (await api.call({ method: 'GET', url: '/api/v1/mail', token, query: { eventId } })).json() as { items: { id: string; to: string; kind: string; state: string }[] };
    const toDana = mail.items.find((m) => m.to === 'dana@whitfield.example');
    t.match(toDana, { kind: 'calendar', state: 'sent' });
    const part = await calendarPartOf(readFileSync(join(api.config.dataDir, 'dev-mail', `${toDana!.id}.eml`)));
    t.match(readIcs(part.ics), { method: 'REQUEST', tzid: 'Europe/Berlin', startWall: '2027-03-27T23:00', endWall: '2027-03-28T04:00', startsAt: '2027-03-27T22:00:00.000Z', endsAt: '2027-03-28T02:00:00.000Z' }, "Dana's calendar reads the right times across the change");

    // 4. The week view shows it on its day; the agenda on a phone.
    await page.goto(`${base}/calendar?week=2027-03-22`);
    await page.getByRole('heading', { name: /^Week of/, level: 1 }).waitFor();
    await loaded(page);
    const week = page.getByRole('list', { name: /^Week of/ });
    await week.getByRole('link', { name: 'Roof survey' }).first().waitFor();
    t.equal(await week.getByRole('link', { name: 'Roof survey' }).count(), 2, 'on the two days it touches (the viewer\'s Saturday and Sunday)');
    await check('calendar-week');
    await screenshots(page, 'calendar-week');
    await page.setViewportSize(PHONE);
    await page.getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    await loaded(page);
    await page.getByRole('link', { name: 'Gutter check' }).waitFor();
    t.match(await page.locator('.calendar-agenda').innerText(), /10:00[\s\S]*Gutter check[\s\S]*12 Elm St/);
    await check('calendar-agenda-phone');
    await screenshots(page, 'calendar-agenda');
    await page.setViewportSize(DESKTOP);

    // 5. The feed: make a link, copy it, a calendar fetches it; a new one ends it; revoke.
    await page.getByRole('link', { name: 'Subscribe on your phone' }).click();
    await page.getByRole('heading', { name: 'Subscribe to your calendar', level: 1 }).waitFor();
    await loaded(page);
    await page.getByText('You have no feed link.').waitFor();
    await page.getByRole('button', { name: 'Make a feed link' }).click();
    const url = await page.getByLabel('Feed link (shown only now)').inputValue();
    t.match(url, new RegExp(`^${base}/calendar/feed/[A-Za-z0-9_-]{43}/calendar\\.ics$`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('The feed link was copied.').waitFor();
    t.equal(await page.evaluate('navigator.clipboard.readText()'), url, 'the link is on the clipboard');
    await check('calendar-feed');
    await screenshots(page, 'calendar-feed');
    const fetched = await fetch(url);
    t.equal(fetched.status, 200);
    t.match(fetched.headers.get('content-type'), /^text\/calendar/);
    const feedText = await fetched.text();
    t.ok(feedText.includes('SUMMARY:Roof survey') && feedText.includes('SUMMARY:Gutter check'), "the member's events");
    await page.getByRole('button', { name: 'Revoke feed link' }).click();
    await page.getByRole('alertdialog', { name: 'Revoke your feed link?' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('You have no feed link.').waitFor();
    t.equal((await fetch(url)).status, 404, 'a revoked link opens nothing');

    // 6. Cancel the event: a CANCEL to both attendees.
    await page.goto(`${base}/calendar/${eventId}`);
    await page.getByRole('button', { name: 'Cancel event' }).click();
    await page.getByRole('alertdialog', { name: 'Cancel Roof survey?' }).getByRole('button', { name: 'Cancel event' }).click();
    await page.getByText(/This event was cancelled/).waitFor();
    t.equal(await page.getByRole('button', { name: 'Send invites' }).count(), 0, 'a cancelled event takes no more invites');
    t.match(await runOutboxPass(api.runtime, [mailHandler({ timeoutMs: 5_000 })]), { delivered: 2 }, 'the cancellations');

    // 7. The export holds the event and its attendees.
    const exported = await api.call({ method: 'POST', url: '/api/v1/export', token, payload: {} });
    const { workspace } = await readArchive(exported.rawPayload);
    t.match(workspace.calendar_events?.find((e) => e.id === eventId), { title: 'Roof survey', status: 'cancelled', sequence: 1, time_zone: 'Europe/Berlin', start_local: '2027-03-27T23:00' });
    t.equal(workspace.calendar_attendees?.filter((a) => a.event_id === eventId).length, 2);

    // 8. A viewer reads the calendar but has no write action.
    const viewer = await openPage(browser, base);
    await signInAs(viewer.page, base, /mo@acme\.example/);
    await viewer.page.goto(`${base}/calendar?week=2027-03-22`);
    await viewer.page.getByRole('heading', { name: /^Week of/, level: 1 }).waitFor();
    await loaded(viewer.page);
    await viewer.page.getByRole('link', { name: 'Roof survey' }).first().waitFor();
    t.equal(await viewer.page.getByRole('link', { name: 'New event' }).count(), 0, 'no "New event" for a viewer');
    await viewer.page.goto(`${base}/calendar/${eventId}`);
    await viewer.page.getByRole('heading', { name: 'Roof survey', level: 1 }).waitFor();
    t.equal(await viewer.page.getByRole('link', { name: 'Edit' }).count(), 0, 'no Edit for a viewer');

    t.same(a11y, [], 'no serious or critical accessibility violations on any screen');
    t.same([...problems, ...viewer.problems], [], 'no console errors, CSP violations or uncaught exceptions');
  });
}
