// Memberships, identities and invitations of one tenant, in control.db. Every query names the
// tenant explicitly: these rows are not in the tenant's own file, so the tenant context cannot
// scope them; callers pass currentTenantId().
import type { ControlDb } from '../tenants/control-db.js';

export interface MemberRow {
  id: string;
  tenant_id: string;
  email: string;
  identity_id: string | null;
  role: 'admin' | 'member' | 'viewer';
  status: 'active' | 'archived';
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  provider: string | null;
  subject: string | null;
  last_sign_in_at: string | null;
}

export interface InvitationRow {
  id: string;
  tenant_id: string;
  email: string;
  role: 'admin' | 'member' | 'viewer';
  created_at: string;
  created_by: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

const MEMBER_SELECT = `SELECT m.*, i.provider, i.subject, i.last_sign_in_at
  FROM memberships m LEFT JOIN identities i ON i.id = m.identity_id`;

export function listMemberRows(control: ControlDb, tenantId: string): MemberRow[] {
  return control.statement(`${MEMBER_SELECT} WHERE m.tenant_id = ? ORDER BY m.created_at, m.id`).all(tenantId) as MemberRow[];
}

export function findMemberRow(control: ControlDb, tenantId: string, id: string): MemberRow | undefined {
  return control.statement(`${MEMBER_SELECT} WHERE m.tenant_id = ? AND m.id = ?`).get(tenantId, id) as MemberRow | undefined;
}

export function findMemberByEmail(control: ControlDb, tenantId: string, email: string): MemberRow | undefined {
  return control.statement(`${MEMBER_SELECT} WHERE m.tenant_id = ? AND m.email = ?`).get(tenantId, email) as MemberRow | undefined;
}

export function countActiveAdmins(control: ControlDb, tenantId: string): number {
  return control.statement(`SELECT count(*) FROM memberships WHERE tenant_id = ? AND role = 'admin' AND status = 'active'`).pluck().get(tenantId) as number;
}

export function insertMember(control: ControlDb, row: { id: string; tenantId: string; email: string; identityId: string | null; role: string; now: string; createdBy: string; updatedBy: string }): void {
  control
    .statement(
      `INSERT INTO memberships (id, tenant_id, email, identity_id, role, status, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @tenantId, @email, @identityId, @role, 'active', @now, @createdBy, @now, @updatedBy)`,
    )
    .run(row);
}

/** `by`: who made the change (a user id, `operator` or `system`), set by the service layer. */
export function updateMember(control: ControlDb, tenantId: string, id: string, changes: { role?: string; status?: string; identityId?: string | null }, now: string, by: string): void {
  control
    .statement(
      `UPDATE memberships SET role = coalesce(@role, role), status = coalesce(@status, status),
         identity_id = CASE WHEN @setIdentity THEN @identityId ELSE identity_id END, updated_at = @now, updated_by = @by
       WHERE tenant_id = @tenantId AND id = @id`,
    )
    .run({
      tenantId,
      id,
      role: changes.role ?? null,
      status: changes.status ?? null,
      setIdentity: 'identityId' in changes ? 1 : 0,
      identityId: changes.identityId ?? null,
      now,
      by,
    });
}

export function deleteMember(control: ControlDb, tenantId: string, id: string): void {
  control.statement('DELETE FROM memberships WHERE tenant_id = ? AND id = ?').run(tenantId, id);
}

export function insertIdentity(control: ControlDb, row: { id: string; tenantId: string; provider: string; subject: string; email: string; now: string }): void {
  control
    .statement(
      `INSERT INTO identities (id, tenant_id, provider, subject, email, created_at, last_sign_in_at)
       VALUES (@id, @tenantId, @provider, @subject, @email, @now, @now)`,
    )
    .run(row);
}

export function findIdentityId(control: ControlDb, tenantId: string, provider: string, subject: string): string | undefined {
  return control.statement('SELECT id FROM identities WHERE tenant_id = ? AND provider = ? AND subject = ?').pluck().get(tenantId, provider, subject) as string | undefined;
}

export function touchIdentity(control: ControlDb, id: string, now: string): void {
  control.statement('UPDATE identities SET last_sign_in_at = ? WHERE id = ?').run(now, id);
}

export function deleteIdentity(control: ControlDb, tenantId: string, id: string): void {
  control.statement('DELETE FROM identities WHERE tenant_id = ? AND id = ?').run(tenantId, id);
}

export function listInvitationRows(control: ControlDb, tenantId: string, nowIso: string): InvitationRow[] {
  return control
    .statement(
      `SELECT * FROM invitations WHERE tenant_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
       ORDER BY created_at, id`,
    )
    .all(tenantId, nowIso) as InvitationRow[];
}

export function findInvitationRow(control: ControlDb, tenantId: string, id: string): InvitationRow | undefined {
  return control.statement('SELECT * FROM invitations WHERE tenant_id = ? AND id = ?').get(tenantId, id) as InvitationRow | undefined;
}

export function findPendingInvitation(control: ControlDb, tenantId: string, email: string, nowIso: string): InvitationRow | undefined {
  return control
    .statement(
      `SELECT * FROM invitations WHERE tenant_id = ? AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
       ORDER BY created_at DESC LIMIT 1`,
    )
    .get(tenantId, email, nowIso) as InvitationRow | undefined;
}

export function insertInvitationRow(control: ControlDb, row: InvitationRow): void {
  control
    .statement(
      `INSERT INTO invitations (id, tenant_id, email, role, created_at, created_by, expires_at)
       VALUES (@id, @tenant_id, @email, @role, @created_at, @created_by, @expires_at)`,
    )
    .run(row);
}

export function closeInvitation(control: ControlDb, id: string, field: 'accepted_at' | 'revoked_at', now: string): void {
  control.statement(`UPDATE invitations SET ${field} = ? WHERE id = ?`).run(now, id);
}
