// SQL for workspace API keys, in the current tenant's database.
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export interface ApiKeyRow {
  id: string;
  name: string;
  role: 'member' | 'viewer';
  key_hash: Buffer;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export function insertApiKey(db: TenantHandle, row: Omit<ApiKeyRow, 'last_used_at' | 'revoked_at' | 'revoked_by'>): void {
  db.statement(
    `INSERT INTO api_keys (id, name, role, key_hash, created_at, created_by, expires_at)
     VALUES (@id, @name, @role, @key_hash, @created_at, @created_by, @expires_at)`,
  ).run(row);
}

export function findApiKeyByHash(db: TenantHandle, hash: Buffer): ApiKeyRow | undefined {
  return db.statement('SELECT * FROM api_keys WHERE key_hash = ?').get(hash) as ApiKeyRow | undefined;
}

export function findApiKey(db: TenantHandle, id: string): ApiKeyRow | undefined {
  return db.statement('SELECT * FROM api_keys WHERE id = ?').get(id) as ApiKeyRow | undefined;
}

/** Keys not revoked (expired ones included, so an admin sees them and can revoke them), newest first. */
export function listUnrevokedApiKeys(db: TenantHandle, limit: number): ApiKeyRow[] {
  return db.statement('SELECT * FROM api_keys WHERE revoked_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as ApiKeyRow[];
}

export function countUnrevokedApiKeys(db: TenantHandle): number {
  return db.statement('SELECT count(*) FROM api_keys WHERE revoked_at IS NULL').pluck().get() as number;
}

export function touchApiKey(db: TenantHandle, id: string, at: string): void {
  db.statement('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(at, id);
}

/** Revokes a live key; false if it was revoked already. */
export function revokeApiKeyRow(db: TenantHandle, id: string, at: string, by: string): boolean {
  return db.statement('UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(at, by, id).changes === 1;
}
