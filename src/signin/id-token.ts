// Native sign-in: an ID token obtained on the device (Sign in with Apple, Google Sign-In) is
// exchanged for a Spinney session. We verify it ourselves against the provider's published keys:
// signature, issuer, audience (our own client ids only), expiry and a nonce that we issued, that
// has not expired and has not been spent before, so a captured token cannot be replayed.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DerivedKeys } from '../auth/derived-keys.js';
import type { IdTokenProvider } from '../config/config.js';
import type { ControlDb } from '../tenants/control-db.js';
import { AppError } from '../http/errors.js';
import type { Clock } from '../time/clock.js';
import { isoAt } from '../time/clock.js';
import type { RootKeySet } from '../vault/root-keys.js';
import { identityFromClaims, signInFailed } from './code-flow.js';
import type { VerifiedIdentity } from './signin.service.js';
import { spendNonceHash } from './spent-nonces.repo.js';

export const NONCE_TTL_SECONDS = 600;

export class IdTokenVerifier {
  readonly #providers: Map<string, IdTokenProvider>;
  readonly #keys = new Map<string, JWTVerifyGetKey>();
  readonly #nonceKeys: DerivedKeys;
  readonly #clock: Clock;
  readonly #control: ControlDb;

  constructor(providers: readonly IdTokenProvider[], signing: RootKeySet, clock: Clock, control: ControlDb) {
    this.#providers = new Map(providers.map((p) => [p.id, p]));
    this.#nonceKeys = new DerivedKeys(signing, 'spinney exchange nonce v1');
    this.#clock = clock;
    this.#control = control;
  }

  list(): string[] {
    return [...this.#providers.keys()];
  }

  /** A nonce for the device to put into its provider request: random, dated and signed by us. */
  issueNonce(): { nonce: string; expiresAt: string } {
    const expires = Math.floor(this.#clock.now() / 1000) + NONCE_TTL_SECONDS;
    const body = `${randomBytes(18).toString('base64url')}.${expires}`;
    return { nonce: `${body}.${mac(this.#nonceKeys.current(), body)}`, expiresAt: isoAt(expires * 1000) };
  }

  async verify(providerId: string, idToken: string, nonce: string): Promise<VerifiedIdentity> {
    const provider = this.#providers.get(providerId);
    if (!provider) throw new AppError(404, 'not_found', 'no such sign-in provider');
    const nonceExpires = this.#checkNonce(nonce);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(idToken, this.#jwks(provider), {
        issuer: [...provider.issuers],
        audience: [...provider.audiences],
        algorithms: ['RS256', 'ES256'],
        requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
        currentDate: new Date(this.#clock.now()),
        clockTolerance: 30,
      }));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw signInFailed('the ID token has expired', 'id_token_expired');
      if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JOSE_GENERIC') throw new AppError(502, 'provider_unavailable', 'the provider keys could not be fetched');
      throw signInFailed(`the ID token is not valid (${(err as Error).message})`, 'invalid_id_token');
    }
    // Apple puts the SHA-256 of the nonce into the token (the app hands Apple the hash); Google the nonce itself.
    const hashed = createHash('sha256').update(nonce).digest('hex');
    if (payload.nonce !== nonce && payload.nonce !== hashed) throw signInFailed('the ID token was not issued for this nonce', 'nonce_mismatch');
    this.#spendNonce(nonce, nonceExpires);
    return identityFromClaims(provider.id, payload);
  }

  #checkNonce(nonce: string): number {
    const match = /^([A-Za-z0-9_-]{24})\.(\d{10})\.([A-Za-z0-9_-]{43})$/.exec(nonce);
    // Made with any version of the signing key this server still has.
    const signed = match && this.#nonceKeys.all().some((key) => timingSafeEqual(Buffer.from(mac(key, `${match[1]}.${match[2]}`)), Buffer.from(match[3] as string)));
    if (!match || !signed) throw signInFailed('the nonce was not issued by this server', 'nonce_mismatch');
    const expires = Number(match[2]) * 1000;
    if (expires <= this.#clock.now()) throw signInFailed('the nonce has expired; request a new one', 'nonce_expired');
    return expires;
  }

  #spendNonce(nonce: string, expiresMs: number): void {
    const hash = createHash('sha256').update(nonce).digest();
    this.#control.transaction(() => {
      if (!spendNonceHash(this.#control, hash, isoAt(expiresMs), isoAt(this.#clock.now()))) throw signInFailed('this nonce was already used; request a new one', 'nonce_reused');
    });
  }

  #jwks(provider: IdTokenProvider): JWTVerifyGetKey {
    let keys = this.#keys.get(provider.id);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(provider.jwksUri), { timeoutDuration: 10_000, cooldownDuration: 30_000 });
      this.#keys.set(provider.id, keys);
    }
    return keys;
  }
}

const mac = (key: Buffer, body: string): string => createHmac('sha256', key).update(body).digest('base64url');
