// Webhooks (admins): inbound endpoints (their URL, and a generic endpoint's signing secret shown
// once, when it is made), outbound subscriptions (their signing secret shown once) and each
// subscription's deliveries with every attempt. Changes are sensitive.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, type ApiError } from '../../api/http.js';
import type { paths } from '../../api/schema.js';
import { askToConfirmIdentity } from '../../reauth.js';
import { act, useConfirmIfNeeded } from '../../ui/actions.js';
import { Button, SelectField, TextField } from '../../ui/controls.js';
import { ConfirmDialog, Dialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { useRequest } from '../../ui/use-request.js';

type EventType = NonNullable<paths['/api/v1/webhooks/subscriptions']['post']['requestBody']>['content']['application/json']['eventTypes'][number];
/** The events a subscription can receive (src/webhooks/events.ts); the type checks each name. */
const EVENT_TYPES = ['contact.created', 'contact.updated', 'contact.deleted', 'member.invited', 'member.joined', 'member.role_changed', 'member.archived', 'member.removed', 'invitation.revoked'] as const satisfies readonly EventType[];

export function Webhooks(): JSX.Element {
  const endpoints = useRequest(() => ok(api.GET('/api/v1/webhooks/endpoints')), []);
  const subscriptions = useRequest(() => ok(api.GET('/api/v1/webhooks/subscriptions')), []);
  useConfirmIfNeeded(endpoints.error ?? subscriptions.error);
  const [secret, setSecret] = useState<{ title: string; value: string; url: string } | null>(null);
  const [removing, setRemoving] = useState<{ title: string; run: () => Promise<unknown>; done: string; reload: () => void } | null>(null);
  const [deliveriesOf, setDeliveriesOf] = useState<string | null>(null);

  return (
    <Page title="Webhooks">
      <h2>Inbound endpoints</h2>
      <p class="muted">Addresses other services post to (payments, forms). Each request is checked against its signing secret.</p>
      <NewEndpoint onCreated={(made) => { endpoints.reload(); if (made.secret) setSecret({ title: 'Endpoint created', value: made.secret, url: made.url }); }} />
      {endpoints.loading && <Loading />}
      {Boolean(endpoints.error) && <ErrorNotice error={endpoints.error} onRetry={endpoints.reload} />}
      {endpoints.data?.items.length === 0 && <Empty title="No inbound endpoints." />}
      {endpoints.data && endpoints.data.items.length > 0 && (
        <ul class="cards">
          {endpoints.data.items.map((e) => (
            <li key={e.id} class="card">
              <p class="card-title">
                {e.description ?? 'Endpoint'} <span class="badge">{e.provider}</span>
              </p>
              <p>
                <code>{e.url}</code>
              </p>
              <p class="muted">
                Made <DateTime iso={e.createdAt} />.
              </p>
              <Button variant="danger" onClick={() => setRemoving({ title: `Delete the endpoint ${e.description ?? ''}?`, run: () => ok(api.DELETE('/api/v1/webhooks/endpoints/{endpointId}', { params: { path: { endpointId: e.id } } })), done: 'The endpoint was deleted; its address now answers nothing.', reload: endpoints.reload })}>
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}

      <h2 class="section-title">Outbound subscriptions</h2>
      <p class="muted">Spinney posts signed events to these addresses when things change.</p>
      <NewSubscription onCreated={(made) => { subscriptions.reload(); setSecret({ title: 'Subscription created', value: made.secret, url: made.url }); }} />
      {subscriptions.loading && <Loading />}
      {Boolean(subscriptions.error) && <ErrorNotice error={subscriptions.error} onRetry={subscriptions.reload} />}
      {subscriptions.data?.items.length === 0 && <Empty title="No subscriptions." />}
      {subscriptions.data && subscriptions.data.items.length > 0 && (
        <ul class="cards">
          {subscriptions.data.items.map((s) => (
            <li key={s.id} class="card">
              <p class="card-title">{s.description ?? s.url}</p>
              <p>
                <code>{s.url}</code>
              </p>
              <p class="muted">Events: {s.eventTypes.join(', ')}</p>
              <div class="button-row">
                <Button onClick={() => setDeliveriesOf(deliveriesOf === s.id ? null : s.id)} aria-expanded={deliveriesOf === s.id}>
                  Deliveries
                </Button>
                <Button variant="danger" onClick={() => setRemoving({ title: `Delete the subscription to ${s.url}?`, run: () => ok(api.DELETE('/api/v1/webhooks/subscriptions/{subscriptionId}', { params: { path: { subscriptionId: s.id } } })), done: 'The subscription was deleted; nothing more is sent.', reload: subscriptions.reload })}>
                  Delete
                </Button>
              </div>
              {deliveriesOf === s.id && <Deliveries subscriptionId={s.id} />}
            </li>
          ))}
        </ul>
      )}

      {secret && (
        <Dialog title={secret.title} onClose={() => setSecret(null)} actions={<Button variant="primary" onClick={() => setSecret(null)}>I have stored it</Button>}>
          <p>Its signing secret is shown this once. Store it where the other side keeps secrets:</p>
          <p>
            <code class="secret">{secret.value}</code>
          </p>
          <p class="muted">
            Address: <code>{secret.url}</code>
          </p>
        </Dialog>
      )}
      {removing && (
        <ConfirmDialog
          title={removing.title}
          confirmLabel="Delete"
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            const r = removing;
            setRemoving(null);
            if (await act(r.run, r.done)) r.reload();
          }}
        >
          <p>This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function Deliveries({ subscriptionId }: { subscriptionId: string }): JSX.Element {
  const deliveries = useRequest(() => ok(api.GET('/api/v1/webhooks/subscriptions/{subscriptionId}/deliveries', { params: { path: { subscriptionId } } })), [subscriptionId]);
  if (deliveries.loading) return <Loading />;
  if (!deliveries.data) return <ErrorNotice error={deliveries.error} onRetry={deliveries.reload} />;
  if (deliveries.data.items.length === 0) return <Empty title="Nothing sent yet." />;
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">State</th>
          <th scope="col">Attempts</th>
          <th scope="col">Made</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.data.items.map((d) => (
          <tr key={d.id}>
            <th scope="row" data-label="Event">
              <code>{d.eventType}</code>
            </th>
            <td data-label="State">{d.state}{d.nextAttemptAt && <> (next try <DateTime iso={d.nextAttemptAt} />)</>}</td>
            <td data-label="Attempts">{d.attempts.map((a) => `${a.status ?? a.error ?? 'no answer'} in ${a.durationMs} ms`).join('; ') || 'none yet'}</td>
            <td data-label="Made">
              <DateTime iso={d.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type EndpointMade = { url: string; secret?: string };

function NewEndpoint({ onCreated }: { onCreated: (made: EndpointMade) => void }): JSX.Element {
  const [provider, setProvider] = useState<'generic' | 'stripe'>('generic');
  const [description, setDescription] = useState('');
  const [stripeSecret, setStripeSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const made = await ok(api.POST('/api/v1/webhooks/endpoints', { body: { provider, ...(description ? { description } : {}), ...(provider === 'stripe' ? { secret: stripeSecret } : {}) } }));
      setDescription('');
      setStripeSecret('');
      onCreated(made);
    } catch (err) {
      if ((err as ApiError).code === 'reauth_required') askToConfirmIdentity();
      else setError((err as ApiError).field === 'secret' ? 'Paste the signing secret from the Stripe dashboard (it starts with whsec_).' : sentence(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel form" onSubmit={submit} noValidate aria-label="New inbound endpoint">
      <SelectField label="Sender" value={provider} options={[{ value: 'generic', label: 'Any service (Spinney makes the secret)' }, { value: 'stripe', label: 'Stripe (its own signing secret)' }]} onValue={(v) => setProvider(v as 'generic' | 'stripe')} />
      <TextField label="Description" value={description} onValue={setDescription} maxLength={200} autoComplete="off" error={provider === 'generic' ? error : undefined} />
      {provider === 'stripe' && <TextField label="Stripe signing secret" value={stripeSecret} onValue={setStripeSecret} error={error} autoComplete="off" />}
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          Add endpoint
        </Button>
      </div>
    </form>
  );
}

function NewSubscription({ onCreated }: { onCreated: (made: { url: string; secret: string }) => void }): JSX.Element {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventType[]>(['contact.created']);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const made = await ok(api.POST('/api/v1/webhooks/subscriptions', { body: { url, eventTypes: events, ...(description ? { description } : {}) } }));
      setUrl('');
      setDescription('');
      onCreated(made);
    } catch (err) {
      if ((err as ApiError).code === 'reauth_required') askToConfirmIdentity();
      else setError(sentence(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel form" onSubmit={submit} noValidate aria-label="New outbound subscription">
      <TextField label="Address (https)" type="url" value={url} onValue={setUrl} error={error} maxLength={2048} placeholder="https://hooks.example.com/spinney" autoComplete="off" />
      <TextField label="Description" value={description} onValue={setDescription} maxLength={200} autoComplete="off" />
      <fieldset class="choices">
        <legend>Events</legend>
        {EVENT_TYPES.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={events.includes(type)} onChange={(e) => setEvents(e.currentTarget.checked ? [...events, type] : events.filter((x) => x !== type))} /> <code>{type}</code>
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" variant="primary" busy={busy} disabled={events.length === 0}>
          Subscribe
        </Button>
      </div>
    </form>
  );
}
