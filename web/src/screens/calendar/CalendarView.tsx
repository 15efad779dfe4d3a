// The calendar: a week (?week=YYYY-MM-DD, Monday to Sunday in the viewer's zone) or the agenda (the
// next six weeks, day by day); ?mine=1 shows only the events the signed-in member organizes or
// attends. On a phone the week's days stack, so both views read top to bottom.
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { Link, useLocation } from '../../router.js';
import { can, useSession } from '../../session.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { addDays, dayKey, daysOf, formatDay, formatShortDay, mondayOf, timeRange, type CalendarEvent } from './calendar.js';

const AGENDA_DAYS = 42;

export function CalendarView(): JSX.Element {
  const session = useSession();
  const { query } = useLocation();
  const agenda = query.get('view') === 'agenda';
  const mine = query.get('mine') === '1';
  const first = agenda ? new Date(new Date().setHours(0, 0, 0, 0)) : mondayOf(query.get('week'));
  const days = Array.from({ length: agenda ? AGENDA_DAYS : 7 }, (_, i) => addDays(first, i));
  const from = first.toISOString();
  const to = addDays(first, days.length).toISOString();
  const events = useRequest(
    () => ok(api.GET('/api/v1/calendar/events', { params: { query: { from, to, ...(mine ? { memberId: session.userId } : {}) } } })).then((page) => page.items),
    [from, to, mine, session.userId],
  );
  const byDay = new Map<string, CalendarEvent[]>();
  for (const event of events.data ?? []) for (const day of daysOf(event)) byDay.set(day, [...(byDay.get(day) ?? []), event]);
  const here = (changes: Record<string, string | null>): string => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    return `/calendar${text ? `?${text}` : ''}`;
  };
  const title = agenda ? 'Agenda' : `Week of ${formatShortDay(first)}`;
  return (
    <Page
      title={title}
      actions={
        <>
          <Link href="/calendar/feed" class="button">
            Subscribe on your phone
          </Link>
          {can(session, 'calendar:write') && (
            <Link href="/calendar/new" class="button button-primary">
              New event
            </Link>
          )}
        </>
      }
    >
      <nav class="calendar-toolbar" aria-label="Calendar views">
        <Link href={here({ view: null })} aria-current={agenda ? undefined : 'page'}>
          Week
        </Link>
        <Link href={here({ view: 'agenda', week: null })} aria-current={agenda ? 'page' : undefined}>
          Agenda
        </Link>
        <Link href={here({ mine: mine ? null : '1' })}>
          {mine ? 'Showing your events: show everyone’s' : 'Only your events'}
        </Link>
        {!agenda && (
          <span class="calendar-weeks">
            <Link href={here({ week: dayKey(addDays(first, -7)) })}>← Previous week</Link>
            <Link href={here({ week: null })}>This week</Link>
            <Link href={here({ week: dayKey(addDays(first, 7)) })}>Next week →</Link>
          </span>
        )}
      </nav>
      {Boolean(events.error) && <ErrorNotice error={events.error} onRetry={events.reload} />}
      {events.loading && !events.data && <Loading label="Loading events…" />}
      {events.data &&
        (agenda ? (
          <Agenda days={days} byDay={byDay} />
        ) : (
          <ol class="calendar-week" aria-label={title}>
            {days.map((day) => (
              <li key={dayKey(day)} class={`calendar-day${dayKey(day) === dayKey(new Date()) ? ' calendar-today' : ''}`}>
                <h2 class="calendar-day-title">{formatShortDay(day)}</h2>
                <EventList events={byDay.get(dayKey(day)) ?? []} />
              </li>
            ))}
          </ol>
        ))}
    </Page>
  );
}

function Agenda({ days, byDay }: { days: Date[]; byDay: Map<string, CalendarEvent[]> }): JSX.Element {
  const busy = days.filter((day) => (byDay.get(dayKey(day)) ?? []).length > 0);
  if (busy.length === 0) return <p class="muted">Nothing in the next six weeks.</p>;
  return (
    <ol class="calendar-agenda">
      {busy.map((day) => (
        <li key={dayKey(day)}>
          <h2 class="calendar-day-title">{formatDay(day)}</h2>
          <EventList events={byDay.get(dayKey(day)) ?? []} />
        </li>
      ))}
    </ol>
  );
}

function EventList({ events }: { events: CalendarEvent[] }): JSX.Element {
  if (events.length === 0) return <p class="muted calendar-free">No events</p>;
  return (
    <ul class="calendar-events">
      {events.map((event) => (
        <li key={event.id} class={`calendar-event${event.status === 'cancelled' ? ' calendar-cancelled' : ''}`}>
          <span class="calendar-time">{timeRange(event)}</span> <Link href={`/calendar/${event.id}`}>{event.title}</Link>
          {event.status === 'cancelled' && <span class="muted"> (cancelled)</span>}
          {event.location && <span class="muted calendar-where">{event.location}</span>}
        </li>
      ))}
    </ul>
  );
}
