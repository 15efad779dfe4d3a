// Public sign-in routes: the browser code flow (start, callback), the native ID-token exchange,
// and refresh. None takes a tenant id from the client: the callback and exchange find the
// workspace from the verified email's memberships, refresh from the token's own tenant part.
// All of them carry the tighter sign-in rate limit.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { clientOf } from '../auth/auth.plugin.js';
import { AppError, badRequest } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import { GroupCommitTicket } from '../tenancy/context.js';
import { parseRefreshToken } from '../sessions/refresh-token.js';
import { RefreshTokenReused, type ClientKind, type IssuedTokens } from '../sessions/sessions.js';
import { signInFailed, type CodeFlowClients } from './code-flow.js';
import type { IdTokenVerifier } from './id-token.js';
import { signInRateLimit } from './rate-limits.js';
import { AcceptanceBody, CallbackQuery, ExchangeBody, InvitationParams, Nonce, PendingResponse, ProviderParams, Providers, RefreshBody, SignInQuery, TokenBody, TokenResponse } from './signin.schemas.js';
import { ACCEPTANCE_WINDOW_SECONDS, describePending, issueAcceptance, readAcceptance, type Acceptance } from './invitation-acceptance.js';
import { checkNativeRedirect, createHandoff, redeemHandoff } from './native-handoff.js';
import { admit, declineInvitation, isPending, noticeReplay, reauthenticate, refuseSignIn, signIn, startSignedInSession, type Admitted, type InvitationPending, type SignedIn } from './signin.service.js';

// Every sign-in cookie is __Host- (Secure, no Domain, Path=/): a sibling subdomain can neither set
// nor shadow them, so it cannot plant its own sign-in flow or refresh token (session fixation).
// The price is Path=/: the browser sends them with every request to this origin; only the auth
// routes read them, and request logs never carry cookies. See docs/security.md, "Cookies".
export const REFRESH_COOKIE = '__Host-spinney_refresh';
export const SIGNIN_COOKIE = '__Host-spinney_signin';
/** The invitation waiting for the person's accept or decline (an acceptance token). */
export const INVITATION_COOKIE = '__Host-spinney_invitation';
/** The workspaces (names and slugs) a browser sign-in must choose between; signed. */
export const CHOICE_COOKIE = '__Host-spinney_choice';
const HOST_COOKIE_PATH = '/';
const SIGNIN_WINDOW_SECONDS = 600;

/** A top-level navigation by a browser (it asks for HTML), not a fetch or an API client. */
const wantsPage = (request: FastifyRequest): boolean => /\btext\/html\b/.test(request.headers.accept ?? '');

interface FlowCookie {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  workspace: string | null;
  expiresAt: number;
  /** A step-up for the browser's current session, not a new sign-in. */
  reauth?: true;
  /** Browser only: the page of this site to open afterwards (SignInQuery.return_to). */
  returnTo?: string;
  /** Set for the native code flow: where the app waits, and its PKCE challenge and state. */
  native?: { redirectUri: string; codeChallenge: string; appState: string | null };
}

export interface SignInDeps {
  runtime: Runtime;
  codeFlow: CodeFlowClients;
  idTokens: IdTokenVerifier;
}

const tags = ['sign-in'];

/** The refresh cookie's attributes: __Host- (Path=/, no Domain), HttpOnly, Secure, Strict. */
const REFRESH_COOKIE_OPTIONS = { path: HOST_COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict' } as const;

/** The short-lived steps between a sign-in and a session: the pending invitation and the workspace choice. */
const STEP_COOKIE_OPTIONS = { path: HOST_COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict', maxAge: ACCEPTANCE_WINDOW_SECONDS } as const;

interface WorkspaceChoice {
  provider: string;
  workspaces: { name: string; slug: string }[];
  expiresAt: number;
}

function clearStepCookies(reply: FastifyReply): void {
  reply.clearCookie(INVITATION_COOKIE, STEP_COOKIE_OPTIONS);
  reply.clearCookie(CHOICE_COOKIE, STEP_COOKIE_OPTIONS);
}

export function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, REFRESH_COOKIE_OPTIONS);
}

export const signInRoutes =
  ({ runtime, codeFlow, idTokens }: SignInDeps): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const { config, clock } = runtime;
    const rateLimit = signInRateLimit(runtime);
    const publicOrigin = new URL(config.publicUrl).origin;

    const setRefreshCookie = (reply: FastifyReply, tokens: IssuedTokens): void => {
      reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, { ...REFRESH_COOKIE_OPTIONS, expires: new Date(tokens.session.expiresAt) });
    };
    const tokenBody = (tokens: IssuedTokens, kind: ClientKind, signedIn?: SignedIn) => ({
      tokenType: 'Bearer' as const,
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      ...(kind === 'native' ? { refreshToken: tokens.refreshToken } : {}),
      session: tokens.session,
      ...(signedIn ? { tenant: signedIn.tenant, member: signedIn.member } : {}),
    });
    const request$ = (request: FastifyRequest) => ({ requestId: request.id, client: clientOf(request) });

    app.get('/auth/providers', {
      schema: { tags, summary: 'The sign-in methods this server offers', response: { 200: Providers, ...errorResponses } },
      handler: async () => ({
        codeFlow: codeFlow.list().map((p) => ({ ...p, signInUrl: `${config.publicUrl}/api/v1/auth/signin/${p.id}` })),
        idTokenExchange: idTokens.list(),
      }),
    });

    app.get('/auth/signin/:provider', {
      config: { rateLimit },
      schema: { tags, summary: 'Start a browser sign-in (redirects to the provider)', params: ProviderParams, querystring: SignInQuery, response: errorResponses },
      handler: async (request, reply) => {
        const { provider } = request.params;
        if (!codeFlow.has(provider)) throw new AppError(404, 'not_found', 'no such sign-in provider');
        const { query } = request;
        let native: FlowCookie['native'];
        if (query.client === 'native') {
          if (!query.redirect_uri) throw badRequest('missing_field', 'redirect_uri is required for native sign-in', 'redirect_uri');
          if (!query.code_challenge) throw badRequest('missing_field', 'code_challenge (PKCE S256) is required for native sign-in', 'code_challenge');
          native = { redirectUri: checkNativeRedirect(query.redirect_uri, config.signIn.nativeRedirectSchemes), codeChallenge: query.code_challenge, appState: query.app_state ?? null };
        } else if (query.redirect_uri || query.code_challenge || query.app_state) {
          throw badRequest('invalid_request', 'redirect_uri, code_challenge and app_state are for client=native only');
        }
        if (native && query.return_to) throw badRequest('invalid_request', 'return_to is for browser sign-in only', 'return_to');
        const reauth = query.reauth === '1';
        if (reauth && (native || query.workspace)) throw badRequest('invalid_request', 'reauth is for the browser\'s current session: no client=native, no workspace', 'reauth');
        const flow = await codeFlow.start(provider, { reauth });
        const cookie: FlowCookie = {
          provider,
          state: flow.state,
          nonce: flow.nonce,
          codeVerifier: flow.codeVerifier,
          workspace: query.workspace ?? null,
          expiresAt: clock.now() + SIGNIN_WINDOW_SECONDS * 1000,
          ...(native ? { native } : {}),
          ...(reauth ? { reauth } : {}),
          ...(query.return_to ? { returnTo: query.return_to } : {}),
        };
        // Lax, not Strict: the provider sends the browser back with a cross-site top-level GET.
        reply.setCookie(SIGNIN_COOKIE, Buffer.from(JSON.stringify(cookie)).toString('base64url'), {
          path: HOST_COOKIE_PATH,
          httpOnly: true,
          secure: true,
          sameSite: 'lax',
          signed: true,
          maxAge: SIGNIN_WINDOW_SECONDS,
        });
        return reply.redirect(flow.url.href, 302);
      },
    });

    app.get('/auth/callback/:provider', {
      config: { rateLimit },
      schema: { tags, summary: 'The provider sends the browser back here', params: ProviderParams, querystring: CallbackQuery, response: errorResponses },
      handler: async (request, reply) => {
        // A person's browser that fails here gets the page, which says why in words and offers to
        // sign in again (/?error=<code>); API clients and native apps keep the JSON error.
        let browser = true;
        try {
          const { provider } = request.params;
          if (!codeFlow.has(provider)) throw new AppError(404, 'not_found', 'no such sign-in provider');
          reply.clearCookie(SIGNIN_COOKIE, { path: HOST_COOKIE_PATH, secure: true, httpOnly: true, sameSite: 'lax' });
          const fail = (reason: string, error: AppError): never => refuseSignIn(runtime, provider, reason, error, request$(request));
          const flow = readFlowCookie(request, clock.now());
          if (!flow || flow.provider !== provider) fail('no_sign_in_in_progress', signInFailed('no sign-in is in progress in this browser (or it took longer than 10 minutes, or the browser refused the Secure cookie: over plain http it keeps it only on 127.0.0.1 or localhost); start again', 'sign_in_expired'));
          const checked = flow as FlowCookie;
          browser = !checked.native;
          if (request.query.error) fail('provider_error', signInFailed(`the provider refused the sign-in (${request.query.error})`));
          if (request.query.state !== checked.state) fail('state_mismatch', signInFailed('the sign-in response does not belong to this browser session', 'state_mismatch'));
          const query = request.url.slice(request.url.indexOf('?') + 1);
          let identity;
          try {
            identity = await codeFlow.finish(provider, query, checked);
          } catch (err) {
            if (err instanceof AppError && err.statusCode === 401) fail(err.code, err);
            throw err;
          }
          if (checked.reauth) {
            reauthenticate(runtime, identity, request.cookies[REFRESH_COOKIE], request$(request));
            return reply.redirect(checked.returnTo ?? '/', 303);
          }
          let admitted: Admitted | InvitationPending;
          try {
            admitted = admit(runtime, identity, { workspace: checked.workspace, ...request$(request) });
          } catch (err) {
            if (checked.native || !(err instanceof AppError) || err.code !== 'workspace_choice_required') throw err;
            // The page shows the names and signs in again with the one chosen.
            const workspaces = (err.details?.workspaces ?? []) as { name: string; slug: string }[];
            const choice: WorkspaceChoice = { provider, workspaces: workspaces.map(({ name, slug }) => ({ name, slug })), expiresAt: clock.now() + ACCEPTANCE_WINDOW_SECONDS * 1000 };
            reply.setCookie(CHOICE_COOKIE, Buffer.from(JSON.stringify(choice)).toString('base64url'), { ...STEP_COOKIE_OPTIONS, signed: true });
            return reply.redirect('/', 303);
          }
          if (checked.native) {
            // The app redeems the code with its PKCE verifier at POST /auth/token; no token in a URL.
            // An invitation to answer comes as `invitation` instead: usable only with that verifier.
            const target = new URL(checked.native.redirectUri);
            if (isPending(admitted)) target.searchParams.set('invitation', issueAcceptance(runtime, { ...admitted.pending, clientKind: 'native', codeChallenge: checked.native.codeChallenge }));
            else target.searchParams.set('code', createHandoff(runtime, admitted, checked.native.codeChallenge));
            if (checked.native.appState) target.searchParams.set('state', checked.native.appState);
            return reply.redirect(target.href, 302);
          }
          if (isPending(admitted)) {
            // No membership yet: the page shows the invitation and asks.
            reply.setCookie(INVITATION_COOKIE, issueAcceptance(runtime, { ...admitted.pending, clientKind: 'browser', codeChallenge: null }), STEP_COOKIE_OPTIONS);
            return reply.redirect('/', 303);
          }
          setRefreshCookie(reply, startSignedInSession(runtime, admitted, { clientKind: 'browser', ...request$(request) }));
          clearStepCookies(reply);
          // The page asks /auth/refresh for an access token, which it keeps in memory only.
          return reply.redirect(checked.returnTo ?? '/', 303);
        } catch (err) {
          if (browser && err instanceof AppError && wantsPage(request)) return reply.redirect(`/?error=${encodeURIComponent(err.code)}`, 303);
          throw err;
        }
      },
    });

    // The explicit step of an invitation: see it, then accept or decline. Browsers send {} with
    // their cookie from this server's own pages (Origin checked); native apps send the token.
    const acceptanceOf = (request: FastifyRequest, { acceptanceToken, codeVerifier }: Static<typeof AcceptanceBody>): Acceptance => {
      if (acceptanceToken === undefined) {
        checkBrowserOrigin(request);
        return readAcceptance(runtime, request.cookies[INVITATION_COOKIE], 'browser', undefined);
      }
      return readAcceptance(runtime, acceptanceToken, 'native', codeVerifier);
    };
    /** The acceptance for this invitation, while it is still pending (else 401 invalid_acceptance). */
    const answering = (request: FastifyRequest, body: Static<typeof AcceptanceBody>, invitationId: string): Acceptance => {
      const acceptance = acceptanceOf(request, body);
      if (acceptance.invitationId !== invitationId) throw new AppError(401, 'invalid_acceptance', 'this invitation step is for another invitation');
      describePending(runtime, acceptance);
      return acceptance;
    };
    const checkBrowserOrigin = (request: FastifyRequest): void => {
      // The cookies are SameSite=Strict already; the Origin check also stops a same-site attacker.
      if (request.headers.origin !== publicOrigin) throw new AppError(403, 'origin_mismatch', 'this request from a browser must come from this server\'s own pages');
    };

    app.post('/auth/pending', {
      config: { rateLimit },
      schema: { tags, summary: 'What a sign-in is waiting for: an invitation to answer, or a workspace to choose', body: AcceptanceBody, response: { 200: PendingResponse, ...errorResponses } },
      handler: async (request) => {
        if (request.body.acceptanceToken !== undefined) return { invitation: describePending(runtime, acceptanceOf(request, request.body)), workspaces: null };
        checkBrowserOrigin(request);
        const invitation = request.cookies[INVITATION_COOKIE] ? describePending(runtime, acceptanceOf(request, request.body)) : null;
        const stored = readSignedJson<WorkspaceChoice>(request, CHOICE_COOKIE);
        const choice = stored && stored.expiresAt > clock.now() ? stored : null;
        const workspaces = choice?.workspaces.map((w) => ({ ...w, signInUrl: `${config.publicUrl}/api/v1/auth/signin/${choice.provider}?workspace=${w.slug}` })) ?? null;
        return { invitation, workspaces };
      },
    });

    app.post('/auth/invitations/:invitationId/accept', {
      config: { rateLimit },
      schema: { tags, summary: 'Accept an invitation after signing in: join the workspace and start a session', params: InvitationParams, body: AcceptanceBody, response: { 200: TokenResponse, ...errorResponses } },
      handler: async (request, reply) => {
        const acceptance = answering(request, request.body, request.params.invitationId);
        const identity = { ...acceptance.identity, emailVerified: true };
        const signedIn = signIn(runtime, identity, { workspace: acceptance.tenantId, clientKind: acceptance.clientKind, ...request$(request) }, { acceptInvitation: acceptance.invitationId });
        if (acceptance.clientKind === 'browser') {
          clearStepCookies(reply);
          setRefreshCookie(reply, signedIn.tokens);
        }
        return tokenBody(signedIn.tokens, acceptance.clientKind, signedIn);
      },
    });

    app.post('/auth/invitations/:invitationId/decline', {
      config: { rateLimit },
      schema: { tags, summary: 'Decline an invitation after signing in: it ends, audited in the workspace', params: InvitationParams, body: AcceptanceBody, response: { 204: Type.Null(), ...errorResponses } },
      handler: async (request, reply) => {
        const acceptance = answering(request, request.body, request.params.invitationId);
        declineInvitation(runtime, acceptance, request$(request));
        if (acceptance.clientKind === 'browser') clearStepCookies(reply);
        return reply.code(204).send(null);
      },
    });

    app.post('/auth/token', {
      config: { rateLimit },
      schema: { tags, summary: 'Native code flow: redeem the one-time code with the app\'s PKCE verifier', body: TokenBody, response: { 200: TokenResponse, ...errorResponses } },
      handler: async (request) => {
        const admitted = redeemHandoff(runtime, request.body.code, request.body.codeVerifier);
        const tokens = startSignedInSession(runtime, admitted, { clientKind: 'native', ...request$(request) });
        return tokenBody(tokens, 'native', { ...admitted, tokens });
      },
    });

    app.post('/auth/nonce', {
      config: { rateLimit },
      schema: { tags, summary: 'A one-time nonce for a device ID-token sign-in', response: { 200: Nonce, ...errorResponses } },
      handler: async () => idTokens.issueNonce(),
    });

    app.post('/auth/exchange', {
      config: { rateLimit },
      schema: { tags, summary: 'Exchange a device ID token (Apple, Google) for a session', body: ExchangeBody, response: { 200: TokenResponse, ...errorResponses } },
      handler: async (request) => {
        const { provider, idToken, nonce, workspace } = request.body;
        let identity;
        try {
          identity = await idTokens.verify(provider, idToken, nonce);
        } catch (err) {
          if (err instanceof AppError && err.statusCode === 401) refuseSignIn(runtime, provider, err.code, err, request$(request));
          throw err;
        }
        const signedIn = signIn(runtime, identity, { workspace: workspace ?? null, clientKind: 'native', ...request$(request) });
        return tokenBody(signedIn.tokens, 'native', signedIn);
      },
    });

    app.post('/auth/refresh', {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Rotate the refresh token: a new access token and a new refresh token',
        description: 'Native clients send {"refreshToken"}; browsers send {} with the refresh cookie and their Origin.',
        body: RefreshBody,
        response: { 200: TokenResponse, ...errorResponses },
      },
      handler: async (request, reply) => {
        const fromBody = request.body.refreshToken;
        const kind: ClientKind = fromBody !== undefined ? 'native' : 'browser';
        if (kind === 'browser' && request.headers.origin !== publicOrigin) {
          // The cookie is SameSite=Strict already; the Origin check also stops a same-site attacker.
          throw new AppError(403, 'origin_mismatch', 'refresh from a browser must come from this server\'s own pages');
        }
        const raw = fromBody ?? request.cookies[REFRESH_COOKIE];
        if (raw === undefined) throw new AppError(401, 'unauthenticated', 'no refresh token; sign in');
        const token = parseRefreshToken(raw);
        if (!token) throw new AppError(401, 'invalid_refresh_token', 'the refresh token is not valid');
        const status = runtime.tenantStatus.get(token.tenantId);
        if (status !== 'active') {
          throw status === 'suspended' ? new AppError(403, 'tenant_suspended', 'this workspace is suspended') : new AppError(401, 'invalid_refresh_token', 'the refresh token is not valid');
        }
        // The rotation shares its COMMIT with the other refreshes to this workspace in the same
        // event-loop turn (group commit, src/tenancy/tenant-handle.ts), and nothing is answered
        // before that COMMIT: a new token pair is never handed out for a rotation not on disk.
        const groupCommit = new GroupCommitTicket();
        let rotated: { tokens: IssuedTokens } | { failure: unknown };
        try {
          rotated = { tokens: runtime.tenancy.run(token.tenantId, { actor: null, ...request$(request), groupCommit }, () => runtime.sessions.refresh(token, kind)) };
        } catch (err) {
          rotated = { failure: err };
        }
        await groupCommit.settled();
        if ('failure' in rotated) {
          const err = rotated.failure;
          if (kind === 'browser' && err instanceof AppError && err.statusCode === 401) clearRefreshCookie(reply);
          if (err instanceof RefreshTokenReused) noticeReplay(runtime, token.tenantId, err.session, request$(request));
          throw err;
        }
        const { tokens } = rotated;
        if (kind === 'browser') setRefreshCookie(reply, tokens);
        return tokenBody(tokens, kind);
      },
    });
  };

function readFlowCookie(request: FastifyRequest, now: number): FlowCookie | null {
  const flow = readSignedJson<FlowCookie>(request, SIGNIN_COOKIE);
  return flow && typeof flow.expiresAt === 'number' && flow.expiresAt > now ? flow : null;
}

/** A signed cookie holding base64url JSON; null when absent, forged or unreadable. */
function readSignedJson<T>(request: FastifyRequest, name: string): T | null {
  const raw = request.cookies[name];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  try {
    return JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}
