// Create and edit an event: title, zone, all day or wall times, place, the contact it is with, the
// attendees (members ticked, contacts found by search), notes, and whether to send the invites now.
// Times are typed as the clock in the event's zone reads them; the server turns them into instants.
// An edit sends the version it started from, so someone else's change meanwhile is not overwritten.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, type ApiError } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { Button, Field, SelectField, TextAreaField, TextField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { usePeople } from '../../ui/people.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { viewerZone, zoneOptions, type CalendarEvent } from './calendar.js';
import { useContactSearch } from '../contacts/use-contact-search.js';

interface ContactRef {
  id: string;
  name: string;
}

interface Values {
  title: string;
  timeZone: string;
  allDay: boolean;
  start: string;
  end: string;
  location: string;
  contact: ContactRef | null;
  memberIds: string[];
  contacts: ContactRef[];
  notes: string;
  sendInvites: boolean;
}
type FieldErrors = Partial<Record<keyof Values, string>>;

const SERVER_FIELDS: Record<string, keyof Values> = { title: 'title', timeZone: 'timeZone', start: 'start', end: 'end', location: 'location', contactId: 'contact', notes: 'notes', attendees: 'contacts' };
const orNull = (text: string): string | null => (text.trim() === '' ? null : text);

/** The next whole hour, as a datetime-local value (the browser's clock). */
function nextHour(hours = 1): string {
  const date = new Date();
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + hours);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:00`;
}

function fieldsOf(values: Values): Record<string, unknown> {
  return {
    title: values.title,
    timeZone: values.timeZone,
    allDay: values.allDay,
    start: values.start,
    end: values.end,
    location: orNull(values.location),
    contactId: values.contact?.id ?? null,
    notes: orNull(values.notes),
    attendees: [...values.memberIds.map((memberId) => ({ memberId })), ...values.contacts.map((c) => ({ contactId: c.id }))],
    sendInvites: values.sendInvites,
  };
}

export function EventNew(): JSX.Element {
  const { query } = useLocation();
  const contactId = query.get('contactId');
  const leadId = query.get('leadId');
  const contact = useRequest(async () => (contactId ? ok(api.GET('/api/v1/contacts/{contactId}', { params: { path: { contactId } } })) : null), [contactId]);
  if (contact.loading) return <Loading />;
  const chosen = contact.data ? { id: contact.data.id, name: contact.data.name } : null;
  const initial: Values = { title: '', timeZone: viewerZone(), allDay: false, start: nextHour(1), end: nextHour(2), location: '', contact: chosen, memberIds: [], contacts: chosen ? [chosen] : [], notes: '', sendInvites: true };
  return (
    <Page title="New event" back={<Link href="/calendar">← Calendar</Link>}>
      <EventFields
        initial={initial}
        creating
        submitLabel="Add event"
        save={(values) => {
          const { location, contactId: contact, notes, ...rest } = fieldsOf(values);
          const body = { ...rest, ...(location ? { location } : {}), ...(contact ? { contactId: contact } : {}), ...(notes ? { notes } : {}), ...(leadId ? { leadId } : {}) };
          return ok(api.POST('/api/v1/calendar/events', { body: body as never }));
        }}
      />
    </Page>
  );
}

export function EventEdit({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.eventId as string;
  const event = useRequest(() => ok(api.GET('/api/v1/calendar/events/{eventId}', { params: { path: { eventId: id } } })), [id]);
  const back = <Link href={`/calendar/${id}`}>← Back to the event</Link>;
  if (event.loading) return <Loading />;
  if (!event.data)
    return (
      <Page title="Edit event" back={back}>
        <ErrorNotice error={event.error} onRetry={event.reload} />
      </Page>
    );
  const e: CalendarEvent = event.data;
  const initial: Values = {
    title: e.title,
    timeZone: e.timeZone,
    allDay: e.allDay,
    start: e.start,
    end: e.end,
    location: e.location ?? '',
    contact: e.contactId ? { id: e.contactId, name: e.attendees.find((a) => a.contactId === e.contactId)?.name ?? 'the linked contact' } : null,
    memberIds: e.attendees.flatMap((a) => (a.memberId ? [a.memberId] : [])),
    contacts: e.attendees.flatMap((a) => (a.contactId ? [{ id: a.contactId, name: a.name ?? 'a deleted contact' }] : [])),
    notes: e.notes ?? '',
    sendInvites: e.invitedAt !== null,
  };
  return (
    <Page title={`Edit ${e.title}`} back={back}>
      <EventFields
        key={e.version}
        initial={initial}
        invited={e.invitedAt !== null}
        submitLabel="Save changes"
        onStale={event.reload}
        save={(values) => ok(api.PATCH('/api/v1/calendar/events/{eventId}', { params: { path: { eventId: id } }, body: { ...fieldsOf(values), version: e.version } as never }))}
      />
    </Page>
  );
}

interface FieldsProps {
  initial: Values;
  submitLabel: string;
  creating?: boolean;
  invited?: boolean;
  onStale?: () => void;
  save: (values: Values) => Promise<{ event: CalendarEvent; mailIds: string[] }>;
}

function EventFields({ initial, submitLabel, creating = false, invited = false, onStale, save }: FieldsProps): JSX.Element {
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const people = usePeople();
  const session = useSession();
  const set = (field: keyof Values) => (value: string) => setValues({ ...values, [field]: value });
  const setAllDay = (allDay: boolean) => setValues({ ...values, allDay, start: allDay ? values.start.slice(0, 10) : `${values.start.slice(0, 10)}T09:00`, end: allDay ? values.end.slice(0, 10) : `${values.end.slice(0, 10)}T10:00` });
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    if (values.title.trim() === '') return setFieldErrors({ title: 'Give the event a title.' });
    setBusy(true);
    try {
      const saved = await save(values);
      const sent = saved.mailIds.length;
      notify({ text: `${saved.event.title} was saved${sent > 0 ? `; ${sent} ${sent === 1 ? 'invite' : 'invites'} on the way` : ''}.` });
      navigate(`/calendar/${saved.event.id}`);
    } catch (err) {
      const path = ((err as ApiError).field ?? '').replace(/^\//, '').split('/')[0] ?? '';
      const field = SERVER_FIELDS[path];
      if ((err as ApiError).code === 'stale_version') {
        setError(new Error('Someone changed this event while you were editing. The form now shows the latest; make your changes again.'));
        onStale?.();
      } else if (field) setFieldErrors({ [field]: sentence(err) });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const members = [...(people?.values() ?? [])].filter((p) => p.status === 'active' || values.memberIds.includes(p.id));
  const toggleMember = (id: string, on: boolean) => setValues({ ...values, memberIds: on ? [...values.memberIds, id] : values.memberIds.filter((m) => m !== id) });
  const inputType = values.allDay ? 'date' : 'datetime-local';
  return (
    <form class="form" onSubmit={submit} noValidate>
      {Boolean(error) && <ErrorNotice error={error} />}
      <TextField label="Title" value={values.title} onValue={set('title')} error={fieldErrors.title} required maxLength={300} autoComplete="off" />
      <SelectField label="Time zone" hint="Times below are as a clock in this zone reads them." value={values.timeZone} options={zoneOptions(values.timeZone)} onValue={set('timeZone')} error={fieldErrors.timeZone} />
      <label class="calendar-check">
        <input type="checkbox" checked={values.allDay} onChange={(e) => setAllDay(e.currentTarget.checked)} /> All day
      </label>
      <div class="calendar-times">
        <TimeField label={values.allDay ? 'First day' : 'Starts'} type={inputType} value={values.start} onValue={set('start')} error={fieldErrors.start} />
        <TimeField label={values.allDay ? 'Last day' : 'Ends'} type={inputType} value={values.end} onValue={set('end')} error={fieldErrors.end} />
      </div>
      <TextField label="Location or site address" value={values.location} onValue={set('location')} error={fieldErrors.location} maxLength={500} autoComplete="off" />
      <ContactSearch label="Contact" hint="Who the event is with (optional)." chosen={values.contact ? [values.contact] : []} onChosen={(list) => setValues({ ...values, contact: list[0] ?? null })} single error={fieldErrors.contact} />
      <fieldset class="fieldset">
        <legend>Attendees</legend>
        <p class="field-hint">Members of the workspace:</p>
        <ul class="calendar-members">
          {members.map((p) => (
            <li key={p.id}>
              <label class="calendar-check">
                <input type="checkbox" checked={values.memberIds.includes(p.id)} onChange={(e) => toggleMember(p.id, e.currentTarget.checked)} /> {p.email}
                {p.id === session.userId ? ' (you)' : ''}
              </label>
            </li>
          ))}
        </ul>
        <ContactSearch label="Add a contact" hint="Type part of a name or email, then choose." chosen={values.contacts} onChosen={(contacts) => setValues({ ...values, contacts })} error={fieldErrors.contacts} />
      </fieldset>
      <TextAreaField label="Notes" value={values.notes} onValue={set('notes')} error={fieldErrors.notes} maxLength={10000} rows={4} />
      <label class="calendar-check">
        <input type="checkbox" checked={values.sendInvites} onChange={(e) => setValues({ ...values, sendInvites: e.currentTarget.checked })} />{' '}
        {creating ? 'Send invites to the attendees now' : invited ? 'Send the change to the attendees' : 'Send invites to the attendees now'}
      </label>
      <div class="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function TimeField({ label, type, value, onValue, error }: { label: string; type: 'date' | 'datetime-local'; value: string; onValue: (value: string) => void; error?: string | undefined }): JSX.Element {
  return (
    <Field label={label} error={error}>
      {({ id, describedBy, invalid }) => <input id={id} type={type} class="input" value={value} onInput={(e) => onValue(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
    </Field>
  );
}

/** Contacts chosen by searching: the chosen ones with "Remove", then a search listing buttons to add. */
function ContactSearch({ label, hint, chosen, onChosen, single = false, error }: { label: string; hint: string; chosen: ContactRef[]; onChosen: (list: ContactRef[]) => void; single?: boolean; error?: string | undefined }): JSX.Element {
  const [typed, setTyped] = useState('');
  const found = useContactSearch(typed)?.filter((c) => !chosen.some((x) => x.id === c.id)) ?? null;
  return (
    <div class="lead-contact-picker">
      {chosen.length > 0 && (
        <ul class="lead-contact-list" aria-label={single ? label : `${label}: chosen`}>
          {chosen.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              <Button variant="ghost" onClick={() => onChosen(chosen.filter((x) => x.id !== c.id))} aria-label={`Remove ${c.name}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {!(single && chosen.length > 0) && <TextField label={label} hint={hint} type="search" value={typed} onValue={setTyped} error={error} autoComplete="off" />}
      {found && found.length === 0 && <p class="muted">No contacts match “{typed.trim()}”.</p>}
      {found && found.length > 0 && (
        <ul class="lead-contact-results" aria-label={`Contacts matching ${typed.trim()}`}>
          {found.map((c) => (
            <li key={c.id}>
              <Button
                onClick={() => {
                  onChosen(single ? [{ id: c.id, name: c.name }] : [...chosen, { id: c.id, name: c.name }]);
                  setTyped('');
                }}
              >
                {c.name}
                {c.email ? <span class="muted"> · {c.email}</span> : null}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
