// Transcripts: read once at upload into segments (transcript-parse.ts), stored with their
// canonical text, linked to a contact, a lead and/or the calendar event the meeting was, found by
// search segment by segment.
import { recordTenantEvent } from '../audit/audit.service.js';
import { findEventRow } from '../calendar/calendar.repo.js';
import { findContact } from '../contacts/contacts.repo.js';
import { badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { decodeCursor, page } from '../http/pagination.js';
import { findLead } from '../leads/leads.repo.js';
import { currentActorId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import { parseTranscript, TranscriptError } from './transcript-parse.js';
import { deleteTranscript, findTranscript, insertTranscript, listSegments, listTranscriptRows, updateTranscriptEvent, updateTranscriptTitle, type TranscriptRow } from './transcripts.repo.js';
import type { Transcript, TranscriptCreate, TranscriptListQuery, TranscriptSummary, TranscriptUpdate } from './transcripts.schemas.js';

function toSummary(row: Omit<TranscriptRow, 'text'>): TranscriptSummary {
  return {
    id: row.id,
    title: row.title,
    format: row.format,
    segmentCount: row.segment_count,
    durationMs: row.duration_ms,
    contactId: row.contact_id,
    leadId: row.lead_id,
    eventId: row.event_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

export function getTranscript(id: string): Transcript {
  const db = tenantDb();
  const row = findTranscript(db, id);
  if (!row) throw notFound('transcript');
  const segments = listSegments(db, id).map((s) => ({ n: s.n, speaker: s.speaker, startMs: s.start_ms, endMs: s.end_ms, text: s.text, charStart: s.char_start, charEnd: s.char_end }));
  return { ...toSummary(row), text: row.text, segments };
}

export function listTranscripts(query: TranscriptListQuery): { items: TranscriptSummary[]; nextCursor: string | null } {
  const limit = query.limit ?? 50;
  const rows = listTranscriptRows(tenantDb(), { contactId: query.contactId ?? null, leadId: query.leadId ?? null, eventId: query.eventId ?? null, before: decodeCursor(query.cursor), limit: limit + 1 });
  return page(rows.map(toSummary), limit);
}

/** The event id, when it names a calendar event of this workspace (cancelled ones too: the meeting may still have been recorded); else a 400 on `eventId`. */
function linkedEvent(db: TenantHandle, eventId: string | null | undefined): string | null {
  if (!eventId) return null;
  if (!findEventRow(db, eventId)) throw badRequest('invalid_field', 'no such calendar event in this workspace', 'eventId');
  return eventId;
}

/** Reads and stores a transcript; a file that cannot be read is a 400 naming the line, and nothing is stored. */
export function createTranscript(input: TranscriptCreate): Transcript {
  const db = tenantDb();
  let parsed;
  try {
    parsed = parseTranscript(input.text, input.format);
  } catch (err) {
    if (err instanceof TranscriptError) throw badRequest('transcript_invalid', err.message, 'text');
    throw err;
  }
  const id = newId('transcript');
  db.transaction(() => {
    const lead = input.leadId ? findLead(db, input.leadId) : null;
    if (input.leadId && !lead) throw badRequest('invalid_field', 'no such lead in this workspace', 'leadId');
    const contactId = input.contactId ?? lead?.contactId ?? null;
    if (contactId && !findContact(db, contactId)) throw badRequest('invalid_field', 'no such contact in this workspace', 'contactId');
    if (lead && input.contactId && lead.contactId !== input.contactId) throw badRequest('invalid_field', 'the lead is not about this contact', 'leadId');
    const eventId = linkedEvent(db, input.eventId);
    const now = currentTimestamp();
    insertTranscript(
      db,
      { id, title: input.title, format: parsed.format, text: parsed.text, segment_count: parsed.segments.length, duration_ms: parsed.durationMs, contact_id: contactId, lead_id: lead?.id ?? null, event_id: eventId, created_at: now, created_by: currentActorId(), updated_at: now },
      parsed.segments.map((s) => ({ transcript_id: id, n: s.n, speaker: s.speaker, start_ms: s.startMs, end_ms: s.endMs, text: s.text, char_start: s.charStart, char_end: s.charEnd })),
    );
    recordTenantEvent('transcript.created', { type: 'transcript', id }, { after: { title: input.title, format: parsed.format, segments: parsed.segments.length, contactId, leadId: lead?.id ?? null, eventId } });
  });
  return getTranscript(id);
}

/** Renames a transcript and/or links it to a calendar event (null unlinks); each change audited on its own. */
export function updateTranscript(id: string, changes: TranscriptUpdate): Transcript {
  const db = tenantDb();
  db.transaction(() => {
    const before = findTranscript(db, id);
    if (!before) throw notFound('transcript');
    const now = currentTimestamp();
    if (changes.eventId !== undefined) {
      const eventId = linkedEvent(db, changes.eventId);
      if (eventId !== before.event_id) {
        updateTranscriptEvent(db, id, eventId, now);
        recordTenantEvent('transcript.linked', { type: 'transcript', id }, { before: { eventId: before.event_id }, after: { eventId } });
      }
    }
    if (changes.title !== undefined && changes.title !== before.title) {
      updateTranscriptTitle(db, id, changes.title, now);
      recordTenantEvent('transcript.renamed', { type: 'transcript', id }, { before: { title: before.title }, after: { title: changes.title } });
    }
  });
  return getTranscript(id);
}

export function removeTranscript(id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const before = findTranscript(db, id);
    if (!before) throw notFound('transcript');
    deleteTranscript(db, id);
    recordTenantEvent('transcript.deleted', { type: 'transcript', id }, { before: { title: before.title, segments: before.segment_count } });
  });
}
