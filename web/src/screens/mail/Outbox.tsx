// The outbox: every message the workspace sent or is sending, newest first, filtered by state
// (?state=failed is the address to share when something did not go out), with "Send again".
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { can, useSession } from '../../session.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, MorePages } from '../../ui/states.js';
import { usePages } from '../../ui/use-pages.js';
import { MAIL_STATES, type MailState, type MailSummary } from './mail.js';
import { MailTable } from './MailTable.js';

const FILTERS: { state: MailState | ''; label: string }[] = [
  { state: '', label: 'All' },
  { state: 'queued', label: MAIL_STATES.queued },
  { state: 'failed', label: MAIL_STATES.failed },
  { state: 'sent', label: MAIL_STATES.sent },
];

export function Outbox(): JSX.Element {
  const session = useSession();
  const { query } = useLocation();
  const state = (FILTERS.find((f) => f.state === query.get('state'))?.state ?? '') as MailState | '';
  const mail = usePages<MailSummary>((cursor) => ok(api.GET('/api/v1/mail', { params: { query: { ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) } } })), [state]);
  return (
    <Page
      title="Mail"
      actions={
        <Link href="/mail/templates" class="button">
          Templates
        </Link>
      }
    >
      <nav class="filter-tabs" aria-label="Show">
        {FILTERS.map((f) => (
          <a key={f.label} href={f.state ? `/mail?state=${f.state}` : '/mail'} aria-current={f.state === state ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(f.state ? `/mail?state=${f.state}` : '/mail'))}>
            {f.label}
          </a>
        ))}
      </nav>
      {Boolean(mail.error) && <ErrorNotice error={mail.error} onRetry={mail.reload} />}
      {!mail.loading && !mail.error && mail.items.length === 0 && (
        <Empty title={state ? `No ${MAIL_STATES[state].toLowerCase()} mail.` : 'No mail yet.'}>
          <p>Estimate links, invitations and messages written to contacts (“Write email” on a contact or lead) show here with their state.</p>
        </Empty>
      )}
      {mail.items.length > 0 && <MailTable mail={mail.items} canSend={can(session, 'mail:send')} onChange={mail.reload} />}
      <MorePages pages={mail} label="Load more mail" />
    </Page>
  );
}
