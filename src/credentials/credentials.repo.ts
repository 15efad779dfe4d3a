// SQL for control.db's credentials table. A credential is found only by the SHA-256 of its value
// (the primary key): the secret itself is never stored, selected or compared.
import type { ControlDb } from '../tenants/control-db.js';
import type { CredentialKind } from './credential-kinds.js';

export interface CredentialRow {
  hash: Buffer;
  kind: CredentialKind;
  tenant_id: string;
  target_id: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export function insertCredential(control: ControlDb, row: CredentialRow): void {
  control
    .statement('INSERT INTO credentials (hash, kind, tenant_id, target_id, created_at, expires_at, revoked_at) VALUES (@hash, @kind, @tenant_id, @target_id, @created_at, @expires_at, @revoked_at)')
    .run(row);
}

export function findCredentialByHash(control: ControlDb, hash: Buffer): CredentialRow | undefined {
  return control.statement('SELECT * FROM credentials WHERE hash = ?').get(hash) as CredentialRow | undefined;
}

/** Revokes every live credential of this kind for one record of one tenant; returns how many. */
export function revokeCredentialsOf(control: ControlDb, tenantId: string, kind: CredentialKind, targetId: string, at: string): number {
  return control.statement('UPDATE credentials SET revoked_at = ? WHERE tenant_id = ? AND kind = ? AND target_id = ? AND revoked_at IS NULL').run(at, tenantId, kind, targetId).changes;
}
