// The workspace's message templates (/mail/templates): everyone sees them, admins and members keep
// them. A template's {{variables}} are checked by the server when it is saved; the list of
// variables comes from the server's own table (src/mail/template-variables.ts).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok, type ApiError } from '../../api/http.js';
import { Link } from '../../router.js';
import { can, useSession } from '../../session.js';
import { act } from '../../ui/actions.js';
import { Button, TextAreaField, TextField } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { TEMPLATE_VARIABLES } from '../../../../src/mail/template-variables.js';
import type { MailTemplate } from './mail.js';

export function Templates(): JSX.Element {
  const session = useSession();
  const writer = can(session, 'mail:templates');
  const templates = useRequest(() => ok(api.GET('/api/v1/mail-templates')), []);
  const [editing, setEditing] = useState<MailTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MailTemplate | null>(null);
  const items = templates.data?.items ?? [];
  return (
    <Page
      title="Mail templates"
      back={<Link href="/mail">← Mail</Link>}
      actions={
        writer &&
        editing === null && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            New template
          </Button>
        )
      }
    >
      {templates.loading && !templates.data && <Loading />}
      {Boolean(templates.error) && <ErrorNotice error={templates.error} onRetry={templates.reload} />}
      {editing !== null && (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            templates.reload();
          }}
        />
      )}
      {templates.data && items.length === 0 && editing === null && (
        <Empty title="No templates yet.">
          <p>A template is a message you send often (a follow-up after a visit, an arrival window) with the contact's name and the job filled in for you.</p>
        </Empty>
      )}
      {items.length > 0 && (
        <ul class="template-list">
          {items.map((t) => (
            <li key={t.id} class="panel">
              <h2>{t.name}</h2>
              <p>
                <strong>{t.subject}</strong>
              </p>
              <pre class="compose-text">{t.body}</pre>
              {writer && (
                <div class="button-row">
                  <Button onClick={() => setEditing(t)}>Edit</Button>
                  <Button variant="danger" onClick={() => setDeleting(t)}>
                    Delete
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete the template “${deleting.name}”?`}
          confirmLabel="Delete template"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const id = deleting.id;
            setDeleting(null);
            if (await act(() => ok(api.DELETE('/api/v1/mail-templates/{templateId}', { params: { path: { templateId: id } } })), 'The template was deleted.')) templates.reload();
          }}
        >
          <p>Messages already written with it are kept.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function TemplateForm({ template, onDone }: { template: MailTemplate | null; onDone: () => void }): JSX.Element {
  const [values, setValues] = useState({ name: template?.name ?? '', subject: template?.subject ?? '', body: template?.body ?? '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });
  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const missing = { ...(values.name.trim() ? {} : { name: 'Give the template a name.' }), ...(values.subject.trim() ? {} : { subject: 'Write a subject.' }) };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const body = { name: values.name.trim(), subject: values.subject.trim(), body: values.body };
      if (template) await ok(api.PATCH('/api/v1/mail-templates/{templateId}', { params: { path: { templateId: template.id } }, body }));
      else await ok(api.POST('/api/v1/mail-templates', { body }));
      notify({ text: `The template “${body.name}” was saved.` });
      onDone();
    } catch (err) {
      const field = (err as ApiError).field as keyof typeof values | undefined;
      if (field && field in values) setErrors({ [field]: (err as ApiError).message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form panel" onSubmit={save} noValidate aria-label={template ? `Edit ${template.name}` : 'New template'}>
      {Boolean(error) && <ErrorNotice error={error} />}
      <TextField label="Name" value={values.name} onValue={set('name')} error={errors.name} maxLength={100} required autoComplete="off" />
      <TextField label="Subject" value={values.subject} onValue={set('subject')} error={errors.subject} maxLength={200} required autoComplete="off" />
      <TextAreaField label="Message" value={values.body} onValue={set('body')} error={errors.body} rows={10} maxLength={20000} />
      <p class="muted">
        Variables: {Object.entries(TEMPLATE_VARIABLES).map(([name, example], i) => (
          <span key={name}>
            {i > 0 && ', '}
            <code>{`{{${name}}}`}</code> ({example})
          </span>
        ))}
        .
      </p>
      <div class="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          Save template
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
