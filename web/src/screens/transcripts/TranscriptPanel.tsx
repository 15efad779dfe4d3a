// A lead's or a contact's transcripts, newest first, each opening the reader; "Add transcript" for writers.
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { Link } from '../../router.js';
import { can, useSession } from '../../session.js';
import { ErrorNotice, MorePages } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { usePages } from '../../ui/use-pages.js';
import { clock, type TranscriptSummary } from './transcript.js';

export function TranscriptPanel({ leadId, contactId }: { leadId?: string; contactId?: string }): JSX.Element {
  const session = useSession();
  const filter = leadId ? { leadId } : { contactId: contactId ?? '' };
  const transcripts = usePages<TranscriptSummary>((cursor) => ok(api.GET('/api/v1/transcripts', { params: { query: { ...filter, ...(cursor ? { cursor } : {}) } } })), [leadId, contactId]);
  const add = leadId ? `/transcripts/new?leadId=${encodeURIComponent(leadId)}` : `/transcripts/new?contactId=${encodeURIComponent(contactId ?? '')}`;
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
