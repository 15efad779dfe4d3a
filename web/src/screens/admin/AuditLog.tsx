// The audit log (admins): who did what and when, newest first, people by email rather than id;
// filter by kind of action, person and dates, page on, and download the same selection as CSV
// (cells quoted against spreadsheet formulas) or JSON lines.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, readError } from '../../api/http.js';
import { saveResponse } from '../../download.js';
import { Button, SelectField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { usePages } from '../../ui/use-pages.js';
import { Empty, ErrorNotice, MorePages } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';
import type { paths } from '../../api/schema.js';

type AuditEvent = paths['/api/v1/audit-events']['get']['responses'][200]['content']['application/json']['items'][number];
type Filters = { action: string; actor: string; from: string; to: string };

const ACTIONS = [
  { value: '', label: 'Every action' },
  { value: 'auth.', label: 'Sign-ins' },
  { value: 'session.', label: 'Sessions' },
  { value: 'contact.', label: 'Contacts' },
  { value: 'member.', label: 'Members' },
  { value: 'invitation.', label: 'Invitations' },
  { value: 'vault.', label: 'Secrets' },
  { value: 'webhook.', label: 'Webhooks' },
  { value: 'integration.', label: 'Integrations' },
  { value: 'settings.', label: 'Settings' },
  { value: 'workspace.', label: 'Export and deletion' },
];

/** The query the list and the download share; dates are whole days in the person's time zone. */
function query(filters: Filters): Record<string, string> {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).toISOString() } : {}),
    ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).toISOString() } : {}),
  };
}

export function AuditLog(): JSX.Element {
  const [filters, setFilters] = useState<Filters>({ action: '', actor: '', from: '', to: '' });
  const events = usePages<AuditEvent>((after) => ok(api.GET('/api/v1/audit-events', { params: { query: { ...query(filters), ...(after ? { cursor: after } : {}) } } })), [filters]);
  const { items } = events;
  const members = useRequest(() => ok(api.GET('/api/v1/members')), []);
  const people = new Map((members.data?.items ?? []).map((m) => [m.id, m.email]));

  const download = async (format: 'csv' | 'jsonl'): Promise<void> => {
    try {
      const { response } = await api.GET('/api/v1/audit-events/download', { params: { query: { ...query(filters), format } }, parseAs: 'stream' });
      if (!response.ok) throw await readError(response);
      await saveResponse(response, `audit.${format}`);
    } catch (error) {
      notify({ text: sentence(error) });
    }
  };
  const who = (e: AuditEvent): string => (e.actor.type === 'user' || e.actor.type === 'member' ? (e.actor.id && people.get(e.actor.id)) || 'a former member' : e.actor.type === 'operator' ? 'the Spinney operator' : e.actor.type);
  const set = (key: keyof Filters) => (value: string) => setFilters({ ...filters, [key]: value });

  return (
    <Page
      title="Audit log"
      actions={
        <>
          <Button onClick={() => void download('csv')}>Download CSV</Button>
          <Button onClick={() => void download('jsonl')}>Download JSON lines</Button>
        </>
      }
    >
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
        <SelectField label="Action" value={filters.action} options={ACTIONS} onValue={set('action')} />
        <SelectField label="Person" value={filters.actor} options={[{ value: '', label: 'Anyone' }, ...(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.email }))]} onValue={set('actor')} />
        <div class="field">
          <label for="audit-from">From</label>
          <input id="audit-from" class="input" type="date" value={filters.from} onChange={(e) => set('from')(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="audit-to">To</label>
          <input id="audit-to" class="input" type="date" value={filters.to} onChange={(e) => set('to')(e.currentTarget.value)} />
        </div>
      </form>
      {Boolean(events.error) && <ErrorNotice error={events.error} onRetry={events.reload} />}
      {!events.loading && !events.error && items.length === 0 && <Empty title="No events match these filters." />}
      {items.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td data-label="When">
                  <DateTime iso={e.at} />
                </td>
                <td data-label="Who">{who(e)}</td>
                <th scope="row" data-label="Action">
                  <code>{e.action}</code>
                </th>
                <td data-label="From">{e.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MorePages pages={events} label="Show older events" />
    </Page>
  );
}
