// Events over the API as members see them (ranges, links, attendees, roles, every refusal), and
// the private feed a phone subscribes to: only the member's events of that workspace, revocable,
// and a new URL ends the old one.
import t from 'tap';
import { readIcs } from './fixtures.js';
import { calendarSetup } from './fixtures.js';
import ICAL from 'ical.js';

interface Event { id: string; uid: string; sequence: number; version: number; startsAt: string; location: string | null; contactId: string | null; leadId: string | null; attendees: { kind: string; memberId: string | null; contactId: string | null; email: string | null; invitedSequence: number | null }[]; status: string }
interface Created { event: Event; mailIds: string[] }

const berlin = (over: Record<string, unknown> = {}) => ({ title: 'Roof survey', timeZone: 'Europe/Berlin', start: '2027-01-05T10:00', end: '2027-01-05T11:00', ...over });

t.test('create, read, list by range and member, update with version, cancel', async (t) => {
  const s = await calendarSetup(t);
  const lead = await s.ok<{ id: string }>('POST', '/api/v1/leads', { title: 'Barn roof', contactId: s.contact.id, currency: 'USD', siteAddress: '12 Elm St, Springfield' }, 201);
  const created = await s.ok<Created>('POST', '/api/v1/calendar/events', berlin({ leadId: lead.id, attendees: [{ memberId: s.sam.id }, { contactId: s.contact.id }] }), 201);
  t.match(created.event, { uid: `${created.event.id}@spinney.invalid`, sequence: 0, version: 1, startsAt: '2027-01-05T09:00:00.000Z', location: '12 Elm St, Springfield', contactId: s.contact.id, leadId: lead.id, status: 'confirmed' }, "the lead's site and contact by default");
  t.same(created.mailIds, [], 'no invites unless asked');
  t.match(created.event.attendees, [{ kind: 'member', memberId: s.sam.id, email: 'sam@whitfield.test', invitedSequence: null }, { kind: 'contact', contactId: s.contact.id, email: 'dana@customer.test' }]);
  t.same(await s.ok('GET', `/api/v1/calendar/events/${created.event.id}`, undefined, 200, s.viewer.token), created.event, 'a viewer reads it');

  await s.ok('POST', '/api/v1/calendar/events', berlin({ title: 'Later', start: '2027-02-01T10:00', end: '2027-02-01T11:00' }), 201);
  const january = await s.ok<{ items: Event[] }>('GET', '/api/v1/calendar/events?from=2027-01-01T00:00:00Z&to=2027-01-31T00:00:00Z');
  t.same(january.items.map((e) => e.id), [created.event.id], 'the range holds only the January event');
  const sams = await s.ok<{ items: Event[] }>('GET', `/api/v1/calendar/events?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z&memberId=${s.sam.id}`);
  t.same(sams.items.map((e) => e.id), [created.event.id], "Sam attends one; Maria organizes both");
  const byLead = await s.ok<{ items: Event[] }>('GET', `/api/v1/calendar/events?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z&leadId=${lead.id}`);
  t.equal(byLead.items.length, 1);

  const stale = await s.call('PATCH', `/api/v1/calendar/events/${created.event.id}`, { title: 'x', version: 7 });
  t.equal(stale.statusCode, 409);
  t.match(stale.json(), { error: { code: 'stale_version', field: 'version' } });
  const updated = await s.ok<Created>('PATCH', `/api/v1/calendar/events/${created.event.id}`, { title: 'Roof survey (2 h)', end: '2027-01-05T12:00', location: null, version: 1 });
  t.match(updated.event, { title: 'Roof survey (2 h)', sequence: 1, version: 2, location: null, endsAt: '2027-01-05T11:00:00.000Z' });
  t.same(updated.mailIds, [], 'never invited: no mail on change');
  const cancelled = await s.ok<Created>('POST', `/api/v1/calendar/events/${created.event.id}/cancel`);
  t.match(cancelled.event, { status: 'cancelled', sequence: 2 });
  const again = await s.call('POST', `/api/v1/calendar/events/${created.event.id}/invites`);
  t.match([again.statusCode, again.json()], [409, { error: { code: 'event_cancelled' } }]);
  const audit = await s.ok<{ items: { action: string }[] }>('GET', '/api/v1/audit-events?limit=20', undefined, 200, s.member('admin', 'ada@whitfield.test').token);
  t.same(audit.items.map((a) => a.action).filter((a) => a.startsWith('calendar.')).sort(), ['calendar.event_cancelled', 'calendar.event_created', 'calendar.event_created', 'calendar.event_updated']);
});

t.test('refusals: each names its field and changes nothing', async (t) => {
  const s = await calendarSetup(t);
  const other = s.api.tenant('Other');
  const foreignContact = (await s.api.call({ method: 'POST', url: '/api/v1/contacts', token: other.token('member', 'us_o'), payload: { name: 'Not yours' } })).json() as { id: string };
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an unknown zone', berlin({ timeZone: 'Mars/Olympus' }), 'invalid_field', 'timeZone'],
    ['a wall time the clocks skip', berlin({ timeZone: 'America/Denver', start: '2027-03-14T02:30', end: '2027-03-14T04:00' }), 'invalid_field', 'start'],
    ['an end before the start', berlin({ end: '2027-01-05T09:00' }), 'invalid_field', 'end'],
    ['a date for a timed event', berlin({ start: '2027-01-05' }), 'invalid_field', 'start'],
    ['a time for an all-day event', berlin({ allDay: true, end: '2027-01-06' }), 'invalid_field', 'start'],
    ['no such day', berlin({ start: '2027-02-29T10:00' }), 'invalid_field', 'start'],
    ["another workspace's contact", berlin({ contactId: foreignContact.id }), 'invalid_field', 'contactId'],
    ["another workspace's contact as attendee", berlin({ attendees: [{ contactId: foreignContact.id }] }), 'invalid_field', 'attendees/0/contactId'],
    ['a member of no workspace', berlin({ attendees: [{ memberId: 'mb_aaaaaaaaaaaaaaaaaaaaaaaa' }] }), 'invalid_field', 'attendees/0/memberId'],
    ['an attendee twice', berlin({ attendees: [{ memberId: s.sam.id }, { memberId: s.sam.id }] }), 'invalid_field', 'attendees/1'],
    ['no title', berlin({ title: '' }), 'invalid_field', 'title'],
    ['an unknown field', berlin({ colour: 'red' }), 'unknown_field', 'colour'],
  ];
  for (const [name, body, code, field] of cases) {
    const res = await s.call('POST', '/api/v1/calendar/events', body);
    t.equal(res.statusCode, 400, name);
    t.match(res.json(), { error: { code, field } }, name);
  }
  const viewer = await s.call('POST', '/api/v1/calendar/events', berlin(), s.viewer.token);
  t.equal(viewer.statusCode, 403, 'a viewer makes no events');
  const none = await s.ok<{ items: Event[] }>('GET', '/api/v1/calendar/events?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z');
  t.same(none.items, [], 'nothing was written');
  const missing = await s.call('GET', '/api/v1/calendar/events/ev_aaaaaaaaaaaaaaaaaaaaaaaa');
  t.equal(missing.statusCode, 404);
});

t.test("a member's feed: their events only, this workspace only, revocable, a new URL ends the old", async (t) => {
  const s = await calendarSetup(t);
  t.same(await s.ok('GET', '/api/v1/calendar/feed', undefined, 200, s.sam.token), { active: false, issuedAt: null });
  const mine = await s.ok<Created>('POST', '/api/v1/calendar/events', berlin({ title: 'Sam attends', start: '2027-03-27T23:00', end: '2027-03-28T04:00', attendees: [{ memberId: s.sam.id }] }), 201);
  await s.ok<Created>('POST', '/api/v1/calendar/events', berlin({ title: 'Sam organizes', allDay: true, start: '2027-01-07', end: '2027-01-08' }), 201, s.sam.token);
  await s.ok<Created>('POST', '/api/v1/calendar/events', berlin({ title: 'Only Maria' }), 201);
  const gone = await s.ok<Created>('POST', '/api/v1/calendar/events', berlin({ title: 'Cancelled one', attendees: [{ memberId: s.sam.id }] }), 201);
  await s.ok('POST', `/api/v1/calendar/events/${gone.event.id}/cancel`);
  // The same member id in another workspace: its events never reach this feed.
  const other = s.api.tenant('Other');
  await s.api.call({ method: 'POST', url: '/api/v1/calendar/events', token: other.token('member', s.sam.id), payload: berlin({ title: 'Elsewhere' }) });

  const issued = await s.ok<{ active: boolean; url: string; issuedAt: string }>('POST', '/api/v1/calendar/feed', {}, 200, s.sam.token);
  t.match(issued, { active: true, url: /\/calendar\/feed\/[A-Za-z0-9_-]{43}\/calendar\.ics$/ });
  const path = new URL(issued.url).pathname;
  const res = await s.api.call({ method: 'GET', url: path });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(res.body));
  const summaries = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary'))).sort();
  t.same(summaries, ['Sam attends', 'Sam organizes'], 'only the events Sam attends or organizes, cancelled ones left out');
  t.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
  t.notOk(res.body.includes('ATTENDEE'), 'a feed names no attendee addresses');
  const attends = calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('summary') === 'Sam attends')!;
  const one = readIcs(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${calendar.getAllSubcomponents('vtimezone').map((z) => z.toString()).join('\r\n')}\r\n${attends.toString()}\r\nEND:VCALENDAR`);
  t.match(one, { uid: mine.event.uid, startWall: '2027-03-27T23:00', startsAt: '2027-03-27T22:00:00.000Z', endsAt: '2027-03-28T02:00:00.000Z' }, 'across the change, as in the invite');

  const otherName = await s.api.call({ method: 'GET', url: path.replace(/\/calendar\.ics$/, '/x.ics') });
  t.notMatch(`${otherName.headers['content-type']} ${otherName.body}`, /text\/calendar|VCALENDAR/, 'another file name is not the feed (the web app answers it)');
  const reissued = await s.ok<{ url: string }>('POST', '/api/v1/calendar/feed', {}, 200, s.sam.token);
  t.equal((await s.api.call({ method: 'GET', url: path })).statusCode, 404, 'the old URL ends when a new one is issued');
  const newPath = new URL(reissued.url).pathname;
  t.equal((await s.api.call({ method: 'GET', url: newPath })).statusCode, 200);
  t.match(await s.ok('GET', '/api/v1/calendar/feed', undefined, 200, s.sam.token), { active: true, issuedAt: /^2026-12-01/ });
  const revoked = await s.call('DELETE', '/api/v1/calendar/feed', undefined, s.sam.token);
  t.equal(revoked.statusCode, 204);
  const after = await s.api.call({ method: 'GET', url: newPath });
  t.equal(after.statusCode, 404);
  t.notMatch(after.body, /Sam/);
  t.equal((await s.call('DELETE', '/api/v1/calendar/feed', undefined, s.sam.token)).statusCode, 404, 'nothing left to revoke');
  // A viewer has a feed of their own too.
  t.equal((await s.call('POST', '/api/v1/calendar/feed', {}, s.viewer.token)).statusCode, 200);
});

t.test('a feed stops when its member leaves the workspace', async (t) => {
  const s = await calendarSetup(t);
  const issued = await s.ok<{ url: string }>('POST', '/api/v1/calendar/feed', {}, 200, s.sam.token);
  const path = new URL(issued.url).pathname;
  t.equal((await s.api.call({ method: 'GET', url: path })).statusCode, 200);
  s.api.runtime.control.statement("UPDATE memberships SET status = 'archived' WHERE id = ?").run(s.sam.id);
  t.equal((await s.api.call({ method: 'GET', url: path })).statusCode, 404);
});
