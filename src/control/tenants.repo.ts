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

export function findTenantStatus(control: ControlDb, id: string): TenantStatus | undefined {
  const row = control.statement('SELECT status FROM tenants WHERE id = ?').get(id) as { status: TenantStatus } | undefined;
  return row?.status;
}

export function slugTaken(control: ControlDb, slug: string): boolean {
  return control.statement('SELECT 1 FROM tenants WHERE slug = ?').get(slug) !== undefined;
}

export function listTenantRows(control: ControlDb): TenantRow[] {
  return control.statement(`SELECT * FROM tenants WHERE status != 'deleted' ORDER BY created_at, id`).all() as TenantRow[];
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
