// The explicit step between a verified sign-in and joining a workspace through an invitation an
// admin made: the sign-in yields an acceptance token instead of a membership, and the person
// accepts or declines after seeing the workspace's name, who invited them and the role.
//
// The token is stateless: the invitation and the verified identity (provider, subject, email,
// organisation), valid 10 minutes, MACed with a key derived from the signing key. It is spent by
// the invitation itself: accepting or declining closes the invitation, so a replayed token finds
// nothing to act on. The browser keeps it in a __Host- HttpOnly cookie; a native app receives it
// in the body (exchange) or at its redirect (code flow), where it also carries the app's PKCE
// challenge and is useless without the verifier.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DerivedKeys } from '../auth/derived-keys.js';
import { findTenant, type TenantRow } from '../tenants/tenants.repo.js';
import type { Role } from '../auth/permissions.js';
import { AppError } from '../http/errors.js';
import { findInvitationRow, findMemberRow } from '../members/members.repo.js';
import type { Runtime } from '../runtime.js';
import { isoAt } from '../time/clock.js';
import type { VerifiedIdentity } from './signin.service.js';

export const ACCEPTANCE_WINDOW_SECONDS = 600;
const TOKEN = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/;

export interface Acceptance {
  invitationId: string;
  tenantId: string;
  identity: Pick<VerifiedIdentity, 'provider' | 'subject' | 'email' | 'organization'>;
  /** Where the token may be used: the browser's cookie or a native app's request body. */
  clientKind: 'browser' | 'native';
  /** Native code flow: the app's PKCE S256 challenge; the verifier must come with every use. */
  codeChallenge: string | null;
  expiresAt: number;
}

/** What the person is shown before they accept or decline. */
export interface PendingInvitation {
  id: string;
  workspace: { name: string; slug: string };
  invitedBy: { email: string | null; description: string };
  role: Role;
  expiresAt: string;
}

const keysFor = new WeakMap<Runtime, DerivedKeys>();
function keys(runtime: Runtime): DerivedKeys {
  let derived = keysFor.get(runtime);
  if (!derived) {
    derived = new DerivedKeys(runtime.config.keys.signing, 'spinney invitation acceptance v1');
    keysFor.set(runtime, derived);
  }
  return derived;
}
const mac = (key: Buffer, body: string): string => createHmac('sha256', key).update(body).digest('base64url');

export function issueAcceptance(runtime: Runtime, acceptance: Omit<Acceptance, 'expiresAt'>): string {
  const body = Buffer.from(JSON.stringify({ ...acceptance, expiresAt: runtime.clock.now() + ACCEPTANCE_WINDOW_SECONDS * 1000 })).toString('base64url');
  return `${body}.${mac(keys(runtime).current(), body)}`;
}

const refused = (): AppError => new AppError(401, 'invalid_acceptance', 'this invitation step is unknown, expired or already done; sign in again');

/** The acceptance a token names, if this server made it, it has not expired and the verifier matches. */
export function readAcceptance(runtime: Runtime, token: string | undefined, transport: Acceptance['clientKind'], codeVerifier: string | undefined): Acceptance {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) throw refused();
  const [, body, tag] = match as unknown as [string, string, string];
  const signed = keys(runtime).all().some((key) => timingSafeEqual(Buffer.from(mac(key, body)), Buffer.from(tag)));
  if (!signed) throw refused();
  const acceptance = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Acceptance;
  if (acceptance.expiresAt <= runtime.clock.now() || acceptance.clientKind !== transport) throw refused();
  if (acceptance.codeChallenge !== null) {
    const actual = codeVerifier ? createHash('sha256').update(codeVerifier).digest('base64url') : '';
    if (actual.length !== acceptance.codeChallenge.length || !timingSafeEqual(Buffer.from(actual), Buffer.from(acceptance.codeChallenge))) throw refused();
  }
  return acceptance;
}

/** The invitation as the person sees it: workspace name, inviter, role. Refused once it is no longer pending. */
export function describePending(runtime: Runtime, acceptance: Pick<Acceptance, 'tenantId' | 'invitationId' | 'expiresAt'>): PendingInvitation {
  const row = findInvitationRow(runtime.control, acceptance.tenantId, acceptance.invitationId);
  const now = runtime.clock.now();
  if (!row || row.accepted_at || row.revoked_at || Date.parse(row.expires_at) <= now || runtime.tenantStatus.get(acceptance.tenantId) !== 'active') throw refused();
  const { name, slug } = findTenant(runtime.control, acceptance.tenantId) as TenantRow;
  const tenant = { name, slug };
  const inviter = findMemberRow(runtime.control, acceptance.tenantId, row.created_by);
  return {
    id: row.id,
    workspace: tenant,
    invitedBy: inviter ? { email: inviter.email, description: `${inviter.email} (${inviter.role} of ${tenant.name})` } : { email: null, description: 'the server operator' },
    role: row.role,
    expiresAt: isoAt(Math.min(Date.parse(row.expires_at), acceptance.expiresAt)),
  };
}
