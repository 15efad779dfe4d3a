// One received message: who sent it, to whom, when, its attachments (names and sizes only: the
// files are not stored) and its body. The HTML was sanitised by the server when it arrived (no
// scripts, styles, images or remote content); the page's Content-Security-Policy would block
// inline script and remote images besides.
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { Link } from '../../router.js';
import { useConfirmIfNeeded } from '../../ui/actions.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';
import { formatSize } from './mailbox.js';

export function ReceivedMessage({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.receivedMailId ?? '';
  const message = useRequest(() => ok(api.GET('/api/v1/received-mail/{receivedMailId}', { params: { path: { receivedMailId: id } } })), [id]);
  useConfirmIfNeeded(message.error);
  const m = message.data;
  const back = m?.contactId ? <Link href={`/contacts/${m.contactId}`}>Back to the contact</Link> : <Link href="/admin/mailbox">Back to the mailbox</Link>;
  return (
    <Page title={m ? m.subject || '(no subject)' : 'Message'} back={back}>
      {message.loading && <Loading />}
      {Boolean(message.error) && <ErrorNotice error={message.error} onRetry={message.reload} />}
      {m && (
        <article class="panel received-message">
          <dl class="details">
            <div class="detail">
              <dt>From</dt>
              <dd>{m.fromName ? `${m.fromName} <${m.from}>` : m.from}</dd>
            </div>
            <div class="detail">
              <dt>To</dt>
              <dd>{m.to.join(', ')}</dd>
            </div>
            <div class="detail">
              <dt>Received</dt>
              <dd>
                <DateTime iso={m.receivedAt} />
              </dd>
            </div>
            {m.leadId && (
              <div class="detail">
                <dt>Lead</dt>
                <dd>
                  <Link href={`/leads/${m.leadId}`}>Open the lead</Link>
                </dd>
              </div>
            )}
          </dl>
          {m.attachments.length > 0 && (
            <section aria-labelledby="attachments-title">
              <h2 id="attachments-title">Attachments</h2>
              <p class="muted">Spinney records attachments by name and size only; open them in the mailbox itself.</p>
              <ul>
                {m.attachments.map((a, i) => (
                  <li key={i}>
                    {a.name ?? '(no name)'} <span class="muted">{a.type}, {formatSize(a.size)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {m.html !== null ? (
            // Sanitised by the server's allowlist when received (src/mailbox/inbound-parse.ts).
            <div class="mail-body" data-testid="mail-body" dangerouslySetInnerHTML={{ __html: m.html }} />
          ) : (
            <p class="mail-body multiline" data-testid="mail-body">
              {m.text}
            </p>
          )}
        </article>
      )}
    </Page>
  );
}
