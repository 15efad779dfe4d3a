// How the workspace sends mail (admins): through the server's SMTP, or its own account (host,
// port, security, user, password, From). Saving tests the account by signing in to it; a refusal
// shows on the field to fix and nothing is saved.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok, type ApiError } from '../../api/http.js';
import { confirmIdentityIfAsked } from '../../reauth.js';
import { can, useSession } from '../../session.js';
import { Button, Field, SelectField, TextField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import type { MailSettings as Settings } from './mail.js';

const SENDS_THROUGH: Record<Settings['sendsThrough'], string> = {
  workspace: "The workspace's own SMTP account, below.",
  server: "The server's SMTP account (set by the operator).",
  files: 'Nowhere yet: this server has no SMTP account, so each message is written to a file (development).',
};

export function MailSettings(): JSX.Element {
  const settings = useRequest(() => ok(api.GET('/api/v1/settings/mail')), []);
  if (settings.loading && !settings.data) return <Loading />;
  return (
    <Page title="Mail settings">
      {!settings.data ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : <SmtpForm key={JSON.stringify(settings.data)} settings={settings.data} onSaved={settings.reload} />}
    </Page>
  );
}

type Field = 'host' | 'port' | 'secure' | 'user' | 'password' | 'from';

function SmtpForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }): JSX.Element {
  const session = useSession();
  const admin = can(session, 'settings:write');
  const smtp = settings.smtp;
  const [values, setValues] = useState({ host: smtp?.host ?? '', port: String(smtp?.port ?? 587), secure: smtp?.secure ?? 'starttls', user: smtp?.user ?? '', password: '', from: smtp?.from ?? '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null);
  const set = (field: Field) => (value: string) => setValues({ ...values, [field]: value });
  const put = async (body: { smtp: null | Record<string, unknown> }, what: 'save' | 'remove', done: string) => {
    setBusy(what);
    setError(null);
    try {
      await ok(api.PUT('/api/v1/settings/mail', { body: body as never }));
      notify({ text: done });
      onSaved();
    } catch (err) {
      if (confirmIdentityIfAsked(err)) return;
      const field = ((err as ApiError).field ?? '').replace(/^smtp\./, '') as Field;
      if (field && field in values) setErrors({ [field]: (err as ApiError).message });
      else setError(err);
    } finally {
      setBusy(null);
    }
  };
  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const port = /^\d{1,5}$/.test(values.port.trim()) && Number(values.port) >= 1 && Number(values.port) <= 65535 ? Number(values.port) : null;
    const found: Partial<Record<Field, string>> = {
      ...(values.host.trim() ? {} : { host: 'Enter the SMTP server, such as smtp.example.com.' }),
      ...(port === null ? { port: 'Enter a port from 1 to 65535 (587 for STARTTLS, 465 for TLS).' } : {}),
      ...(values.user.trim() ? {} : { user: 'Enter the user name.' }),
      ...(values.password || smtp ? {} : { password: 'Enter the password.' }),
      ...(/@/.test(values.from) ? {} : { from: 'Enter the address mail comes from, such as Whitfield Roofing <office@example.com>.' }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const account = { host: values.host.trim(), port, secure: values.secure, user: values.user.trim(), from: values.from.trim(), ...(values.password ? { password: values.password } : {}) };
    await put({ smtp: account }, 'save', 'The account works and is saved: mail now goes out through it.');
  };
  return (
    <>
      <section class="panel" aria-labelledby="sends-title">
        <h2 id="sends-title">Mail goes out through</h2>
        <p data-sends-through={settings.sendsThrough}>{SENDS_THROUGH[settings.sendsThrough]}</p>
      </section>
      <form class="form" onSubmit={save} noValidate aria-label="The workspace's own SMTP account">
        <h2>The workspace's own SMTP account</h2>
        <p class="muted">Use your company's mail server, so customers see your own address. Saving connects and signs in to test it first.</p>
        {Boolean(error) && <ErrorNotice error={error} />}
        <TextField label="SMTP server" value={values.host} onValue={set('host')} error={errors.host} disabled={!admin} maxLength={253} autoComplete="off" placeholder="smtp.example.com" />
        <TextField label="Port" value={values.port} onValue={set('port')} error={errors.port} disabled={!admin} maxLength={5} autoComplete="off" />
        <SelectField
          label="Security"
          value={values.secure}
          onValue={set('secure')}
          error={errors.secure}
          disabled={!admin}
          options={[
            { value: 'starttls', label: 'STARTTLS (usually port 587)' },
            { value: 'tls', label: 'TLS from the start (usually port 465)' },
          ]}
        />
        <TextField label="User name" value={values.user} onValue={set('user')} error={errors.user} disabled={!admin} maxLength={254} autoComplete="off" />
        <Field label="Password" error={errors.password}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="password"
              class="input"
              value={values.password}
              onInput={(e) => set('password')(e.currentTarget.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              disabled={!admin}
              autoComplete="new-password"
              placeholder={smtp ? 'Unchanged' : ''}
            />
          )}
        </Field>
        <TextField label="From" hint="The name and address customers see." value={values.from} onValue={set('from')} error={errors.from} disabled={!admin} maxLength={254} autoComplete="off" placeholder="Whitfield Roofing <office@example.com>" />
        {admin && (
          <div class="button-row">
            <Button type="submit" variant="primary" busy={busy === 'save'}>
              Test and save
            </Button>
            {smtp && (
              <Button busy={busy === 'remove'} onClick={() => void put({ smtp: null }, 'remove', "Mail now goes out through the server's account.")}>
                Use the server's account instead
              </Button>
            )}
          </div>
        )}
      </form>
    </>
  );
}
