// The signed-out screens: sign in with a configured provider, answer an invitation, choose a
// workspace. A sign-in that failed comes back as /?error=<code> (src/signin/signin.routes.ts) and
// is shown here as a sentence with the way forward: sign in again.
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentenceFor } from '../api/errors.js';
import { postStep, readError } from '../api/http.js';
import { useLocation } from '../router.js';
import { signedInWith, signedOut, type Pending, type Providers } from '../session.js';
import { Button } from '../ui/controls.js';
import { useDocumentTitle } from '../ui/page.js';
import { ErrorNotice, Loading } from '../ui/states.js';
import { useRequest } from '../ui/use-request.js';

function Card({ title, children }: { title: string; children: ComponentChildren }): JSX.Element {
  useDocumentTitle(title);
  return (
    <main class="signin" id="main">
      <div class="signin-card">
        <p class="brand brand-large" aria-hidden="true">
          Spinney
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

export function SignIn({ reason }: { reason?: string | undefined }): JSX.Element {
  const { query } = useLocation();
  const error = query.get('error');
  const providers = useRequest(async () => (await fetch('/api/v1/auth/providers')).json() as Promise<Providers>, []);
  return (
    <Card title="Sign in to Spinney">
      {error && (
        <div class="notice notice-error" role="alert">
          <p>{sentenceFor(error) ?? 'The sign-in did not complete.'}</p>
        </div>
      )}
      {reason && !error && (
        <p class="notice" role="status">
          {reason}
        </p>
      )}
      {providers.loading && <Loading />}
      {Boolean(providers.error) && <ErrorNotice error={providers.error} onRetry={providers.reload} />}
      {providers.data && (
        <ul class="provider-list">
          {providers.data.codeFlow.map((provider) => (
            <li key={provider.id}>
              <a class="button button-primary button-block" href={provider.signInUrl}>
                Sign in with {provider.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {providers.data?.codeFlow.length === 0 && <p>No sign-in provider is configured on this server. Ask your Spinney operator.</p>}
      <p class="muted">Spinney has no passwords: you sign in with your work account.</p>
    </Card>
  );
}

export function InvitationStep({ invitation }: { invitation: NonNullable<Pending['invitation']> }): JSX.Element {
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const answer = async (choice: 'accept' | 'decline'): Promise<void> => {
    setBusy(choice);
    setError(null);
    const res = await postStep(`/api/v1/auth/invitations/${encodeURIComponent(invitation.id)}/${choice}`);
    setBusy(null);
    if (!res.ok) return setError(await readError(res));
    if (choice === 'accept') await signedInWith(((await res.json()) as { accessToken: string }).accessToken);
    else signedOut(`You declined the invitation to join ${invitation.workspace.name}.`);
  };
  return (
    <Card title={`Join ${invitation.workspace.name}?`}>
      <p>
        {invitation.invitedBy.description} invited you to join <strong>{invitation.workspace.name}</strong> as {article(invitation.role)} <strong>{invitation.role}</strong>.
      </p>
      {Boolean(error) && <ErrorNotice error={error} />}
      <div class="button-row">
        <Button variant="primary" busy={busy === 'accept'} onClick={() => answer('accept')}>
          Accept and join
        </Button>
        <Button busy={busy === 'decline'} onClick={() => answer('decline')}>
          Decline
        </Button>
      </div>
    </Card>
  );
}

export function ChooseWorkspace({ workspaces }: { workspaces: NonNullable<Pending['workspaces']> }): JSX.Element {
  return (
    <Card title="Choose a workspace">
      <p>This account belongs to several workspaces.</p>
      <ul class="provider-list">
        {workspaces.map((workspace) => (
          <li key={workspace.slug}>
            <a class="button button-block" href={workspace.signInUrl}>
              {workspace.name}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function Starting(): JSX.Element {
  return (
    <main class="signin" id="main">
      <Loading label="Opening Spinney…" />
    </main>
  );
}

const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');
