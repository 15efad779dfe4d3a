// Access tokens: HS256 JWTs naming one tenant (tid), one user (sub), one role and one session (sid).
// Signing lives here; verification is @fastify/jwt in auth.plugin.ts with the same pinned options.
import { createSigner } from 'fast-jwt';
import type { Config } from '../config/config.js';
import type { Role } from './permissions.js';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';
export const REQUIRED_CLAIMS = ['iss', 'aud', 'iat', 'exp', 'tid', 'sub', 'role', 'sid'];

export interface AccessTokenClaims {
  tid: string;
  sub: string;
  role: Role;
  sid: string;
}

/** Signs with `iat` = issuedAtMs (the caller's clock), so the same claims and time give the same token. */
export function createAccessTokenSigner(config: Config): (claims: AccessTokenClaims, issuedAtMs?: number) => string {
  const sign = createSigner({
    key: config.tokens.signingKey,
    algorithm: ACCESS_TOKEN_ALGORITHM,
    iss: config.tokens.issuer,
    aud: config.tokens.audience,
    expiresIn: config.tokens.accessTokenTtlSeconds * 1000,
  });
  return (claims, issuedAtMs = Date.now()) => sign({ ...claims, iat: Math.floor(issuedAtMs / 1000) });
}
