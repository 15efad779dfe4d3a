// Authentication, authorisation and tenant binding for every non-public route:
//  onRequest  – verify the bearer token (pinned algorithm, iss, aud, exp, iat), check the claims,
//               check the tenant's status in the control plane, check the route's permission.
//               Runs before the body is read, so an anonymous caller cannot make us parse anything.
//               A workspace API key (`Bearer spk_…`) takes the same hook: src/api-keys/ finds it in
//               its workspace's file, then its role, the route's permission and the routes no key
//               may reach (sensitive ones and a person's own session) decide.
//  preHandler – bind the request to the token's tenant (AsyncLocalStorage) for the handler.
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { parseApiKey } from '../api-keys/api-key.js';
import { ApiKeyRateLimit, apiKeyActorId, findLiveApiKey, markApiKeyUsed } from '../api-keys/api-keys.service.js';
import type { CredentialKind } from '../credentials/credential-kinds.js';
import { AppError, routeNotFound, sendError, type ErrorCode } from '../http/errors.js';
import { READ_METHODS } from '../http/methods.js';
import type { Realm } from '../http/route-registry.js';
import type { Runtime } from '../runtime.js';
import { recordSecurityEvent } from '../security/security-events.js';
import { GroupCommitTicket, type Actor, type Client } from '../tenancy/context.js';
import { isTenantId } from '../tenancy/tenant-id.js';
import { AccessTokens } from './access-token.js';
import { isRole, roleHas, SELF_SERVICE_PERMISSIONS, type Permission, type Role } from './permissions.js';
import { VerifiedTokens } from './verified-tokens.js';

export interface RequestAuth {
  tenantId: string;
  userId: string;
  role: Role;
  sessionId: string;
  /** The token's expiry, ms since the epoch. */
  expiresAtMs: number;
  /** A read-only support session (the token's `support` claim). */
  support: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
    /** On a group-commit route: the shared commits this request joined, which its answer waits for. */
    groupCommit: GroupCommitTicket | null;
  }
  interface FastifyContextConfig {
    /** 'tenant' when absent; see src/http/route-registry.ts. */
    realm?: Realm;
    /** Credential routes only: the one kind of credential the route accepts. */
    credentialKind?: CredentialKind;
    permission?: Permission;
    /** Set by the route registry (realm other than 'tenant'); on a route, only with the public list. */
    public?: boolean;
    /** Needs activity or a sign-in within the re-auth window (members, sessions, vault, export…). */
    sensitive?: boolean;
    /**
     * The route's writes may share one COMMIT with the other group-commit requests to the same
     * workspace in the same event-loop turn, and its answer waits for that commit (src/tenancy/
     * tenant-handle.ts). Only for handlers whose every effect is a write to the workspace's file:
     * nothing that sends, stores a file or calls out after writing.
     */
    groupCommit?: boolean;
  }
}

const CLOCK_TOLERANCE_SECONDS = 5;
const SAFE_CLAIM = /^[A-Za-z0-9_-]{1,128}$/;
// The scheme is case-insensitive (RFC 9110 §11.1); the token is base64url JWT text only.
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

// An API key is `spk_…` (src/api-keys/api-key.ts); a bearer value with that prefix is a key or nothing.
const API_KEY_BEARER = /^Bearer (spk_.*)$/i;

const unauthenticated = (message: string, code: ErrorCode = 'invalid_token'): AppError => new AppError(401, code, message);

function authenticate(accessTokens: AccessTokens, runtime: Runtime, verified: VerifiedTokens, request: FastifyRequest): RequestAuth {
  const header = request.headers.authorization;
  if (!header) throw unauthenticated('send an access token as "Authorization: Bearer <token>"', 'unauthenticated');
  const match = BEARER.exec(header);
  if (!match) throw unauthenticated('the authorization header is not a bearer token');
  const token = match[1] as string;

  const auth = verified.get(token) ?? verifyToken(accessTokens, runtime, verified, token);
  if (auth.expiresAtMs <= runtime.clock.now() - CLOCK_TOLERANCE_SECONDS * 1000) throw unauthenticated('the access token has expired', 'token_expired');
  // Checked on every request, cached token or not (a status change anywhere is seen at once).
  const status = runtime.tenantStatus.get(auth.tenantId);
  if (status === undefined || status === 'deleted') throw unauthenticated('the workspace of this token does not exist');
  if (status === 'suspended') throw new AppError(403, 'tenant_suspended', 'this workspace is suspended');
  return auth;
}

function verifyToken(accessTokens: AccessTokens, runtime: Runtime, verified: VerifiedTokens, token: string): RequestAuth {
  const maxLifetimeSeconds = runtime.config.tokens.accessTokenTtlSeconds + CLOCK_TOLERANCE_SECONDS;
  let claims: Record<string, unknown>;
  try {
    claims = accessTokens.verify(token);
  } catch {
    throw unauthenticated('the access token is not valid');
  }
  const { tid, sub, role, sid, iat, exp, support } = claims;
  // A token that claims a longer life than we ever issue, or an issue time in the future, was not
  // minted by this server, whatever its signature says.
  const nowSeconds = runtime.clock.now() / 1000;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > maxLifetimeSeconds || iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) {
    throw unauthenticated('the access token is not valid');
  }
  if (!isTenantId(tid) || typeof sub !== 'string' || !SAFE_CLAIM.test(sub) || !isRole(role) || typeof sid !== 'string' || !SAFE_CLAIM.test(sid)) {
    throw unauthenticated('the access token is not valid');
  }
  if (support !== undefined && support !== true) throw unauthenticated('the access token is not valid');
  // Expiry is checked by authenticate() for fresh and cached tokens alike.
  // A key acts as `api_key:<id>` (audit rows, createdBy); its id stands where a session id would.
  const auth: RequestAuth = { tenantId: tid, userId: sub, role, sessionId: sid, expiresAtMs: exp * 1000, support: support === true };
  verified.remember(token, auth, runtime.clock);
  return auth;
}

/**
 * A request made with a workspace API key: the key must be live in the workspace it names; its
 * role must hold the route's permission; sensitive routes (re-authentication) and a person's own
 * session routes are never a key's, whatever its role. Then the key's own rate budget is counted.
 */
function authenticateApiKey(runtime: Runtime, rateLimit: ApiKeyRateLimit, value: string, request: FastifyRequest, reply: FastifyReply): RequestAuth {
  const route = request.routeOptions.config;
  const key = parseApiKey(value);
  if (!key) throw unauthenticated('the API key is not valid', 'invalid_api_key');
  const status = runtime.tenantStatus.get(key.tenantId);
  if (status === undefined || status === 'deleted') throw unauthenticated('the API key is not valid', 'invalid_api_key');
  const now = runtime.clock.now();
  const row = runtime.tenancy.run(key.tenantId, { actor: null, requestId: request.id, client: clientOf(request) }, () => findLiveApiKey(key, now));
  if (status === 'suspended') throw new AppError(403, 'tenant_suspended', 'this workspace is suspended');
  const retryAfter = rateLimit.take(row.id, now);
  if (retryAfter !== null) {
    recordSecurityEvent(runtime, 'rate_limited', 'api-key', request.ip);
    reply.header('retry-after', String(retryAfter));
    throw new AppError(429, 'rate_limited', `too many requests with this API key; retry in ${retryAfter} seconds`);
  }
  const permission = route.permission as Permission;
  if (!roleHas(row.role, permission)) throw new AppError(403, 'forbidden', `this API key's role (${row.role}) cannot do this`);
  if (route.sensitive === true || SELF_SERVICE_PERMISSIONS.has(permission)) {
    throw new AppError(403, 'api_key_not_allowed', 'an API key cannot do this: it needs a person signed in to the web app');
  }
  const auth: RequestAuth = {
    tenantId: key.tenantId,
    userId: apiKeyActorId(row.id),
    role: row.role,
    sessionId: row.id,
    expiresAtMs: row.expires_at === null ? Number.MAX_SAFE_INTEGER : Date.parse(row.expires_at),
    support: false,
  };
  runtime.tenancy.run(key.tenantId, { actor: actorOf(auth), requestId: request.id, client: clientOf(request) }, () => markApiKeyUsed(row, now));
  return auth;
}

const actorOf = (auth: RequestAuth): Actor => ({ userId: auth.userId, role: auth.role, sessionId: auth.sessionId });

/** The tenant scope of a request made with an access token. */
const scopeOf = (auth: RequestAuth, request: FastifyRequest) => ({
  actor: actorOf(auth),
  requestId: request.id,
  client: clientOf(request),
  groupCommit: request.groupCommit,
});

export const clientOf = (request: FastifyRequest): Client => ({ ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null });

async function authPlugin(app: FastifyInstance, options: { runtime: Runtime }): Promise<void> {
  const { runtime } = options;
  const { tokens } = runtime.config;
  const accessTokens = new AccessTokens(runtime.config);
  const verified = new VerifiedTokens(tokens.verifyCacheSize);
  const apiKeyRateLimit = new ApiKeyRateLimit(runtime.config.rateLimits.global);

  app.decorateRequest('auth', null);
  app.decorateRequest('groupCommit', null);

  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    // Unknown routes answer 404 here, before any body is read; public routes need no token.
    if (request.is404) return void sendError(reply, routeNotFound());
    const route = request.routeOptions.config;
    // Platform routes fail closed until the platform-admin issue gives them their own authentication.
    if (route.realm === 'platform') return void sendError(reply, unauthenticated('platform routes are not available', 'unauthenticated'));
    // Only the tenant realm is this hook's; every other realm has its own (credential: src/credentials/).
    if (route.realm !== 'tenant') return done();
    if (route.groupCommit === true) request.groupCommit = new GroupCommitTicket();
    try {
      const apiKey = API_KEY_BEARER.exec(request.headers.authorization ?? '');
      if (apiKey) {
        request.auth = authenticateApiKey(runtime, apiKeyRateLimit, apiKey[1] as string, request, reply);
        return done();
      }
      const auth = authenticate(accessTokens, runtime, verified, request);
      // Read-only by the framework, not by each route: whatever its role, a support session reads.
      if (auth.support && !READ_METHODS.has(request.method)) throw new AppError(403, 'read_only_session', 'this support session is read-only');
      const permission = route.permission as Permission;
      if (!roleHas(auth.role, permission)) throw new AppError(403, 'forbidden', `your role (${auth.role}) cannot do this`);
      // The session is checked on every request, outside the token cache: a signed-out, revoked or
      // idle session stops its access token at once, not when the token expires. The rest of the
      // request runs in the same scope when it continues synchronously (a request without a body);
      // otherwise preHandler binds it again.
      runtime.tenancy.run(auth.tenantId, scopeOf(auth, request), () => {
        const times = runtime.sessions.check(auth.sessionId, auth.userId, auth.role, route.sensitive === true);
        reply.header('spinney-session-idle-expires', times.idleExpiresAt);
        reply.header('spinney-session-expires', times.expiresAt);
        request.auth = auth;
        done();
      });
    } catch (err) {
      if (!(err instanceof AppError)) return done(err as Error);
      sendError(reply, err);
    }
  });

  app.addHook('preHandler', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const auth = request.auth;
    if (!auth) return done();
    // Still inside the scope onRequest opened for this very request: nothing to bind.
    if (runtime.tenancy.isBoundTo(auth.tenantId, request.id)) return done();
    runtime.tenancy.run(auth.tenantId, scopeOf(auth, request), () => done());
  });

  // A group-commit route answers (success or refusal) only once everything it wrote or read in
  // its workspace is committed; a failed shared commit becomes this request's error (500), never
  // a false success. Added to those routes only: every other route's answer has no hook to run.
  const awaitGroupCommit = async (request: FastifyRequest, _reply: FastifyReply, payload: unknown): Promise<unknown> => {
    await request.groupCommit?.settled();
    return payload;
  };
  app.addHook('onRoute', (route) => {
    if ((route.config as { groupCommit?: unknown } | undefined)?.groupCommit !== true) return;
    route.onSend = [...(route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend]), awaitGroupCommit];
  });
}

export default fp(authPlugin, { name: 'spinney-auth', fastify: '5.x' });
