// API error codes (docs/api.md) as sentences a person can act on. A code missing here shows the
// server's own message, which is written for people too.
import type { ErrorCode } from '../../../src/http/error-codes.js';
import type { ApiError } from './http.js';

// Typed by the server's catalog: a code that does not exist there is a type error.
const SENTENCES: Partial<Record<ErrorCode, string>> = {
  forbidden: 'Your role in this workspace does not allow that. An admin can change your role.',
  not_found: 'That is no longer here: it may have been deleted.',
  rate_limited: 'Too many attempts from this network. Wait a minute and try again.',
  reauth_required: 'For this, Spinney needs you to confirm it is you.',
  read_only_session: 'This is a read-only support session: nothing can be changed.',
  last_admin: 'A workspace needs at least one admin: make someone else an admin first.',
  tenant_suspended: 'This workspace is suspended. Contact your Spinney operator.',
  sign_in_expired: 'The sign-in took too long or was started in another browser. Please start again.',
  state_mismatch: 'That sign-in answer did not belong to this browser. Please start again.',
  no_workspace: 'This account is not a member of any Spinney workspace. Ask an admin to invite this email address.',
  identity_mismatch: 'This email address is already linked to a different account of that provider.',
  email_not_supported: 'This email address uses characters Spinney cannot compare safely. Use a plain address.',
  email_unverified: 'The provider has not verified this email address.',
  invitation_gone: 'This invitation has ended: it was accepted, declined, revoked or it expired.',
  organization_not_allowed: 'This workspace only admits accounts from its allowed organisations.',
  session_expired: 'Your session has ended. Please sign in again.',
  internal_error: 'Something went wrong on the server. Please try again.',
  session_ended: 'This session was signed out or revoked. Please sign in again.',
  refresh_token_reused: 'For safety this session was ended. Please sign in again.',
  tenant_unavailable: 'This workspace is briefly unavailable. Try again in a minute.',
  estimate_sealed: 'This revision was sent and is sealed: start a new revision to change the estimate.',
  estimate_decided: 'The customer has already decided on this estimate: it cannot change or be decided again.',
  estimate_closed: 'This revision is not open: it is a draft, or it expired, was withdrawn or was replaced by a newer one.',
  event_cancelled: 'This event was cancelled: it cannot be changed or sent again.',
  confirmation_mismatch: 'The name you typed does not match the workspace name.',
};

const FALLBACK = 'Something went wrong. Please try again.';

export const sentenceFor = (code: string): string | undefined => SENTENCES[code as ErrorCode];

/** What to tell the person about a failed request. Field errors keep the server's message, which names the field. */
export function sentence(error: unknown): string {
  const apiError = error as Partial<ApiError>;
  if (apiError.code) return sentenceFor(apiError.code) ?? apiError.message ?? FALLBACK;
  if (error instanceof TypeError) return 'Spinney cannot be reached. Check the connection and try again.';
  return (error as Error)?.message || FALLBACK;
}
