// iCalendar text for an invite (RFC 5546 METHOD:REQUEST or CANCEL, one VEVENT) and for a member's
// feed (a published VCALENDAR of many). Timed events carry TZID and the zone's VTIMEZONE; all-day
// events are dates (DTEND the day after the last day).
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar, type ICalDateTimeValue } from 'ical-generator';
import { IcalWallTime, nextDay, parseLocalDate, parseLocalDateTime, type WallFields } from './wall-time.js';

const PRODUCT_ID = { company: 'Spinney', product: 'Calendar', language: 'EN' };

export interface IcsEvent {
  uid: string;
  title: string;
  timeZone: string;
  allDay: boolean;
  startLocal: string;
  endLocal: string;
  location: string | null;
  notes: string | null;
  status: 'confirmed' | 'cancelled';
  sequence: number;
  /** DTSTAMP: when this copy of the event was written (an instant, ISO). */
  stampedAt: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

const wallOf = (event: IcsEvent, text: string): WallFields => {
  const wall = event.allDay ? parseLocalDate(text) : parseLocalDateTime(text);
  if (!wall) throw new Error(`not a stored local time: ${text}`);
  return wall;
};
const icalValue = (wall: WallFields): ICalDateTimeValue => new IcalWallTime(wall) as unknown as ICalDateTimeValue;

function newCalendar(method: ICalCalendarMethod | null, name?: string): ICalCalendar {
  // The calendar's own zone has no name: every event names its zone (TZID), and the generator adds
  // one VTIMEZONE per zone the events use.
  return ical({ prodId: PRODUCT_ID, ...(method ? { method } : {}), ...(name ? { name } : {}), timezone: { name: '', generator: (tz: string) => getVtimezoneComponent(tz) } });
}

function addEvent(calendar: ICalCalendar, event: IcsEvent, withAttendees: boolean): void {
  const start = wallOf(event, event.startLocal);
  const end = wallOf(event, event.endLocal);
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: new Date(event.stampedAt),
    summary: event.title,
    allDay: event.allDay,
    ...(event.allDay ? { start: icalValue(start), end: icalValue(nextDay(end)) } : { timezone: event.timeZone, start: icalValue(start), end: icalValue(end) }),
    ...(event.location ? { location: event.location } : {}),
    ...(event.notes ? { description: event.notes } : {}),
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: event.organizer,
    ...(withAttendees
      ? { attendees: event.attendees.map((a) => ({ name: a.name, email: a.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION })) }
      : {}),
  });
}

/** The VCALENDAR of an invite (REQUEST) or of a cancellation (CANCEL) of one event. */
export function inviteIcs(method: 'REQUEST' | 'CANCEL', event: IcsEvent): string {
  const calendar = newCalendar(method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL);
  addEvent(calendar, method === 'CANCEL' ? { ...event, status: 'cancelled' } : event, true);
  return calendar.toString();
}

/** A member's subscribed feed: published events, without attendee addresses (a feed URL may leak). */
export function feedIcs(name: string, events: IcsEvent[]): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH, name);
  for (const event of events) addEvent(calendar, event, false);
  return calendar.toString();
}
