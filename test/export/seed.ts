// A workspace holding one of every kind of record that exists, made through the API where a route
// exists, each carrying a unique canary string, so an export can be checked record by record.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../helpers/app.js';
import { FIXTURES } from '../helpers/route-walker.js';
import { genericHeaders } from '../webhooks/helpers.js';

export interface SeededWorkspace {
  marker: string;
  contactId: string;
  taxId: string;
  bankDetails: string;
  secretName: string;
  secretValue: string;
  systemSecretName: string;
  systemSecretValue: string;
  invitationId: string;
  memberId: string;
  sessionId: string;
  organization: string;
  endpointId: string;
  subscriptionId: string;
  integrationId: string;
  /** Every secret value the workspace holds (vault, webhook signing secrets, integration tokens). */
  secretValues: string[];
}

export const canary = (label: string): string => `${label}-${randomBytes(6).toString('hex')}`;

function expect(res: LightMyRequestResponse, status: number, what: string): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`seeding ${what}: ${res.statusCode} ${res.body}`);
  return res;
}

export async function seedWorkspace(api: TestApp, tenant: { id: string; token: (role?: 'admin' | 'member' | 'viewer', sub?: string) => string }, label: string): Promise<SeededWorkspace> {
  const marker = canary(label);
  const admin = tenant.token('admin', 'us_admin');
  const call = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object, status: number) => api.call({ method, url, token: admin, payload }).then((res) => expect(res, status, url));

  // Subscribed first, so the contact below also queues an outbound delivery.
  const subscription = (
    await call('POST', '/api/v1/webhooks/subscriptions', { url: `https://hooks.example.com/${marker}`, eventTypes: ['contact.created'], description: `${marker} subscription` }, 201)
  ).json() as { id: string; secret: string };
  const endpoint = (await call('POST', '/api/v1/webhooks/endpoints', { provider: 'generic', description: `${marker} endpoint` }, 201)).json() as { id: string; secret: string; url: string };
  const delivery = JSON.stringify({ event: `${marker} inbound` });
  const received = await api.call({ method: 'POST', url: new URL(endpoint.url).pathname, headers: genericHeaders(endpoint.secret, `msg_${marker}`, Math.floor(Date.now() / 1000), delivery), payload: delivery });
  expect(received, 200, 'an inbound webhook');
  const integrationId = await FIXTURES.integrationId?.(api, admin, marker);
  if (!integrationId) throw new Error('no integration fixture');

  const contact = (
    await call('POST', '/api/v1/contacts', { name: `${marker} name`, email: `${marker}@contacts.example`, phone: `${marker} phone`, company: `${marker} company`, notes: `${marker} notes\nsecond line` }, 201)
  ).json() as { id: string };
  const taxId = `TAX-${marker}`;
  const bankDetails = `IBAN ${marker}`;
  await call('PATCH', `/api/v1/contacts/${contact.id}/sensitive`, { taxId, bankDetails }, 200);

  const secretName = `s-${marker}`;
  const secretValue = `secret-value-${marker}`;
  await call('POST', '/api/v1/vault/secrets', { name: secretName, value: secretValue }, 201);
  // A secret kept by code (an integration token, a webhook signing secret) under an owner prefix.
  const systemSecretName = `webhook:wh_${marker}:secret`;
  const systemSecretValue = `system-secret-${marker}`;
  api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () => api.runtime.vault.putSystem(systemSecretName, systemSecretValue));

  const invitation = (await call('POST', '/api/v1/invitations', { email: `${marker}-invite@people.example`, role: 'member' }, 201)).json() as { id: string };
  const memberId = await FIXTURES.memberId?.(api, admin, marker);
  if (!memberId) throw new Error('no member fixture');
  const organization = `${marker}.example`;
  await call('PUT', '/api/v1/settings/sign-in', { allowedOrganizations: [organization] }, 200);
  const sessionId = api.runtime.tenancy.run(tenant.id, { actor: null, requestId: null }, () =>
    api.runtime.sessions.start({ userId: memberId, role: 'member', provider: 'google', clientKind: 'browser', device: `${marker} device`, ip: '127.0.0.1' }),
  ).session.id;

  return {
    marker,
    contactId: contact.id,
    taxId,
    bankDetails,
    secretName,
    secretValue,
    systemSecretName,
    systemSecretValue,
    invitationId: invitation.id,
    memberId,
    sessionId,
    organization,
    endpointId: endpoint.id,
    subscriptionId: subscription.id,
    integrationId,
    // The integration fixture stores these two tokens.
    secretValues: [secretValue, systemSecretValue, endpoint.secret, subscription.secret, `${marker} refresh token`, `${marker} access token`],
  };
}
