// Credentials: opaque 256-bit secrets of a declared kind that let a caller without an account reach
// one record of one workspace (an inbound webhook URL, an estimate link, a calendar feed). The
// workspace comes only from the server-side lookup, never from anything else the client sends.
import { createHash, randomBytes } from 'node:crypto';
import type { ControlDb } from '../tenants/control-db.js';
import type { TenantStatusCache } from '../tenants/tenant-status.js';
import { currentTenantId } from '../tenancy/context.js';
import { isoAt, type Clock } from '../time/clock.js';
import type { CredentialKind } from './credential-kinds.js';
import { findCredentialByHash, insertCredential, revokeCredentialsOf } from './credentials.repo.js';

/**
 * A credential as it travels: 43 base64url characters (256 bits). Legacy inbound webhook URLs
 * (`wh_` + 24 characters, control migration 0012) are the shortest accepted.
 */
export const CREDENTIAL_PATTERN = '^[A-Za-z0-9_-]{27,43}$';

export interface CredentialBinding {
  kind: CredentialKind;
  tenantId: string;
  /** The record the credential opens (an endpoint id, an estimate id…). */
  targetId: string;
}

interface Deps {
  control: ControlDb;
  clock: Clock;
  tenantStatus: TenantStatusCache;
}

const hashOf = (credential: string): Buffer => createHash('sha256').update(credential, 'utf8').digest();

/**
 * Issues a credential for one record of the current workspace; returns the only copy of its value.
 * Call inside the workspace's transaction so a failure leaves neither the record nor the credential.
 */
export function issueCredential(deps: Deps, kind: CredentialKind, targetId: string, options: { expiresAt?: string } = {}): string {
  const credential = randomBytes(32).toString('base64url');
  insertCredential(deps.control, {
    hash: hashOf(credential),
    kind,
    tenant_id: currentTenantId(),
    target_id: targetId,
    created_at: isoAt(deps.clock.now()),
    expires_at: options.expiresAt ?? null,
    revoked_at: null,
  });
  return credential;
}

/** Revokes the current workspace's credentials for one record (e.g. the endpoint was deleted). */
export function revokeCredentials(deps: Deps, kind: CredentialKind, targetId: string): number {
  return revokeCredentialsOf(deps.control, currentTenantId(), kind, targetId, isoAt(deps.clock.now()));
}

/**
 * The binding of a presented credential, or null when it is unknown, of another kind, expired,
 * revoked or its workspace is not active. Every case costs one hash and one primary-key lookup: the
 * secret is never compared as a string, so timing says nothing about how much of it was right.
 */
export function lookupCredential(deps: Deps, kind: CredentialKind, credential: string): CredentialBinding | null {
  const row = findCredentialByHash(deps.control, hashOf(credential));
  if (!row || row.kind !== kind || row.revoked_at !== null) return null;
  if (row.expires_at !== null && row.expires_at <= isoAt(deps.clock.now())) return null;
  if (deps.tenantStatus.get(row.tenant_id) !== 'active') return null;
  return { kind: row.kind, tenantId: row.tenant_id, targetId: row.target_id };
}
