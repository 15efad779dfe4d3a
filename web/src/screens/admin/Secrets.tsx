// Workspace secrets (admins): names, fingerprints and dates; values are write-only, never shown
// again after they are stored (a hint of the last 4 characters only for long values).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, type ApiError } from '../../api/http.js';
import { askToConfirmIdentity } from '../../reauth.js';
import { act, useConfirmIfNeeded } from '../../ui/actions.js';
import { Button, TextAreaField, TextField } from '../../ui/controls.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';

export function Secrets(): JSX.Element {
  const secrets = useRequest(() => ok(api.GET('/api/v1/vault/secrets')), []);
  useConfirmIfNeeded(secrets.error);
  const [replacing, setReplacing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  return (
    <Page title="Secrets">
      <NewSecret onSaved={secrets.reload} />
      {secrets.loading && <Loading />}
      {Boolean(secrets.error) && <ErrorNotice error={secrets.error} onRetry={secrets.reload} />}
      {secrets.data?.items.length === 0 && <Empty title="No secrets stored yet." />}
      {secrets.data && secrets.data.items.length > 0 && (
        <ul class="cards">
          {secrets.data.items.map((s) => (
            <li key={s.name} class="card">
              <p class="card-title">
                <code>{s.name}</code>
                {s.last4 && <span class="badge">…{s.last4}</span>}
              </p>
              <p class="muted">
                Fingerprint <code>{s.fingerprint}</code>; changed <DateTime iso={s.updatedAt} />.
              </p>
              <div class="button-row">
                <Button onClick={() => setReplacing(s.name)}>Replace value</Button>
                <Button variant="danger" onClick={() => setDeleting(s.name)}>
                  Delete
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {replacing && <ReplaceSecret name={replacing} onClose={() => setReplacing(null)} onSaved={secrets.reload} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting}?`}
          confirmLabel="Delete secret"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const name = deleting;
            setDeleting(null);
            if (await act(() => ok(api.DELETE('/api/v1/vault/secrets/{secretName}', { params: { path: { secretName: name } } })), `${name} was deleted.`)) secrets.reload();
          }}
        >
          <p>Anything that uses this secret stops working until a new one is stored.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function NewSecret({ onSaved }: { onSaved: () => void }): JSX.Element {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; value?: string; other?: unknown }>({});
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await ok(api.POST('/api/v1/vault/secrets', { body: { name, value } }));
      setName('');
      setValue('');
      onSaved();
    } catch (err) {
      const e = err as ApiError;
      if (e.code === 'reauth_required') askToConfirmIdentity();
      else if (e.field === 'name') setErrors({ name: 'Use lower-case letters, digits, dots, dashes or underscores, starting with a letter (e.g. smtp.password).' });
      else if (e.field === 'value') setErrors({ value: 'Enter a value of 1 to 8,192 characters.' });
      else setErrors({ other: err });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel form" onSubmit={submit} noValidate aria-labelledby="new-secret-title">
      <h2 id="new-secret-title">Store a secret</h2>
      {errors.other !== undefined && <ErrorNotice error={errors.other} />}
      <TextField label="Name" value={name} onValue={setName} error={errors.name} hint="For example smtp.password" maxLength={64} autoComplete="off" />
      <TextAreaField label="Value" value={value} onValue={setValue} error={errors.value} hint="Encrypted at once; it is never shown again." maxLength={8192} rows={3} autoComplete="off" />
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          Store secret
        </Button>
      </div>
    </form>
  );
}

function ReplaceSecret({ name, onClose, onSaved }: { name: string; onClose: () => void; onSaved: () => void }): JSX.Element {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = async (): Promise<void> => {
    try {
      await ok(api.PUT('/api/v1/vault/secrets/{secretName}', { params: { path: { secretName: name } }, body: { value } }));
      onClose();
      onSaved();
    } catch (err) {
      if ((err as ApiError).code === 'reauth_required') {
        onClose();
        askToConfirmIdentity();
      } else setError(sentence(err));
    }
  };
  return (
    <Dialog
      title={`Replace ${name}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={save}>
            Replace
          </Button>
        </>
      }
    >
      <TextAreaField label="New value" value={value} onValue={setValue} error={error} maxLength={8192} rows={3} autoComplete="off" />
    </Dialog>
  );
}
