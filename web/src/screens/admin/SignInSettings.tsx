// Sign-in settings (admins): limit sign-in to the workspace's own organisations (Google Workspace
// domains, Microsoft Entra directory ids), or admit any invited, verified account.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, type ApiError } from '../../api/http.js';
import { askToConfirmIdentity } from '../../reauth.js';
import { Button, TextAreaField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';

export function SignInSettings(): JSX.Element {
  const settings = useRequest(() => ok(api.GET('/api/v1/settings/sign-in')), []);
  const [restricted, setRestricted] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setRestricted(settings.data.allowedOrganizations !== null);
    setText((settings.data.allowedOrganizations ?? []).join('\n'));
  }, [settings.data]);
  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    const organisations = text.split(/[\s,]+/).filter(Boolean);
    if (restricted && organisations.length === 0) return setError('Name at least one organisation, or admit any invited account.');
    setBusy(true);
    try {
      await ok(api.PUT('/api/v1/settings/sign-in', { body: { allowedOrganizations: restricted ? organisations : null } }));
      notify({ text: 'Sign-in settings saved.' });
      settings.reload();
    } catch (err) {
      if ((err as ApiError).code === 'reauth_required') askToConfirmIdentity();
      else setError((err as ApiError).field ? 'Each entry must be a domain such as acme.example or a Microsoft directory id (a UUID).' : sentence(err));
    } finally {
      setBusy(false);
    }
  };
  if (settings.loading) return <Loading />;
  if (!settings.data)
    return (
      <Page title="Sign-in settings">
        <ErrorNotice error={settings.error} onRetry={settings.reload} />
      </Page>
    );
  return (
    <Page title="Sign-in settings">
      <form class="form" onSubmit={save} noValidate>
        <fieldset class="choices">
          <legend>Who may sign in</legend>
          <label>
            <input type="radio" name="who" checked={!restricted} onChange={() => setRestricted(false)} /> Any invited person with a verified email address
          </label>
          <label>
            <input type="radio" name="who" checked={restricted} onChange={() => setRestricted(true)} /> Only accounts of these organisations
          </label>
        </fieldset>
        {restricted && <TextAreaField label="Organisations" hint="One per line: a Google Workspace domain (acme.example) or a Microsoft Entra directory id." value={text} onValue={setText} error={error} rows={4} />}
        {!restricted && error && <p class="field-error" role="alert">{error}</p>}
        <div>
          <Button type="submit" variant="primary" busy={busy}>
            Save
          </Button>
        </div>
      </form>
    </Page>
  );
}
