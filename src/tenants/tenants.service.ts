// Tenant lifecycle for operators (CLI) and, later, platform admins. Same code path for both.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordPlatformEvent } from '../audit/audit.service.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import type { Runtime } from '../runtime.js';
import { isRole, type Role } from '../auth/permissions.js';
import { EMAIL, INVITATION_DAYS_DEFAULT } from '../members/members.service.js';
import { insertInvitationRow } from '../members/members.repo.js';
import { newTenantId, isTenantId } from '../tenancy/tenant-id.js';
import { isoAt } from '../time/clock.js';
import {
  findTenant,
  findTenantBySlug,
  insertTenant,
  listTenantRows,
  slugTaken,
  updateTenantStatus,
  type TenantRow,
  type TenantStatus,
} from './tenants.repo.js';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  createdAt: string;
  updatedAt: string;
  /** Only for a deleted workspace: when its grace period ends and the purge may run. */
  purgeAfter?: string | null;
}

export interface CreatedTenant extends Tenant {
  invitation: { id: string; email: string; role: Role; expiresAt: string } | null;
}

const toTenant = (row: TenantRow): Tenant => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  ...(row.status === 'deleted' ? { purgeAfter: row.purge_after } : {}),
});


export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'workspace';
}

/** `id`: a well-formed id not in use yet (backup restore --as); otherwise a new one is made. */
export function createTenant(runtime: Runtime, input: { name: string; adminEmail?: string; id?: string }): CreatedTenant {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw badRequest('invalid_field', 'name must be 1 to 200 printable characters', 'name');
  }
  if (input.adminEmail !== undefined && !EMAIL.test(input.adminEmail)) {
    throw badRequest('invalid_field', 'admin must be an email address', 'admin');
  }
  const { control, tenancy } = runtime;
  const id = input.id ?? newTenantId();
  // A chosen id must be new everywhere: no row (not even a purged workspace's tombstone) and no
  // directory, so the clean-up below can never remove another workspace's file.
  if (input.id !== undefined && (!isTenantId(id) || findTenant(control, id) || existsSync(join(runtime.config.dataDir, 'tenants', id)))) {
    throw new AppError(409, 'conflict', `${id} is not a free workspace id`);
  }

  // The file first, then its backup key, then the row: a tenant that exists in control.db always
  // has its database and key, and a failure (or crash) in between leaves at most an unreferenced
  // directory and key, which are removed.
  tenancy.createDatabase(id);
  let invitation: CreatedTenant['invitation'] = null;
  try {
    // Its backup key next, in keyring.db, so every tenant that exists can be backed up.
    runtime.keyring.createBackupKey(id);
    // IMMEDIATE: concurrent creates (two CLI runs, two workers) take turns choosing a free slug.
    control.db
      .transaction(() => {
        const now = isoAt(runtime.clock.now());
        const base = slugify(name);
        let slug = base;
        for (let n = 2; slugTaken(control, slug); n += 1) slug = `${base}-${n}`;
        insertTenant(control, { id, slug, name, now });
        // Ids only: the platform log outlives a purged workspace, so it never holds its name or people.
        recordPlatformEvent(runtime, 'tenant.created', id, { after: { id, adminInvited: input.adminEmail !== undefined } }, 'operator');
        if (input.adminEmail) {
          const invitationId = newId('invitation');
          const email = input.adminEmail.toLowerCase();
          const expiresAt = isoAt(runtime.clock.now() + INVITATION_DAYS_DEFAULT * 86_400_000);
          insertInvitationRow(control, { id: invitationId, tenant_id: id, email, role: 'admin', created_at: now, created_by: 'system', expires_at: expiresAt, accepted_at: null, revoked_at: null });
          invitation = { id: invitationId, email, role: 'admin', expiresAt };
        }
      })
      .immediate();
  } catch (err) {
    runtime.keyring.destroyBackupKey(id);
    tenancy.removeDatabase(id);
    throw err;
  }
  return { ...toTenant(findTenant(control, id) as TenantRow), invitation };
}

/** Workspaces that are not deleted; with `deleted`, also those still in their grace period. */
export function listTenants(runtime: Runtime, options: { deleted?: boolean } = {}): Tenant[] {
  return listTenantRows(runtime.control, options).map(toTenant);
}

/** A workspace that is not deleted, by its id or (as sign-in's `workspace=` accepts) its slug. */
export function getTenant(runtime: Runtime, idOrSlug: string): Tenant {
  const row = isTenantId(idOrSlug) ? findTenant(runtime.control, idOrSlug) : findTenantBySlug(runtime.control, idOrSlug);
  if (!row || row.status === 'deleted') throw notFound('tenant');
  return toTenant(row);
}

export function setTenantStatus(runtime: Runtime, id: string, status: 'active' | 'suspended'): Tenant {
  const tenant = getTenant(runtime, id);
  if (tenant.status === status) throw new AppError(409, 'conflict', `tenant is already ${status}`);
  runtime.control.transaction(() => {
    updateTenantStatus(runtime.control, id, status, isoAt(runtime.clock.now()));
    recordPlatformEvent(runtime, status === 'suspended' ? 'tenant.suspended' : 'tenant.resumed', id, { before: { status: tenant.status }, after: { status } }, 'operator');
  });
  return getTenant(runtime, id);
}

export function assertRole(value: string): Role {
  if (!isRole(value)) throw badRequest('invalid_field', 'role must be admin, member or viewer', 'role');
  return value;
}
