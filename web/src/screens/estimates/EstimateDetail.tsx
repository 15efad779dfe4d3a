// One estimate: number, state and total; the current revision as the customer sees it; what can be
// done in its state (edit, send, a new link, withdraw, a new revision, PDF, delete); the revisions
// with a Verify per sent one; and the customer's decision. The customer's link is shown once, when
// it is made: only its hash is kept, and a new link replaces it.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { EstimateContent } from '../../../../src/estimates/totals.js';
import { sentence } from '../../api/errors.js';
import { api, ok, readError } from '../../api/http.js';
import { saveResponse } from '../../download.js';
import { Link, navigate } from '../../router.js';
import { can, useSession } from '../../session.js';
import { act } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';
import { formatMoney } from '../leads/lead.js';
import { STATE_LABELS, type EstimateDetail as Detail, type Verification } from './estimate.js';
import { shortHash } from '../../../../src/estimates/estimate-presentation.js';
import { EstimatePreview } from './EstimatePreview.js';
import { MailTable } from '../mail/MailTable.js';

type Asking = 'send' | 'link' | 'withdraw' | 'delete' | null;

export function EstimateDetail({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.estimateId as string;
  const session = useSession();
  const writer = can(session, 'estimates:write');
  const estimate = useRequest(() => ok(api.GET('/api/v1/estimates/{estimateId}', { params: { path: { estimateId: id } } })), [id]);
  const [asking, setAsking] = useState<Asking>(null);
  const [link, setLink] = useState<{ link: string; expiresAt: string; mailed: boolean } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const back = <Link href="/estimates">← Estimates</Link>;
  if (estimate.loading && !estimate.data) return <Loading />;
  if (!estimate.data)
    return (
      <Page title="Estimate" back={back}>
        <ErrorNotice error={estimate.error} onRetry={estimate.reload} />
      </Page>
    );
  const e = estimate.data;
  const path = { params: { path: { estimateId: id } } };
  const content = e.revision.content as EstimateContent;
  // With options the stored total is the one with the defaults; the customer's own is in the decision.
  const hasOptions = (content.alternativeGroups ?? []).length > 0 || content.sections.some((section) => section.items.some((item) => item.optional === true));
  const issueLink = async (call: 'send' | 'link'): Promise<void> => {
    try {
      const answer = await ok(call === 'send' ? api.POST('/api/v1/estimates/{estimateId}/send', { ...path, body: {} }) : api.POST('/api/v1/estimates/{estimateId}/link', { ...path, body: {} }));
      setLink({ link: answer.link, expiresAt: answer.expiresAt, mailed: answer.mailId !== null });
      estimate.reload();
    } catch (error) {
      notify({ text: sentence(error) });
    }
    setAsking(null);
  };
  const pdf = async (): Promise<void> => {
    setDownloading(true);
    try {
      const { response } = await api.GET('/api/v1/estimates/{estimateId}/pdf', { ...path, parseAs: 'stream' });
      if (!response.ok) throw await readError(response);
      await saveResponse(response, `estimate-${e.number ?? e.id}.pdf`);
    } catch (error) {
      notify({ text: sentence(error) });
    } finally {
      setDownloading(false);
    }
  };
  const actions = (
    <>
      {writer && e.state === 'draft' && (
        <>
          <Link href={`/estimates/${id}/edit`} class="button button-secondary">
            Edit
          </Link>
          <Button variant="primary" onClick={() => setAsking('send')}>
            Send
          </Button>
        </>
      )}
      {writer && e.state === 'sent' && (
        <>
          <Button onClick={() => setAsking('link')}>New link</Button>
          <Button variant="danger" onClick={() => setAsking('withdraw')}>
            Withdraw
          </Button>
        </>
      )}
      {writer && (e.state === 'sent' || e.state === 'declined' || e.state === 'expired' || e.state === 'withdrawn') && (
        <Button onClick={() => void act(() => ok(api.POST('/api/v1/estimates/{estimateId}/revisions', { ...path, body: {} })).then(() => navigate(`/estimates/${id}/edit`)), 'A new draft revision was started.')}>New revision</Button>
      )}
      <Button busy={downloading} onClick={() => void pdf()}>
        Download PDF
      </Button>
      {writer && e.state === 'draft' && e.currentRevision === 1 && (
        <Button variant="danger" onClick={() => setAsking('delete')}>
          Delete
        </Button>
      )}
    </>
  );
  return (
    <Page title={e.title} back={back} actions={actions}>
      <dl class="details">
        <Item label="Number">{e.number ?? 'Given when first sent'}</Item>
        <Item label="State">
          <span class={`estimate-state estimate-state-${e.state}`}>{STATE_LABELS[e.state]}</span>{` (revision ${e.currentRevision})`}
        </Item>
        <Item label={hasOptions ? 'Total (default choices)' : 'Total'}>{formatMoney(e.totalMinor, e.currency)}</Item>
        <Item label="Contact">{<Link href={`/contacts/${e.contactId}`}>{e.contactName ?? 'a deleted contact'}</Link>}</Item>
        {e.leadId && <Item label="Lead">{<Link href={`/leads/${e.leadId}`}>Open the lead</Link>}</Item>}
        <Item label="Opened by the customer">{e.firstViewedAt ? <DateTime iso={e.firstViewedAt} /> : 'Not yet'}</Item>
      </dl>
      {e.revision.decision && <DecisionPanel estimate={e} />}
      <section class="panel" aria-labelledby="preview-title">
        <h2 id="preview-title">{e.state === 'draft' ? 'Preview' : `Revision ${e.currentRevision} as sent`}</h2>
        <EstimatePreview estimate={e} />
      </section>
      <RevisionHistory estimate={e} />
      <MailPanel estimateId={e.id} version={e.version} canSend={can(session, 'mail:send')} />
      {asking === 'send' && (
        <ConfirmDialog title={`Send ${e.title}?`} confirmLabel="Send" onConfirm={() => issueLink('send')} onClose={() => setAsking(null)}>
          <p>Revision {e.currentRevision} is sealed when sent: it cannot change afterwards (a new revision can). You get the customer's link to pass on.</p>
        </ConfirmDialog>
      )}
      {asking === 'link' && (
        <ConfirmDialog title="Make a new link?" confirmLabel="Make a new link" onConfirm={() => issueLink('link')} onClose={() => setAsking(null)}>
          <p>The link given earlier stops working.</p>
        </ConfirmDialog>
      )}
      {asking === 'withdraw' && (
        <ConfirmDialog
          title={`Withdraw ${e.title}?`}
          confirmLabel="Withdraw"
          danger
          onConfirm={async () => {
            if (await act(() => ok(api.POST('/api/v1/estimates/{estimateId}/withdraw', { ...path, body: {} })), 'The estimate was withdrawn.')) estimate.reload();
            setAsking(null);
          }}
          onClose={() => setAsking(null)}
        >
          <p>The customer's link then says it was withdrawn, and takes no decision.</p>
        </ConfirmDialog>
      )}
      {asking === 'delete' && (
        <ConfirmDialog
          title={`Delete ${e.title}?`}
          confirmLabel="Delete"
          danger
          onConfirm={async () => {
            if (await act(() => ok(api.DELETE('/api/v1/estimates/{estimateId}', path)), `${e.title} was deleted.`)) navigate(e.leadId ? `/leads/${e.leadId}` : '/estimates');
            else setAsking(null);
          }}
          onClose={() => setAsking(null)}
        >
          <p>The draft was never sent; it is removed for good.</p>
        </ConfirmDialog>
      )}
      {link && <LinkDialog link={link.link} expiresAt={link.expiresAt} mailedTo={link.mailed ? (e.contactName ?? 'the contact') : null} onClose={() => setLink(null)} />}
    </Page>
  );
}

function Item({ label, children }: { label: string; children: JSX.Element | string | (JSX.Element | string)[] }): JSX.Element {
  return (
    <div class="detail">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The customer's link, this once, with a Copy button. */
function LinkDialog({ link, expiresAt, mailedTo, onClose }: { link: string; expiresAt: string; mailedTo: string | null; onClose: () => void }): JSX.Element {
  const [copied, setCopied] = useState('');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied.');
    } catch {
      setCopied('This browser did not allow copying: select the link and copy it.');
    }
  };
  return (
    <Dialog
      title="The customer's link"
      onClose={onClose}
      actions={
        <>
          <Button onClick={() => void copy()}>Copy</Button>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </>
      }
    >
      <p>
        {mailedTo ? <>It is on its way to {mailedTo} by email. </> : <>The contact has no email address: copy the link and pass it on. </>}
        <strong>This link is shown only once.</strong> A new link can be made at any time (the earlier one then stops working).
      </p>
      <div class="field">
        <label for="customer-link">Customer link</label>
        <input id="customer-link" class="input" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <p class="muted">
        It works until <DateTime iso={expiresAt} />.
      </p>
      <p role="status">{copied}</p>
    </Dialog>
  );
}

function DecisionPanel({ estimate }: { estimate: Detail }): JSX.Element {
  const decision = estimate.revision.decision!;
  const content = estimate.revision.content as EstimateContent;
  const items = content.sections.flatMap((section) => section.items);
  const picked = [
    ...(decision.selection?.optionalItems ?? []).map((itemId) => items.find((item) => item.id === itemId)?.description ?? itemId),
    ...Object.entries(decision.selection?.alternatives ?? {}).map(([groupId, choiceId]) => {
      const group = content.alternativeGroups?.find((g) => g.id === groupId);
      return `${group?.title ?? groupId}: ${group?.choices.find((c) => c.id === choiceId)?.title ?? choiceId}`;
    }),
  ];
  return (
    <section class="panel" aria-labelledby="decision-title">
      <h2 id="decision-title">{decision.outcome === 'accepted' ? 'Accepted' : 'Declined'}</h2>
      <dl class="details">
        {decision.typedName && <Item label="Typed name">{decision.typedName}</Item>}
        <Item label="When">
          <DateTime iso={decision.decidedAt} />
        </Item>
        {decision.outcome === 'accepted' && <Item label="Options chosen">{picked.length > 0 ? picked.join('; ') : 'None (the defaults)'}</Item>}
        {decision.totalMinor !== null && <Item label="Total accepted">{formatMoney(decision.totalMinor, estimate.currency)}</Item>}
        {decision.reason && <Item label="Reason">{decision.reason}</Item>}
        <Item label="Fingerprint">
          <span class="estimate-hash">{shortHash(decision.contentSha256) ?? ''}</span>
        </Item>
      </dl>
    </section>
  );
}

function RevisionHistory({ estimate }: { estimate: Detail }): JSX.Element {
  const [results, setResults] = useState<Record<number, Verification | { error: unknown } | 'checking'>>({});
  const verify = async (revision: number): Promise<void> => {
    setResults((old) => ({ ...old, [revision]: 'checking' }));
    try {
      const result = await ok(api.GET('/api/v1/estimates/{estimateId}/revisions/{revision}/verify', { params: { path: { estimateId: estimate.id, revision: String(revision) } } }));
      setResults((old) => ({ ...old, [revision]: result }));
    } catch (error) {
      setResults((old) => ({ ...old, [revision]: { error } }));
    }
  };
  return (
    <section class="panel" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions</h2>
      <table class="table estimate-revisions">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">State</th>
            <th scope="col">Sent</th>
            <th scope="col">Decided</th>
            <th scope="col">Fingerprint</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {[...estimate.revisions].reverse().map((r) => {
            const result = results[r.revision];
            return (
              <tr key={r.revision}>
                <th scope="row" data-label="Revision">
                  {r.revision}
                </th>
                <td data-label="State">{STATE_LABELS[r.state]}</td>
                <td data-label="Sent">{r.sentAt ? <DateTime iso={r.sentAt} /> : '—'}</td>
                <td data-label="Decided">{r.decidedAt ? <DateTime iso={r.decidedAt} /> : '—'}</td>
                <td data-label="Fingerprint" class="estimate-hash">
                  {shortHash(r.contentSha256) ?? '—'}
                </td>
                <td data-label="Check">
                  {r.sentAt && (
                    <Button variant="ghost" busy={result === 'checking'} onClick={() => void verify(r.revision)} aria-label={`Verify revision ${r.revision}`}>
                      Verify
                    </Button>
                  )}
                  <div role="status" class="estimate-verify">
                    {result && result !== 'checking' && ('error' in result ? sentence(result.error) : result.intact ? <strong class="estimate-intact">Intact: the content is exactly what was sent{result.decisionSha256 ? ' and decided' : ''}.</strong> : <VerifyProblems problems={result.problems} />)}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function VerifyProblems({ problems }: { problems: string[] }): JSX.Element {
  return (
    <div class="estimate-not-intact">
      <strong>Not intact:</strong>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

/** The mail that carried this estimate's links: to whom, its state and the server's last answer; a failed one can be sent again. */
function MailPanel({ estimateId, version, canSend }: { estimateId: string; version: number; canSend: boolean }): JSX.Element | null {
  const mail = useRequest(() => ok(api.GET('/api/v1/mail', { params: { query: { estimateId } } })), [estimateId, version]);
  if (!mail.data || mail.data.items.length === 0) return mail.error ? <ErrorNotice error={mail.error} onRetry={mail.reload} /> : null;
  return (
    <section class="panel" aria-labelledby="mail-title">
      <h2 id="mail-title">Mail</h2>
      <MailTable mail={mail.data.items} canSend={canSend} onChange={mail.reload} showSubject={false} />
    </section>
  );
}
