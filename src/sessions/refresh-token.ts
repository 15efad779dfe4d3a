// Refresh tokens: `<tenantId>.<secret>`, the secret 256 bits, base64url. The tenant id is in clear
// only so the server knows which database holds the hash (ids are not secrets); the secret is
// stored only as its SHA-256.
//
// The first secret of a session is random. Each rotation derives the next one as
// HMAC-SHA256(rotation key, previous secret): still 256 unpredictable bits to anyone without the
// server's key, and it lets a client that lost a refresh response retry with the previous token
// and get exactly the same new pair, without the server ever storing a usable token.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { isTenantId } from '../tenancy/tenant-id.js';

const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface ParsedRefreshToken {
  tenantId: string;
  secret: string;
}

export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatRefreshToken(tenantId: string, secret: string): string {
  return `${tenantId}.${secret}`;
}

export function parseRefreshToken(value: unknown): ParsedRefreshToken | null {
  if (typeof value !== 'string' || value.length > 100) return null;
  const dot = value.indexOf('.');
  const tenantId = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  if (dot < 0 || !isTenantId(tenantId) || !SECRET.test(secret)) return null;
  return { tenantId, secret };
}

export const hashRefreshSecret = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/** The rotation key is derived from the token signing key, so no further secret has to be configured. */
export const ROTATION_KEY_INFO = 'spinney refresh-token rotation v1';

export function nextRefreshSecret(key: Buffer, previous: string): string {
  return createHmac('sha256', key).update(previous, 'utf8').digest('base64url');
}
