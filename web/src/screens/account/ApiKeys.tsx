// API keys (admins, on the sessions screen): the workspace's keys for scripts, with their role,
// expiry and last use; a new key is shown once, in the dialog that made it, with a copy button;
// revoking asks first and stops the key at once. Making a key is sensitive (confirm it's you).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok } from '../../api/http.js';
import { confirmIdentityIfAsked } from '../../reauth.js';
import { act } from '../../ui/actions.js';
import { Button, SelectField, TextField } from '../../ui/controls.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';

const DAY_MS = 86_400_000;
const EXPIRY_OPTIONS = [
  { value: '90', label: 'In 90 days' },
  { value: '30', label: 'In 30 days' },
  { value: '365', label: 'In a year' },
  { value: 'never', label: 'Never' },
] as const;
const ROLE_OPTIONS = [
  { value: 'member', label: 'Member: reads and changes workspace data' },
  { value: 'viewer', label: 'Viewer: reads only' },
] as const;

export function ApiKeys(): JSX.Element {
  const keys = useRequest(() => ok(api.GET('/api/v1/api-keys')), []);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  return (
    <section aria-labelledby="api-keys-title">
      <h2 id="api-keys-title" class="section-title">
        API keys
      </h2>
      <p class="muted">Keys let scripts and integrations use this workspace as a member or a viewer, never as an admin.</p>
      <p>
        <Button variant="primary" onClick={() => setCreating(true)}>
          New API key
        </Button>
      </p>
      {keys.loading && <Loading />}
      {Boolean(keys.error) && <ErrorNotice error={keys.error} onRetry={keys.reload} />}
      {keys.data?.items.length === 0 && <Empty title="No API keys." />}
      {keys.data && keys.data.items.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.items.map((k) => (
              <tr key={k.id}>
                <th scope="row" data-label="Name">
                  {k.name}
                </th>
                <td data-label="Role">{k.role}</td>
                <td data-label="Created">
                  <DateTime iso={k.createdAt} />
                </td>
                <td data-label="Expires">{k.expiresAt ? <>{k.expired ? 'Expired ' : ''}<DateTime iso={k.expiresAt} /></> : 'Never'}</td>
                <td data-label="Last used">{k.lastUsedAt ? <DateTime iso={k.lastUsedAt} /> : 'Never'}</td>
                <td>
                  <Button variant="danger" onClick={() => setRevoking({ id: k.id, name: k.name })} aria-label={`Revoke ${k.name}`}>
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <NewApiKey onCreated={keys.reload} onClose={() => setCreating(false)} />
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the key ${revoking.name}?`}
          confirmLabel="Revoke"
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            const key = revoking;
            setRevoking(null);
            if (await act(() => ok(api.DELETE('/api/v1/api-keys/{apiKeyId}', { params: { path: { apiKeyId: key.id } } })), 'The key was revoked; it no longer works.')) keys.reload();
          }}
        >
          <p>Scripts using this key stop working at once. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The form, then (once made) the key itself, shown this one time. */
function NewApiKey({ onCreated, onClose }: { onCreated: () => void; onClose: () => void }): JSX.Element {
  const [name, setName] = useState('');
  const [role, setRole] = useState<'member' | 'viewer'>('member');
  const [expiry, setExpiry] = useState<string>('90');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const expiresAt = expiry === 'never' ? null : new Date(Date.now() + Number(expiry) * DAY_MS).toISOString();
      const key = await ok(api.POST('/api/v1/api-keys', { body: { name: name.trim(), role, expiresAt } }));
      setMade(key.apiKey);
      onCreated();
    } catch (err) {
      if (!confirmIdentityIfAsked(err)) setError(sentence(err));
    } finally {
      setBusy(false);
    }
  };
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(made as string);
      setCopied(true);
    } catch {
      setError('The browser did not allow copying: select the key and copy it by hand.');
    }
  };

  if (made) {
    return (
      <Dialog title="API key created" onClose={onClose} actions={<Button variant="primary" onClick={onClose}>I have stored it</Button>}>
        <p role="alert">This key is shown only this once. Store it in your script's secret store now; if it is lost, revoke it and make another.</p>
        <p>
          <code class="secret" aria-label="The new API key">{made}</code>
        </p>
        <div class="button-row">
          <Button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy the key'}</Button>
        </div>
        {error && <p class="muted">{error}</p>}
      </Dialog>
    );
  }
  return (
    <Dialog
      title="New API key"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="new-api-key" variant="primary" busy={busy} disabled={name.trim() === ''}>
            Create key
          </Button>
        </>
      }
    >
      <form id="new-api-key" class="form" onSubmit={submit} noValidate>
        <TextField label="Name" hint="What uses it, e.g. Nightly accounting sync" value={name} onValue={setName} maxLength={100} autoComplete="off" error={error} />
        <SelectField label="Role" value={role} options={ROLE_OPTIONS} onValue={(v) => setRole(v as 'member' | 'viewer')} />
        <SelectField label="Expires" value={expiry} options={EXPIRY_OPTIONS} onValue={setExpiry} />
      </form>
    </Dialog>
  );
}
