// A bounded memory of tokens whose signature and claims already passed verification, keyed by the
// token string itself, each entry dropped at the token's own expiry. Signature checking is the
// largest cost of an authenticated request; this turns it into one map lookup for every request
// after a token's first. Only successes are kept: a bad token is re-checked (and refused) each time.
// Tenant status and permissions are never cached here; they are checked on every request.
import { LRUCache } from 'lru-cache';
import type { Clock } from '../time/clock.js';
import type { RequestAuth } from './auth.plugin.js';

export class VerifiedTokens {
  readonly #cache: LRUCache<string, RequestAuth> | null;

  constructor(maxEntries: number) {
    this.#cache = maxEntries > 0 ? new LRUCache<string, RequestAuth>({ max: maxEntries, ttlAutopurge: false, allowStale: false }) : null;
  }

  get(token: string): RequestAuth | undefined {
    return this.#cache?.get(token);
  }

  /** Remembers a verified token until its expiry (callers still compare the expiry with their clock). */
  remember(token: string, auth: RequestAuth, clock: Clock): void {
    const ttl = auth.expiresAtMs - clock.now();
    if (this.#cache && ttl > 0) this.#cache.set(token, auth, { ttl });
  }

  get size(): number {
    return this.#cache?.size ?? 0;
  }
}
