// Calendar events over HTTP. Times are wall times in the event's IANA zone ("2027-03-28T09:30"),
// or dates for an all-day event ("2027-03-28", the end inclusive); startsAt/endsAt are their instants.
import { Type, type Static } from 'typebox';
import { Attribution, IdParam, MultiLine, Nullable, SingleLine, Timestamp } from '../http/schemas.js';

export const MAX_ATTENDEES = 50;
export const MAX_LIST = 500;

const LocalTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$',
  description: "a wall time in the event's zone (YYYY-MM-DDTHH:MM), or a date (YYYY-MM-DD) for an all-day event",
  examples: ['2027-03-28T09:30'],
});
const TimeZone = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+/-]+$', description: 'an IANA time zone', examples: ['Europe/Berlin'] });

const AttendeeIn = Type.Union([
  Type.Object({ memberId: IdParam('membership') }, { additionalProperties: false }),
  Type.Object({ contactId: IdParam('contact') }, { additionalProperties: false }),
]);

const Attendee = Type.Object(
  {
    kind: Type.Union([Type.Literal('member'), Type.Literal('contact')]),
    memberId: Nullable(Type.String()),
    contactId: Nullable(Type.String()),
    name: Nullable(Type.String()),
    email: Nullable(Type.String({ description: 'null: no address, so no invite can reach them' })),
    invitedSequence: Nullable(Type.Integer({ description: 'the SEQUENCE last sent to them; null: never invited' })),
  },
  { additionalProperties: false },
);

export const CalendarEvent = Type.Object(
  {
    id: Type.String(),
    uid: Type.String({ description: 'the iCalendar UID: the same in every invite, update and cancellation' }),
    title: Type.String(),
    timeZone: Type.String(),
    allDay: Type.Boolean(),
    start: Type.String(),
    end: Type.String(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    location: Nullable(Type.String()),
    leadId: Nullable(Type.String()),
    contactId: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    organizerId: Type.String(),
    status: Type.Union([Type.Literal('confirmed'), Type.Literal('cancelled')]),
    sequence: Type.Integer({ description: 'the iCalendar SEQUENCE: one more on every change' }),
    version: Type.Integer(),
    invitedAt: Nullable(Timestamp),
    cancelledAt: Nullable(Timestamp),
    attendees: Type.Array(Attendee),
    ...Attribution,
  },
  { additionalProperties: false },
);
export type CalendarEvent = Static<typeof CalendarEvent>;

const editable = {
  title: SingleLine({ minLength: 1, maxLength: 300, examples: ['Roof survey'] }),
  timeZone: TimeZone,
  allDay: Type.Boolean({ description: 'dates only, no times (false when left out on create)', examples: [false] }),
  start: LocalTime,
  end: LocalTime,
  location: Nullable(SingleLine({ maxLength: 500 })),
  leadId: Nullable(IdParam('lead')),
  contactId: Nullable(IdParam('contact')),
  notes: Nullable(MultiLine({ maxLength: 10_000 })),
  attendees: Type.Array(AttendeeIn, { maxItems: MAX_ATTENDEES }),
};
const sendInvites = Type.Boolean({ description: 'queue an invite (METHOD:REQUEST) to every attendee with an email address' });

export const EventCreate = Type.Object(
  {
    title: editable.title,
    timeZone: editable.timeZone,
    allDay: Type.Optional(editable.allDay),
    start: editable.start,
    end: editable.end,
    location: Type.Optional(editable.location),
    leadId: Type.Optional(editable.leadId),
    contactId: Type.Optional(editable.contactId),
    notes: Type.Optional(editable.notes),
    attendees: Type.Optional({ ...editable.attendees, description: "members and contacts; left out, the event's contact (or its lead's) is the one attendee" }),
    sendInvites: Type.Optional(sendInvites),
  },
  { additionalProperties: false },
);
export type EventCreate = Static<typeof EventCreate>;

export const EventUpdate = Type.Object(
  {
    title: Type.Optional(editable.title),
    timeZone: Type.Optional(editable.timeZone),
    allDay: Type.Optional(editable.allDay),
    start: Type.Optional(editable.start),
    end: Type.Optional(editable.end),
    location: Type.Optional(editable.location),
    leadId: Type.Optional(editable.leadId),
    contactId: Type.Optional(editable.contactId),
    notes: Type.Optional(editable.notes),
    attendees: Type.Optional(editable.attendees),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version read; a stale one is refused (409 stale_version)' })),
    sendInvites: Type.Optional(
      Type.Boolean({ description: 'default: true once invites were sent. Attendees get the update (REQUEST, next SEQUENCE); removed ones get a CANCEL' }),
    ),
  },
  { additionalProperties: false },
);
export type EventUpdate = Static<typeof EventUpdate>;

export const EventListQuery = Type.Object(
  {
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    memberId: Type.Optional(IdParam('membership')),
    leadId: Type.Optional(IdParam('lead')),
    contactId: Type.Optional(IdParam('contact')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIST, default: MAX_LIST })),
  },
  { additionalProperties: false },
);
export type EventListQuery = Static<typeof EventListQuery>;
export const EventList = Type.Object({ items: Type.Array(CalendarEvent) }, { additionalProperties: false });

export const EventParams = Type.Object({ eventId: IdParam('calendarEvent') }, { additionalProperties: false });
export const NoBody = Type.Object({}, { additionalProperties: false });

export const InvitesSent = Type.Object(
  { event: CalendarEvent, mailIds: Type.Array(Type.String(), { description: 'the messages queued, one per attendee with an address' }) },
  { additionalProperties: false },
);

export const FeedState = Type.Object(
  { active: Type.Boolean(), issuedAt: Nullable(Timestamp), url: Type.Optional(Type.String({ description: 'only in the answer that issued it: the feed URL is shown once' })) },
  { additionalProperties: false },
);
export type FeedState = Static<typeof FeedState>;
