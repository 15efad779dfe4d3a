// What the calendar screens share: the API's types, weeks and days in the viewer's own zone, and how
// an event's time reads (in its own zone, and in the viewer's when that differs).
import type { paths } from '../../api/schema.js';

export type CalendarEvent = paths['/api/v1/calendar/events/{eventId}']['get']['responses'][200]['content']['application/json'];
export type Attendee = CalendarEvent['attendees'][number];
export type FeedState = paths['/api/v1/calendar/feed']['get']['responses'][200]['content']['application/json'];

/** The viewer's zone (their device's), the default zone of a new event. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Every zone the browser knows, the viewer's and the given one first. */
export function zoneOptions(current: string): { value: string; label: string }[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, viewerZone(), ...known])].map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));
}

const two = (n: number): string => String(n).padStart(2, '0');
/** A local calendar day as YYYY-MM-DD. */
export const dayKey = (date: Date): string => `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;

/** Midnight (viewer's zone) of the Monday of the week that holds `day` (YYYY-MM-DD), or of this week. */
export function mondayOf(day: string | null): Date {
  const parsed = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00`) : new Date();
  const date = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return date;
}

export const addDays = (date: Date, days: number): Date => {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
};

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
export const formatDay = (date: Date): string => dayFormat.format(date);
export const formatShortDay = (date: Date): string => shortDayFormat.format(date);

const timeIn = (iso: string, timeZone?: string): string => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));

/** The event's days (viewer's zone) it touches, as YYYY-MM-DD: all-day events by their dates. */
export function daysOf(event: CalendarEvent): string[] {
  if (event.allDay) {
    const days: string[] = [];
    for (let d = new Date(`${event.start}T00:00`); dayKey(d) <= event.end; d = addDays(d, 1)) days.push(dayKey(d));
    return days;
  }
  const days: string[] = [];
  const end = new Date(event.endsAt);
  for (let d = new Date(event.startsAt); d < end || days.length === 0; d = addDays(new Date(`${dayKey(d)}T00:00`), 1)) days.push(dayKey(d));
  return days;
}

/** "09:30–10:30" in the viewer's zone, or "All day". */
export const timeRange = (event: CalendarEvent): string => (event.allDay ? 'All day' : `${timeIn(event.startsAt)}–${timeIn(event.endsAt)}`);

/** The time in the event's own zone, as the invite states it: "2027-03-28 09:30–10:30 (Europe/Berlin)". */
export function ownZoneTime(event: CalendarEvent): string {
  if (event.allDay) return event.start === event.end ? `${event.start}, all day` : `${event.start} to ${event.end}, all day`;
  const [startDay, startTime] = event.start.split('T');
  const [endDay, endTime] = event.end.split('T');
  return `${startDay} ${startTime}–${endDay === startDay ? endTime : `${endDay} ${endTime}`} (${event.timeZone})`;
}

/** The attendee's invite state in words. */
export function inviteState(attendee: Attendee, event: CalendarEvent): string {
  if (!attendee.email) return 'No email address: cannot be invited';
  if (attendee.invitedSequence === null) return 'Not invited yet';
  return attendee.invitedSequence === event.sequence ? 'Invited (up to date)' : 'Invited (an earlier version)';
}
