// Turning a verified provider identity into a session in one workspace. Signing in never creates
// a workspace or a membership: the email must hold an active membership or a pending invitation
// there. The first sign-in binds the membership to provider + subject (the identity lock); every
// later sign-in must present the same pair. Every outcome is recorded: in the workspace's log when
// one is known, else counted in security_events (provider and reason per client, never the email).
import type { Role } from '../auth/permissions.js';
import { recordTenantEvent } from '../audit/audit.service.js';
import { findSignInOrganizations, tenantsForEmail } from '../tenants/tenants.repo.js';
import { AppError } from '../http/errors.js';
import { newId } from '../http/ids.js';
import {
  closeInvitation,
  findIdentityId,
  findMemberByEmail,
  findMemberRow,
  findPendingInvitation,
  insertIdentity,
  insertMember,
  touchIdentity,
  updateMember,
} from '../members/members.repo.js';
import { canonicalEmail } from '../members/email-address.js';
import type { Runtime } from '../runtime.js';
import { recordSecurityEvent } from '../security/security-events.js';
import { parseRefreshToken } from '../sessions/refresh-token.js';
import type { ClientKind, IssuedTokens, RefreshTokenReused } from '../sessions/sessions.js';
import { sendSecurityNotice } from '../mail/security-notices.js';
import type { Client } from '../tenancy/context.js';
import { isoAt } from '../time/clock.js';
import { ACCEPTANCE_WINDOW_SECONDS, describePending, issueAcceptance } from './invitation-acceptance.js';

export interface VerifiedIdentity {
  /** Our provider id: google, microsoft, oidc, apple, dev. */
  provider: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  /** The account's organisation as the provider vouches for it: Google `hd`, Entra `tid`; else null. */
  organization?: string | null;
  /** The ID token's auth_time and iat (seconds, the provider's clock), when it has them. */
  authTime?: number | null;
  issuedAt?: number | null;
}

export interface SignInRequest {
  /** A tenant id or slug the person chose; required when the email belongs to several. */
  workspace: string | null;
  clientKind: ClientKind;
  requestId: string;
  client: Client;
}

export interface SignedIn {
  tokens: IssuedTokens;
  tenant: { id: string; name: string; slug: string };
  member: { id: string; role: Role };
}

const noWorkspace = (): AppError => new AppError(403, 'no_workspace', 'there is no workspace for this account; ask an admin of your workspace to invite this email');

export function refuseSignIn(runtime: Runtime, provider: string, reason: string, error: AppError, request: Pick<SignInRequest, 'client'> & { requestId?: string }): never {
  recordSecurityEvent(runtime, 'sign_in_failed', `${provider}:${reason}`, request.client.ip);
  throw error;
}

/** The organisations a workspace restricts sign-in to, or null when it does not. */
export function allowedOrganizations(runtime: Runtime, tenantId: string): string[] | null {
  const raw = findSignInOrganizations(runtime.control, tenantId);
  return raw ? (JSON.parse(raw) as string[]) : null;
}

/** Who was admitted: a member of one workspace, bound to the identity that signed in. */
export interface Admitted {
  tenant: { id: string; name: string; slug: string };
  member: { id: string; role: Role };
  provider: string;
}

/**
 * An invitation an admin made waits for the person's explicit yes: the sign-in yields this instead
 * of a membership (see invitation-acceptance.ts). Invitations the operator made (a new
 * workspace's first admin, `spinney member invite`) are accepted by signing in.
 */
export interface InvitationPending {
  pending: { invitationId: string; tenantId: string; identity: Pick<VerifiedIdentity, 'provider' | 'subject' | 'email' | 'organization'> };
}

const OPERATOR_ACTORS: readonly string[] = ['system', 'operator'];

export function isPending(result: Admitted | InvitationPending): result is InvitationPending {
  return 'pending' in result;
}

/**
 * Admits and starts the session. An admin's invitation not yet accepted is a 409
 * invitation_pending carrying what the person must see and the token to accept or decline with.
 */
export function signIn(runtime: Runtime, identity: VerifiedIdentity, request: SignInRequest, options: { acceptInvitation?: string } = {}): SignedIn {
  const admitted = admit(runtime, identity, request, options);
  if (isPending(admitted)) throw invitationPending(runtime, admitted, request.clientKind, null);
  return { ...admitted, tokens: startSignedInSession(runtime, admitted, request) };
}

function invitationPending(runtime: Runtime, { pending }: InvitationPending, clientKind: ClientKind, codeChallenge: string | null): AppError {
  const acceptanceToken = issueAcceptance(runtime, { ...pending, clientKind, codeChallenge });
  const invitation = describePending(runtime, { ...pending, expiresAt: runtime.clock.now() + ACCEPTANCE_WINDOW_SECONDS * 1000 });
  return new AppError(409, 'invitation_pending', `you are invited to ${invitation.workspace.name}; accept or decline the invitation to continue`, undefined, { invitation, acceptanceToken });
}

/** The person said no: the invitation ends (revoked), audited in the workspace's log. */
export function declineInvitation(runtime: Runtime, pending: InvitationPending['pending'], request: Pick<SignInRequest, 'requestId' | 'client'>): void {
  const declined = runtime.control.transaction(() => {
    const row = findPendingInvitation(runtime.control, pending.tenantId, pending.identity.email, isoAt(runtime.clock.now()));
    if (row?.id !== pending.invitationId) return false;
    closeInvitation(runtime.control, row.id, 'revoked_at', isoAt(runtime.clock.now()));
    return true;
  });
  if (!declined) throw new AppError(409, 'invitation_gone', 'this invitation was revoked, has expired or was already answered');
  runtime.tenancy.run(pending.tenantId, { actor: null, requestId: request.requestId, client: request.client }, () =>
    recordTenantEvent('invitation.declined', { type: 'invitation', id: pending.invitationId }, { after: { provider: pending.identity.provider } }),
  );
}

/**
 * Decides whether this identity may enter a workspace, binding the membership on first sign-in.
 * Audits the refusal or the join/bind; starts no session (the native code flow starts it later,
 * when the app redeems its one-time code). An admin's invitation is not joined unless
 * `acceptInvitation` names it (the person said yes): until then the result is InvitationPending.
 */
export function admit(runtime: Runtime, identity: VerifiedIdentity, request: Omit<SignInRequest, 'clientKind'>, options: { acceptInvitation?: string } = {}): Admitted | InvitationPending {
  if (!identity.emailVerified) {
    refuseSignIn(runtime, identity.provider, 'email_unverified', new AppError(403, 'email_unverified', 'your provider has not verified this email address'), request);
  }
  const email = canonicalEmail(identity.email);
  if (email === null) {
    refuseSignIn(runtime, identity.provider, 'email_not_supported', new AppError(403, 'email_not_supported', 'this email address is not supported: sign in with an account whose address is plain ASCII (an internationalised domain in its xn-- form)'), request);
  }
  const now = runtime.clock.now();
  let choices = tenantsForEmail(runtime.control, email, isoAt(now));
  if (request.workspace) choices = choices.filter((t) => t.tenant_id === request.workspace || t.slug === request.workspace);
  if (choices.length === 0) {
    refuseSignIn(runtime, identity.provider, 'no_membership', noWorkspace(), request);
  }
  if (choices.length > 1) {
    const workspaces = choices.map((t) => ({ id: t.tenant_id, name: t.name, slug: t.slug }));
    throw new AppError(409, 'workspace_choice_required', 'this account belongs to several workspaces; sign in again naming one', undefined, { workspaces });
  }
  const tenant = choices[0] as (typeof choices)[number];
  const tenantId = tenant.tenant_id;
  const allowed = allowedOrganizations(runtime, tenantId);
  if (allowed && !(identity.organization && allowed.includes(identity.organization.toLowerCase()))) {
    runtime.tenancy.run(tenantId, { actor: null, requestId: request.requestId, client: request.client }, () =>
      recordTenantEvent('auth.sign_in_failed', null, { after: { provider: identity.provider, reason: 'organization_not_allowed', organization: identity.organization } }),
    );
    throw new AppError(403, 'organization_not_allowed', 'this workspace only admits accounts of its own organisation; sign in with your work account');
  }

  // One control-plane transaction decides membership and binding, so two first sign-ins racing
  // with different identities cannot both bind.
  const outcome = runtime.control.transaction(() => {
    const nowIso = isoAt(now);
    let member = findMemberByEmail(runtime.control, tenantId, email);
    const invitation = member?.status === 'active' ? undefined : findPendingInvitation(runtime.control, tenantId, email, nowIso);
    if (!member || member.status !== 'active') {
      if (!invitation) return { refused: 'no_membership' as const };
    }
    if (member?.identity_id && (member.provider !== identity.provider || member.subject !== identity.subject)) {
      return { refused: 'identity_mismatch' as const, memberId: member.id };
    }
    // The same provider account may be bound to one member of a workspace only.
    const boundElsewhere = findIdentityId(runtime.control, tenantId, identity.provider, identity.subject);
    if (boundElsewhere && boundElsewhere !== member?.identity_id) return { refused: 'identity_mismatch' as const, memberId: member?.id ?? null };
    if (invitation && !OPERATOR_ACTORS.includes(invitation.created_by) && options.acceptInvitation !== invitation.id) {
      return { refused: null, pendingInvitationId: invitation.id };
    }
    if (options.acceptInvitation && options.acceptInvitation !== invitation?.id) return { refused: 'invitation_gone' as const };

    let identityId = member?.identity_id ?? null;
    const bound = identityId === null;
    if (identityId === null) {
      identityId = newId('identity');
      insertIdentity(runtime.control, { id: identityId, tenantId, provider: identity.provider, subject: identity.subject, email, now: nowIso });
    } else {
      touchIdentity(runtime.control, identityId, nowIso);
    }
    let joined = false;
    if (!member) {
      const id = newId('membership');
      insertMember(runtime.control, { id, tenantId, email, identityId, role: (invitation as NonNullable<typeof invitation>).role, now: nowIso, createdBy: (invitation as NonNullable<typeof invitation>).created_by, updatedBy: id });
      member = { id, role: (invitation as NonNullable<typeof invitation>).role } as NonNullable<typeof member>;
      joined = true;
    } else if (member.status !== 'active' || bound) {
      const role = invitation?.role ?? member.role;
      updateMember(runtime.control, tenantId, member.id, { status: 'active', role, identityId }, nowIso, member.id);
      joined = member.status !== 'active';
      member = { ...member, role };
    }
    if (invitation) closeInvitation(runtime.control, invitation.id, 'accepted_at', nowIso);
    return { refused: null, memberId: member.id, role: member.role as Role, bound, joined, invitationId: invitation?.id ?? null };
  });

  if (outcome.refused === 'no_membership') {
    refuseSignIn(runtime, identity.provider, 'no_membership', noWorkspace(), request);
  }
  if (outcome.refused === 'invitation_gone') {
    throw new AppError(409, 'invitation_gone', 'this invitation was revoked, has expired or was already answered; ask the workspace admin for a new one');
  }
  if (outcome.pendingInvitationId !== undefined) {
    return { pending: { invitationId: outcome.pendingInvitationId, tenantId, identity: { provider: identity.provider, subject: identity.subject, email, organization: identity.organization ?? null } } };
  }
  if (outcome.refused === 'identity_mismatch') {
    runtime.tenancy.run(tenantId, { actor: null, requestId: request.requestId, client: request.client }, () =>
      recordTenantEvent('auth.sign_in_failed', outcome.memberId ? { type: 'member', id: outcome.memberId } : null, { after: { provider: identity.provider, reason: 'identity_mismatch' } }),
    );
    throw new AppError(403, 'identity_mismatch', 'this email is bound to another sign-in account in this workspace; sign in with that account or ask an admin to reset the binding');
  }

  if (outcome.joined || outcome.bound) {
    const actor = { userId: outcome.memberId, role: outcome.role, sessionId: '' };
    runtime.tenancy.run(tenantId, { actor, requestId: request.requestId, client: request.client }, () => {
      if (outcome.joined) recordTenantEvent('member.joined', { type: 'member', id: outcome.memberId }, { after: { role: outcome.role, invitationId: outcome.invitationId } });
      if (outcome.bound) recordTenantEvent('member.identity_bound', { type: 'member', id: outcome.memberId }, { after: { provider: identity.provider } });
    });
  }
  return { tenant: { id: tenantId, name: tenant.name, slug: tenant.slug }, member: { id: outcome.memberId, role: outcome.role }, provider: identity.provider };
}

/** How long after the person signed in at the provider a step-up's ID token may be issued. */
const STEP_UP_FRESH_SECONDS = 60;

/**
 * A step-up for the browser session whose refresh token the browser holds: the provider signed
 * the person in again just now (auth_time close to the token's iat; the nonce ties the token to
 * this flow) as the very account the member is bound to. Reopens the sensitive window of that
 * same session; refusals are audited in the workspace's log.
 */
export function reauthenticate(runtime: Runtime, identity: VerifiedIdentity, refreshToken: string | undefined, request: Pick<SignInRequest, 'requestId' | 'client'>): void {
  const token = parseRefreshToken(refreshToken);
  if (!token || runtime.tenantStatus.get(token.tenantId) !== 'active') throw new AppError(401, 'unauthenticated', 'there is no session in this browser to confirm; sign in');
  runtime.tenancy.run(token.tenantId, { actor: null, requestId: request.requestId, client: request.client }, () => {
    const session = runtime.sessions.sessionOfRefreshToken(token);
    if (!session) throw new AppError(401, 'unauthenticated', 'there is no session in this browser to confirm; sign in');
    const member = findMemberRow(runtime.control, token.tenantId, session.user_id);
    const refuse = (reason: string, error: AppError): never => {
      recordTenantEvent('auth.reauth_failed', { type: 'session', id: session.id }, { after: { provider: identity.provider, reason } });
      throw error;
    };
    if (member?.status !== 'active' || member.provider !== identity.provider || member.subject !== identity.subject) {
      refuse('identity_mismatch', new AppError(403, 'identity_mismatch', 'confirm with the account this session belongs to'));
    }
    const { authTime, issuedAt } = identity;
    if (authTime == null || issuedAt == null || issuedAt - authTime > STEP_UP_FRESH_SECONDS) {
      refuse('not_fresh', new AppError(401, 'reauth_not_fresh', 'the provider did not ask you to sign in again; try again'));
    }
    runtime.sessions.reauthenticate(session.id);
  });
}

/** Starts the session of an admitted member and audits the sign-in. */
export function startSignedInSession(runtime: Runtime, admitted: Admitted, request: Pick<SignInRequest, 'clientKind' | 'requestId' | 'client'>): IssuedTokens {
  const sessionId = newId('session');
  const actor = { userId: admitted.member.id, role: admitted.member.role, sessionId };
  return runtime.tenancy.run(admitted.tenant.id, { actor, requestId: request.requestId, client: request.client }, () => {
    const issued = runtime.sessions.start({
      id: sessionId,
      userId: admitted.member.id,
      role: admitted.member.role,
      provider: admitted.provider,
      clientKind: request.clientKind,
      device: request.client.userAgent,
      ip: request.client.ip,
    });
    recordTenantEvent('auth.signed_in', { type: 'session', id: sessionId }, { after: { provider: admitted.provider, clientKind: request.clientKind } });
    return issued;
  });
}

/** A replayed refresh token ended a session: its owner is told by mail (queued in the workspace's outbox). */
export function noticeReplay(runtime: Runtime, tenantId: string, ended: RefreshTokenReused['session'], context: { requestId: string; client: Client }): void {
  runtime.tenancy.run(tenantId, { actor: null, ...context }, () => {
    const owner = findMemberRow(runtime.control, tenantId, ended.userId);
    if (owner) sendSecurityNotice(runtime, owner, { kind: 'refresh_reused', device: ended.device, ip: ended.ip, startedAt: ended.createdAt, replayedFrom: context.client.ip });
  });
}
