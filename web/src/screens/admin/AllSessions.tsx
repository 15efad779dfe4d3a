// Every member's live sessions (admins), by person and device, with ending any of them.
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { act, useConfirmIfNeeded } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';

export function AllSessions(): JSX.Element {
  const sessions = useRequest(() => ok(api.GET('/api/v1/sessions', { params: { query: { scope: 'all' } } })), []);
  const members = useRequest(() => ok(api.GET('/api/v1/members')), []);
  useConfirmIfNeeded(sessions.error);
  const person = (id: string): string => members.data?.items.find((m) => m.id === id)?.email ?? 'a member';
  return (
    <Page title="Sessions">
      <p class="muted">Everyone signed in to this workspace, on every device. Ending a session signs that device out at once.</p>
      {sessions.loading && <Loading />}
      {Boolean(sessions.error) && <ErrorNotice error={sessions.error} onRetry={sessions.reload} />}
      {sessions.data?.items.length === 0 && <Empty title="Nobody is signed in." />}
      {sessions.data && sessions.data.items.length > 0 && (
        <ul class="cards">
          {sessions.data.items.map((s) => (
            <li key={s.id} class="card">
              <p class="card-title">
                {person(s.userId)} <span class="badge">{s.role}</span>
                {s.current && <span class="badge">This browser</span>}
              </p>
              <p class="muted">
                {s.device ?? (s.clientKind === 'native' ? 'App' : 'Browser')} with {s.provider}, since <DateTime iso={s.createdAt} />; last active <DateTime iso={s.lastSeenAt} />
                {s.ip ? ` from ${s.ip}` : ''}.
              </p>
              {!s.current && (
                <Button variant="danger" onClick={() => void act(() => ok(api.DELETE('/api/v1/sessions/{sessionId}', { params: { path: { sessionId: s.id } } })), `${person(s.userId)}'s session was ended.`).then((done) => done && sessions.reload())}>
                  End this session
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
