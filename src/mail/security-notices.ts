// Security notices: a member is told by email, through the outbox (mail kind 'notice'), when someone
// else changed their access to a workspace: their role, archiving, removal, the reset of the
// sign-in account they are bound to, a session of theirs ended by an admin; and when Spinney ended
// a session of theirs because an old refresh token was replayed (a token taken from a device).
// Each says what, who and when; none carries a token, a session id or any link that admits (only
// the app's address).
import { findMemberRow } from '../members/members.repo.js';
import type { Runtime } from '../runtime.js';
import { findTenant } from '../tenants/tenants.repo.js';
import { currentActorId, currentScope, currentTenantId, currentTimestamp } from '../tenancy/context.js';
import { securityNoticeMail } from './mail-templates.js';
import { queueMail } from './mail.service.js';

export type SecurityNotice =
  | { kind: 'role_changed'; from: string; to: string }
  | { kind: 'archived' }
  | { kind: 'removed' }
  | { kind: 'identity_reset' }
  | { kind: 'session_revoked'; device: string | null; ip: string | null; startedAt: string }
  | { kind: 'refresh_reused'; device: string | null; ip: string | null; startedAt: string; replayedFrom: string | null };

/** Who made the change, as the member can recognise them: an admin's address, the server's operator, or "an admin"; Spinney itself when no one did. */
function actorOf(runtime: Runtime, notice: SecurityNotice): string {
  if (notice.kind === 'refresh_reused') return 'Spinney';
  if (currentScope().operator) return 'the server operator';
  const email = findMemberRow(runtime.control, currentTenantId(), currentActorId())?.email;
  return email ? `an admin (${email})` : 'an admin';
}

/** An ISO timestamp to the minute, as a person reads it: `2026-12-06 01:28 UTC`. */
const utcMinute = (iso: string): string => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

const SIGNED_OUT = 'Your sessions in this workspace were ended; sign in again to go on.';

function describe(notice: SecurityNotice, workspace: string): { headline: string; details: string[] } {
  switch (notice.kind) {
    case 'role_changed':
      return { headline: `Your role in ${workspace} changed to ${notice.to}`, details: [`It was ${notice.from}; it is now ${notice.to}.`, SIGNED_OUT] };
    case 'archived':
      return { headline: `Your access to ${workspace} was suspended`, details: ['Your membership was archived: you cannot sign in to this workspace until an admin restores it.', SIGNED_OUT] };
    case 'removed':
      return { headline: `You were removed from ${workspace}`, details: ['You are no longer a member of this workspace and cannot sign in to it.', SIGNED_OUT] };
    case 'identity_reset':
      return {
        headline: `The sign-in account bound to you in ${workspace} was reset`,
        details: ['The next sign-in with your email address binds your membership to the account used for it.', SIGNED_OUT],
      };
    case 'session_revoked':
      return {
        headline: `A session of yours in ${workspace} was ended`,
        details: [`The session started ${utcMinute(notice.startedAt)}${notice.device ? ` on ${notice.device}` : ''}${notice.ip ? ` from ${notice.ip}` : ''} was signed out.`],
      };
    case 'refresh_reused':
      return {
        headline: `A session of yours in ${workspace} was ended for safety`,
        details: [
          `The session started ${utcMinute(notice.startedAt)}${notice.device ? ` on ${notice.device}` : ''}${notice.ip ? ` from ${notice.ip}` : ''} presented a sign-in token that had already been used${notice.replayedFrom ? ` (this time from ${notice.replayedFrom})` : ''}. That happens when a copy of the token was taken from the device, so the session was signed out.`,
          'Sign in again on that device. If it happens again, check the device, and ask an admin to look at your sessions.',
        ],
      };
  }
}

/** Queues the notice to `member` in the current workspace (the outbox sends it); returns the message id. */
export function sendSecurityNotice(runtime: Runtime, member: { email: string }, notice: SecurityNotice): string {
  const workspaceName = findTenant(runtime.control, currentTenantId())?.name ?? 'a workspace';
  const { headline, details } = describe(notice, workspaceName);
  return queueMail(runtime, {
    kind: 'notice',
    to: { address: member.email },
    ...securityNoticeMail({ workspaceName, headline, details: [...details, `Done by ${actorOf(runtime, notice)} at ${utcMinute(currentTimestamp())}.`], appUrl: `${runtime.config.publicUrl}/` }),
  });
}
