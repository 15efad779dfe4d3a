// A contact's mail thread on its page: what the workspace sent and what the contact answered, newest
// first (from the contact's timeline); each received message opens in full.
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { Link } from '../../router.js';
import { ErrorNotice, MorePages } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { usePages } from '../../ui/use-pages.js';
import type { TimelineEntry } from '../leads/lead.js';

type MailEntry = Extract<TimelineEntry, { kind: 'mail' | 'mail_in' }>;

export function ContactMail({ contactId }: { contactId: string }): JSX.Element {
  const timeline = usePages<TimelineEntry>((cursor) => ok(api.GET('/api/v1/contacts/{contactId}/timeline', { params: { path: { contactId }, query: cursor ? { cursor } : {} } })), [contactId]);
  const mail = timeline.items.filter((e): e is MailEntry => e.kind === 'mail' || e.kind === 'mail_in');
  return (
    <section class="panel" aria-labelledby="contact-mail-title">
      <h2 id="contact-mail-title">Mail</h2>
      {Boolean(timeline.error) && <ErrorNotice error={timeline.error} onRetry={timeline.reload} />}
      {!timeline.loading && !timeline.error && mail.length === 0 && <p class="muted">No mail with this contact yet.</p>}
      {mail.length > 0 && (
        <ol class="mail-thread">
          {mail.map((entry) => (
            <li key={entry.id} class={`mail-thread-entry mail-${entry.kind === 'mail_in' ? 'received' : 'sent'}`}>
              {entry.kind === 'mail_in' ? (
                <p>
                  Received from {entry.from}: <Link href={`/contacts/${contactId}/mail/${entry.receivedMailId}`}>{entry.subject || '(no subject)'}</Link>
                </p>
              ) : (
                <p>
                  Sent to {entry.to}: “{entry.subject}”, {entry.state}
                </p>
              )}
              <p class="muted">
                <DateTime iso={entry.at} />
                {entry.attachments.length > 0 && ` · Attached: ${entry.attachments.join(', ')}`}
              </p>
            </li>
          ))}
        </ol>
      )}
      <MorePages pages={timeline} label="Load earlier mail" />
    </section>
  );
}
