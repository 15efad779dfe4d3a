// Workspace deletion, in two steps:
//
//   delete  at once: the workspace is marked deleted (every request refused within a second, no
//           sign-in admits anyone), every session ended, and a purge date set after the grace
//           period (SPINNEY_DELETION_GRACE_DAYS).
//   purge   when due (the `tenant-purge` job) or at once with --now: the workspace's directory
//           (database, WAL, files) is removed, its backup key destroyed in keyring.db — so every
//           backup of it becomes unreadable (crypto-shredding) — its data keys dropped from
//           memory, and every control-plane row that names it deleted. What remains is the
//           tombstone (id, deleted at and by, purge times) and the platform audit log, which names
//           ids only. Every SQLite file runs with secure_delete, so deleted rows are zeroed on disk,
//           and control.db's WAL is truncated so no old page copy lingers there.
import { recordPlatformEvent, recordTenantEvent } from '../audit/audit.service.js';
import { rewriteKeyringCopies } from '../backup/keyring-copies.js';
import { AppError, notFound } from '../http/errors.js';
import type { Runtime } from '../runtime.js';
import { currentTenantId, hasScope } from '../tenancy/context.js';
import { isTenantId } from '../tenancy/tenant-id.js';
import { isoAt } from '../time/clock.js';
import type { ControlDb } from './control-db.js';

const DAY_MS = 86_400_000;
// Control-plane tables that keep rows naming a purged workspace: the tombstone itself and the
// platform audit log (append-only; it names the workspace by id and never holds its content).
const KEPT_TABLES = new Set(['tenants', 'audit_events']);

export interface DeletionOutcome {
  tenantId: string;
  deletedAt: string;
  purgeAfter: string;
  purgedAt: string | null;
}

interface TombstoneRow {
  id: string;
  name: string;
  status: string;
  deleted_at: string | null;
  purge_after: string | null;
  purged_at: string | null;
}

const findRow = (control: ControlDb, tenantId: string): TombstoneRow | undefined =>
  isTenantId(tenantId) ? (control.statement('SELECT id, name, status, deleted_at, purge_after, purged_at FROM tenants WHERE id = ?').get(tenantId) as TombstoneRow | undefined) : undefined;

/**
 * Deletes a workspace: refused from now on, purged after the grace period (or now). `by` is the
 * admin's user id, or null for an operator at the CLI.
 */
export function deleteTenant(runtime: Runtime, tenantId: string, options: { by: string | null; now?: boolean }): DeletionOutcome {
  const row = findRow(runtime.control, tenantId);
  if (!row || row.status === 'deleted') throw notFound('tenant');
  const now = runtime.clock.now();
  const deletedAt = isoAt(now);
  const purgeAfter = isoAt(options.now ? now : now + runtime.config.deletionGraceDays * DAY_MS);
  const by = options.by ?? 'operator';

  // The workspace's own log records the request and the sessions it ended; the purge removes it
  // with the rest, and the platform log keeps the fact. An admin's request is already in the
  // workspace's scope (with its actor and request id); an operator's is not.
  const endSessions = (): void => {
    runtime.sessions.endEveryone('workspace_deleted');
    recordTenantEvent('workspace.deletion_requested', { type: 'tenant', id: tenantId }, { after: { by, purgeAfter } });
  };
  if (hasScope() && currentTenantId() === tenantId) endSessions();
  else runtime.tenancy.run(tenantId, { actor: null, requestId: null }, endSessions);
  runtime.control.transaction(() => {
    runtime.control
      .statement(`UPDATE tenants SET status = 'deleted', deleted_at = ?, deleted_by = ?, purge_after = ?, updated_at = ? WHERE id = ? AND status <> 'deleted'`)
      .run(deletedAt, by, purgeAfter, deletedAt, tenantId);
    recordPlatformEvent(runtime, 'tenant.deleted', tenantId, { after: { by, purgeAfter } });
  });
  runtime.tenantStatus.forget(tenantId);
  const purgedAt = options.now ? purgeTenant(runtime, tenantId) : null;
  return { tenantId, deletedAt, purgeAfter, purgedAt };
}

/** Purges a deleted workspace now; returns when. Refuses one that is not deleted or already purged. */
export function purgeTenant(runtime: Runtime, tenantId: string): string {
  const row = findRow(runtime.control, tenantId);
  if (!row || row.status !== 'deleted') throw new AppError(409, 'not_deleted', 'only a deleted workspace can be purged');
  if (row.purged_at) throw new AppError(409, 'already_purged', `workspace ${tenantId} was purged at ${row.purged_at}`);
  const purgedAt = isoAt(runtime.clock.now());

  runtime.vault.forgetTenant(tenantId);
  runtime.tenancy.removeDatabase(tenantId);
  runtime.keyring.destroyBackupKey(tenantId);
  // …and from the keyring copy on the backup target (src/backup/keyring-copies.ts; never rejects).
  void rewriteKeyringCopies(runtime);

  const { control } = runtime;
  control.transaction(() => {
    // Rows of one table may point at another's (memberships → identities); checked at commit, when all are gone.
    control.db.pragma('defer_foreign_keys = ON');
    for (const table of tablesNamingTenants(control)) control.db.prepare(`DELETE FROM "${table}" WHERE tenant_id = ?`).run(tenantId);
    control.statement('UPDATE tenants SET name = \'\', slug = id, purged_at = ?, updated_at = ? WHERE id = ?').run(purgedAt, purgedAt, tenantId);
    recordPlatformEvent(runtime, 'tenant.purged', tenantId, { after: { purgedAt } });
  });
  // Old page images of the deleted rows live in the WAL until a checkpoint copies the zeroed pages back.
  control.db.pragma('wal_checkpoint(TRUNCATE)');
  return purgedAt;
}

/** Purges every deleted workspace whose grace period is over. One failing does not stop the rest. */
export function purgeDueTenants(runtime: Runtime): { purged: string[]; failed: { tenantId: string; reason: string }[] } {
  const due = runtime.control
    .statement(`SELECT id FROM tenants WHERE status = 'deleted' AND purged_at IS NULL AND purge_after <= ? ORDER BY purge_after`)
    .pluck()
    .all(isoAt(runtime.clock.now())) as string[];
  const result = { purged: [] as string[], failed: [] as { tenantId: string; reason: string }[] };
  for (const tenantId of due) {
    try {
      purgeTenant(runtime, tenantId);
      result.purged.push(tenantId);
    } catch (err) {
      result.failed.push({ tenantId, reason: (err as Error).message });
    }
  }
  return result;
}

/** Every control-plane table with a tenant_id column, except the tombstone and the audit log: new tables are covered by themselves. */
function tablesNamingTenants(control: ControlDb): string[] {
  const tables = control.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return tables.filter((table) => !KEPT_TABLES.has(table) && (control.db.pragma(`table_info("${table}")`) as { name: string }[]).some((c) => c.name === 'tenant_id'));
}
