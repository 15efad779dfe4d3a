// "Link to a meeting": files a transcript under one of its lead's (or contact's) calendar events,
// from half a year back to two months ahead, the most recent first. The transcript keeps its lead
// and contact; the link only adds the meeting, and the event page then lists the transcript.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import { act } from '../../ui/actions.js';
import { Button, SelectField } from '../../ui/controls.js';
import { Dialog } from '../../ui/dialog.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { addDays, formatDay } from '../calendar/calendar.js';

export function LinkMeetingDialog({ transcriptId, leadId, contactId, onClose, onLinked }: { transcriptId: string; leadId: string | null; contactId: string | null; onClose: () => void; onLinked: () => void }): JSX.Element {
  const events = useRequest(() => {
    const now = new Date();
    const range = { from: addDays(now, -183).toISOString(), to: addDays(now, 61).toISOString() };
    const record = leadId ? { leadId } : { contactId: contactId ?? '' };
    return ok(api.GET('/api/v1/calendar/events', { params: { query: { ...range, ...record } } }));
  }, [leadId, contactId]);
  // Listed by start, oldest first: the most recent meeting is the likeliest one, so it comes first.
  const choices = [...(events.data?.items ?? [])].reverse();
  const [chosen, setChosen] = useState('');
  const eventId = chosen || choices[0]?.id || '';
  const [busy, setBusy] = useState(false);
  const link = async (): Promise<void> => {
    setBusy(true);
    const done = await act(() => ok(api.PATCH('/api/v1/transcripts/{transcriptId}', { params: { path: { transcriptId } }, body: { eventId } })), 'The transcript is linked to the meeting.');
    setBusy(false);
    if (done) onLinked();
  };
  const who = leadId ? 'this lead' : 'this contact';
  return (
    <Dialog
      title="Link to a meeting"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={busy} disabled={!eventId} onClick={() => void link()}>
            Link
          </Button>
        </>
      }
    >
      {events.loading && !events.data && <Loading />}
      {Boolean(events.error) && <ErrorNotice error={events.error} onRetry={events.reload} />}
      {events.data && choices.length === 0 && <p>No meetings with {who} from six months ago to two months ahead. Add one in the calendar first.</p>}
      {choices.length > 0 && (
        <SelectField
          label="Meeting"
          value={eventId}
          onValue={setChosen}
          options={choices.map((e) => ({ value: e.id, label: `${e.title}, ${formatDay(new Date(e.startsAt))}${e.status === 'cancelled' ? ' (cancelled)' : ''}` }))}
        />
      )}
    </Dialog>
  );
}
