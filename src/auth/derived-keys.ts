// Keys derived from the token signing key with HKDF-SHA256, one per use, so no further secret has
// to be configured and no two uses share key material. The info strings name the use and a
// version; changing one changes the key (and invalidates what it protected).
//
// The signing key has versions (src/vault/root-keys.ts): each use derives from the newest version
// to make new values and accepts any version it still has when checking them, so a rotation
// invalidates nothing that is still within its lifetime.
import { hkdfSync } from 'node:crypto';
import { Signer } from '@fastify/cookie';
import type { RootKeySet } from '../vault/root-keys.js';

export function deriveKey(key: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
}

export class DerivedKeys {
  readonly #set: RootKeySet;
  readonly #info: string;
  // Keyed by the root key's bytes: a reloaded key set brings new buffers and so new entries.
  readonly #cache = new WeakMap<Buffer, Buffer>();

  constructor(set: RootKeySet, info: string) {
    this.#set = set;
    this.#info = info;
  }

  #derive(root: Buffer): Buffer {
    let key = this.#cache.get(root);
    if (!key) {
      key = deriveKey(root, this.#info);
      this.#cache.set(root, key);
    }
    return key;
  }

  /** The key for new values. */
  current(): Buffer {
    return this.#derive(this.#set.current().key);
  }

  /** Every key a value may have been made with, newest first. */
  all(): Buffer[] {
    this.#set.current(); // picks up a rotation made by another process
    return [...this.#set.versions()].reverse().map((v) => this.#derive(v.key));
  }
}

/**
 * The signer @fastify/cookie uses for signed cookies (the sign-in cookie): signs with the newest
 * derived key, accepts every version's.
 */
export function cookieSigner(signing: RootKeySet): Pick<Signer, 'sign' | 'unsign'> {
  const keys = new DerivedKeys(signing, 'spinney cookie signing v1');
  return {
    sign: (value) => new Signer(keys.current()).sign(value),
    unsign: (value) => new Signer(keys.all()).unsign(value),
  };
}
