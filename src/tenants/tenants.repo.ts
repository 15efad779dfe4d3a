import type { ControlDb } from './control-db.js';

export type TenantStatus = 'active' | 'suspended' | 'deleted';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  created_at: string;
  updated_at: string;
  suspended_at: string | null;
  deleted_at: string | null;
  purge_after: string | null;
  purged_at: string | null;
}

export function insertTenant(control: ControlDb, row: { id: string; slug: string; name: string; now: string }): void {
  control
    .statement(
      `INSERT INTO tenants (id, slug, name, status, created_at, updated_at)
       VALUES (@id, @slug, @name, 'active', @now, @now)`,
    )
    .run(row);
}

export function findTenant(control: ControlDb, id: string): TenantRow | undefined {
  return control.statement('SELECT * FROM tenants WHERE id = ?').get(id) as TenantRow | undefined;
}

export function findTenantBySlug(control: ControlDb, slug: string): TenantRow | undefined {
  return control.statement('SELECT * FROM tenants WHERE slug = ?').get(slug) as TenantRow | undefined;
}

export function findTenantStatus(control: ControlDb, id: string): TenantStatus | undefined {
  const row = control.statement('SELECT status FROM tenants WHERE id = ?').get(id) as { status: TenantStatus } | undefined;
  return row?.status;
}

export function slugTaken(control: ControlDb, slug: string): boolean {
  return control.statement('SELECT 1 FROM tenants WHERE slug = ?').get(slug) !== undefined;
}

/** Live workspaces; with `deleted`, also those deleted but not yet purged (in their grace period). */
export function listTenantRows(control: ControlDb, { deleted = false } = {}): TenantRow[] {
  const where = deleted ? `status != 'deleted' OR purged_at IS NULL` : `status != 'deleted'`;
  return control.statement(`SELECT * FROM tenants WHERE ${where} ORDER BY created_at, id`).all() as TenantRow[];
}

export function updateTenantStatus(control: ControlDb, id: string, status: TenantStatus, now: string): void {
  control
    .statement(
      `UPDATE tenants SET status = @status, updated_at = @now,
         suspended_at = CASE WHEN @status = 'suspended' THEN @now ELSE NULL END
       WHERE id = @id`,
    )
    .run({ id, status, now });
}

/** Ids of workspaces not deleted, for commands that walk every live file (migrate). */
export function listLiveTenantIds(control: ControlDb): string[] {
  return control.statement(`SELECT id FROM tenants WHERE status != 'deleted' ORDER BY id`).pluck().all() as string[];
}

/** Ids of every workspace whose file may still exist (deleted ones in their grace period too), in creation order. */
export function listUnpurgedTenantIds(control: ControlDb): string[] {
  return control.statement('SELECT id FROM tenants WHERE purged_at IS NULL ORDER BY created_at, rowid').pluck().all() as string[];
}

/** Every active workspace where this email has an active membership or a pending invitation (sign-in only). */
export function tenantsForEmail(control: ControlDb, email: string, nowIso: string): { tenant_id: string; name: string; slug: string }[] {
  return control
    .statement(
      `SELECT t.id AS tenant_id, t.name, t.slug FROM tenants t WHERE t.status = 'active' AND t.id IN (
         SELECT tenant_id FROM memberships WHERE email = @email AND status = 'active'
         UNION SELECT tenant_id FROM invitations WHERE email = @email AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now)
       ORDER BY t.name, t.id`,
    )
    .all({ email, now: nowIso }) as { tenant_id: string; name: string; slug: string }[];
}

/** The organisations sign-in is restricted to, as stored (a JSON array), or null. */
export function findSignInOrganizations(control: ControlDb, tenantId: string): string | null | undefined {
  return control.statement('SELECT sign_in_organizations FROM tenants WHERE id = ?').pluck().get(tenantId) as string | null | undefined;
}

export function setSignInOrganizations(control: ControlDb, tenantId: string, organizations: string | null): void {
  control.statement('UPDATE tenants SET sign_in_organizations = ? WHERE id = ?').run(organizations, tenantId);
}

/** What a deletion and a purge read of a workspace: the columns its tombstone keeps. */
export interface TombstoneRow {
  id: string;
  name: string;
  status: string;
  deleted_at: string | null;
  purge_after: string | null;
  purged_at: string | null;
}

export function findTombstone(control: ControlDb, tenantId: string): TombstoneRow | undefined {
  return control.statement('SELECT id, name, status, deleted_at, purge_after, purged_at FROM tenants WHERE id = ?').get(tenantId) as TombstoneRow | undefined;
}

export function markTenantDeleted(control: ControlDb, row: { id: string; deletedAt: string; by: string; purgeAfter: string }): void {
  control
    .statement(`UPDATE tenants SET status = 'deleted', deleted_at = @deletedAt, deleted_by = @by, purge_after = @purgeAfter, updated_at = @deletedAt WHERE id = @id AND status <> 'deleted'`)
    .run(row);
}

export function tenantsDueForPurge(control: ControlDb, nowIso: string): string[] {
  return control.statement(`SELECT id FROM tenants WHERE status = 'deleted' AND purged_at IS NULL AND purge_after <= ? ORDER BY purge_after`).pluck().all(nowIso) as string[];
}

/** The columns of the tenants table with what a purge needs to know of each. */
export function tenantColumns(control: ControlDb): { name: string; notnull: number; dflt_value: string | null }[] {
  return control.db.pragma('table_info(tenants)') as { name: string; notnull: number; dflt_value: string | null }[];
}

/**
 * Inside the caller's transaction: deletes the workspace's rows from each named control table and
 * reduces its tenants row to the tombstone (`assignments` empty every other column).
 */
export function purgeTenantRows(control: ControlDb, tenantId: string, tables: string[], assignments: string[], purgedAt: string): void {
  // Rows of one table may point at another's (memberships → identities); checked at commit, when all are gone.
  control.db.pragma('defer_foreign_keys = ON');
  for (const table of tables) control.db.prepare(`DELETE FROM "${table}" WHERE tenant_id = ?`).run(tenantId);
  control.db.prepare(`UPDATE tenants SET ${assignments.join(', ')}, purged_at = ?, updated_at = ? WHERE id = ?`).run(purgedAt, purgedAt, tenantId);
}

/** Every control-plane table with a tenant_id column. */
export function controlTablesWithTenantId(control: ControlDb): string[] {
  const tables = control.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return tables.filter((table) => (control.db.pragma(`table_info("${table}")`) as { name: string }[]).some((c) => c.name === 'tenant_id'));
}
