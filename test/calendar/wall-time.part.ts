// Wall times and instants without the server's own zone (the process runs in Asia/Kolkata here), and
// the library behaviour that makes the invite writer pass wall times rather than Dates.
process.env.TZ = 'Asia/Kolkata';
import t from 'tap';
import ical from 'ical-generator';
import { inviteIcs } from '../../src/calendar/calendar-ics.js';
import { instantOf, isKnownTimeZone, parseLocalDate, parseLocalDateTime, wallAt } from '../../src/calendar/wall-time.js';

const at = (text: string, zone: string): string | null => {
  const instant = instantOf(parseLocalDateTime(text)!, zone);
  return instant === null ? null : new Date(instant).toISOString();
};

t.test('instants of wall times on both sides of DST changes', async (t) => {
  t.equal(at('2027-03-14T01:59', 'America/Denver'), '2027-03-14T08:59:00.000Z', 'MST');
  t.equal(at('2027-03-14T02:30', 'America/Denver'), null, 'skipped by spring-forward: it does not exist');
  t.equal(at('2027-03-14T03:00', 'America/Denver'), '2027-03-14T09:00:00.000Z', 'MDT');
  t.equal(at('2027-11-07T01:30', 'America/Denver'), '2027-11-07T07:30:00.000Z', 'repeated by fall-back: the first (MDT)');
  t.equal(at('2027-11-07T02:30', 'America/Denver'), '2027-11-07T09:30:00.000Z', 'MST after');
  t.equal(at('2027-03-28T02:30', 'Europe/Berlin'), null);
  t.equal(at('2027-10-31T02:30', 'Europe/Berlin'), '2027-10-31T00:30:00.000Z', 'the first 02:30 (CEST)');
  t.equal(at('2027-10-31T03:30', 'Europe/Berlin'), '2027-10-31T02:30:00.000Z', 'CET');
  t.equal(at('2027-06-01T12:00', 'UTC'), '2027-06-01T12:00:00.000Z');
  t.same(wallAt(Date.parse('2027-10-31T01:30:00Z'), 'Europe/Berlin'), { year: 2027, month: 10, day: 31, hour: 2, minute: 30 }, 'the second 02:30');
});

t.test('input that is no wall time or zone', async (t) => {
  t.equal(parseLocalDateTime('2027-02-29T10:00'), null, 'no such day');
  t.equal(parseLocalDateTime('2027-02-01T24:00'), null);
  t.equal(parseLocalDate('2027-13-01'), null);
  t.ok(isKnownTimeZone('Europe/Berlin'));
  t.notOk(isKnownTimeZone('Mars/Olympus'));
  t.notOk(isKnownTimeZone('EST5EDT/../x'));
});

t.test('ical-generator writes a plain Date with a zone in the process zone: why invites pass wall times', async (t) => {
  const calendar = ical();
  calendar.createEvent({ start: new Date('2027-03-28T07:30:00Z'), end: new Date('2027-03-28T08:30:00Z'), timezone: 'Europe/Berlin', summary: 'x' });
  // 07:30Z is 09:30 in Berlin (CEST) but 13:00 in Kolkata: the library wrote Kolkata's clock.
  t.match(calendar.toString(), /DTSTART;TZID=Europe\/Berlin:20270328T130000/);
  const ours = inviteIcs('REQUEST', { uid: 'u@x', title: 'x', timeZone: 'Europe/Berlin', allDay: false, startLocal: '2027-03-28T09:30', endLocal: '2027-03-28T10:30', location: null, notes: null, status: 'confirmed', sequence: 0, stampedAt: '2026-12-01T09:00:00.000Z', organizer: { name: 'W', email: 'w@x.test' }, attendees: [] });
  t.match(ours, /DTSTART;TZID=Europe\/Berlin:20270328T093000\r\n/);
  t.match(ours, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/);
  t.equal(ours.match(/BEGIN:VTIMEZONE/g)?.length, 1, 'one VTIMEZONE, the event\'s');
  t.notMatch(ours, /X-WR-TIMEZONE|TIMEZONE-ID/, 'the calendar names no zone of its own');
});
