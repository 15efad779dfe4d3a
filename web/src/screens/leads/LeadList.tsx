// Leads as a list: filters (owner, stage, tag, text, next action due) and the sort live in the
// address, so a filtered list can be shared and goes back and forward; "Load more" follows the
// server's cursor.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import type { paths } from '../../api/schema.js';
import { Link, navigate, useLocation } from '../../router.js';
import { can, useSession } from '../../session.js';
import { SelectField, TextField } from '../../ui/controls.js';
import { Page } from '../../ui/page.js';
import { PersonName, usePeople } from '../../ui/people.js';
import { Empty, ErrorNotice, MorePages } from '../../ui/states.js';
import { usePages } from '../../ui/use-pages.js';
import { formatDay, formatMoney, stageLabel, today, usePipelines, type Lead } from './lead.js';

type ListQuery = NonNullable<paths['/api/v1/leads']['get']['parameters']['query']>;
type Sort = NonNullable<ListQuery['sort']>;

const SORTS: { value: Sort; label: string }[] = [
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
  { value: '-updated', label: 'Recently changed' },
  { value: 'title', label: 'Title A–Z' },
  { value: 'nextAction', label: 'Next action date' },
  { value: 'expectedClose', label: 'Expected close date' },
];
/** The filters as named in the address (`?owner=…&stage=…`). */
const FILTERS = ['q', 'owner', 'stage', 'tag', 'due', 'sort'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

export function LeadList(): JSX.Element {
  const session = useSession();
  const writer = can(session, 'leads:write');
  const { query } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? ''])) as Filters;
  const [typed, setTyped] = useState(filters.q);
  const people = usePeople();
  const { pipelines, stages } = usePipelines();
  const set = (changes: Partial<Filters>, replace = false): void => navigate(listAddress({ ...filters, ...changes }), { replace });

  const leads = usePages<Lead>(
    (cursor) =>
      ok(
        api.GET('/api/v1/leads', {
          params: {
            query: {
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.owner ? { ownerId: filters.owner } : {}),
              ...(filters.stage ? { stageId: filters.stage } : {}),
              ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
              ...(filters.due ? { nextActionDue: filters.due } : {}),
              sort: (filters.sort || '-created') as Sort,
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    FILTERS.map((name) => filters[name]),
  );

  // Typing settles for 250 ms before the address (and so the list) changes.
  useEffect(() => {
    if (typed.trim() === filters.q) return;
    const timer = setTimeout(() => set({ q: typed.trim() }, true), 250);
    return () => clearTimeout(timer);
  }, [typed, filters.q]);

  const filtered = FILTERS.some((name) => name !== 'sort' && filters[name] !== '');
  const ownerOptions = [{ value: '', label: 'Anyone' }, ...[...(people?.values() ?? [])].map((p) => ({ value: p.id, label: p.email }))];
  const stageOptions = [{ value: '', label: 'Any stage' }, ...[...stages.values()].map((stage) => ({ value: stage.id, label: stageLabel(stage, pipelines ?? []) }))];
  return (
    <Page
      title="Lead list"
      back={<Link href="/leads">← Board</Link>}
      actions={
        writer && (
          <Link href="/leads/new" class="button button-primary">
            New lead
          </Link>
        )
      }
    >
      <search class="filters lead-filters" aria-label="Filter leads">
        <TextField label="Search leads" type="search" value={typed} onValue={setTyped} placeholder="Title or notes" />
        <SelectField label="Owner" value={filters.owner} options={ownerOptions} onValue={(owner) => set({ owner })} />
        <SelectField label="Stage" value={filters.stage} options={stageOptions} onValue={(stage) => set({ stage })} />
        <TextField label="Tag" value={filters.tag} onValue={(tag) => set({ tag }, true)} />
        <SelectField
          label="Next action"
          value={filters.due}
          options={[
            { value: '', label: 'Any time' },
            { value: filters.due && filters.due !== today() ? filters.due : today(), label: filters.due && filters.due !== today() ? `Due by ${formatDay(filters.due)}` : 'Due today or overdue' },
          ]}
          onValue={(due) => set({ due })}
        />
        <SelectField label="Sort by" value={filters.sort || '-created'} options={SORTS} onValue={(sort) => set({ sort })} />
      </search>
      {Boolean(leads.error) && <ErrorNotice error={leads.error} onRetry={leads.reload} />}
      {!leads.loading && !leads.error && leads.items.length === 0 &&
        (filtered ? (
          <Empty title="No leads match these filters.">
            <Link href="/leads/list">Clear the filters</Link>
          </Empty>
        ) : (
          <Empty title="No leads yet.">
            <p>{writer ? 'Add a lead from a contact, or here.' : 'When your team adds leads they appear here.'}</p>
          </Empty>
        ))}
      {leads.items.length > 0 && (
        <table class="table lead-table">
          <caption class="visually-hidden">
            {leads.items.length} leads shown{leads.more ? ', more available' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Lead</th>
              <th scope="col">Contact</th>
              <th scope="col">Stage</th>
              <th scope="col">Owner</th>
              <th scope="col">Value</th>
              <th scope="col">Next action</th>
            </tr>
          </thead>
          <tbody>
            {leads.items.map((lead) => {
              const stage = stages.get(lead.stageId);
              return (
                <tr key={lead.id}>
                  <th scope="row" data-label="Lead">
                    <Link href={`/leads/${lead.id}`}>{lead.title}</Link>
                  </th>
                  <td data-label="Contact">{lead.contactName ?? ''}</td>
                  <td data-label="Stage">{stage ? stageLabel(stage, pipelines ?? []) : ''}</td>
                  <td data-label="Owner">{lead.ownerId ? <PersonName id={lead.ownerId} /> : ''}</td>
                  <td data-label="Value" class="lead-amount">
                    {formatMoney(lead.valueMinor, lead.currency)}
                  </td>
                  <td data-label="Next action" class={lead.nextAction && lead.nextAction.date <= today() ? 'lead-due' : undefined}>
                    {lead.nextAction ? `${lead.nextAction.text}, ${formatDay(lead.nextAction.date)}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <MorePages pages={leads} label="Load more leads" />
    </Page>
  );
}

/** The list's address for the given filters (empty ones left out). */
function listAddress(filters: Filters): string {
  const params = FILTERS.filter((name) => filters[name] !== '').map((name) => `${name}=${encodeURIComponent(filters[name])}`);
  return params.length > 0 ? `/leads/list?${params.join('&')}` : '/leads/list';
}
