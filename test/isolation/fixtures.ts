// One fixture per id path parameter: how to create a record of that kind in the current tenant.
// The isolation suite refuses to pass while any route has a parameter missing from this table,
// so a new resource cannot ship without its cross-tenant test.
import { randomBytes } from 'node:crypto';
import { newId } from '../../src/http/ids.js';
import { upsertIntegrationRow } from '../../src/integrations/integrations.repo.js';
import { insertIdentity, insertMember } from '../../src/members/members.repo.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { startSession, type TestApp } from '../helpers/app.js';

/** The tenant an access token names (the fixtures get tokens, not tenant ids). */
const tenantOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as { tid: string }).tid;
const unique = (marker: string): string => `${marker.toLowerCase()}-${randomBytes(4).toString('hex')}`;

export type Seed = (api: TestApp, token: string, marker: string) => Promise<string>;

async function created(api: TestApp, token: string, url: string, payload: object): Promise<string> {
  const res = await api.call({ method: 'POST', url, token, payload });
  if (res.statusCode !== 201) throw new Error(`seeding ${url} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export const FIXTURES: Record<string, Seed> = {
  contactId: (api, token, marker) => created(api, token, '/api/v1/contacts', { name: `${marker} contact`, email: 'canary@b.example', notes: marker }),
  invitationId: (api, token, marker) => created(api, token, '/api/v1/invitations', { email: `${unique(marker)}@b.example`, role: 'viewer' }),
  // Memberships come into being at a first sign-in; the fixture writes one as that would.
  // Each comes with a second admin (so last-admin protection does not refuse the own-id calls) and
  // a bound identity (so there is a binding to reset).
  memberId: async (api, token, marker) => {
    const tenantId = tenantOf(token);
    const now = new Date().toISOString();
    const identityId = newId('identity');
    insertIdentity(api.runtime.control, { id: identityId, tenantId, provider: 'google', subject: unique(marker), email: `${unique(marker)}@b.example`, now });
    const id = newId('membership');
    insertMember(api.runtime.control, { id, tenantId, email: `${unique(marker)}@b.example`, identityId, role: 'member', now, createdBy: 'us_fixture', updatedBy: 'us_fixture' });
    insertMember(api.runtime.control, { id: newId('membership'), tenantId, email: `${unique(marker)}@b.example`, identityId: null, role: 'admin', now, createdBy: 'us_fixture', updatedBy: 'us_fixture' });
    return id;
  },
  secretName: async (api, token, marker) => {
    const res = await api.call({ method: 'POST', url: '/api/v1/vault/secrets', token, payload: { name: `s-${unique(marker)}`, value: `${marker} secret value` } });
    if (res.statusCode !== 201) throw new Error(`seeding a secret failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { name: string }).name;
  },
  sessionId: async (api, token) => startSession(api.runtime, tenantOf(token), 'member', `mb_${randomBytes(4).toString('hex')}`).session.id,
  endpointId: (api, token, marker) => created(api, token, '/api/v1/webhooks/endpoints', { provider: 'generic', description: `${marker} endpoint` }),
  subscriptionId: (api, token, marker) =>
    created(api, token, '/api/v1/webhooks/subscriptions', { url: `https://hooks.example.com/${unique(marker)}`, eventTypes: ['contact.created'], description: `${marker} subscription` }),
  // Integrations come into being at a provider's callback; the fixture writes one as that would
  // (the row, and its tokens in the vault). No provider is configured here, so a disconnect skips revocation.
  integrationId: async (api, token, marker) =>
    api.runtime.tenancy.run(tenantOf(token), { actor: null, requestId: null }, () => {
      const id = newId('integration');
      const now = new Date().toISOString();
      upsertIntegrationRow(tenantDb(), {
        id,
        provider: 'google',
        account_subject: unique(marker),
        account_email: `${unique(marker)}@b.example`,
        scopes: 'openid email',
        status: 'active',
        connected_by: 'us_fixture',
        connected_at: now,
        access_expires_at: now,
        updated_at: now,
      });
      api.runtime.vault.putSystem(`integration:${id}:refresh_token`, `${marker} refresh token`);
      api.runtime.vault.putSystem(`integration:${id}:access_token`, `${marker} access token`);
      return id;
    }),
};
