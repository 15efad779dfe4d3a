// SQL for a workspace's vault: its wrapped data keys (vault_keys), its secrets (vault_secrets), and
// the sealed columns a copied workspace re-seals. Callers hold the tenant handle of their scope.
import type { TenantHandle } from '../tenancy/tenant-handle.js';

export type Purpose = 'app' | 'sensitive';

export interface DataKeyRow {
  purpose: Purpose;
  version: number;
  wrapped: Buffer;
  root_version: number;
  created_at: string;
}

export interface SecretRow {
  name: string;
  sealed: Buffer;
  fingerprint: string;
  hint: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

// --- vault_keys

export function newestDataKeyRow(db: TenantHandle, purpose: Purpose): Pick<DataKeyRow, 'version' | 'wrapped'> | undefined {
  return db.statement('SELECT version, wrapped FROM vault_keys WHERE purpose = ? ORDER BY version DESC LIMIT 1').get(purpose) as Pick<DataKeyRow, 'version' | 'wrapped'> | undefined;
}

export function dataKeyRow(db: TenantHandle, purpose: Purpose, version: number): Pick<DataKeyRow, 'wrapped'> | undefined {
  return db.statement('SELECT wrapped FROM vault_keys WHERE purpose = ? AND version = ?').get(purpose, version) as Pick<DataKeyRow, 'wrapped'> | undefined;
}

/** Inserts version 1 of a purpose; OR IGNORE: when two processes race, one row stays and both read it. */
export function insertFirstDataKey(db: TenantHandle, row: Omit<DataKeyRow, 'version'>): void {
  db.statement('INSERT OR IGNORE INTO vault_keys (purpose, version, wrapped, root_version, created_at) VALUES (@purpose, 1, @wrapped, @root_version, @created_at)').run(row);
}

export function dataKeysNotWrappedBy(db: TenantHandle, purpose: Purpose, rootVersion: number): Pick<DataKeyRow, 'version' | 'wrapped'>[] {
  return db.statement('SELECT version, wrapped FROM vault_keys WHERE purpose = ? AND root_version <> ?').all(purpose, rootVersion) as Pick<DataKeyRow, 'version' | 'wrapped'>[];
}

export function allDataKeyRows(db: TenantHandle): DataKeyRow[] {
  return db.statement('SELECT * FROM vault_keys ORDER BY purpose, version').all() as DataKeyRow[];
}

export function updateWrappedDataKey(db: TenantHandle, purpose: Purpose, version: number, wrapped: Buffer, rootVersion: number): void {
  db.statement('UPDATE vault_keys SET wrapped = ?, root_version = ? WHERE purpose = ? AND version = ?').run(wrapped, rootVersion, purpose, version);
}

// --- vault_secrets

export function findSecretRow(db: TenantHandle, name: string): SecretRow | undefined {
  return db.statement('SELECT * FROM vault_secrets WHERE name = ?').get(name) as SecretRow | undefined;
}

/** The workspace's own secrets; system secrets (names with a colon) are not listed. */
export function ownSecretRows(db: TenantHandle): SecretRow[] {
  return db.statement("SELECT * FROM vault_secrets WHERE instr(name, ':') = 0 ORDER BY name").all() as SecretRow[];
}

export function allSecretNames(db: TenantHandle): string[] {
  return (db.statement('SELECT name FROM vault_secrets ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/** Inserts, or replaces the value of, a secret; the creation columns stay as first written. */
export function upsertSecretRow(db: TenantHandle, row: SecretRow): void {
  db.statement(
    `INSERT INTO vault_secrets (name, sealed, fingerprint, hint, created_at, created_by, updated_at, updated_by)
     VALUES (@name, @sealed, @fingerprint, @hint, @created_at, @created_by, @updated_at, @updated_by)
     ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, fingerprint = excluded.fingerprint, hint = excluded.hint,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(row);
}

export function deleteSecretRow(db: TenantHandle, name: string): boolean {
  return db.statement('DELETE FROM vault_secrets WHERE name = ?').run(name).changes === 1;
}

// --- sealed columns of other tables (restore --as re-seals them)

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * One sealed column of another table: its non-null values with their record ids, and a way to
 * replace one. The names come from data policies, never a request, and are checked once here.
 */
export function sealedColumn(db: TenantHandle, table: string, storedColumn: string, recordIdColumn: string) {
  if (![table, storedColumn, recordIdColumn].every((name) => IDENTIFIER.test(name))) throw new RangeError(`not a column: ${table}.${storedColumn}`);
  return {
    values: () => db.statement(`SELECT ${recordIdColumn} AS record, ${storedColumn} AS sealed FROM ${table} WHERE ${storedColumn} IS NOT NULL`).all() as { record: string; sealed: Buffer }[],
    replace: (record: string, sealed: Buffer): void => {
      db.statement(`UPDATE ${table} SET ${storedColumn} = ? WHERE ${recordIdColumn} = ?`).run(sealed, record);
    },
  };
}
