// A workspace with real members (memberships in control.db, their ids the tokens' subjects) and a
// contact, for the calendar tests; and the iCalendar part of a received message, read by ical.js.
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { newId } from '../../src/http/ids.js';
import { insertMember } from '../../src/members/members.repo.js';
import { ManualClock } from '../../src/time/clock.js';
import { build, type Teardown } from '../helpers/app.js';

export async function calendarSetup(t: Teardown, env: Record<string, string> = {}) {
  const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
  const api = await build(t, env, [], { clock });
  const workspace = api.tenant('Whitfield Roofing');
  const member = (role: 'admin' | 'member' | 'viewer', email: string) => {
    const id = newId('membership');
    insertMember(api.runtime.control, { id, tenantId: workspace.id, email, identityId: null, role, now: new Date().toISOString(), createdBy: 'us_test', updatedBy: 'us_test' });
    return { id, token: workspace.token(role, id) };
  };
  const maria = member('member', 'maria@whitfield.test');
  const sam = member('member', 'sam@whitfield.test');
  const viewer = member('viewer', 'vic@whitfield.test');
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, token = maria.token) => api.call({ method, url, token, ...(payload ? { payload } : {}) });
  const ok = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, status = 200, token = maria.token): Promise<T> => {
    const res = await call(method, url, payload, token);
    if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const contact = await ok<{ id: string }>('POST', '/api/v1/contacts', { name: 'Dana Whitfield', email: 'dana@customer.test' }, 201);
  return { api, clock, workspace, maria, sam, viewer, member, call, ok, contact };
}

export interface ReadBack {
  method: string;
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  tzid: string | null;
  /** The wall times as the invite states them (YYYY-MM-DDTHH:MM), and the instants ical.js computes from them and the VTIMEZONE. */
  startWall: string;
  endWall: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  attendees: string[];
  organizer: string;
}

const two = (n: number) => String(n).padStart(2, '0');
const wallOf = (time: ICAL.Time) => (time.isDate ? `${time.year}-${two(time.month)}-${two(time.day)}` : `${time.year}-${two(time.month)}-${two(time.day)}T${two(time.hour)}:${two(time.minute)}`);

/** Reads one VCALENDAR with ical.js, its VTIMEZONEs registered so instants come from the invite's own rules. */
export function readIcs(ics: string): ReadBack {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
    summary: event.summary,
    tzid: (vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
    startWall: wallOf(event.startDate),
    endWall: wallOf(event.endDate),
    startsAt: event.startDate.toJSDate().toISOString(),
    endsAt: event.endDate.toJSDate().toISOString(),
    allDay: event.startDate.isDate,
    attendees: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, '').toLowerCase()),
    organizer: String(vevent.getFirstPropertyValue('organizer')).replace(/^mailto:/i, '').toLowerCase(),
  };
}

/** The text/calendar part of a raw message, as the mail client receives it. */
export async function calendarPartOf(raw: Buffer): Promise<{ ics: string; method: string | null; subject: string; to: string }> {
  const parsed = await simpleParser(raw);
  const part = parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) throw new Error('no text/calendar part');
  const contentType = part.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  const to = Array.isArray(parsed.to) ? parsed.to[0]!.text : (parsed.to?.text ?? '');
  return { ics: part.content.toString('utf8'), method: contentType?.params?.method ?? null, subject: parsed.subject ?? '', to };
}
