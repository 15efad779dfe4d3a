// One event: when (in its own zone, and in the viewer's), where, the contact and lead, the attendees
// with where their invite stands, the meeting's transcripts, and for members: edit, send invites, cancel.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import { Link } from '../../router.js';
import { can, useSession } from '../../session.js';
import { act } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { PersonName } from '../../ui/people.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { TranscriptPanel } from '../transcripts/TranscriptPanel.js';
import { useRequest } from '../../ui/use-request.js';
import { formatDay, inviteState, ownZoneTime, timeRange, viewerZone } from './calendar.js';

export function EventDetail({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.eventId as string;
  const session = useSession();
  const event = useRequest(() => ok(api.GET('/api/v1/calendar/events/{eventId}', { params: { path: { eventId: id } } })), [id]);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [busy, setBusy] = useState(false);
  const back = <Link href="/calendar">← Calendar</Link>;
  if (event.loading && !event.data) return <Loading />;
  if (!event.data)
    return (
      <Page title="Event" back={back}>
        <ErrorNotice error={event.error} onRetry={event.reload} />
      </Page>
    );
  const e = event.data;
  const open = e.status === 'confirmed';
  const writer = can(session, 'calendar:write') && open;
  const reachable = e.attendees.filter((a) => a.email !== null).length;
  const sendInvites = async () => {
    setBusy(true);
    const done = await act(() => ok(api.POST('/api/v1/calendar/events/{eventId}/invites', { params: { path: { eventId: id } }, body: {} })), 'Invites are on the way.');
    setBusy(false);
    if (done) event.reload();
  };
  return (
    <Page
      title={e.title}
      back={back}
      actions={
        writer && (
          <>
            <Link href={`/calendar/${id}/edit`} class="button">
              Edit
            </Link>
            <Button variant="primary" busy={busy} disabled={reachable === 0} onClick={sendInvites}>
              {e.invitedAt ? 'Send invites again' : 'Send invites'}
            </Button>
            <Button variant="danger" onClick={() => setConfirmCancel(true)}>
              Cancel event
            </Button>
          </>
        )
      }
    >
      {!open && <p class="calendar-cancelled-note">This event was cancelled{e.invitedAt ? '; the attendees who had an invite were told' : ''}.</p>}
      <dl class="details">
        <dt>When</dt>
        <dd>
          {ownZoneTime(e)}
          {!e.allDay && e.timeZone !== viewerZone() && (
            <span class="muted calendar-your-time">
              {' '}
              · your time: {formatDay(new Date(e.startsAt))}, {timeRange(e)}
            </span>
          )}
        </dd>
        <dt>Where</dt>
        <dd>{e.location ?? <span class="muted">Not set</span>}</dd>
        {e.contactId && (
          <>
            <dt>Contact</dt>
            <dd>
              <Link href={`/contacts/${e.contactId}`}>{e.attendees.find((a) => a.contactId === e.contactId)?.name ?? 'Open the contact'}</Link>
            </dd>
          </>
        )}
        {e.leadId && (
          <>
            <dt>Lead</dt>
            <dd>
              <Link href={`/leads/${e.leadId}`}>Open the lead</Link>
            </dd>
          </>
        )}
        <dt>Organizer</dt>
        <dd>
          <PersonName id={e.organizerId} />
        </dd>
        {e.notes && (
          <>
            <dt>Notes</dt>
            <dd class="calendar-notes">{e.notes}</dd>
          </>
        )}
      </dl>
      <section class="panel" aria-labelledby="attendees-title">
        <h2 id="attendees-title">Attendees</h2>
        {e.attendees.length === 0 ? (
          <p class="muted">No attendees. Edit the event to add members or contacts.</p>
        ) : (
          <ul class="lead-contact-list">
            {e.attendees.map((a) => (
              <li key={a.memberId ?? a.contactId}>
                <strong>{a.name ?? 'a former member'}</strong>
                <span class="muted">{a.kind === 'member' ? 'Member' : 'Contact'}</span>
                <span>{inviteState(a, e)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {can(session, 'transcripts:read') && <TranscriptPanel event={{ id, leadId: e.leadId, contactId: e.contactId }} />}
      {confirmCancel && (
        <ConfirmDialog
          title={`Cancel ${e.title}?`}
          confirmLabel="Cancel event"
          danger
          onClose={() => setConfirmCancel(false)}
          onConfirm={async () => {
            const done = await act(() => ok(api.POST('/api/v1/calendar/events/{eventId}/cancel', { params: { path: { eventId: id } }, body: {} })), `${e.title} was cancelled.`);
            setConfirmCancel(false);
            if (done) event.reload();
          }}
        >
          <p>Everyone who was sent an invite gets a cancellation their calendar acts on.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
