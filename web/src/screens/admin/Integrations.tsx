// Integrations (admins): the workspace's Google Workspace and Microsoft 365 connections, their
// status, connecting another (the provider's consent screen in this browser, then back here) and
// disconnecting. Tokens never reach the page.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok } from '../../api/http.js';
import { useLocation } from '../../router.js';
import { act, useConfirmIfNeeded } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';

export function Integrations(): JSX.Element {
  const { query } = useLocation();
  const integrations = useRequest(() => ok(api.GET('/api/v1/integrations')), []);
  const providers = useRequest(() => ok(api.GET('/api/v1/integrations/providers')), []);
  useConfirmIfNeeded(integrations.error);
  const [disconnecting, setDisconnecting] = useState<{ id: string; label: string } | null>(null);
  const connected = query.get('connected');
  const connect = (provider: 'google' | 'microsoft') =>
    act(async () => {
      const started = await ok(api.POST('/api/v1/integrations/connect', { body: { provider } }));
      location.assign(started.authorizationUrl);
    }, 'Opening the provider…');

  return (
    <Page title="Integrations">
      {connected && integrations.data?.items.some((i) => i.id === connected) && (
        <p class="notice" role="status">
          Connected {integrations.data.items.find((i) => i.id === connected)?.accountEmail}.
        </p>
      )}
      {providers.data && providers.data.items.length > 0 && (
        <div class="button-row">
          {providers.data.items.map((p) => (
            <Button key={p.id} variant="primary" onClick={() => void connect(p.id)}>
              Connect {p.label}
            </Button>
          ))}
        </div>
      )}
      {providers.data?.items.length === 0 && <p class="muted">No provider is configured on this server. Your Spinney operator sets them up.</p>}
      {integrations.loading && <Loading />}
      {Boolean(integrations.error) && <ErrorNotice error={integrations.error} onRetry={integrations.reload} />}
      {integrations.data?.items.length === 0 && <Empty title="Nothing is connected yet." />}
      {integrations.data && integrations.data.items.length > 0 && (
        <ul class="cards">
          {integrations.data.items.map((i) => (
            <li key={i.id} class="card">
              <p class="card-title">
                {i.accountEmail} <span class="badge">{i.provider}</span>
                <span class="badge">{i.status === 'active' ? 'Working' : 'Needs reconnecting'}</span>
              </p>
              <p class="muted">
                Connected <DateTime iso={i.connectedAt} />. Access: {i.scopes.join(', ')}.
              </p>
              <Button variant="danger" onClick={() => setDisconnecting({ id: i.id, label: i.accountEmail })}>
                Disconnect
              </Button>
            </li>
          ))}
        </ul>
      )}
      {disconnecting && (
        <ConfirmDialog
          title={`Disconnect ${disconnecting.label}?`}
          confirmLabel="Disconnect"
          danger
          onClose={() => setDisconnecting(null)}
          onConfirm={async () => {
            const target = disconnecting;
            setDisconnecting(null);
            if (await act(() => ok(api.DELETE('/api/v1/integrations/{integrationId}', { params: { path: { integrationId: target.id } } })), `${target.label} was disconnected.`)) integrations.reload();
          }}
        >
          <p>Spinney revokes its access at the provider where it can and deletes the tokens.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
