// Your sessions: every device signed in as you in this workspace, and ending any of them (the
// current one is this browser). Listing is sensitive, so a lapsed sign-in asks to confirm.
// Admins also see the workspace's API keys here (ApiKeys.tsx).
import type { JSX } from 'preact';
import { sentence } from '../../api/errors.js';
import { api, ok } from '../../api/http.js';
import { can, signOut, useSession } from '../../session.js';
import { act, useConfirmIfNeeded } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';
import { ApiKeys } from './ApiKeys.js';

export function MySessions(): JSX.Element {
  const session = useSession();
  const sessions = useRequest(() => ok(api.GET('/api/v1/sessions', { params: { query: { scope: 'mine' } } })), []);
  useConfirmIfNeeded(sessions.error);
  const revoke = async (id: string): Promise<void> => {
    if (await act(() => ok(api.DELETE('/api/v1/sessions/{sessionId}', { params: { path: { sessionId: id } } })), 'That session was ended.')) sessions.reload();
  };
  return (
    <Page
      title="Your sessions"
      actions={
        <Button variant="danger" onClick={() => void signOut(true).catch((error: unknown) => notify({ text: sentence(error) }))}>
          Sign out everywhere
        </Button>
      }
    >
      {sessions.loading && <Loading />}
      {Boolean(sessions.error) && <ErrorNotice error={sessions.error} onRetry={sessions.reload} />}
      {sessions.data && (
        <ul class="cards">
          {sessions.data.items.map((s) => (
            <li key={s.id} class="card">
              <p class="card-title">
                {s.device ?? (s.clientKind === 'native' ? 'App' : 'Browser')}
                {s.current && <span class="badge">This browser</span>}
              </p>
              <p class="muted">
                Signed in with {s.provider} on <DateTime iso={s.createdAt} />; last active <DateTime iso={s.lastSeenAt} />
                {s.ip ? ` from ${s.ip}` : ''}.
              </p>
              {!s.current && (
                <Button variant="danger" onClick={() => void revoke(s.id)}>
                  End this session
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {can(session, 'api_keys:read') && <ApiKeys />}
    </Page>
  );
}
