import type { ControlDb } from '../tenants/control-db.js';
// SQL for the workspace's integrations. Every function takes the tenant handle explicitly; tokens
// are never here (they are vault system secrets, see integrations.service.ts).
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import type { IntegrationProvider } from './providers.js';

export type IntegrationStatus = 'active' | 'needs_reconnect';

export interface IntegrationRow {
  id: string;
  provider: IntegrationProvider;
  account_subject: string;
  account_email: string;
  scopes: string;
  status: IntegrationStatus;
  connected_by: string;
  connected_at: string;
  access_expires_at: string;
  updated_at: string;
}

export function listIntegrationRows(db: TenantHandle): IntegrationRow[] {
  return db.statement('SELECT * FROM integrations ORDER BY connected_at, id').all() as IntegrationRow[];
}

export function findIntegrationRow(db: TenantHandle, id: string): IntegrationRow | undefined {
  return db.statement('SELECT * FROM integrations WHERE id = ?').get(id) as IntegrationRow | undefined;
}

export function findIntegrationByAccount(db: TenantHandle, provider: IntegrationProvider, subject: string): IntegrationRow | undefined {
  return db.statement('SELECT * FROM integrations WHERE provider = ? AND account_subject = ?').get(provider, subject) as IntegrationRow | undefined;
}

/** Inserts a new connection or renews the row of the same provider account (a reconnect). */
export function upsertIntegrationRow(db: TenantHandle, row: IntegrationRow): void {
  db.statement(
    `INSERT INTO integrations (id, provider, account_subject, account_email, scopes, status, connected_by, connected_at, access_expires_at, updated_at)
     VALUES (@id, @provider, @account_subject, @account_email, @scopes, @status, @connected_by, @connected_at, @access_expires_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET account_email = excluded.account_email, scopes = excluded.scopes, status = excluded.status,
       connected_by = excluded.connected_by, connected_at = excluded.connected_at, access_expires_at = excluded.access_expires_at,
       updated_at = excluded.updated_at`,
  ).run(row);
}

/** After a refresh; false when the integration is gone (disconnected meanwhile). */
export function updateAccessExpiry(db: TenantHandle, id: string, scopes: string, accessExpiresAt: string, now: string): boolean {
  return db.statement('UPDATE integrations SET scopes = ?, access_expires_at = ?, updated_at = ? WHERE id = ?').run(scopes, accessExpiresAt, now, id).changes === 1;
}

export function setIntegrationStatus(db: TenantHandle, id: string, status: IntegrationStatus, now: string): boolean {
  return db.statement('UPDATE integrations SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id).changes === 1;
}

export function deleteIntegrationRow(db: TenantHandle, id: string): boolean {
  return db.statement('DELETE FROM integrations WHERE id = ?').run(id).changes === 1;
}

/** A connection flow in progress (control.db integration_connects), found by the hash of its state. */
export interface ConnectRow {
  tenant_id: string;
  user_id: string;
  session_id: string;
  provider: IntegrationProvider;
  code_verifier: string;
  nonce: string;
  expires_at: string;
}

/** Drops expired flows and stores a new one, in one transaction. */
export function insertConnectFlow(control: ControlDb, stateHash: Buffer, row: ConnectRow, nowIso: string): void {
  control.transaction(() => {
    control.statement('DELETE FROM integration_connects WHERE expires_at <= ?').run(nowIso);
    control
      .statement(
        `INSERT INTO integration_connects (state_hash, tenant_id, user_id, session_id, provider, code_verifier, nonce, expires_at)
         VALUES (@stateHash, @tenant_id, @user_id, @session_id, @provider, @code_verifier, @nonce, @expires_at)`,
      )
      .run({ stateHash, ...row });
  });
}

/** Removes the flow and returns what it held: a state is spent by any attempt to use it. */
export function takeConnectFlowRow(control: ControlDb, stateHash: Buffer): ConnectRow | undefined {
  return control
    .statement('DELETE FROM integration_connects WHERE state_hash = ? RETURNING tenant_id, user_id, session_id, provider, code_verifier, nonce, expires_at')
    .get(stateHash) as ConnectRow | undefined;
}
