// Keys derived from the token signing key with HKDF-SHA256, one per use, so no further secret has
// to be configured and no two uses share key material. The info strings name the use and a
// version; changing one changes the key (and invalidates what it protected).
import { hkdfSync } from 'node:crypto';

export function deriveKey(signingKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', signingKey, Buffer.alloc(0), info, 32));
}

/** Signs the short-lived sign-in cookie (@fastify/cookie). */
export const cookieSigningKey = (signingKey: Buffer): Buffer => deriveKey(signingKey, 'spinney cookie signing v1');
