// A lead's, a contact's or a calendar event's transcripts, newest first, each opening the reader;
// "Add transcript" for writers (from an event: filed under the event and its lead or contact).
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { Link } from '../../router.js';
import { can, useSession } from '../../session.js';
import { ErrorNotice, MorePages } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { usePages } from '../../ui/use-pages.js';
import { clock, type TranscriptSummary } from './transcript.js';

export function TranscriptPanel({ leadId, contactId, event }: { leadId?: string; contactId?: string; event?: { id: string; leadId: string | null; contactId: string | null } }): JSX.Element {
  const session = useSession();
  const filter = event ? { eventId: event.id } : leadId ? { leadId } : { contactId: contactId ?? '' };
  const transcripts = usePages<TranscriptSummary>((cursor) => ok(api.GET('/api/v1/transcripts', { params: { query: { ...filter, ...(cursor ? { cursor } : {}) } } })), [leadId, contactId, event?.id]);
  // A lead brings its contact, so from an event the lead is passed when it has one, else the contact.
  const links: Record<string, string> = event ? { eventId: event.id, ...(event.leadId ? { leadId: event.leadId } : event.contactId ? { contactId: event.contactId } : {}) } : leadId ? { leadId } : { contactId: contactId ?? '' };
  const add = `/transcripts/new?${new URLSearchParams(links).toString()}`;
  return (
    <section class="panel" aria-labelledby="transcripts-title">
      <div class="lead-panel-header">
        <h2 id="transcripts-title">Transcripts</h2>
        {can(session, 'transcripts:write') && (
          <Link href={add} class="button">
            Add transcript
          </Link>
        )}
      </div>
      {Boolean(transcripts.error) && <ErrorNotice error={transcripts.error} onRetry={transcripts.reload} />}
      {!transcripts.loading && !transcripts.error && transcripts.items.length === 0 && <p class="muted">No meeting transcripts yet.</p>}
      {transcripts.items.length > 0 && (
        <ul class="transcript-list">
          {transcripts.items.map((tr) => (
            <li key={tr.id}>
              <Link href={`/transcripts/${tr.id}`}>{tr.title}</Link>{' '}
              <span class="muted">
                {tr.segmentCount} segments{tr.durationMs !== null ? `, ${clock(tr.durationMs)}` : ''} · <DateTime iso={tr.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <MorePages pages={transcripts} label="Load more transcripts" />
    </section>
  );
}
