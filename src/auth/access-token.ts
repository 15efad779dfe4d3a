// Access tokens: HS256 JWTs naming one tenant (tid), one user (sub), one role and one session (sid).
// Signed with the newest version of the token signing key, whose number is the token's `kid`;
// verified with the version the `kid` names, while that version is still in the key set (see
// `spinney keys retire`). A token without a `kid` is from before versions: version 1.
import { createSigner, createVerifier } from 'fast-jwt';
import type { Config } from '../config/config.js';
import type { Role } from './permissions.js';

export const ACCESS_TOKEN_ALGORITHM = 'HS256';
export const REQUIRED_CLAIMS = ['iss', 'aud', 'iat', 'exp', 'tid', 'sub', 'role', 'sid'];

export interface AccessTokenClaims {
  tid: string;
  sub: string;
  role: Role;
  sid: string;
  /** A read-only support session: every route but GET/HEAD refuses it (src/auth/auth.plugin.ts). */
  support?: true;
}

type Sign = (payload: Record<string, unknown>) => string;
type Verify = (token: string) => Record<string, unknown>;

export class AccessTokenInvalid extends Error {
  override name = 'AccessTokenInvalid';
}

export class AccessTokens {
  readonly #config: Config;
  // Keyed by the key's bytes: a reloaded key set brings new buffers, so a replaced key never
  // keeps a stale signer or verifier.
  readonly #signers = new WeakMap<Buffer, Sign>();
  readonly #verifiers = new WeakMap<Buffer, Verify>();

  constructor(config: Config) {
    this.#config = config;
  }

  /** Signs with `iat` = issuedAtMs (the caller's clock), so the same claims, key and time give the same token. */
  sign(claims: AccessTokenClaims, issuedAtMs: number): string {
    const { version, key } = this.#config.keys.signing.current();
    let sign = this.#signers.get(key);
    if (!sign) {
      const { tokens } = this.#config;
      sign = createSigner({ key, algorithm: ACCESS_TOKEN_ALGORITHM, kid: String(version), iss: tokens.issuer, aud: tokens.audience, expiresIn: tokens.accessTokenTtlSeconds * 1000 }) as Sign;
      this.#signers.set(key, sign);
    }
    return sign({ ...claims, iat: Math.floor(issuedAtMs / 1000) });
  }

  /**
   * Checks signature (pinned algorithm), issuer, audience and required claims. Times (exp, iat,
   * lifetime) are the caller's to check against the runtime clock; fast-jwt would read the wall clock.
   */
  verify(token: string): Record<string, unknown> {
    const key = this.#config.keys.signing.get(keyVersionOf(token));
    if (!key) throw new AccessTokenInvalid('the token names a signing key version this server does not have');
    let verify = this.#verifiers.get(key);
    if (!verify) {
      const { tokens } = this.#config;
      verify = createVerifier({
        key,
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        allowedIss: tokens.issuer,
        allowedAud: tokens.audience,
        requiredClaims: REQUIRED_CLAIMS,
        ignoreExpiration: true,
        cache: false, // VerifiedTokens caches successes by the token itself (no hashing per request)
      }) as Verify;
      this.#verifiers.set(key, verify);
    }
    return verify(token);
  }
}

/** The signing key version a token names in its header (`kid`); 1 when it names none. */
function keyVersionOf(token: string): number {
  const dot = token.indexOf('.');
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
  } catch {
    throw new AccessTokenInvalid('the token header is not JSON');
  }
  const kid = (header as { kid?: unknown } | null)?.kid;
  if (kid === undefined) return 1;
  if (typeof kid !== 'string' || !/^[1-9]\d{0,8}$/.test(kid)) throw new AccessTokenInvalid('the token names no key version');
  return Number(kid);
}
