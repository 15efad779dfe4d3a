// The mailbox (admins): the IMAP account Spinney reads replies from, its sync health (last success,
// last error), "sync now", connecting or replacing it (the server tests the connection first and
// names what failed), disconnecting, and the mail that came from no known contact (unfiled).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, type ApiError } from '../../api/http.js';
import { confirmIdentityIfAsked } from '../../reauth.js';
import { Link } from '../../router.js';
import { act, useConfirmIfNeeded } from '../../ui/actions.js';
import { Button, SelectField, TextAreaField, TextField } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading, MorePages } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { usePages } from '../../ui/use-pages.js';
import { useRequest } from '../../ui/use-request.js';
import { STATUS_LABELS, type Mailbox, type ReceivedMailSummary } from './mailbox.js';

/** The connected mailbox, or null when none is (the API answers 404). */
async function loadMailbox(): Promise<Mailbox | null> {
  try {
    return await ok(api.GET('/api/v1/mailbox'));
  } catch (error) {
    if ((error as Partial<ApiError>).code === 'not_found') return null;
    throw error;
  }
}

export function MailboxSettings(): JSX.Element {
  const mailbox = useRequest(loadMailbox, []);
  useConfirmIfNeeded(mailbox.error);
  const [editing, setEditing] = useState(false);
  const [disconnecting, setDisconnecting] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const unfiled = usePages<ReceivedMailSummary>((cursor) => ok(api.GET('/api/v1/mailbox/unfiled', { params: { query: cursor ? { cursor } : {} } })), [mailbox.data?.importedCount]);
  const current = mailbox.data;

  const syncNow = async () => {
    setSyncing(true);
    await act(async () => {
      const result = await ok(api.POST('/api/v1/mailbox/sync', { body: {} }));
      if (result.mailbox.status === 'failing') throw new Error(`The sync failed: ${result.mailbox.lastError ?? 'unknown reason'}.`);
      return result;
    }, 'The mailbox was synced.');
    setSyncing(false);
    mailbox.reload();
  };

  return (
    <Page title="Mailbox">
      <p class="muted">Spinney reads the INBOX of this mailbox every few minutes, never changing or deleting anything there, and files each reply into its contact's thread.</p>
      {mailbox.loading && <Loading />}
      {Boolean(mailbox.error) && <ErrorNotice error={mailbox.error} onRetry={mailbox.reload} />}
      {!mailbox.loading && !mailbox.error && current === null && !editing && (
        <div class="panel">
          <p>No mailbox is connected.</p>
          <Button variant="primary" onClick={() => setEditing(true)}>
            Connect a mailbox
          </Button>
        </div>
      )}
      {current && !editing && (
        <section class="card" aria-labelledby="mailbox-title">
          <p class="card-title" id="mailbox-title">
            {current.username} on {current.host}:{current.port} <span class="badge">{current.security === 'tls' ? 'TLS' : 'STARTTLS'}</span>
          </p>
          <p role="status" data-testid="mailbox-health">
            <span class={`badge mailbox-${current.status}`}>{STATUS_LABELS[current.status]}</span>{' '}
            {current.lastSuccessAt ? (
              <>
                Last synced <DateTime iso={current.lastSuccessAt} />.
              </>
            ) : (
              'Not synced yet.'
            )}{' '}
            {current.importedCount === 1 ? '1 message' : `${current.importedCount} messages`} imported.
          </p>
          {current.status === 'failing' && current.lastError && (
            <p class="notice notice-error" role="alert">
              The last sync failed <DateTime iso={current.lastErrorAt ?? ''} />: {current.lastError}
            </p>
          )}
          <div class="button-row">
            <Button variant="primary" busy={syncing} onClick={() => void syncNow()}>
              Sync now
            </Button>
            <Button onClick={() => setEditing(true)}>Change</Button>
            <Button variant="danger" onClick={() => setDisconnecting(true)}>
              Disconnect
            </Button>
          </div>
        </section>
      )}
      {editing && (
        <MailboxForm
          current={current ?? null}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            mailbox.reload();
          }}
        />
      )}
      <section class="panel" aria-labelledby="unfiled-title">
        <h2 id="unfiled-title">Unfiled mail</h2>
        <p class="muted">Messages from senders who are not contacts and that answer nothing Spinney sent. Only admins see them.</p>
        {Boolean(unfiled.error) && <ErrorNotice error={unfiled.error} onRetry={unfiled.reload} />}
        {!unfiled.loading && !unfiled.error && unfiled.items.length === 0 && <p class="muted">None.</p>}
        {unfiled.items.length > 0 && (
          <ul class="mail-list">
            {unfiled.items.map((m) => (
              <li key={m.id}>
                <Link href={`/admin/mailbox/${m.id}`}>{m.subject || '(no subject)'}</Link> <span class="muted">from {m.from}</span>{' '}
                <span class="muted">
                  <DateTime iso={m.receivedAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
        <MorePages pages={unfiled} label="Load more" />
      </section>
      {disconnecting && (
        <ConfirmDialog
          title="Disconnect the mailbox?"
          confirmLabel="Disconnect"
          danger
          onClose={() => setDisconnecting(false)}
          onConfirm={async () => {
            setDisconnecting(false);
            if (await act(() => ok(api.DELETE('/api/v1/mailbox')), 'The mailbox was disconnected.')) mailbox.reload();
          }}
        >
          <p>Spinney stops reading it and forgets its password. The mail already received stays in the contacts' threads.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function MailboxForm({ current, onCancel, onSaved }: { current: Mailbox | null; onCancel: () => void; onSaved: () => void }): JSX.Element {
  const [host, setHost] = useState(current?.host ?? '');
  const [port, setPort] = useState(String(current?.port ?? 993));
  const [security, setSecurity] = useState<'tls' | 'starttls'>(current?.security ?? 'tls');
  const [username, setUsername] = useState(current?.username ?? '');
  const [password, setPassword] = useState('');
  const [caCertificate, setCaCertificate] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; field?: string } | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await ok(api.PUT('/api/v1/mailbox', { body: { host: host.trim(), port: Number(port), security, username: username.trim(), password, caCertificate: caCertificate.trim() || null } }));
      onSaved();
    } catch (error) {
      const apiError = error as Partial<ApiError>;
      if (!confirmIdentityIfAsked(error)) setFailure({ message: apiError.code === 'mailbox_connect_failed' ? (apiError.message ?? sentence(error)) : sentence(error), ...(apiError.field ? { field: apiError.field } : {}) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (name: string) => (failure?.field === name ? failure.message : undefined);

  return (
    <form class="panel form" onSubmit={(e) => void save(e)} aria-labelledby="mailbox-form-title">
      <h2 id="mailbox-form-title">{current ? 'Change the mailbox' : 'Connect a mailbox'}</h2>
      {failure && !failure.field && (
        <p class="notice notice-error" role="alert">
          {failure.message}
        </p>
      )}
      <TextField label="IMAP server" value={host} onValue={setHost} required maxLength={253} placeholder="imap.example.com" error={fieldError('host')} />
      <TextField label="Port" value={port} onValue={setPort} required maxLength={5} error={fieldError('port')} />
      <SelectField
        label="Security"
        value={security}
        onValue={(v) => setSecurity(v === 'starttls' ? 'starttls' : 'tls')}
        options={[
          { value: 'tls', label: 'TLS (usually port 993)' },
          { value: 'starttls', label: 'STARTTLS, required (usually port 143)' },
        ]}
      />
      <TextField label="User name" value={username} onValue={setUsername} required maxLength={320} autoComplete="off" error={fieldError('username')} />
      <PasswordField value={password} onValue={setPassword} />
      <TextAreaField
        label="CA certificate (optional)"
        hint="Only for a server with a private certificate: its CA certificate in PEM form."
        value={caCertificate}
        onValue={setCaCertificate}
        rows={4}
        error={fieldError('caCertificate')}
      />
      <div class="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          Test and save
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

function PasswordField({ value, onValue }: { value: string; onValue: (value: string) => void }): JSX.Element {
  return (
    <div class="field">
      <label for="mailbox-password">Password</label>
      <input id="mailbox-password" type="password" class="input" value={value} required maxLength={1024} autoComplete="new-password" onInput={(e) => onValue(e.currentTarget.value)} />
      <p class="field-hint">Kept sealed in the workspace's vault; never shown again.</p>
    </div>
  );
}
