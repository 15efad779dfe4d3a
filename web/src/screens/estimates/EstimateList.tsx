// Estimates, newest first: number, title, contact, state, total and when last changed; one lead's
// with ?leadId= (the address can be shared); "Load more" follows the server's cursor. The lead's
// page lists its estimates with the same table (LeadEstimates).
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { Link, useLocation } from '../../router.js';
import { can, useSession } from '../../session.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, MorePages } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { usePages } from '../../ui/use-pages.js';
import { formatMoney } from '../leads/lead.js';
import { STATE_LABELS, type Estimate } from './estimate.js';

export function EstimateList(): JSX.Element {
  const { query } = useLocation();
  const leadId = query.get('leadId') ?? '';
  const estimates = useEstimates(leadId);
  return (
    <Page title="Estimates" back={leadId ? <Link href={`/leads/${leadId}`}>← Back to the lead</Link> : undefined}>
      {leadId && (
        <p>
          One lead's estimates. <Link href="/estimates">Show all estimates</Link>
        </p>
      )}
      {Boolean(estimates.error) && <ErrorNotice error={estimates.error} onRetry={estimates.reload} />}
      {!estimates.loading && !estimates.error && estimates.items.length === 0 && (
        <Empty title="No estimates yet.">
          <p>An estimate is made from a lead: open the lead and choose “New estimate”.</p>
        </Empty>
      )}
      <EstimateTable estimates={estimates.items} more={estimates.more} />
      <MorePages pages={estimates} label="Load more estimates" />
    </Page>
  );
}

export const useEstimates = (leadId: string) =>
  usePages<Estimate>((cursor) => ok(api.GET('/api/v1/estimates', { params: { query: { ...(leadId ? { leadId } : {}), ...(cursor ? { cursor } : {}) } } })), [leadId]);

export function EstimateTable({ estimates, more }: { estimates: Estimate[]; more: boolean }): JSX.Element | null {
  if (estimates.length === 0) return null;
  return (
    <table class="table estimate-table">
      <caption class="visually-hidden">
        {estimates.length} estimates shown{more ? ', more available' : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Title</th>
          <th scope="col">Contact</th>
          <th scope="col">State</th>
          <th scope="col">Total</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {estimates.map((e) => (
          <tr key={e.id}>
            <td data-label="Number">{e.number ?? <span class="muted">Draft</span>}</td>
            <th scope="row" data-label="Title">
              <Link href={`/estimates/${e.id}`}>{e.title}</Link>
            </th>
            <td data-label="Contact">{e.contactName ?? ''}</td>
            <td data-label="State">
              <span class={`estimate-state estimate-state-${e.state}`}>{STATE_LABELS[e.state]}</span>
            </td>
            <td data-label="Total" class="lead-amount">
              {/* Accepted: what the customer chose, not the default picks. */}
              {formatMoney(e.acceptedTotalMinor ?? e.totalMinor, e.currency)}
            </td>
            <td data-label="Updated">
              <DateTime iso={e.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The estimates panel of a lead's page: its estimates and, for those who may write, "New estimate". */
export function LeadEstimates({ leadId }: { leadId: string }): JSX.Element {
  const session = useSession();
  const estimates = useEstimates(leadId);
  return (
    <section class="panel" aria-labelledby="lead-estimates-title">
      <div class="lead-panel-header">
        <h2 id="lead-estimates-title">Estimates</h2>
        {can(session, 'estimates:write') && (
          <Link href={`/estimates/new?leadId=${encodeURIComponent(leadId)}`} class="button button-primary">
            New estimate
          </Link>
        )}
      </div>
      {Boolean(estimates.error) && <ErrorNotice error={estimates.error} onRetry={estimates.reload} />}
      {!estimates.loading && !estimates.error && estimates.items.length === 0 && <p class="muted">No estimates for this lead yet.</p>}
      <EstimateTable estimates={estimates.items} more={estimates.more} />
      <MorePages pages={estimates} label="Load more estimates" />
    </section>
  );
}
