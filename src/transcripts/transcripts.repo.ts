// SQL for transcripts and their segments.
import type { Position } from '../http/pagination.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export interface TranscriptRow {
  id: string;
  title: string;
  format: 'vtt' | 'srt' | 'text';
  text: string;
  segment_count: number;
  duration_ms: number | null;
  contact_id: string | null;
  lead_id: string | null;
  event_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface SegmentRow {
  transcript_id: string;
  n: number;
  speaker: string | null;
  start_ms: number | null;
  end_ms: number | null;
  text: string;
  char_start: number;
  char_end: number;
}

export function insertTranscript(db: TenantHandle, row: TranscriptRow, segments: readonly SegmentRow[]): void {
  db.statement(
    `INSERT INTO transcripts (id, title, format, text, segment_count, duration_ms, contact_id, lead_id, event_id, created_at, created_by, updated_at)
     VALUES (@id, @title, @format, @text, @segment_count, @duration_ms, @contact_id, @lead_id, @event_id, @created_at, @created_by, @updated_at)`,
  ).run(row);
  const insert = db.statement(
    `INSERT INTO transcript_segments (transcript_id, n, speaker, start_ms, end_ms, text, char_start, char_end)
     VALUES (@transcript_id, @n, @speaker, @start_ms, @end_ms, @text, @char_start, @char_end)`,
  );
  for (const segment of segments) insert.run(segment);
}

export function findTranscript(db: TenantHandle, id: string): TranscriptRow | undefined {
  return db.statement('SELECT * FROM transcripts WHERE id = ?').get(id) as TranscriptRow | undefined;
}

export function listSegments(db: TenantHandle, transcriptId: string): SegmentRow[] {
  return db.statement('SELECT * FROM transcript_segments WHERE transcript_id = ? ORDER BY n').all(transcriptId) as SegmentRow[];
}

/** Newest first, without their text; optionally only those of one contact, lead and/or calendar event. */
export function listTranscriptRows(db: TenantHandle, filter: { contactId: string | null; leadId: string | null; eventId: string | null; before: Position | null; limit: number }): Omit<TranscriptRow, 'text'>[] {
  return db
    .statement(
      `SELECT id, title, format, segment_count, duration_ms, contact_id, lead_id, event_id, created_at, created_by, updated_at FROM transcripts
        WHERE (@contactId IS NULL OR contact_id = @contactId) AND (@leadId IS NULL OR lead_id = @leadId) AND (@eventId IS NULL OR event_id = @eventId)
          AND (@beforeAt IS NULL OR (created_at, id) < (@beforeAt, @beforeId))
        ORDER BY created_at DESC, id DESC LIMIT @limit`,
    )
    .all({ contactId: filter.contactId, leadId: filter.leadId, eventId: filter.eventId, beforeAt: filter.before?.createdAt ?? null, beforeId: filter.before?.id ?? null, limit: filter.limit }) as Omit<TranscriptRow, 'text'>[];
}

// Two statements, so a new link alone does not fire the search trigger on the title (0019).
export function updateTranscriptTitle(db: TenantHandle, id: string, title: string, now: string): void {
  db.statement('UPDATE transcripts SET title = ?, updated_at = ? WHERE id = ?').run(title, now, id);
}

export function updateTranscriptEvent(db: TenantHandle, id: string, eventId: string | null, now: string): void {
  db.statement('UPDATE transcripts SET event_id = ?, updated_at = ? WHERE id = ?').run(eventId, now, id);
}

export function deleteTranscript(db: TenantHandle, id: string): void {
  db.statement('DELETE FROM transcripts WHERE id = ?').run(id);
}
