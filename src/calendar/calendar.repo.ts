// SQL for calendar events, their attendees and members' feeds (tenant database).
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export interface EventRow {
  id: string;
  uid: string;
  title: string;
  time_zone: string;
  all_day: 0 | 1;
  start_local: string;
  end_local: string;
  starts_at: string;
  ends_at: string;
  location: string | null;
  lead_id: string | null;
  contact_id: string | null;
  notes: string | null;
  organizer_id: string;
  status: 'confirmed' | 'cancelled';
  sequence: number;
  version: number;
  invited_at: string | null;
  cancelled_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface AttendeeRow {
  event_id: string;
  member_id: string | null;
  contact_id: string | null;
  invited_sequence: number | null;
  added_at: string;
}

export function findEventRow(db: TenantHandle, id: string): EventRow | undefined {
  return db.statement('SELECT * FROM calendar_events WHERE id = ?').get(id) as EventRow | undefined;
}

/**
 * Events that overlap [from, to) (instants), by start. With memberId: only the events the member
 * organizes or attends; with leadId or contactId: only the events linked to it.
 */
export function listEventRows(db: TenantHandle, filter: { from: string; to: string; memberId: string | null; leadId: string | null; contactId: string | null; limit: number }): EventRow[] {
  return db
    .statement(
      `SELECT * FROM calendar_events e
       WHERE e.starts_at < @to AND (e.ends_at > @from OR e.starts_at >= @from)
         AND (@memberId IS NULL OR e.organizer_id = @memberId OR EXISTS (SELECT 1 FROM calendar_attendees a WHERE a.event_id = e.id AND a.member_id = @memberId))
         AND (@leadId IS NULL OR e.lead_id = @leadId)
         AND (@contactId IS NULL OR e.contact_id = @contactId OR EXISTS (SELECT 1 FROM calendar_attendees a WHERE a.event_id = e.id AND a.contact_id = @contactId))
       ORDER BY e.starts_at, e.id LIMIT @limit`,
    )
    .all(filter) as EventRow[];
}

export function insertEventRow(db: TenantHandle, row: EventRow): void {
  db.statement(
    `INSERT INTO calendar_events (id, uid, title, time_zone, all_day, start_local, end_local, starts_at, ends_at, location, lead_id, contact_id, notes, organizer_id,
       status, sequence, version, invited_at, cancelled_at, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @uid, @title, @time_zone, @all_day, @start_local, @end_local, @starts_at, @ends_at, @location, @lead_id, @contact_id, @notes, @organizer_id,
       @status, @sequence, @version, @invited_at, @cancelled_at, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
}

export function updateEventRow(db: TenantHandle, row: EventRow): void {
  db.statement(
    `UPDATE calendar_events SET title = @title, time_zone = @time_zone, all_day = @all_day, start_local = @start_local, end_local = @end_local,
       starts_at = @starts_at, ends_at = @ends_at, location = @location, lead_id = @lead_id, contact_id = @contact_id, notes = @notes,
       status = @status, sequence = @sequence, version = @version, invited_at = @invited_at, cancelled_at = @cancelled_at,
       updated_at = @updated_at, updated_by = @updated_by
     WHERE id = @id`,
  ).run(row);
}

export function listAttendeeRows(db: TenantHandle, eventId: string): AttendeeRow[] {
  return db.statement('SELECT * FROM calendar_attendees WHERE event_id = ? ORDER BY rowid').all(eventId) as AttendeeRow[];
}

export function insertAttendeeRow(db: TenantHandle, row: AttendeeRow): void {
  db.statement('INSERT INTO calendar_attendees (event_id, member_id, contact_id, invited_sequence, added_at) VALUES (@event_id, @member_id, @contact_id, @invited_sequence, @added_at)').run(row);
}

export function deleteAttendeeRow(db: TenantHandle, row: Pick<AttendeeRow, 'event_id' | 'member_id' | 'contact_id'>): void {
  db.statement('DELETE FROM calendar_attendees WHERE event_id = @event_id AND member_id IS @member_id AND contact_id IS @contact_id').run(row);
}

export function markAttendeeInvited(db: TenantHandle, row: Pick<AttendeeRow, 'event_id' | 'member_id' | 'contact_id' | 'invited_sequence'>): void {
  db.statement('UPDATE calendar_attendees SET invited_sequence = @invited_sequence WHERE event_id = @event_id AND member_id IS @member_id AND contact_id IS @contact_id').run(row);
}

export function findFeedIssuedAt(db: TenantHandle, memberId: string): string | undefined {
  return (db.statement('SELECT issued_at FROM calendar_feeds WHERE member_id = ?').get(memberId) as { issued_at: string } | undefined)?.issued_at;
}

export function upsertFeed(db: TenantHandle, memberId: string, issuedAt: string): void {
  db.statement('INSERT INTO calendar_feeds (member_id, issued_at) VALUES (?, ?) ON CONFLICT (member_id) DO UPDATE SET issued_at = excluded.issued_at').run(memberId, issuedAt);
}

export function deleteFeed(db: TenantHandle, memberId: string): number {
  return db.statement('DELETE FROM calendar_feeds WHERE member_id = ?').run(memberId).changes;
}
