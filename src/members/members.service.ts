// Members and invitations of the current tenant. Admin-only through the API; `spinney member
// invite` uses the same code. Rules that hold however a change arrives:
//  - the last active admin can be neither demoted, archived nor removed;
//  - a role change, archive, removal or identity reset ends the member's sessions at once;
//  - every change is in the tenant's audit log with before and after.
// Memberships live in control.db and sessions and audit in the tenant file: the control change
// commits first, then sessions end (both before the response), so a crash in between leaves a
// member without access rather than a removed member with access (the session check compares
// the token's role with the session's, and sign-in re-reads the membership).
import type { Role } from '../auth/permissions.js';
import { recordTenantEvent } from '../audit/audit.service.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentTenantId, tenantDb } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { invitationMail } from '../mail/mail-templates.js';
import { queueMail } from '../mail/mail.service.js';
import { sendSecurityNotice } from '../mail/security-notices.js';
import { findTenant } from '../tenants/tenants.repo.js';
import { canonicalEmail } from './email-address.js';
import {
  closeInvitation,
  countActiveAdmins,
  deleteIdentity,
  deleteMember,
  findInvitationRow,
  findMemberByEmail,
  findMemberRow,
  findPendingInvitation,
  insertInvitationRow,
  listInvitationRows,
  listMemberRows,
  updateMember,
  type InvitationRow,
  type MemberRow,
} from './members.repo.js';

/** A member as any role may see them. */
export type Person = Pick<Member, 'id' | 'email' | 'role' | 'status'>;

export interface Member {
  id: string;
  email: string;
  role: Role;
  status: 'active' | 'archived';
  /** Which provider the member's sign-in is locked to, once they have signed in. */
  identity: { provider: string; lastSignInAt: string | null } | null;
  createdAt: string;
  /** Who made the membership (an admin's user id, `operator` or `system`); null before attribution was recorded. */
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
}

export const INVITATION_DAYS_DEFAULT = 7;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const toMember = (row: MemberRow): Member => ({
  id: row.id,
  email: row.email,
  role: row.role,
  status: row.status,
  identity: row.provider ? { provider: row.provider, lastSignInAt: row.last_sign_in_at } : null,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  createdAt: row.created_at,
  createdBy: row.created_by,
  expiresAt: row.expires_at,
});

export function listMembers(runtime: Runtime): Member[] {
  return listMemberRows(runtime.control, currentTenantId()).map(toMember);
}

/** Everyone who is or was a member, for showing people by name to any role: no identity or attribution. */
export function listPeople(runtime: Runtime): Person[] {
  return listMemberRows(runtime.control, currentTenantId()).map((row) => ({ id: row.id, email: row.email, role: row.role, status: row.status }));
}

export function getMember(runtime: Runtime, id: string): Member {
  const row = findMemberRow(runtime.control, currentTenantId(), id);
  if (!row) throw notFound('member');
  return toMember(row);
}

export function listInvitations(runtime: Runtime): Invitation[] {
  return listInvitationRows(runtime.control, currentTenantId(), isoAt(runtime.clock.now())).map(toInvitation);
}

export function invite(runtime: Runtime, input: { email: string; role: Role; expiresInDays?: number }): Invitation {
  const email = canonicalEmail(input.email);
  if (email === null) throw badRequest('invalid_field', 'email must be a plain ASCII email address (an internationalised domain in its xn-- form)', 'email');
  const tenantId = currentTenantId();
  const now = runtime.clock.now();
  const row = runtime.control.transaction(() => {
    const member = findMemberByEmail(runtime.control, tenantId, email);
    if (member?.status === 'active') throw new AppError(409, 'already_member', 'this email is already a member of the workspace');
    if (findPendingInvitation(runtime.control, tenantId, email, isoAt(now))) {
      throw new AppError(409, 'already_invited', 'this email already has a pending invitation; revoke it first to change it');
    }
    const created: InvitationRow = {
      id: newId('invitation'),
      tenant_id: tenantId,
      email,
      role: input.role,
      created_at: isoAt(now),
      created_by: currentActorId(),
      expires_at: isoAt(now + (input.expiresInDays ?? INVITATION_DAYS_DEFAULT) * 86_400_000),
      accepted_at: null,
      revoked_at: null,
    };
    insertInvitationRow(runtime.control, created);
    return created;
  });
  const invitation = toInvitation(row);
  tenantDb().transaction(() => {
    recordTenantEvent('member.invited', { type: 'invitation', id: invitation.id }, { after: { role: invitation.role, expiresAt: invitation.expiresAt } });
    mailInvitation(runtime, invitation);
  });
  return invitation;
}

/**
 * Queues the invitation's mail in the current workspace: where to sign in, and with which address,
 * to accept (no secret in it: the invited address is what admits). Also for a new workspace's first admin.
 */
export function mailInvitation(runtime: Runtime, invitation: { email: string; role: string; expiresAt: string }): string {
  const workspaceName = findTenant(runtime.control, currentTenantId())?.name ?? 'a workspace';
  return queueMail(runtime, {
    kind: 'invitation',
    to: { address: invitation.email },
    ...invitationMail({ workspaceName, role: invitation.role, email: invitation.email, appUrl: `${runtime.config.publicUrl}/`, expiresAt: invitation.expiresAt }),
  });
}

export function revokeInvitation(runtime: Runtime, id: string): void {
  const tenantId = currentTenantId();
  const row = findInvitationRow(runtime.control, tenantId, id);
  if (!row || row.accepted_at || row.revoked_at) throw notFound('invitation');
  closeInvitation(runtime.control, id, 'revoked_at', isoAt(runtime.clock.now()));
  recordTenantEvent('invitation.revoked', { type: 'invitation', id }, { before: { role: row.role } });
}

/** Changes that would leave the workspace without an active admin are refused. */
function assertNotLastAdmin(runtime: Runtime, member: MemberRow, action: string): void {
  if (member.role === 'admin' && member.status === 'active' && countActiveAdmins(runtime.control, member.tenant_id) <= 1) {
    throw new AppError(409, 'last_admin', `the last admin cannot be ${action}; make another member an admin first`);
  }
}

/** Loads a member for a change, inside the control transaction (so the admin count is current). */
function memberForChange(runtime: Runtime, id: string): MemberRow {
  const row = findMemberRow(runtime.control, currentTenantId(), id);
  if (!row) throw notFound('member');
  return row;
}

export function changeRole(runtime: Runtime, id: string, role: Role): Member {
  const before = runtime.control.transaction(() => {
    const member = memberForChange(runtime, id);
    if (member.role === role) return member;
    if (role !== 'admin') assertNotLastAdmin(runtime, member, 'demoted');
    updateMember(runtime.control, member.tenant_id, id, { role }, isoAt(runtime.clock.now()), currentActorId());
    return member;
  });
  if (before.role !== role) {
    const ended = runtime.sessions.endAllFor(id, 'role_changed');
    recordTenantEvent('member.role_changed', { type: 'member', id }, { before: { role: before.role }, after: { role, sessionsEnded: ended } });
    sendSecurityNotice(runtime, before, { kind: 'role_changed', from: before.role, to: role });
  }
  return getMember(runtime, id);
}

export function archiveMember(runtime: Runtime, id: string): Member {
  const archived = runtime.control.transaction(() => {
    const member = memberForChange(runtime, id);
    if (member.status === 'archived') throw new AppError(409, 'conflict', 'this member is already archived');
    assertNotLastAdmin(runtime, member, 'archived');
    updateMember(runtime.control, member.tenant_id, id, { status: 'archived' }, isoAt(runtime.clock.now()), currentActorId());
    return member;
  });
  const ended = runtime.sessions.endAllFor(id, 'member_removed');
  recordTenantEvent('member.archived', { type: 'member', id }, { before: { status: 'active' }, after: { status: 'archived', sessionsEnded: ended } });
  sendSecurityNotice(runtime, archived, { kind: 'archived' });
  return getMember(runtime, id);
}

export function removeMember(runtime: Runtime, id: string): void {
  const removed = runtime.control.transaction(() => {
    const member = memberForChange(runtime, id);
    assertNotLastAdmin(runtime, member, 'removed');
    deleteMember(runtime.control, member.tenant_id, id);
    if (member.identity_id) deleteIdentity(runtime.control, member.tenant_id, member.identity_id);
    return member;
  });
  const ended = runtime.sessions.endAllFor(id, 'member_removed');
  recordTenantEvent('member.removed', { type: 'member', id }, { before: { role: removed.role, status: removed.status }, after: { sessionsEnded: ended } });
  sendSecurityNotice(runtime, removed, { kind: 'removed' });
}

/** Forgets the provider + subject a member is locked to; their next sign-in binds afresh. */
export function resetIdentity(runtime: Runtime, id: string): Member {
  const before = runtime.control.transaction(() => {
    const member = memberForChange(runtime, id);
    if (!member.identity_id) throw new AppError(409, 'conflict', 'this member has not signed in yet; there is no binding to reset');
    updateMember(runtime.control, member.tenant_id, id, { identityId: null }, isoAt(runtime.clock.now()), currentActorId());
    deleteIdentity(runtime.control, member.tenant_id, member.identity_id);
    return member;
  });
  const ended = runtime.sessions.endAllFor(id, 'revoked');
  recordTenantEvent('member.identity_reset', { type: 'member', id }, { before: { provider: before.provider }, after: { sessionsEnded: ended } });
  sendSecurityNotice(runtime, before, { kind: 'identity_reset' });
  return getMember(runtime, id);
}
