// One contact: its details, who changed it and when, edit and delete for those who may write, its
// leads, and the sensitive fields (tax id, bank details) for admins, behind a recent sign-in.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok } from '../../api/http.js';
import { confirmIdentityIfAsked } from '../../reauth.js';
import { Link, navigate } from '../../router.js';
import { can, useSession } from '../../session.js';
import { Button } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { PersonName } from '../../ui/people.js';
import { DateTime } from '../../ui/time.js';
import { ContactLeads } from '../leads/ContactLeads.js';
import { ContactMail } from '../mailbox/ContactMail.js';
import { RecordFiles } from '../files/RecordFiles.js';
import { useRequest } from '../../ui/use-request.js';
import { countryName, SOURCE_LABELS, type Address, type SensitiveFields } from './contact.js';
import { TagChips } from './TagsField.js';
import { TranscriptPanel } from '../transcripts/TranscriptPanel.js';

export function ContactDetail({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.contactId as string;
  const session = useSession();
  const contact = useRequest(() => ok(api.GET('/api/v1/contacts/{contactId}', { params: { path: { contactId: id } } })), [id]);
  const [confirming, setConfirming] = useState(false);
  const back = <Link href="/contacts">← Contacts</Link>;
  if (contact.loading) return <Loading />;
  if (!contact.data)
    return (
      <Page title="Contact" back={back}>
        <ErrorNotice error={contact.error} onRetry={contact.reload} />
      </Page>
    );
  const c = contact.data;
  const writer = can(session, 'contacts:write');
  const remove = async (): Promise<void> => {
    try {
      await ok(api.DELETE('/api/v1/contacts/{contactId}', { params: { path: { contactId: id } } }));
      notify({ text: `${c.name} was deleted.` });
      navigate('/contacts');
    } catch (error) {
      setConfirming(false);
      notify({ text: sentence(error) });
    }
  };
  return (
    <Page
      title={c.name}
      back={back}
      actions={
        writer && (
          <>
            {can(session, 'mail:send') && c.email && (
              <Link href={`/mail/new?contactId=${id}`} class="button">
                Write email
              </Link>
            )}
            <Link href={`/contacts/${id}/edit`} class="button">
              Edit
            </Link>
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </>
        )
      }
    >
      <dl class="details">
        <Detail label="Company" value={c.company} />
        <Detail label="Email" value={c.email} href={c.email ? `mailto:${c.email}` : undefined} />
        <Detail label="Phone" value={c.phone} href={c.phone ? `tel:${c.phone.replace(/[^+0-9]/g, '')}` : undefined} />
        <div class="detail">
          <dt>Tags</dt>
          <dd>{c.tags.length > 0 ? <TagChips tags={c.tags} /> : <span class="muted">—</span>}</dd>
        </div>
        <Detail label="Source" value={c.source && SOURCE_LABELS[c.source]} />
        <Detail label="Postal address" value={addressText(c.postalAddress)} multiline />
        <Detail label="Site address" value={addressText(c.siteAddress)} multiline />
        <Detail label="Notes" value={c.notes} multiline />
        <div class="detail">
          <dt>Added</dt>
          <dd>
            <DateTime iso={c.createdAt} /> by <PersonName id={c.createdBy} />
          </dd>
        </div>
        <div class="detail">
          <dt>Last changed</dt>
          <dd>
            <DateTime iso={c.updatedAt} /> by <PersonName id={c.updatedBy} />
          </dd>
        </div>
      </dl>
      {can(session, 'leads:read') && <ContactLeads contactId={id} />}
      {can(session, 'leads:read') && can(session, 'mail:read') && <ContactMail contactId={id} />}
      {can(session, 'transcripts:read') && <TranscriptPanel contactId={id} />}
      {can(session, 'files:read') && <RecordFiles link={{ contactId: id }} label={c.name} />}
      {can(session, 'contacts:sensitive') && <Sensitive contactId={id} />}
      {confirming && (
        <ConfirmDialog title={`Delete ${c.name}?`} confirmLabel="Delete contact" danger onConfirm={remove} onClose={() => setConfirming(false)}>
          <p>The contact and its sensitive fields are removed from this workspace. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function Detail({ label, value, href, multiline = false }: { label: string; value: string | null; href?: string | undefined; multiline?: boolean }): JSX.Element {
  return (
    <div class="detail">
      <dt>{label}</dt>
      <dd class={multiline ? 'multiline' : undefined}>{value ? href ? <a href={href}>{value}</a> : value : <span class="muted">—</span>}</dd>
    </div>
  );
}

/** An address as lines: street, then "city region postcode", then the country by name. */
function addressText(address: Address | null): string | null {
  if (!address) return null;
  const place = [address.city, address.region, address.postcode].filter(Boolean).join(' ');
  return [address.street, place, address.country && countryName(address.country)].filter(Boolean).join('\n');
}

/** Tax id and bank details: fetched only when asked for, and only after a recent sign-in. */
function Sensitive({ contactId }: { contactId: string }): JSX.Element {
  const [fields, setFields] = useState<SensitiveFields | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const show = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setFields(await ok(api.GET('/api/v1/contacts/{contactId}/sensitive', { params: { path: { contactId } } })));
    } catch (err) {
      if (!confirmIdentityIfAsked(err)) setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="sensitive-title">
      <h2 id="sensitive-title">Sensitive details</h2>
      {!fields && (
        <>
          <p class="muted">Tax id and bank details are encrypted and shown to admins only.</p>
          <Button busy={busy} onClick={show}>
            Show sensitive details
          </Button>
        </>
      )}
      {Boolean(error) && <ErrorNotice error={error} />}
      {fields && (
        <dl class="details">
          <Detail label="Tax id" value={fields.taxId} />
          <Detail label="Bank details" value={fields.bankDetails} multiline />
        </dl>
      )}
    </section>
  );
}
