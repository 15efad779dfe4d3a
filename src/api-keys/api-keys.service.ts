// Workspace API keys: an admin creates one for a script or integration, with a role of member or
// viewer (never admin, so a leaked key cannot change members, keys, settings or the vault); the key
// is answered once and stored only as a hash; an admin lists and revokes keys. Creation, revocation
// and a key's first use are audited, by the key's id and name, never its secret.
//
// Using a key (src/auth/auth.plugin.ts calls authenticate()): the key must parse, its workspace
// exist, its hash be in that workspace's file, and it be neither revoked nor expired — each refusal
// a 401 with its own code, checked on every request (no cache), so a revocation stops it at once.
// A key acts as the actor `api_key:<id>` with its role; it has its own rate budget per minute.
import { timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { recordTenantEvent } from '../audit/audit.service.js';
import { AppError, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentTenantId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { formatApiKey, hashApiKeySecret, newApiKeySecret, type ParsedApiKey } from './api-key.js';
import { countUnrevokedApiKeys, findApiKey, findApiKeyByHash, insertApiKey, listUnrevokedApiKeys, revokeApiKeyRow, touchApiKey, type ApiKeyRow } from './api-keys.repo.js';
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from './api-keys.schemas.js';

/** The longest life a key may be given. */
export const MAX_API_KEY_LIFETIME_MS = 366 * 24 * 3_600_000;
/** Live keys one workspace may hold: enough for every script, few enough to review in one list. */
export const MAX_LIVE_API_KEYS = 100;
/** last_used_at moves at most this often: a write per request would turn every read into a write. */
const TOUCH_EVERY_MS = 60_000;
const RATE_WINDOW_MS = 60_000;

/** The actor id a key's requests are recorded under (audit rows, createdBy/updatedBy). */
export const apiKeyActorId = (id: string): string => `api_key:${id}`;

const isExpired = (row: ApiKeyRow, now: number): boolean => row.expires_at !== null && Date.parse(row.expires_at) <= now;

function view(row: ApiKeyRow, now: number): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    expired: isExpired(row, now),
  };
}

export function createApiKey(runtime: Runtime, input: ApiKeyCreate): ApiKeyCreated {
  const now = runtime.clock.now();
  let expiresAt: string | null = null;
  if (input.expiresAt != null) {
    const at = Date.parse(input.expiresAt);
    if (!(at > now)) throw new AppError(400, 'invalid_field', 'expiresAt must be in the future', 'expiresAt');
    if (at - now > MAX_API_KEY_LIFETIME_MS) throw new AppError(400, 'invalid_field', 'expiresAt must be at most a year from now', 'expiresAt');
    expiresAt = isoAt(at);
  }
  const db = tenantDb();
  const secret = newApiKeySecret();
  const row: ApiKeyRow = {
    id: newId('apiKey'),
    name: input.name,
    role: input.role,
    key_hash: hashApiKeySecret(secret),
    created_at: currentTimestamp(),
    created_by: currentActorId(),
    expires_at: expiresAt,
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
  };
  db.transaction(() => {
    if (countUnrevokedApiKeys(db) >= MAX_LIVE_API_KEYS) throw new AppError(409, 'conflict', `a workspace holds at most ${MAX_LIVE_API_KEYS} API keys; revoke one first`);
    insertApiKey(db, row);
    recordTenantEvent('api_key.created', { type: 'api_key', id: row.id }, { after: { name: row.name, role: row.role, expiresAt } });
  });
  return { ...view(row, now), apiKey: formatApiKey(currentTenantId(), secret) };
}

export function listApiKeys(runtime: Runtime): ApiKey[] {
  const now = runtime.clock.now();
  return listUnrevokedApiKeys(tenantDb(), MAX_LIVE_API_KEYS).map((row) => view(row, now));
}

/** Revokes a key at once (its next request is refused); a revoked or unknown key is not found. */
export function revokeApiKey(id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const row = findApiKey(db, id);
    if (!row || !revokeApiKeyRow(db, id, currentTimestamp(), currentActorId())) throw notFound('API key');
    recordTenantEvent('api_key.revoked', { type: 'api_key', id }, { before: { name: row.name, role: row.role } });
  });
}

export interface ApiKeyIdentity {
  id: string;
  role: 'member' | 'viewer';
}

const refused = (code: 'invalid_api_key' | 'api_key_expired' | 'api_key_revoked', message: string): AppError => new AppError(401, code, message);

/**
 * Finds the presented key in the current tenant's file (the caller runs this in the scope of the
 * tenant the key names, with no actor). Throws 401 for an unknown, revoked or expired key.
 */
export function findLiveApiKey(key: ParsedApiKey, now: number): ApiKeyRow {
  const hash = hashApiKeySecret(key.secret);
  const row = findApiKeyByHash(tenantDb(), hash);
  // Found by its hash through the index; compared again in constant time all the same.
  if (!row || !timingSafeEqual(row.key_hash, hash)) throw refused('invalid_api_key', 'the API key is not valid');
  if (row.revoked_at !== null) throw refused('api_key_revoked', 'this API key was revoked');
  if (isExpired(row, now)) throw refused('api_key_expired', 'this API key has expired');
  return row;
}

/**
 * Records the key's use (in the key's own scope, so its actor is the key): last_used_at at most
 * once a minute, and an audit event the first time a key is ever used.
 */
export function markApiKeyUsed(row: ApiKeyRow, now: number): void {
  const lastUsed = row.last_used_at === null ? null : Date.parse(row.last_used_at);
  if (lastUsed !== null && now - lastUsed < TOUCH_EVERY_MS) return;
  const db = tenantDb();
  db.transaction(() => {
    touchApiKey(db, row.id, isoAt(now));
    if (lastUsed === null) recordTenantEvent('api_key.first_used', { type: 'api_key', id: row.id }, { after: { name: row.name } });
  });
}

/**
 * Each key's own budget of requests per minute (a fixed window from its first request), the same
 * number a client address gets (SPINNEY_RATE_LIMIT): a leaked key spread over many addresses gets
 * no more than one client. It adds to the per-address limit, which still applies. Counters live
 * in this process, like @fastify/rate-limit's.
 */
export class ApiKeyRateLimit {
  readonly #max: number;
  readonly #windows = new LRUCache<string, { start: number; count: number }>({ max: 10_000 });

  constructor(maxPerMinute: number) {
    this.#max = maxPerMinute;
  }

  /** Counts one request; returns the seconds until the window ends when the key is over its budget, else null. */
  take(keyId: string, now: number): number | null {
    if (this.#max <= 0) return null;
    let window = this.#windows.get(keyId);
    if (!window || now - window.start >= RATE_WINDOW_MS) {
      window = { start: now, count: 0 };
      this.#windows.set(keyId, window);
    }
    window.count += 1;
    return window.count > this.#max ? Math.max(1, Math.ceil((window.start + RATE_WINDOW_MS - now) / 1000)) : null;
  }
}
