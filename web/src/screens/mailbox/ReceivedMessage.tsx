// One received message: who sent it, to whom, when, its attachments (each kept as a file to
// download, or why it was not kept) and its body. The HTML was sanitised by the server when it arrived (no
// scripts, styles, images or remote content); the page's Content-Security-Policy would block
// inline script and remote images besides.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import { saveResponse } from '../../download.js';
import { Link } from '../../router.js';
import { useConfirmIfNeeded } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
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
              <Attachments attachments={m.attachments} />
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

type Attachment = { name: string | null; type: string; size: number; fileId: string | null; refused: string | null };

/** Kept attachments download (fetched with the page's token, never a token in a URL); the others say why they were not kept. */
function Attachments({ attachments }: { attachments: Attachment[] }): JSX.Element {
  const [problem, setProblem] = useState<unknown>(null);
  const download = async (a: Attachment & { fileId: string }): Promise<void> => {
    setProblem(null);
    try {
      const { response } = await api.GET('/api/v1/files/{fileId}/content', { params: { path: { fileId: a.fileId } }, parseAs: 'stream' });
      if (!response.ok) throw new Error(response.status === 404 ? 'The file was deleted.' : 'The file could not be downloaded.');
      await saveResponse(response, a.name ?? 'file');
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <>
      {Boolean(problem) && <ErrorNotice error={problem} />}
      <ul class="attachments">
        {attachments.map((a, i) => (
          <li key={i} data-attachment={a.name ?? ''}>
            {a.fileId !== null ? (
              <Button variant="ghost" onClick={() => void download({ ...a, fileId: a.fileId as string })}>
                Download {a.name ?? '(no name)'}
              </Button>
            ) : (
              <span>{a.name ?? '(no name)'}</span>
            )}{' '}
            <span class="muted">
              {a.type}, {formatSize(a.size)}
              {a.refused !== null ? ` · not kept: ${a.refused}` : a.fileId === null ? ' · not kept (received before Spinney kept attachments)' : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
