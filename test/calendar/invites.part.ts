// Invites through a real SMTP server, read back by an independent parser (ical.js, with the
// invite's own VTIMEZONE): the wall times and instants on both sides of DST changes in two zones,
// one UID for the life of an event, SEQUENCE growing with every change, CANCEL on cancellation.
// The test process runs in a zone of neither event: a writer that took a plain Date's local hours
// would write Kolkata wall times here.
process.env.TZ = 'Asia/Kolkata';
import t from 'tap';
import { mailHandler } from '../../src/mail/mail.handler.js';
import { runOutboxPass } from '../../src/outbox/worker.js';
import { requireTools } from '../deploy/tools.js';
import { certificate, smtpEnv, smtpServer } from '../mail/smtp.js';
import { calendarPartOf, calendarSetup, readIcs } from './fixtures.js';

const skip = requireTools(t, ['openssl']);

interface Sent {
  event: { id: string; uid: string; sequence: number; startsAt: string; endsAt: string; version: number; attendees: { invitedSequence: number | null; email: string | null }[] };
  mailIds: string[];
}

t.test('invites across DST in Denver and Berlin: wall times, instants, UID, SEQUENCE, CANCEL, read back by ical.js', { skip }, async (t) => {
  t.equal(new Date(Date.UTC(2027, 0, 1)).getHours(), 5, 'the process runs in Asia/Kolkata');
  const tls = certificate(t);
  const smtp = await smtpServer(t, tls);
  const s = await calendarSetup(t, { ...smtpEnv(smtp.port, tls, 'Whitfield via Spinney <mail@spinney.test>'), SPINNEY_SMTP_SECURE: 'starttls' });
  const pass = () => runOutboxPass(s.api.runtime, [mailHandler({ timeoutMs: 5_000 })]);
  const received = async (from: number) => Promise.all(smtp.received.slice(from).map(async (m) => ({ ...(await calendarPartOf(m.raw)), rcpt: m.to })));

  // Each case: an event the DST change falls inside or beside, its wall times, and the UTC instants they are.
  const cases = [
    // America/Denver springs forward 2027-03-14 02:00 → 03:00 (MST -7 → MDT -6): the event spans the gap.
    { zone: 'America/Denver', start: '2027-03-14T01:30', end: '2027-03-14T03:30', startsAt: '2027-03-14T08:30:00.000Z', endsAt: '2027-03-14T09:30:00.000Z' },
    // Denver falls back 2027-11-07 02:00 → 01:00: the same wall hour a week apart is an hour apart in UTC.
    { zone: 'America/Denver', start: '2027-11-06T09:00', end: '2027-11-06T10:00', startsAt: '2027-11-06T15:00:00.000Z', endsAt: '2027-11-06T16:00:00.000Z' },
    { zone: 'America/Denver', start: '2027-11-08T09:00', end: '2027-11-08T10:00', startsAt: '2027-11-08T16:00:00.000Z', endsAt: '2027-11-08T17:00:00.000Z' },
    // Europe/Berlin springs forward 2027-03-28 02:00 → 03:00 (CET +1 → CEST +2), falls back 2027-10-31 03:00 → 02:00.
    { zone: 'Europe/Berlin', start: '2027-03-27T23:00', end: '2027-03-28T04:00', startsAt: '2027-03-27T22:00:00.000Z', endsAt: '2027-03-28T02:00:00.000Z' },
    { zone: 'Europe/Berlin', start: '2027-10-30T09:30', end: '2027-10-30T10:30', startsAt: '2027-10-30T07:30:00.000Z', endsAt: '2027-10-30T08:30:00.000Z' },
    { zone: 'Europe/Berlin', start: '2027-11-01T09:30', end: '2027-11-01T10:30', startsAt: '2027-11-01T08:30:00.000Z', endsAt: '2027-11-01T09:30:00.000Z' },
  ];
  for (const c of cases) {
    const before = smtp.received.length;
    const created = await s.ok<Sent>('POST', '/api/v1/calendar/events', {
      title: `Roof survey ${c.start}`,
      timeZone: c.zone,
      start: c.start,
      end: c.end,
      contactId: s.contact.id,
      attendees: [{ contactId: s.contact.id }, { memberId: s.sam.id }],
      sendInvites: true,
    }, 201);
    t.same([created.event.startsAt, created.event.endsAt], [c.startsAt, c.endsAt], `${c.zone} ${c.start}: the stored instants`);
    t.equal(created.mailIds.length, 2, 'one message per attendee');
    t.match(await pass(), { delivered: 2, failed: 0 });
    const messages = await received(before);
    t.same(messages.map((m) => m.rcpt[0]).sort(), ['dana@customer.test', 'sam@whitfield.test'], 'the contact and the member receive it');
    for (const m of messages) {
      t.equal(m.method, 'REQUEST', 'the text/calendar part says METHOD=REQUEST');
      const back = readIcs(m.ics);
      t.match(back, { method: 'REQUEST', uid: created.event.uid, sequence: 0, tzid: c.zone, startWall: c.start, endWall: c.end, allDay: false, organizer: 'mail@spinney.test' }, `${c.zone} ${c.start}: ical.js reads the wall times`);
      t.same([back.startsAt, back.endsAt], [c.startsAt, c.endsAt], `${c.zone} ${c.start}: ical.js computes the same instants from the VTIMEZONE`);
      t.same(back.attendees.sort(), ['dana@customer.test', 'sam@whitfield.test']);
    }
    const dana = messages.find((m) => m.rcpt[0] === 'dana@customer.test')!;
    t.equal(dana.subject, `Invitation: Roof survey ${c.start} (${c.start.replace('T', ' ')}–${c.end.slice(0, 10) === c.start.slice(0, 10) ? c.end.slice(11) : c.end.replace('T', ' ')} (${c.zone}))`);
  }

  const danas = await s.ok<{ items: { to: string }[] }>('GET', `/api/v1/mail?contactId=${s.contact.id}&limit=100`);
  t.same(new Set(danas.items.map((m) => m.to)), new Set(['dana@customer.test']), "only Dana's copies are in her mail, not the member's");
  t.equal(danas.items.length, cases.length);

  // One event through its life: moved across Berlin's October change, then cancelled.
  const before = smtp.received.length;
  const first = await s.ok<Sent>('POST', '/api/v1/calendar/events', { title: 'Final walk-through', timeZone: 'Europe/Berlin', start: '2027-10-29T14:00', end: '2027-10-29T15:00', attendees: [{ contactId: s.contact.id }], sendInvites: true }, 201);
  const moved = await s.ok<Sent>('PATCH', `/api/v1/calendar/events/${first.event.id}`, { start: '2027-11-02T14:00', end: '2027-11-02T15:00', version: first.event.version });
  t.equal(moved.event.sequence, 1, 'a change adds one to SEQUENCE');
  t.equal(moved.mailIds.length, 1, 'the invited attendee gets the update without being asked');
  const renamed = await s.ok<Sent>('PATCH', `/api/v1/calendar/events/${first.event.id}`, { title: 'Final walk-through (with owner)' });
  t.equal(renamed.event.sequence, 2);
  const cancelled = await s.ok<Sent>('POST', `/api/v1/calendar/events/${first.event.id}/cancel`, {});
  t.equal(cancelled.event.sequence, 3);
  t.match(await pass(), { delivered: 4, failed: 0 });
  const life = (await received(before)).map((m) => ({ ...readIcs(m.ics), partMethod: m.method, subject: m.subject }));
  t.same(life.map((m) => [m.method, m.partMethod, m.sequence]), [['REQUEST', 'REQUEST', 0], ['REQUEST', 'REQUEST', 1], ['REQUEST', 'REQUEST', 2], ['CANCEL', 'CANCEL', 3]]);
  t.same(new Set(life.map((m) => m.uid)), new Set([first.event.uid]), 'one UID for the life of the event');
  t.match(life[1], { startWall: '2027-11-02T14:00', startsAt: '2027-11-02T13:00:00.000Z', subject: /^Updated invitation: Final walk-through/ }, 'after the change: CET, UTC+1');
  t.match(life[0], { startsAt: '2027-10-29T12:00:00.000Z' }, 'before it: CEST, UTC+2');
  t.match(life[3], { status: 'CANCELLED', subject: /^Cancelled: Final walk-through \(with owner\)/ });

  const refused = await s.call('PATCH', `/api/v1/calendar/events/${first.event.id}`, { title: 'again' });
  t.match(refused.json(), { error: { code: 'event_cancelled' } });
  t.equal(refused.statusCode, 409);
  t.equal(smtp.received.length, before + 4, 'nothing more was sent');
});

t.test('an attendee removed after the invite gets a CANCEL; one added gets the REQUEST; all-day events are dates', { skip }, async (t) => {
  const tls = certificate(t);
  const smtp = await smtpServer(t, tls);
  const s = await calendarSetup(t, { ...smtpEnv(smtp.port, tls, 'mail@spinney.test'), SPINNEY_SMTP_SECURE: 'starttls' });
  const pass = () => runOutboxPass(s.api.runtime, [mailHandler({ timeoutMs: 5_000 })]);
  const created = await s.ok<Sent>('POST', '/api/v1/calendar/events', { title: 'Tear-off', timeZone: 'America/Denver', allDay: true, start: '2027-03-13', end: '2027-03-15', attendees: [{ contactId: s.contact.id }], sendInvites: true }, 201);
  t.same([created.event.startsAt, created.event.endsAt], ['2027-03-13T07:00:00.000Z', '2027-03-16T06:00:00.000Z'], 'midnight to midnight in Denver, across the change');
  const changed = await s.ok<Sent>('PATCH', `/api/v1/calendar/events/${created.event.id}`, { attendees: [{ memberId: s.sam.id }] });
  t.equal(changed.mailIds.length, 2, 'a CANCEL to the one removed, a REQUEST to the one added');
  t.match(await pass(), { delivered: 3 }, 'the first invite, then the CANCEL and the REQUEST');
  const parts = await Promise.all(smtp.received.slice(1).map(async (m) => ({ ...(await calendarPartOf(m.raw)), rcpt: m.to[0] })));
  const byRcpt = parts.map((p) => ({ rcpt: p.rcpt, ...readIcs(p.ics) }));
  t.match(byRcpt, [
    { rcpt: 'dana@customer.test', method: 'CANCEL', sequence: 1, attendees: ['dana@customer.test'] },
    { rcpt: 'sam@whitfield.test', method: 'REQUEST', sequence: 1, allDay: true, startWall: '2027-03-13', endWall: '2027-03-16', attendees: ['sam@whitfield.test'] },
  ]);
  t.notOk(parts[1]!.ics.includes('TZID'), 'an all-day event is floating dates, in no zone');
});

t.test("without SMTP the invite is an .eml in the data dir, with the calendar part; the event's contact is invited by default", async (t) => {
  const s = await calendarSetup(t);
  const created = await s.ok<Sent>('POST', '/api/v1/calendar/events', { title: 'Quote visit', timeZone: 'Europe/Berlin', start: '2027-01-05T10:00', end: '2027-01-05T11:00', contactId: s.contact.id, sendInvites: true }, 201);
  t.match(created.event.attendees, [{ email: 'dana@customer.test', invitedSequence: 0 }], 'the contact, as the one attendee');
  t.match(await runOutboxPass(s.api.runtime, [mailHandler({ timeoutMs: 5_000 })]), { delivered: 1 });
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const eml = readFileSync(join(s.api.config.dataDir, 'dev-mail', `${created.mailIds[0]}.eml`));
  const part = await calendarPartOf(eml);
  t.match(readIcs(part.ics), { method: 'REQUEST', uid: created.event.uid, startWall: '2027-01-05T10:00', startsAt: '2027-01-05T09:00:00.000Z' });
  const mail = await s.ok<{ kind: string; eventId: string; state: string }>('GET', `/api/v1/mail/${created.mailIds[0]}`);
  t.match(mail, { kind: 'calendar', eventId: created.event.id, state: 'sent' });
});
