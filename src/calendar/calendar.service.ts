// Calendar events: wall times in an IANA zone, a lead and contact, attendees (members and
// contacts), and invites by mail (RFC 5546). Every change to an event adds one to its SEQUENCE; an
// invite, update or cancellation carries the event's one UID and its current SEQUENCE, and is queued
// in the same transaction as the change that caused it.
import { recordTenantEvent } from '../audit/audit.service.js';
import { findContact } from '../contacts/contacts.repo.js';
import { issueCredential, revokeCredentials } from '../credentials/credentials.service.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { findLead } from '../leads/leads.repo.js';
import { queueMail } from '../mail/mail.service.js';
import { workspaceSmtp } from '../mail/smtp-account.js';
import { findMemberRow } from '../members/members.repo.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentTenantId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import { findTenant } from '../tenants/tenants.repo.js';
import { isoAt } from '../time/clock.js';
import { feedIcs, inviteIcs, type IcsEvent } from './calendar-ics.js';
import { inviteMail } from './calendar-mail.js';
import {
  deleteAttendeeRow,
  deleteFeed,
  findEventRow,
  findFeedIssuedAt,
  insertAttendeeRow,
  insertEventRow,
  listAttendeeRows,
  listEventRows,
  markAttendeeInvited,
  updateEventRow,
  upsertFeed,
  type AttendeeRow,
  type EventRow,
} from './calendar.repo.js';
import { MAX_LIST, type CalendarEvent, type EventCreate, type EventListQuery, type EventUpdate, type FeedState } from './calendar.schemas.js';
import { formatLocalDate, formatLocalDateTime, instantOf, isKnownTimeZone, nextDay, parseLocalDate, parseLocalDateTime } from './wall-time.js';

const DAY_MS = 86_400_000;
/** What a feed holds: the last 90 days and the next two years. */
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 730;

/** An attendee with what the workspace knows of them now (a member's address is in control.db). */
interface ResolvedAttendee {
  row: AttendeeRow;
  name: string | null;
  email: string | null;
}

const attendeeKey = (a: Pick<AttendeeRow, 'member_id' | 'contact_id'>): string => (a.member_id ? `m:${a.member_id}` : `c:${a.contact_id}`);

function resolveAttendees(runtime: Runtime, db: TenantHandle, rows: AttendeeRow[]): ResolvedAttendee[] {
  return rows.map((row) => {
    if (row.member_id) {
      const member = findMemberRow(runtime.control, currentTenantId(), row.member_id);
      return { row, name: member?.email ?? null, email: member?.status === 'active' ? member.email : null };
    }
    const contact = findContact(db, row.contact_id as string);
    return { row, name: contact?.name ?? null, email: contact?.email ?? null };
  });
}

function toEvent(row: EventRow, attendees: ResolvedAttendee[]): CalendarEvent {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    timeZone: row.time_zone,
    allDay: row.all_day === 1,
    start: row.start_local,
    end: row.end_local,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: row.location,
    leadId: row.lead_id,
    contactId: row.contact_id,
    notes: row.notes,
    organizerId: row.organizer_id,
    status: row.status,
    sequence: row.sequence,
    version: row.version,
    invitedAt: row.invited_at,
    cancelledAt: row.cancelled_at,
    attendees: attendees.map((a) => ({
      kind: a.row.member_id ? 'member' : 'contact',
      memberId: a.row.member_id,
      contactId: a.row.contact_id,
      name: a.name,
      email: a.email,
      invitedSequence: a.row.invited_sequence,
    })),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function loadEvent(db: TenantHandle, id: string): EventRow {
  const row = findEventRow(db, id);
  if (!row) throw notFound('event');
  return row;
}

function detail(runtime: Runtime, db: TenantHandle, id: string): CalendarEvent {
  return toEvent(loadEvent(db, id), resolveAttendees(runtime, db, listAttendeeRows(db, id)));
}

export function getEvent(runtime: Runtime, id: string): CalendarEvent {
  return detail(runtime, tenantDb(), id);
}

export function listEvents(runtime: Runtime, query: EventListQuery): { items: CalendarEvent[] } {
  const db = tenantDb();
  const from = query.from ? isoAt(Date.parse(query.from)) : isoAt(Date.parse(currentTimestamp()) - 7 * DAY_MS);
  const to = query.to ? isoAt(Date.parse(query.to)) : isoAt(Date.parse(from) + 42 * DAY_MS);
  if (to <= from) throw badRequest('invalid_field', 'to must be after from', 'to');
  const rows = listEventRows(db, { from, to, memberId: query.memberId ?? null, leadId: query.leadId ?? null, contactId: query.contactId ?? null, limit: query.limit ?? MAX_LIST });
  return { items: rows.map((row) => toEvent(row, resolveAttendees(runtime, db, listAttendeeRows(db, row.id)))) };
}

type Timing = Pick<EventRow, 'time_zone' | 'all_day' | 'start_local' | 'end_local' | 'starts_at' | 'ends_at'>;

/** The stored times of an event, or a 400 naming the field that is wrong. */
function timingOf(input: { timeZone: string; allDay: boolean; start: string; end: string }): Timing {
  if (!isKnownTimeZone(input.timeZone)) throw badRequest('invalid_field', `timeZone ${input.timeZone} is not an IANA time zone this server knows`, 'timeZone');
  const parse = input.allDay ? parseLocalDate : parseLocalDateTime;
  const shape = input.allDay ? 'a date (YYYY-MM-DD) for an all-day event' : 'a wall time (YYYY-MM-DDTHH:MM)';
  const start = parse(input.start);
  if (!start) throw badRequest('invalid_field', `start must be ${shape}`, 'start');
  const end = parse(input.end);
  if (!end) throw badRequest('invalid_field', `end must be ${shape}`, 'end');
  const startInstant = instantOf(start, input.timeZone);
  if (startInstant === null) throw badRequest('invalid_field', `start ${input.start} does not exist in ${input.timeZone} (the clocks skip it)`, 'start');
  // An all-day event runs to the end of its last day.
  const endInstant = instantOf(input.allDay ? nextDay(end) : end, input.timeZone);
  if (endInstant === null) throw badRequest('invalid_field', `end ${input.end} does not exist in ${input.timeZone} (the clocks skip it)`, 'end');
  if (input.allDay ? endInstant <= startInstant : endInstant < startInstant) throw badRequest('invalid_field', 'end must not be before start', 'end');
  return {
    time_zone: input.timeZone,
    all_day: input.allDay ? 1 : 0,
    start_local: input.allDay ? formatLocalDate(start) : formatLocalDateTime(start),
    end_local: input.allDay ? formatLocalDate(end) : formatLocalDateTime(end),
    starts_at: isoAt(startInstant),
    ends_at: isoAt(endInstant),
  };
}

function checkLinks(runtime: Runtime, db: TenantHandle, fields: { leadId: string | null; contactId: string | null; attendees: AttendeeKeys[] }): void {
  if (fields.leadId !== null && !findLead(db, fields.leadId)) throw badRequest('invalid_field', 'leadId names no lead of this workspace', 'leadId');
  if (fields.contactId !== null && !findContact(db, fields.contactId)) throw badRequest('invalid_field', 'contactId names no contact of this workspace', 'contactId');
  const seen = new Set<string>();
  fields.attendees.forEach((a, i) => {
    const key = attendeeKey(a);
    if (seen.has(key)) throw badRequest('invalid_field', `attendees/${i} is listed twice`, `attendees/${i}`);
    seen.add(key);
    if (a.member_id) {
      const member = findMemberRow(runtime.control, currentTenantId(), a.member_id);
      if (!member || member.status !== 'active') throw badRequest('invalid_field', `attendees/${i}/memberId names no active member of this workspace`, `attendees/${i}/memberId`);
    } else if (!findContact(db, a.contact_id as string)) {
      throw badRequest('invalid_field', `attendees/${i}/contactId names no contact of this workspace`, `attendees/${i}/contactId`);
    }
  });
}

type AttendeeKeys = Pick<AttendeeRow, 'member_id' | 'contact_id'>;
const keysOf = (attendees: EventCreate['attendees']): AttendeeKeys[] =>
  (attendees ?? []).map((a) => ('memberId' in a ? { member_id: a.memberId, contact_id: null } : { member_id: null, contact_id: a.contactId }));

function workspaceName(runtime: Runtime): string {
  return findTenant(runtime.control, currentTenantId())?.name ?? 'Spinney';
}

/** The organizer an invite names: the workspace, at the From address its mail goes out with. */
function organizerOf(runtime: Runtime): { name: string; email: string } {
  const from = workspaceSmtp(runtime)?.from ?? runtime.config.mail?.from ?? '';
  const address = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? (/^[^<>\s]+@[^<>\s]+$/.test(from.trim()) ? from.trim() : 'calendar@spinney.invalid');
  return { name: workspaceName(runtime), email: address };
}

/** How the event's own zone reads its time: "2027-03-28 09:30–10:30 (Europe/Berlin)". */
function whenOf(row: EventRow): string {
  if (row.all_day === 1) return row.start_local === row.end_local ? `${row.start_local} (all day)` : `${row.start_local} – ${row.end_local} (all day)`;
  const [startDay, startTime] = row.start_local.split('T') as [string, string];
  const [endDay, endTime] = row.end_local.split('T') as [string, string];
  return `${startDay} ${startTime}–${endDay === startDay ? endTime : `${endDay} ${endTime}`} (${row.time_zone})`;
}

function icsEventOf(row: EventRow, attendees: ResolvedAttendee[], organizer: IcsEvent['organizer']): IcsEvent {
  return {
    uid: row.uid,
    title: row.title,
    timeZone: row.time_zone,
    allDay: row.all_day === 1,
    startLocal: row.start_local,
    endLocal: row.end_local,
    location: row.location,
    notes: row.notes,
    status: row.status,
    sequence: row.sequence,
    stampedAt: currentTimestamp(),
    organizer,
    attendees: attendees.filter((a) => a.email !== null).map((a) => ({ name: a.name ?? (a.email as string), email: a.email as string })),
  };
}

/**
 * Queues one message per attendee with an address, all carrying the same VCALENDAR, and records the
 * SEQUENCE each was sent. Inside the caller's transaction; returns the message ids.
 */
function queueInvites(runtime: Runtime, db: TenantHandle, row: EventRow, method: 'REQUEST' | 'CANCEL', to: ResolvedAttendee[], everyone: ResolvedAttendee[]): string[] {
  const recipients = to.filter((a) => a.email !== null);
  if (recipients.length === 0) return [];
  const ics = inviteIcs(method, icsEventOf(row, everyone, organizerOf(runtime)));
  const mailIds = recipients.map((a) => {
    const content = inviteMail({
      method,
      update: a.row.invited_sequence !== null,
      workspaceName: workspaceName(runtime),
      attendeeName: a.name ?? (a.email as string),
      title: row.title,
      when: whenOf(row),
      location: row.location,
      notes: row.notes,
    });
    return queueMail(runtime, {
      kind: 'calendar',
      to: { address: a.email as string, name: a.row.contact_id ? a.name : null },
      ...content,
      // A member's copy is not mail to the customer: only a contact's copy joins the contact's timeline.
      contactId: a.row.contact_id,
      leadId: row.lead_id,
      eventId: row.id,
      calendar: { method, ics },
    });
  });
  if (method === 'REQUEST') for (const a of recipients) markAttendeeInvited(db, { event_id: row.id, member_id: a.row.member_id, contact_id: a.row.contact_id, invited_sequence: row.sequence });
  return mailIds;
}

export function createEvent(runtime: Runtime, input: EventCreate): { event: CalendarEvent; mailIds: string[] } {
  const db = tenantDb();
  const now = currentTimestamp();
  const actor = currentActorId();
  return db.transaction(() => {
    const timing = timingOf({ timeZone: input.timeZone, allDay: input.allDay ?? false, start: input.start, end: input.end });
    const lead = input.leadId ? findLead(db, input.leadId) : undefined;
    const contactId = input.contactId ?? lead?.contactId ?? null;
    // Without a list, the event's contact is the one attendee: an event with a customer invites them.
    const attendees = input.attendees === undefined ? (contactId ? [{ member_id: null, contact_id: contactId }] : []) : keysOf(input.attendees);
    checkLinks(runtime, db, { leadId: input.leadId ?? null, contactId: input.contactId ?? null, attendees });
    const id = newId('calendarEvent');
    const row: EventRow = {
      id,
      uid: `${id}@${runtime.config.mail?.fromDomain ?? 'spinney.invalid'}`,
      title: input.title,
      ...timing,
      // The lead's site is where the work is: the default place to meet.
      location: input.location ?? lead?.siteAddress ?? null,
      lead_id: input.leadId ?? null,
      contact_id: contactId,
      notes: input.notes ?? null,
      organizer_id: actor,
      status: 'confirmed',
      sequence: 0,
      version: 1,
      invited_at: null,
      cancelled_at: null,
      created_at: now,
      created_by: actor,
      updated_at: now,
      updated_by: actor,
    };
    insertEventRow(db, row);
    for (const a of attendees) insertAttendeeRow(db, { event_id: id, ...a, invited_sequence: null, added_at: now });
    recordTenantEvent('calendar.event_created', { type: 'calendar_event', id }, { after: { title: row.title, startsAt: row.starts_at, timeZone: row.time_zone, leadId: row.lead_id, contactId, attendees: attendees.length } });
    const mailIds = input.sendInvites ? inviteAll(runtime, db, id) : [];
    return { event: detail(runtime, db, id), mailIds };
  });
}

/** Sends the current event (REQUEST) to every attendee; inside the caller's transaction. */
function inviteAll(runtime: Runtime, db: TenantHandle, id: string): string[] {
  const row = loadEvent(db, id);
  const attendees = resolveAttendees(runtime, db, listAttendeeRows(db, id));
  const mailIds = queueInvites(runtime, db, row, 'REQUEST', attendees, attendees);
  if (mailIds.length > 0) {
    updateEventRow(db, { ...row, invited_at: currentTimestamp() });
    recordTenantEvent('calendar.invites_sent', { type: 'calendar_event', id }, { after: { sequence: row.sequence, mailIds } });
  }
  return mailIds;
}

const eventCancelled = (): AppError => new AppError(409, 'event_cancelled', 'the event was cancelled: it takes no changes and no invites');

export function sendInvites(runtime: Runtime, id: string): { event: CalendarEvent; mailIds: string[] } {
  const db = tenantDb();
  return db.transaction(() => {
    if (loadEvent(db, id).status === 'cancelled') throw eventCancelled();
    const mailIds = inviteAll(runtime, db, id);
    return { event: detail(runtime, db, id), mailIds };
  });
}

export function updateEvent(runtime: Runtime, id: string, changes: EventUpdate): { event: CalendarEvent; mailIds: string[] } {
  const db = tenantDb();
  return db.transaction(() => {
    const row = loadEvent(db, id);
    if (row.status === 'cancelled') throw eventCancelled();
    if (changes.version !== undefined && changes.version !== row.version) {
      throw new AppError(409, 'stale_version', `the event is at version ${row.version}, not ${changes.version}: read it again and retry`, 'version');
    }
    const allDay = changes.allDay ?? row.all_day === 1;
    const timesChanged = changes.timeZone !== undefined || changes.allDay !== undefined || changes.start !== undefined || changes.end !== undefined;
    const timing = timesChanged ? timingOf({ timeZone: changes.timeZone ?? row.time_zone, allDay, start: changes.start ?? row.start_local, end: changes.end ?? row.end_local }) : {};
    const before = listAttendeeRows(db, id);
    const wanted = changes.attendees === undefined ? before : keysOf(changes.attendees);
    const leadId = changes.leadId === undefined ? row.lead_id : changes.leadId;
    const contactId = changes.contactId === undefined ? row.contact_id : changes.contactId;
    checkLinks(runtime, db, { leadId: changes.leadId ?? null, contactId: changes.contactId ?? null, attendees: changes.attendees === undefined ? [] : wanted });
    const now = currentTimestamp();
    const after: EventRow = {
      ...row,
      ...timing,
      title: changes.title ?? row.title,
      location: changes.location === undefined ? row.location : changes.location,
      lead_id: leadId,
      contact_id: contactId,
      notes: changes.notes === undefined ? row.notes : changes.notes,
      sequence: row.sequence + 1,
      version: row.version + 1,
      updated_at: now,
      updated_by: currentActorId(),
    };
    const wantedKeys = new Set(wanted.map(attendeeKey));
    const beforeKeys = new Set(before.map(attendeeKey));
    const removed = before.filter((a) => !wantedKeys.has(attendeeKey(a)));
    for (const a of removed) deleteAttendeeRow(db, a);
    for (const a of wanted) if (!beforeKeys.has(attendeeKey(a))) insertAttendeeRow(db, { event_id: id, member_id: a.member_id, contact_id: a.contact_id, invited_sequence: null, added_at: now });
    updateEventRow(db, after);
    recordTenantEvent('calendar.event_updated', { type: 'calendar_event', id }, {
      before: { title: row.title, start: row.start_local, end: row.end_local, timeZone: row.time_zone, sequence: row.sequence },
      after: { title: after.title, start: after.start_local, end: after.end_local, timeZone: after.time_zone, sequence: after.sequence, removedAttendees: removed.length },
    });
    let mailIds: string[] = [];
    if (changes.sendInvites ?? row.invited_at !== null) {
      // Those who were invited and are no longer on the list learn that the event is off for them.
      const gone = resolveAttendees(runtime, db, removed.filter((a) => a.invited_sequence !== null));
      mailIds = [...queueInvites(runtime, db, after, 'CANCEL', gone, gone), ...inviteAll(runtime, db, id)];
    }
    return { event: detail(runtime, db, id), mailIds };
  });
}

/** Cancels the event: one more SEQUENCE, and a CANCEL to everyone who was sent an invite. */
export function cancelEvent(runtime: Runtime, id: string): { event: CalendarEvent; mailIds: string[] } {
  const db = tenantDb();
  return db.transaction(() => {
    const row = loadEvent(db, id);
    if (row.status === 'cancelled') throw eventCancelled();
    const now = currentTimestamp();
    const after: EventRow = { ...row, status: 'cancelled', cancelled_at: now, sequence: row.sequence + 1, version: row.version + 1, updated_at: now, updated_by: currentActorId() };
    updateEventRow(db, after);
    const attendees = resolveAttendees(runtime, db, listAttendeeRows(db, id));
    const mailIds = queueInvites(runtime, db, after, 'CANCEL', attendees.filter((a) => a.row.invited_sequence !== null), attendees);
    recordTenantEvent('calendar.event_cancelled', { type: 'calendar_event', id }, { after: { sequence: after.sequence, mailIds } });
    return { event: detail(runtime, db, id), mailIds };
  });
}

// The member's feed: one calendar_feed credential per member and workspace, its target the member.

const feedUrl = (runtime: Runtime, credential: string): string => `${runtime.config.publicUrl}/calendar/feed/${credential}/calendar.ics`;

export function feedState(): FeedState {
  const issuedAt = findFeedIssuedAt(tenantDb(), currentActorId()) ?? null;
  return { active: issuedAt !== null, issuedAt };
}

/** A new feed URL for the signed-in member (shown once); the previous one stops working. */
export function issueFeed(runtime: Runtime): FeedState {
  const db = tenantDb();
  const memberId = currentActorId();
  return db.transaction(() => {
    const now = currentTimestamp();
    const revoked = revokeCredentials(runtime, 'calendar_feed', memberId);
    const credential = issueCredential(runtime, 'calendar_feed', memberId);
    upsertFeed(db, memberId, now);
    recordTenantEvent('calendar.feed_issued', { type: 'member', id: memberId }, { after: { revokedEarlier: revoked } });
    return { active: true, issuedAt: now, url: feedUrl(runtime, credential) };
  });
}

/** Ends the signed-in member's feed: its URL answers 404 from now on. */
export function revokeFeed(runtime: Runtime): void {
  const db = tenantDb();
  const memberId = currentActorId();
  db.transaction(() => {
    const revoked = revokeCredentials(runtime, 'calendar_feed', memberId);
    if (deleteFeed(db, memberId) === 0 && revoked === 0) throw notFound('feed');
    recordTenantEvent('calendar.feed_revoked', { type: 'member', id: memberId }, { after: { revoked } });
  });
}

/**
 * The feed a credential opens: the member's events (organized or attended) in this workspace, or
 * null when the member is no longer active here (the URL then opens nothing).
 */
export function feedCalendar(runtime: Runtime, memberId: string): string | null {
  const member = findMemberRow(runtime.control, currentTenantId(), memberId);
  if (!member || member.status !== 'active') return null;
  const db = tenantDb();
  const now = Date.parse(currentTimestamp());
  const rows = listEventRows(db, { from: isoAt(now - FEED_PAST_DAYS * DAY_MS), to: isoAt(now + FEED_FUTURE_DAYS * DAY_MS), memberId, leadId: null, contactId: null, limit: 5000 });
  const organizer = organizerOf(runtime);
  const events = rows.filter((row) => row.status === 'confirmed').map((row) => icsEventOf(row, [], organizer));
  return feedIcs(`${workspaceName(runtime)} — ${member.email}`, events);
}
