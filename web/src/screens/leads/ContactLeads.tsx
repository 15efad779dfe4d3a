// A contact's leads on its page: each with its stage and value, and "New lead" for this contact.
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { Link } from '../../router.js';
import { can, useSession } from '../../session.js';
import { ErrorNotice, MorePages } from '../../ui/states.js';
import { usePages } from '../../ui/use-pages.js';
import { formatMoney, stageLabel, usePipelines, type Lead } from './lead.js';

export function ContactLeads({ contactId }: { contactId: string }): JSX.Element {
  const session = useSession();
  const leads = usePages<Lead>((cursor) => ok(api.GET('/api/v1/leads', { params: { query: { contactId, sort: '-created', ...(cursor ? { cursor } : {}) } } })), [contactId]);
  const { pipelines, stages } = usePipelines();
  return (
    <section class="panel" aria-labelledby="contact-leads-title">
      <div class="lead-panel-header">
        <h2 id="contact-leads-title">Leads</h2>
        {can(session, 'leads:write') && (
          <Link href={`/leads/new?contactId=${encodeURIComponent(contactId)}`} class="button">
            New lead
          </Link>
        )}
      </div>
      {Boolean(leads.error) && <ErrorNotice error={leads.error} onRetry={leads.reload} />}
      {!leads.loading && !leads.error && leads.items.length === 0 && <p class="muted">No leads for this contact yet.</p>}
      {leads.items.length > 0 && (
        <ul class="lead-contact-list">
          {leads.items.map((lead) => {
            const stage = stages.get(lead.stageId);
            return (
              <li key={lead.id}>
                <Link href={`/leads/${lead.id}`}>{lead.title}</Link>
                <span class="muted">{stage ? stageLabel(stage, pipelines ?? []) : ''}</span>
                <span class="lead-amount">{formatMoney(lead.valueMinor, lead.currency)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <MorePages pages={leads} label="Load more leads" />
    </section>
  );
}
