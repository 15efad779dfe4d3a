// SQL that carries out a table's data policy on the current tenant's database (restore --as).
// Table names come from the declarations, never from input; they are quoted all the same.
import type { TenantHandle } from '../tenancy/tenant-handle.js';

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Deletes every row of a table; how many there were. */
export function deleteAllRows(db: TenantHandle, table: string): number {
  return db.statement(`DELETE FROM ${quoted(table)}`).run().changes;
}

/** Applies `cancel` (SQL assignments) to the rows matching `pending`; how many. */
export function cancelPendingRows(db: TenantHandle, table: string, pending: string, cancel: string): number {
  return db.statement(`UPDATE ${quoted(table)} SET ${cancel} WHERE ${pending}`).run().changes;
}

/** Names of the vault system secrets of one owner (`<owner>:<id>:<what>`). */
export function systemSecretNames(db: TenantHandle, owner: string): string[] {
  return db.statement('SELECT name FROM vault_secrets WHERE name LIKE ?').pluck().all(`${owner}:%`) as string[];
}

/** Rebuilds an FTS5 index from its content. */
export function rebuildFts5(db: TenantHandle, table: string): void {
  db.statement(`INSERT INTO ${quoted(table)} (${quoted(table)}) VALUES ('rebuild')`).run();
}

/** Foreign keys are checked at commit, so a transaction may delete parents before children. */
export function deferForeignKeys(db: TenantHandle): void {
  db.statement('PRAGMA defer_foreign_keys = ON').run();
}
