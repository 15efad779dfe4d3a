// Connections in progress, between "start" (an admin's API call, bound to their workspace by the
// access token) and the provider's redirect to our one public callback (which carries no token).
//
// Why a control-plane row and not a signed cookie alone (as sign-in uses): the callback must learn
// the workspace, the admin and the PKCE verifier from something the browser cannot edit, and a
// row can be spent once — deleted as the callback reads it, so a replayed callback URL finds
// nothing, which a cookie (valid until it expires) cannot promise. The row is keyed by the SHA-256
// of the random state, so control.db never holds a state that would match a callback URL.
// A cookie is still set, holding the state: the callback also requires it, so an authorization
// URL that an admin of one workspace sends to someone else cannot connect that person's mailbox
// to the sender's workspace (the victim's browser has no such cookie).
import { createHash } from 'node:crypto';
import type { Runtime } from '../runtime.js';
import { isoAt } from '../time/clock.js';
import type { IntegrationProvider } from './providers.js';
import { insertConnectFlow, takeConnectFlowRow } from './integrations.repo.js';

export const CONNECT_WINDOW_SECONDS = 600;

export interface ConnectFlow {
  tenantId: string;
  /** The admin who started it, and the session they started it from. */
  userId: string;
  sessionId: string;
  provider: IntegrationProvider;
  codeVerifier: string;
  nonce: string;
}


const stateHash = (state: string): Buffer => createHash('sha256').update(state).digest();

/** Records a flow for CONNECT_WINDOW_SECONDS (and drops expired ones); returns its expiry. */
export function saveConnectFlow(runtime: Runtime, state: string, flow: ConnectFlow): string {
  const now = runtime.clock.now();
  const expiresAt = isoAt(now + CONNECT_WINDOW_SECONDS * 1000);
  insertConnectFlow(
    runtime.control,
    stateHash(state),
    { tenant_id: flow.tenantId, user_id: flow.userId, session_id: flow.sessionId, provider: flow.provider, code_verifier: flow.codeVerifier, nonce: flow.nonce, expires_at: expiresAt },
    isoAt(now),
  );
  return expiresAt;
}

/** Spends the flow a state names, whatever happens next; undefined when there is none or it expired. */
export function takeConnectFlow(runtime: Runtime, state: string): ConnectFlow | undefined {
  const row = takeConnectFlowRow(runtime.control, stateHash(state));
  if (!row || Date.parse(row.expires_at) <= runtime.clock.now()) return undefined;
  return { tenantId: row.tenant_id, userId: row.user_id, sessionId: row.session_id, provider: row.provider, codeVerifier: row.code_verifier, nonce: row.nonce };
}
