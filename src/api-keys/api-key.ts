// The key a script sends: `spk_<tenantId>_<secret>`. `spk_` lets secret scanners recognise a
// leaked one; the tenant id (not a secret) says which workspace file holds its hash, as a refresh
// token's does; the secret is 256 random bits, base64url (43 characters). Only SHA-256(secret) is
// stored: with 256 random bits there is nothing to brute-force, so no slow hash or pepper is needed,
// and the hash is what the database is searched by.
import { createHash, randomBytes } from 'node:crypto';
import { isTenantId } from '../tenancy/tenant-id.js';

export const API_KEY_PREFIX = 'spk_';
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const SECRET_LENGTH = 43;
/** Longer than any key this server makes; anything longer is refused before it is sliced. */
const MAX_KEY_LENGTH = 100;

export interface ParsedApiKey {
  tenantId: string;
  secret: string;
}

export const newApiKeySecret = (): string => randomBytes(32).toString('base64url');

export const formatApiKey = (tenantId: string, secret: string): string => `${API_KEY_PREFIX}${tenantId}_${secret}`;

/** Whether a bearer value is meant as an API key (then it is an API key or nothing). */
export const looksLikeApiKey = (value: string): boolean => value.startsWith(API_KEY_PREFIX);

/** The key's parts, or null for anything not shaped exactly like a key this server makes. */
export function parseApiKey(value: string): ParsedApiKey | null {
  if (!looksLikeApiKey(value) || value.length > MAX_KEY_LENGTH) return null;
  // The secret may hold `_` itself, so it is taken by its length from the end, not by splitting.
  const secret = value.slice(-SECRET_LENGTH);
  const separator = value.length - SECRET_LENGTH - 1;
  const tenantId = value.slice(API_KEY_PREFIX.length, separator);
  if (value[separator] !== '_' || !isTenantId(tenantId) || !SECRET.test(secret)) return null;
  return { tenantId, secret };
}

export const hashApiKeySecret = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();
