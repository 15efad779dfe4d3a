// Search results (/search?q=…&types=…): the server's best matches, grouped by kind in the order
// of each group's best match, matched terms in <mark> (the pieces are text; nothing is markup).
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import type { paths } from '../../api/schema.js';
import { Link, useLocation } from '../../router.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';

type Result = paths['/api/v1/search']['get']['responses'][200]['content']['application/json']['items'][number];
type Kind = Result['kind'];

const GROUPS: Record<Kind, string> = { contact: 'Contacts', lead: 'Leads', estimate: 'Estimates', event: 'Calendar', mail: 'Mail sent', mail_in: 'Mail received', transcript: 'Transcripts', file: 'Files' };

const hrefOf = (r: Result): string => {
  if (r.kind === 'contact') return `/contacts/${r.id}`;
  if (r.kind === 'lead') return `/leads/${r.id}`;
  if (r.kind === 'estimate') return `/estimates/${r.id}`;
  if (r.kind === 'transcript') return `/transcripts/${r.id}?segment=${r.segment ?? 1}`;
  if (r.kind === 'event') return `/calendar/${r.id}`;
  if (r.kind === 'mail_in') return r.contactId ? `/contacts/${r.contactId}/mail/${r.id}` : '/mail';
  if (r.kind === 'file') return r.leadId ? `/leads/${r.leadId}` : r.contactId ? `/contacts/${r.contactId}` : r.estimateId ? `/estimates/${r.estimateId}` : '/contacts';
  return r.contactId ? `/contacts/${r.contactId}` : '/mail';
};

function Marked({ pieces }: { pieces: Result['title'] }): JSX.Element {
  return <>{pieces.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

export function SearchResults(): JSX.Element {
  const { query } = useLocation();
  const q = query.get('q')?.trim() ?? '';
  const types = query.get('types') ?? '';
  const results = useRequest(() => (q ? ok(api.GET('/api/v1/search', { params: { query: { q, limit: 50, ...(types ? { types } : {}) } } })) : Promise.resolve({ items: [], nextCursor: null })), [q, types]);
  const title = q ? `Results for “${q}”` : 'Search';
  if (!q)
    return (
      <Page title="Search">
        <Empty title="Type what you are looking for in the search box.">
          <p>Names, companies, addresses, notes, estimate numbers and mail subjects. Press / to jump to the box from anywhere.</p>
        </Empty>
      </Page>
    );
  const items = results.data?.items ?? [];
  const groups = [...new Set(items.map((r) => r.kind))];
  return (
    <Page title={title}>
      {results.loading && !results.data && <Loading label="Searching…" />}
      {Boolean(results.error) && <ErrorNotice error={results.error} onRetry={results.reload} />}
      {results.data && items.length === 0 && (
        <Empty title="Nothing found.">
          <p>Every word must match; a word also finds longer words that start with it. Put words in quotes to find them in that order.</p>
        </Empty>
      )}
      {groups.map((kind) => (
        <section key={kind} class="panel search-group" aria-labelledby={`results-${kind}`}>
          <h2 id={`results-${kind}`}>
            {GROUPS[kind]} <span class="muted">({items.filter((r) => r.kind === kind).length})</span>
          </h2>
          <ul class="search-results">
            {items
              .filter((r) => r.kind === kind)
              .map((r) => (
                <li key={r.id}>
                  <Link href={hrefOf(r)} class="search-title">
                    <Marked pieces={r.title} />
                  </Link>
                  {r.snippet.length > 0 && (
                    <p class="search-snippet">
                      <Marked pieces={r.snippet} />
                    </p>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
