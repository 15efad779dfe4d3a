// The transcript reader (/transcripts/:id?segment=n): every segment with its time and speaker, the
// asked-for one scrolled to, marked and focused, so a search result or a citation opens where the
// words were said. Segments are text: nothing in a transcript is markup or a link. A transcript of a
// calendar event names the event, linked to it.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { can, useSession } from '../../session.js';
import { act } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { formatDay } from '../calendar/calendar.js';
import { LinkMeetingDialog } from './LinkMeetingDialog.js';
import { clock } from './transcript.js';

/** The record a transcript is filed under, the one it goes back to: its event, else its lead, else its contact. */
function recordOf(tr: { eventId: string | null; leadId: string | null; contactId: string | null }): { path: string; label: string } | null {
  if (tr.eventId) return { path: `/calendar/${tr.eventId}`, label: 'event' };
  if (tr.leadId) return { path: `/leads/${tr.leadId}`, label: 'lead' };
  if (tr.contactId) return { path: `/contacts/${tr.contactId}`, label: 'contact' };
  return null;
}

export function TranscriptReader({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.transcriptId ?? '';
  const session = useSession();
  const { query } = useLocation();
  const target = Number(query.get('segment') ?? '0');
  const transcript = useRequest(() => ok(api.GET('/api/v1/transcripts/{transcriptId}', { params: { path: { transcriptId: id } } })), [id]);
  const [confirming, setConfirming] = useState(false);
  const [linking, setLinking] = useState(false);
  useEffect(() => {
    if (!transcript.data || !target) return;
    const element = document.getElementById(`s-${target}`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [transcript.data, target]);
  if (transcript.loading && !transcript.data) return <Loading />;
  if (!transcript.data)
    return (
      <Page title="Transcript">
        <ErrorNotice error={transcript.error} onRetry={transcript.reload} />
      </Page>
    );
  const tr = transcript.data;
  const home = recordOf(tr);
  const back = home ? <Link href={home.path}>← Back to the {home.label}</Link> : undefined;
  const writer = can(session, 'transcripts:write');
  const unlink = async (): Promise<void> => {
    if (await act(() => ok(api.PATCH('/api/v1/transcripts/{transcriptId}', { params: { path: { transcriptId: id } }, body: { eventId: null } })), 'The transcript is no longer linked to the meeting.')) transcript.reload();
  };
  return (
    <Page
      title={tr.title}
      back={back}
      actions={
        writer && (
          <>
            {tr.eventId ? (
              <Button onClick={() => void unlink()}>Unlink the meeting</Button>
            ) : (
              (tr.leadId || tr.contactId) && can(session, 'calendar:read') && <Button onClick={() => setLinking(true)}>Link to a meeting</Button>
            )}
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </>
        )
      }
    >
      <p class="muted">
        {tr.eventId && can(session, 'calendar:read') && <TranscriptEvent eventId={tr.eventId} />}
        {tr.segmentCount} segments{tr.durationMs !== null ? `, ${clock(tr.durationMs)} long` : ''} · {tr.format === 'vtt' ? 'WebVTT' : tr.format === 'srt' ? 'SRT' : 'text'}
      </p>
      <ol class="transcript">
        {tr.segments.map((s) => (
          <li key={s.n} id={`s-${s.n}`} tabIndex={-1} class={s.n === target ? 'transcript-target' : undefined} aria-current={s.n === target ? 'true' : undefined}>
            <a class="transcript-time" href={`/transcripts/${tr.id}?segment=${s.n}`} onClick={(e) => (e.preventDefault(), navigate(`/transcripts/${tr.id}?segment=${s.n}`, { replace: true }))} aria-label={`Segment ${s.n}${s.startMs !== null ? ` at ${clock(s.startMs)}` : ''}`}>
              {s.startMs !== null ? clock(s.startMs) : `#${s.n}`}
            </a>
            <div>
              {s.speaker && <strong class="transcript-speaker">{s.speaker}</strong>}
              <p>{s.text}</p>
            </div>
          </li>
        ))}
      </ol>
      {linking && (
        <LinkMeetingDialog
          transcriptId={id}
          leadId={tr.leadId}
          contactId={tr.contactId}
          onClose={() => setLinking(false)}
          onLinked={() => {
            setLinking(false);
            transcript.reload();
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete “${tr.title}”?`}
          confirmLabel="Delete transcript"
          danger
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            setConfirming(false);
            if (await act(() => ok(api.DELETE('/api/v1/transcripts/{transcriptId}', { params: { path: { transcriptId: id } } })), 'The transcript was deleted.')) navigate(home?.path ?? '/contacts');
          }}
        >
          <p>Its {tr.segmentCount} segments go with it, and search no longer finds them.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

/** "Meeting: <event title>, <day>", linking to the event (its id alone while it loads or if it cannot be read). */
function TranscriptEvent({ eventId }: { eventId: string }): JSX.Element {
  const event = useRequest(() => ok(api.GET('/api/v1/calendar/events/{eventId}', { params: { path: { eventId } } })), [eventId]);
  return (
    <span class="transcript-event">
      Meeting: <Link href={`/calendar/${eventId}`}>{event.data ? `${event.data.title}, ${formatDay(new Date(event.data.startsAt))}` : 'open the event'}</Link> ·{' '}
    </span>
  );
}
