import { Type } from 'typebox';
import { idPattern } from '../http/ids.js';

const Workspace = Type.String({ pattern: '^[a-z0-9_-]{1,64}$', description: 'a workspace id or slug, when the account belongs to several' });

/** A path of this site to come back to after a browser sign-in: never another origin (no //, no \\, no scheme). */
const ReturnTo = Type.String({ maxLength: 300, pattern: '^/(?![/\\\\])[A-Za-z0-9/_.~%-]*(\\?[A-Za-z0-9_.~%=&+-]*)?$', description: 'browser only: the page to open after signing in, a path of this site' });

export const ProviderParams = Type.Object(
  { provider: Type.String({ pattern: '^(google|microsoft|oidc|dev)$' }) },
  { additionalProperties: false },
);

export const SignInQuery = Type.Object(
  {
    workspace: Type.Optional(Workspace),
    reauth: Type.Optional(Type.Literal('1', { description: 'browser only: confirm the signed-in person again (prompt=login, max_age=0) to reopen sensitive routes for the same session' })),
    client: Type.Optional(Type.Union([Type.Literal('browser'), Type.Literal('native')], { description: 'native: desktop and iOS apps (RFC 8252)' })),
    redirect_uri: Type.Optional(Type.String({ maxLength: 512, description: 'native only: loopback or the app\'s custom scheme' })),
    code_challenge: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: 'native only: the app\'s PKCE S256 challenge' })),
    code_challenge_method: Type.Optional(Type.Literal('S256')),
    app_state: Type.Optional(Type.String({ maxLength: 256, pattern: '^[A-Za-z0-9._~-]*$', description: 'native only: returned to the app as state' })),
    return_to: Type.Optional(ReturnTo),
  },
  { additionalProperties: false },
);

export const TokenBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
    codeVerifier: Type.String({ pattern: '^[A-Za-z0-9._~-]{43,128}$' }),
  },
  { additionalProperties: false },
);

export const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    iss: Type.Optional(Type.String({ maxLength: 512 })),
    // RFC 6749 error codes are short ASCII words; they are echoed in our message, so nothing else.
    error: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' })),
    error_description: Type.Optional(Type.String({ maxLength: 1024 })),
    scope: Type.Optional(Type.String({ maxLength: 2048 })),
    authuser: Type.Optional(Type.String({ maxLength: 16 })),
    hd: Type.Optional(Type.String({ maxLength: 256 })),
    prompt: Type.Optional(Type.String({ maxLength: 64 })),
    session_state: Type.Optional(Type.String({ maxLength: 512 })),
    client_info: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: false },
);

export const Providers = Type.Object({
  codeFlow: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), signInUrl: Type.String() })),
  idTokenExchange: Type.Array(Type.String()),
});

export const Nonce = Type.Object({ nonce: Type.String(), expiresAt: Type.String() });

export const ExchangeBody = Type.Object(
  {
    provider: Type.Union([Type.Literal('google'), Type.Literal('apple')]),
    idToken: Type.String({ minLength: 1, maxLength: 8192, examples: ['eyJ...'] }),
    nonce: Type.String({ minLength: 1, maxLength: 200 }),
    workspace: Type.Optional(Workspace),
  },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object(
  { refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'native clients only; browsers send the cookie' })) },
  { additionalProperties: false },
);

export const SessionTimes = Type.Object({
  id: Type.String(),
  expiresAt: Type.String({ description: 'the absolute end of the session' }),
  idleExpiresAt: Type.String({ description: 'when the session ends unless there is activity before' }),
});

export const TokenResponse = Type.Object({
  tokenType: Type.Literal('Bearer'),
  accessToken: Type.String(),
  accessTokenExpiresAt: Type.String(),
  /** Native clients only: browsers get it in an HttpOnly cookie. */
  refreshToken: Type.Optional(Type.String()),
  session: SessionTimes,
  tenant: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String() })),
  member: Type.Optional(Type.Object({ id: Type.String(), role: Type.String() })),
});

export const InvitationParams = Type.Object({ invitationId: Type.String({ pattern: idPattern('invitation') }) }, { additionalProperties: false });

/** Browsers send {} (the step lives in their cookie); native apps send the token they were given. */
export const AcceptanceBody = Type.Object(
  {
    acceptanceToken: Type.Optional(Type.String({ maxLength: 4096, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$', description: 'native only: from the invitation_pending error or the code flow redirect' })),
    codeVerifier: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._~-]{43,128}$', description: 'native code flow only: the PKCE verifier of the sign-in' })),
  },
  { additionalProperties: false },
);

const PendingInvitation = Type.Object({
  id: Type.String(),
  workspace: Type.Object({ name: Type.String(), slug: Type.String() }),
  invitedBy: Type.Object({ email: Type.Union([Type.String(), Type.Null()]), description: Type.String() }),
  role: Type.String(),
  expiresAt: Type.String({ description: 'answer before this time, or sign in again' }),
});

export const PendingResponse = Type.Object({
  invitation: Type.Union([PendingInvitation, Type.Null()], { description: 'an invitation waiting for accept or decline' }),
  workspaces: Type.Union([Type.Array(Type.Object({ name: Type.String(), slug: Type.String(), signInUrl: Type.String() })), Type.Null()], {
    description: 'the workspaces to choose from, when the account belongs to several',
  }),
});
