// Integrations: the workspace's connections to Google Workspace and Microsoft 365, made by an admin
// with the OAuth code flow. Rules that hold however a call arrives:
//  - tokens live only in the vault, as system secrets integration:<id>:refresh_token and
//    integration:<id>:access_token; the integrations table holds what an admin may see;
//  - connecting never creates or changes a Spinney account, identity or membership: the account
//    email is a label of the connection, never an identity (nothing here touches control.db's
//    identities or memberships);
//  - connect, disconnect and a refused refresh are audited, targeting the integration, without
//    tokens or the account email;
//  - a disconnect deletes the row and the secrets (the audit log keeps the history), after asking
//    the provider to revoke the grant where it offers a revocation endpoint.
import { timingSafeEqual } from 'node:crypto';
import { recordTenantEvent } from '../audit/audit.service.js';
import { AppError, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import type { Runtime } from '../runtime.js';
import type { Client } from '../tenancy/context.js';
import { currentActorId, currentScope, currentTenantId, tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { saveConnectFlow, takeConnectFlow } from './connect-flows.js';
import { connectFailed, IntegrationOAuth, RefreshRefused, type Revocation } from './integration-oauth.js';
import {
  deleteIntegrationRow,
  findIntegrationByAccount,
  findIntegrationRow,
  listIntegrationRows,
  setIntegrationStatus,
  updateAccessExpiry,
  upsertIntegrationRow,
  type IntegrationRow,
  type IntegrationStatus,
} from './integrations.repo.js';
import { PROVIDER_SPECS, type IntegrationProvider } from './providers.js';

/** What the API says about an integration: never a token. */
export interface Integration {
  id: string;
  provider: IntegrationProvider;
  accountEmail: string;
  scopes: string[];
  status: IntegrationStatus;
  connectedBy: string;
  connectedAt: string;
  accessTokenExpiresAt: string;
}

/** Refresh when the access token has expired or will within this margin. */
export const REFRESH_MARGIN_MS = 60_000;

const toIntegration = (row: IntegrationRow): Integration => ({
  id: row.id,
  provider: row.provider,
  accountEmail: row.account_email,
  scopes: row.scopes.split(' ').filter(Boolean),
  status: row.status,
  connectedBy: row.connected_by,
  connectedAt: row.connected_at,
  accessTokenExpiresAt: row.access_expires_at,
});

const secretName = (id: string, what: 'refresh_token' | 'access_token'): string => `integration:${id}:${what}`;
const needsReconnect = (): AppError => new AppError(409, 'integration_needs_reconnect', 'the provider no longer accepts this integration\'s grant; an admin must connect it again');

/** Per server process: the provider clients and the refreshes under way (one at a time per integration). */
interface IntegrationsProcess {
  oauth: IntegrationOAuth;
  refreshing: Map<string, Promise<string>>;
}
const processes = new WeakMap<Runtime, IntegrationsProcess>();

function processOf(runtime: Runtime): IntegrationsProcess {
  let state = processes.get(runtime);
  if (!state) {
    state = { oauth: new IntegrationOAuth(runtime.config), refreshing: new Map() };
    processes.set(runtime, state);
  }
  return state;
}

export function availableProviders(runtime: Runtime): { id: IntegrationProvider; label: string; scopes: string[] }[] {
  return processOf(runtime)
    .oauth.available()
    .map((id) => ({ id, label: PROVIDER_SPECS[id].label, scopes: [...PROVIDER_SPECS[id].scopes] }));
}

export function listIntegrations(): Integration[] {
  return listIntegrationRows(tenantDb()).map(toIntegration);
}

export function getIntegration(id: string): Integration {
  const row = findIntegrationRow(tenantDb(), id);
  if (!row) throw notFound('integration');
  return toIntegration(row);
}

/**
 * Starts a connection for the signed-in admin of the current workspace: records the flow (see
 * connect-flows.ts) and returns the provider's authorization URL, and the state the route binds
 * to the admin's browser.
 */
export async function startConnect(runtime: Runtime, provider: IntegrationProvider): Promise<{ authorizationUrl: string; expiresAt: string; state: string }> {
  const { tenantId, actor } = currentScope();
  if (!actor) throw new AppError(403, 'forbidden', 'only a signed-in admin can connect an integration');
  const start = await processOf(runtime).oauth.start(provider);
  const expiresAt = saveConnectFlow(runtime, start.state, {
    tenantId,
    userId: actor.userId,
    sessionId: actor.sessionId,
    provider,
    codeVerifier: start.codeVerifier,
    nonce: start.nonce,
  });
  return { authorizationUrl: start.url.href, expiresAt, state: start.state };
}

export interface CallbackRequest {
  /** The callback's raw query string, as the provider sent it. */
  query: string;
  state: string | undefined;
  error: string | undefined;
  /** The state the browser's connect cookie holds, if any. */
  browserState: string | undefined;
  requestId: string;
  client: Client;
}

/**
 * Completes a connection at the public callback. The workspace and the admin come only from the
 * flow the state names (spent here, whatever the outcome); the browser must be the one that
 * started it, and the admin's session must still be live and an admin's. Returns the integration.
 */
export async function finishConnect(runtime: Runtime, request: CallbackRequest): Promise<Integration> {
  const expired = connectFailed('no connection is in progress for this link (it was already used, or took longer than 10 minutes); start again');
  if (!request.state) throw expired;
  const flow = takeConnectFlow(runtime, request.state);
  if (!flow) throw expired;
  if (!request.browserState || !sameText(request.browserState, request.state)) {
    throw new AppError(401, 'connect_browser_mismatch', 'this connection was started in another browser; start it again from the workspace');
  }
  if (request.error) throw connectFailed(`the provider refused the connection (${request.error})`);
  if (runtime.tenantStatus.get(flow.tenantId) !== 'active') throw connectFailed('this workspace is not active');
  const actor = { userId: flow.userId, role: 'admin', sessionId: flow.sessionId };
  return runtime.tenancy.run(flow.tenantId, { actor, requestId: request.requestId, client: request.client }, async () => {
    try {
      runtime.sessions.check(flow.sessionId, flow.userId, 'admin', false);
    } catch {
      throw connectFailed('the admin who started this connection is no longer signed in as an admin; sign in and start again');
    }
    const account = await processOf(runtime).oauth.finish(flow.provider, request.query, { state: request.state as string, nonce: flow.nonce, codeVerifier: flow.codeVerifier });
    const now = runtime.clock.now();
    const db = tenantDb();
    return db.transaction(() => {
      const existing = findIntegrationByAccount(db, flow.provider, account.subject);
      const row: IntegrationRow = {
        id: existing?.id ?? newId('integration'),
        provider: flow.provider,
        account_subject: account.subject,
        account_email: account.email,
        scopes: (account.scopes ?? PROVIDER_SPECS[flow.provider].scopes).join(' '),
        status: 'active',
        connected_by: currentActorId(),
        connected_at: isoAt(now),
        access_expires_at: isoAt(now + account.expiresInSeconds * 1000),
        updated_at: isoAt(now),
      };
      upsertIntegrationRow(db, row);
      runtime.vault.putSystem(secretName(row.id, 'access_token'), account.accessToken);
      // Without a refresh token the integration works until the access token expires, then asks for a reconnect.
      if (account.refreshToken) runtime.vault.putSystem(secretName(row.id, 'refresh_token'), account.refreshToken);
      else runtime.vault.deleteSystem(secretName(row.id, 'refresh_token'));
      recordTenantEvent('integration.connected', { type: 'integration', id: row.id }, {
        ...(existing ? { before: { status: existing.status, scopes: existing.scopes.split(' ') } } : {}),
        after: { provider: row.provider, scopes: row.scopes.split(' '), refreshToken: account.refreshToken !== null },
      });
      return toIntegration(row);
    });
  });
}

/**
 * Disconnects an integration of the current workspace: revokes the grant at the provider where it
 * can (the refresh token; the access token when there is none), then deletes the secrets and the
 * row and records the outcome of the revocation.
 */
export async function disconnect(runtime: Runtime, id: string): Promise<void> {
  const row = findIntegrationRow(tenantDb(), id);
  if (!row) throw notFound('integration');
  const refreshToken = runtime.vault.getSystem(secretName(id, 'refresh_token'));
  const accessToken = runtime.vault.getSystem(secretName(id, 'access_token'));
  const { oauth } = processOf(runtime);
  let revocation: Revocation = 'no_token';
  if (refreshToken) revocation = await oauth.revoke(row.provider, refreshToken, 'refresh_token');
  else if (accessToken) revocation = await oauth.revoke(row.provider, accessToken, 'access_token');
  const db = tenantDb();
  db.transaction(() => {
    runtime.vault.deleteSystem(secretName(id, 'refresh_token'));
    runtime.vault.deleteSystem(secretName(id, 'access_token'));
    if (!deleteIntegrationRow(db, id)) throw notFound('integration');
    recordTenantEvent('integration.disconnected', { type: 'integration', id }, {
      before: { provider: row.provider, status: row.status, scopes: row.scopes.split(' ') },
      after: { revocation },
    });
  });
}

/**
 * The code API for features that call the provider (calendar, mail): a valid access token of an
 * integration of the current workspace, refreshed first when it has expired or is within a
 * minute of expiring. Refreshes of one integration are serialised in this process, so a rotated
 * refresh token is never presented twice. When the provider refuses the refresh token
 * (invalid_grant) the integration is marked needs_reconnect and the refusal audited.
 */
export function accessTokenFor(runtime: Runtime, integrationId: string): Promise<string> {
  const row = findIntegrationRow(tenantDb(), integrationId);
  if (!row) return Promise.reject(notFound('integration'));
  if (row.status !== 'active') return Promise.reject(needsReconnect());
  if (Date.parse(row.access_expires_at) - REFRESH_MARGIN_MS > runtime.clock.now()) {
    const token = runtime.vault.getSystem(secretName(integrationId, 'access_token'));
    if (token) return Promise.resolve(token);
  }
  const { refreshing } = processOf(runtime);
  const key = `${currentTenantId()}/${integrationId}`;
  let pending = refreshing.get(key);
  if (!pending) {
    pending = refresh(runtime, row).finally(() => refreshing.delete(key));
    refreshing.set(key, pending);
  }
  return pending;
}

async function refresh(runtime: Runtime, row: IntegrationRow): Promise<string> {
  const refreshToken = runtime.vault.getSystem(secretName(row.id, 'refresh_token'));
  if (!refreshToken) {
    markNeedsReconnect(runtime, row, 'no_refresh_token');
    throw needsReconnect();
  }
  let tokens;
  try {
    tokens = await processOf(runtime).oauth.refresh(row.provider, refreshToken);
  } catch (err) {
    if (!(err instanceof RefreshRefused)) throw err;
    markNeedsReconnect(runtime, row, 'invalid_grant');
    throw needsReconnect();
  }
  const now = runtime.clock.now();
  const db = tenantDb();
  db.transaction(() => {
    const scopes = tokens.scopes?.join(' ') ?? row.scopes;
    if (!updateAccessExpiry(db, row.id, scopes, isoAt(now + tokens.expiresInSeconds * 1000), isoAt(now))) throw notFound('integration');
    runtime.vault.putSystem(secretName(row.id, 'access_token'), tokens.accessToken);
    // Providers that rotate refresh tokens (Microsoft) send a new one: the old one is spent.
    if (tokens.refreshToken) runtime.vault.putSystem(secretName(row.id, 'refresh_token'), tokens.refreshToken);
  });
  return tokens.accessToken;
}

function markNeedsReconnect(runtime: Runtime, row: IntegrationRow, reason: 'invalid_grant' | 'no_refresh_token'): void {
  const db = tenantDb();
  db.transaction(() => {
    if (!setIntegrationStatus(db, row.id, 'needs_reconnect', isoAt(runtime.clock.now()))) return;
    recordTenantEvent('integration.refresh_failed', { type: 'integration', id: row.id }, {
      before: { status: row.status },
      after: { status: 'needs_reconnect', provider: row.provider, reason },
    });
  });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
