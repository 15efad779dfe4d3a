// Writing to a contact (/mail/new?contactId=…&leadId=…): pick a template or write from scratch,
// attach files of the contact or lead, see the message as the contact will get it (the server
// fills the {{variables}} in), send. The
// send queues it in the outbox; the contact's or lead's page shows it with its state.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ok, type ApiError } from '../../api/http.js';
import { formatBytes } from '../../download.js';
import type { FileRecord } from '../files/RecordFiles.js';
import { Link, navigate, useLocation } from '../../router.js';
import { Button, SelectField, TextAreaField, TextField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { TEMPLATE_VARIABLES } from '../../../../src/mail/template-variables.js';

type Preview = { to: string; toName: string | null; replyTo: string | null; subject: string; text: string; attachments: { name: string; size: number }[] };

/** What the files attached to one message may add up to (the server refuses more: attachments_too_large). */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_ATTACHMENTS = 10;

export function Compose(): JSX.Element {
  const { query } = useLocation();
  const contactId = query.get('contactId') ?? '';
  const leadId = query.get('leadId') ?? '';
  const contact = useRequest(() => ok(api.GET('/api/v1/contacts/{contactId}', { params: { path: { contactId } } })), [contactId]);
  const templates = useRequest(() => ok(api.GET('/api/v1/mail-templates')), []);
  const back = leadId ? `/leads/${leadId}` : `/contacts/${contactId}`;
  const backLink = <Link href={back}>← Back to the {leadId ? 'lead' : 'contact'}</Link>;
  if (!contactId)
    return (
      <Page title="Write email">
        <Empty title="Choose a contact first.">
          <p>Open a contact or a lead and choose “Write email”.</p>
        </Empty>
      </Page>
    );
  if (contact.loading && !contact.data) return <Loading />;
  if (!contact.data)
    return (
      <Page title="Write email" back={backLink}>
        <ErrorNotice error={contact.error} onRetry={contact.reload} />
      </Page>
    );
  const c = contact.data;
  return (
    <Page title={`Write to ${c.name}`} back={backLink}>
      {c.email ? (
        <ComposeForm contactId={contactId} leadId={leadId || null} templates={templates.data?.items ?? []} back={back} />
      ) : (
        <Empty title={`${c.name} has no email address.`}>
          <p>
            <Link href={`/contacts/${contactId}/edit`}>Add an email address</Link> to write to them.
          </p>
        </Empty>
      )}
    </Page>
  );
}

function ComposeForm({ contactId, leadId, templates, back }: { contactId: string; leadId: string | null; templates: { id: string; name: string; subject: string; body: string }[]; back: string }): JSX.Element {
  const [templateId, setTemplateId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ subject?: string; body?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [filesError, setFilesError] = useState<string | undefined>(undefined);
  // The files one may attach: the contact's and, when writing about a lead, the lead's (newest first, each once).
  const files = useRequest(async () => {
    const lists = await Promise.all([
      ok(api.GET('/api/v1/files', { params: { query: { contactId, limit: 100 } } })),
      ...(leadId ? [ok(api.GET('/api/v1/files', { params: { query: { leadId, limit: 100 } } }))] : []),
    ]);
    const seen = new Set<string>();
    return lists.flatMap((l) => l.items).filter((f) => !seen.has(f.id) && Boolean(seen.add(f.id)));
  }, [contactId, leadId]);
  const message = () => ({ contactId, ...(leadId ? { leadId } : {}), ...(templateId ? { templateId } : {}), subject, body, ...(fileIds.length > 0 ? { fileIds } : {}) });

  // The preview follows the typing, a moment after it stops; an unknown variable shows on its field.
  useEffect(() => {
    if (!subject.trim()) return setPreview(null);
    let current = true;
    const timer = setTimeout(() => {
      ok(api.POST('/api/v1/mail/preview', { body: message() })).then(
        (shown) => current && (setPreview(shown), setErrors({})),
        (err: ApiError) => current && (setPreview(null), fieldError(err)),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [subject, body, templateId, fileIds.join()]);

  const fieldError = (err: ApiError): boolean => {
    if (err.field === 'subject' || err.field === 'body') {
      setErrors({ [err.field]: err.message });
      return true;
    }
    if (err.field?.startsWith('fileIds')) {
      setFilesError(err.message);
      return true;
    }
    return false;
  };
  const chosen = (files.data ?? []).filter((f) => fileIds.includes(f.id));
  const chosenBytes = chosen.reduce((sum, f) => sum + f.size, 0);
  const toggle = (file: FileRecord, on: boolean) => {
    setFilesError(undefined);
    setFileIds((ids) => (on ? [...ids, file.id] : ids.filter((id) => id !== file.id)));
  };
  const choose = (id: string) => {
    setTemplateId(id);
    const template = templates.find((t) => t.id === id);
    if (template) {
      setSubject(template.subject);
      setBody(template.body);
    }
  };
  const send = async (event: Event): Promise<void> => {
    event.preventDefault();
    const missing = { ...(subject.trim() ? {} : { subject: 'Write a subject.' }) };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    if (chosenBytes > MAX_ATTACHMENT_BYTES) return setFilesError(`The files add up to ${formatBytes(chosenBytes)}; one message carries at most 20 MB.`);
    setBusy(true);
    setError(null);
    try {
      await ok(api.POST('/api/v1/mail', { body: message() }));
      notify({ text: 'The message is queued; its state shows on the page and in Mail.' });
      navigate(back);
    } catch (err) {
      if (!fieldError(err as ApiError)) setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="compose">
      <form class="form" onSubmit={send} noValidate>
        {Boolean(error) && <ErrorNotice error={error} />}
        {templates.length > 0 && (
          <SelectField label="Template" value={templateId} onValue={choose} options={[{ value: '', label: 'None: write from scratch' }, ...templates.map((t) => ({ value: t.id, label: t.name }))]} />
        )}
        <TextField label="Subject" value={subject} onValue={setSubject} error={errors.subject} maxLength={200} required autoComplete="off" />
        <TextAreaField label="Message" hint={`Plain text. You can use ${Object.keys(TEMPLATE_VARIABLES).map((v) => `{{${v}}}`).join(', ')}.`} value={body} onValue={setBody} error={errors.body} rows={12} maxLength={20000} />
        <fieldset class="choices compose-files" aria-describedby={filesError ? 'compose-files-error' : undefined}>
          <legend>Attach files</legend>
          {files.loading && !files.data && <Loading label="Loading files…" />}
          {Boolean(files.error) && <ErrorNotice error={files.error} onRetry={files.reload} />}
          {files.data?.length === 0 && <p class="muted">No files on this {leadId ? 'lead or contact' : 'contact'} yet. Upload them on its page first.</p>}
          {files.data?.map((f) => (
            <label key={f.id}>
              <input type="checkbox" name="fileIds" value={f.id} checked={fileIds.includes(f.id)} disabled={!fileIds.includes(f.id) && fileIds.length >= MAX_ATTACHMENTS} onChange={(e) => toggle(f, e.currentTarget.checked)} />{" "}
              {f.name} <span class="muted">({formatBytes(f.size)})</span>
            </label>
          ))}
          {chosen.length > 0 && (
            <p class={chosenBytes > MAX_ATTACHMENT_BYTES ? 'field-error' : 'muted'}>
              {chosen.length} file{chosen.length === 1 ? '' : 's'}, {formatBytes(chosenBytes)} of at most 20 MB.
            </p>
          )}
          {filesError && (
            <p class="field-error" id="compose-files-error" role="alert">
              {filesError}
            </p>
          )}
        </fieldset>
        <div class="button-row">
          <Button type="submit" variant="primary" busy={busy}>
            Send
          </Button>
          <Link href={back} class="button">
            Cancel
          </Link>
        </div>
      </form>
      <section class="panel compose-preview" aria-labelledby="preview-title" aria-live="polite">
        <h2 id="preview-title">As the contact gets it</h2>
        {preview ? (
          <>
            <dl class="details">
              <dt>To</dt>
              <dd>{preview.toName ? `${preview.toName} <${preview.to}>` : preview.to}</dd>
              <dt>Replies go to</dt>
              <dd>{preview.replyTo ?? <span class="muted">the workspace's From address</span>}</dd>
              <dt>Subject</dt>
              <dd data-preview-subject>{preview.subject}</dd>
            </dl>
            <pre class="compose-text" data-preview-text>
              {preview.text}
            </pre>
            {preview.attachments.length > 0 && (
              <ul class="attachments" data-preview-attachments aria-label="Attached">
                {preview.attachments.map((a) => (
                  <li key={a.name}>
                    Attached: {a.name} <span class="muted">({formatBytes(a.size)})</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p class="muted">Write a subject to see the message.</p>
        )}
      </section>
    </div>
  );
}
