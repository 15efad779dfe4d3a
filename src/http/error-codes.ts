// Every error code the server answers, with its HTTP status and what it tells a client. AppError
// takes only these codes, so a new one is added here (and to docs/api.md's error table) or the
// build fails; OpenAPI lists them per route (error-docs.ts).
export const ERROR_CODES = {
  // 400: the request itself is wrong; nothing changed.
  bad_request: { status: 400, meaning: 'the request is not valid HTTP (answered before routing)' },
  invalid_json: { status: 400, meaning: 'the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store' },
  invalid_request: { status: 400, meaning: 'the request as a whole is invalid (a parameter combination, a body of the wrong type)' },
  missing_field: { status: 400, meaning: 'a required field is absent; `field` names it' },
  unknown_field: { status: 400, meaning: 'the body or query names a field this route does not take; `field` names it' },
  invalid_field: { status: 400, meaning: 'a field has a value of the wrong type, format or range; `field` names it' },
  invalid_cursor: { status: 400, meaning: 'the pagination cursor is not one this server issued' },
  confirmation_mismatch: { status: 400, meaning: 'the typed confirmation (the workspace name) does not match' },
  url_not_allowed: { status: 400, meaning: 'a webhook URL points where the server refuses to send (a private address, a non-https scheme)' },
  csv_encoding: { status: 400, meaning: 'an uploaded CSV file is not UTF-8 text (UTF-16, Latin-1 …); the message names the problem' },
  csv_invalid: { status: 400, meaning: 'an uploaded CSV file cannot be read as CSV (no header row, an unclosed quote); the message names the line' },
  missing_column: { status: 400, meaning: 'an import\'s mapping maps no column to a field every row needs; `field` names it' },
  request_aborted: { status: 400, meaning: 'the client closed the connection before the answer was ready' },
  // 401: who is asking is unknown or no longer valid.
  unauthenticated: { status: 401, meaning: 'no credentials were sent' },
  invalid_token: { status: 401, meaning: 'the access token is malformed, forged, revoked, or its workspace does not exist' },
  token_expired: { status: 401, meaning: 'the access token has expired; refresh it' },
  invalid_refresh_token: { status: 401, meaning: 'the refresh token is unknown, malformed, or used by another kind of client' },
  refresh_token_reused: { status: 401, meaning: 'a refresh token was used twice; the whole session was ended for safety' },
  session_ended: { status: 401, meaning: 'the session was signed out or revoked; sign in again' },
  session_expired: { status: 401, meaning: 'the session passed its idle or absolute lifetime; sign in again' },
  reauth_required: { status: 401, meaning: 'this action needs a recent sign-in' },
  invalid_grant: { status: 401, meaning: 'a native sign-in code is unknown, used or expired, or its PKCE verifier does not match' },
  sign_in_failed: { status: 401, meaning: 'the identity provider refused or could not complete the sign-in' },
  sign_in_expired: { status: 401, meaning: 'no sign-in is in progress in this browser (it expired or the cookie was refused)' },
  state_mismatch: { status: 401, meaning: 'the provider callback does not belong to this browser session' },
  id_token_expired: { status: 401, meaning: 'the ID token presented has expired' },
  invalid_id_token: { status: 401, meaning: 'the ID token presented is not valid (signature, issuer, audience)' },
  nonce_mismatch: { status: 401, meaning: 'the ID token was not issued for the nonce this server handed out' },
  nonce_expired: { status: 401, meaning: 'the sign-in nonce has expired; request a new one' },
  nonce_reused: { status: 401, meaning: 'the sign-in nonce was already used; request a new one' },
  reauth_not_fresh: { status: 401, meaning: 'a step-up sign-in did not sign the person in again just now (the provider reused an older sign-in)' },
  invalid_acceptance: { status: 401, meaning: 'an invitation acceptance token is unknown, expired, already used, or for another invitation; sign in again' },
  webhook_signature_invalid: { status: 401, meaning: 'an inbound webhook delivery\'s signature is missing, wrong or replayed, or the endpoint is unknown; nothing was stored' },
  connect_failed: { status: 401, meaning: 'the provider refused or could not complete connecting an integration' },
  connect_browser_mismatch: { status: 401, meaning: 'an integration connection was finished in another browser than the one that started it' },
  // 403: known, but not allowed.
  forbidden: { status: 403, meaning: 'the role of this token does not hold the permission the route needs' },
  tenant_suspended: { status: 403, meaning: 'the workspace is suspended by an operator' },
  read_only_session: { status: 403, meaning: 'a support session is read-only: it can only read (GET), never change anything' },
  origin_mismatch: { status: 403, meaning: 'a browser request came from a page that is not this server' },
  email_missing: { status: 403, meaning: 'the provider did not share an email address' },
  email_unverified: { status: 403, meaning: 'the provider has not verified the email address' },
  email_not_supported: { status: 403, meaning: 'the provider\'s email is not plain ASCII (look-alike letters, invisible characters, a Unicode domain not in xn-- form)' },
  no_workspace: { status: 403, meaning: 'no workspace has a member or invitation for this account' },
  organization_not_allowed: { status: 403, meaning: 'the workspace admits only accounts of its own organisation' },
  identity_mismatch: { status: 403, meaning: 'the email is bound to another sign-in account in this workspace' },
  // 404
  not_found: { status: 404, meaning: 'no such route or record in this workspace (a malformed id is one that does not exist)' },
  // 408
  request_timeout: { status: 408, meaning: 'the request took too long to arrive (answered before routing)' },
  // 409: the request is valid but the state does not allow it.
  conflict: { status: 409, meaning: 'the record is already in the state asked for, or the name is taken' },
  workspace_choice_required: { status: 409, meaning: 'the account belongs to several workspaces; `workspaces` lists them, sign in naming one' },
  invitation_pending: { status: 409, meaning: 'the account is invited to a workspace; `invitation` says which, by whom and with what role, and the invitation must be accepted or declined explicitly' },
  invitation_gone: { status: 409, meaning: 'the invitation was revoked, has expired or was already answered' },
  already_member: { status: 409, meaning: 'the email is already an active member' },
  already_invited: { status: 409, meaning: 'the email already has a pending invitation' },
  last_admin: { status: 409, meaning: 'the change would leave the workspace without an admin' },
  integration_needs_reconnect: { status: 409, meaning: 'the provider no longer accepts the integration\'s grant; an admin must connect it again' },
  provider_not_configured: { status: 409, meaning: 'the integration provider has no client configured on this server' },
  not_deleted: { status: 409, meaning: 'only a deleted workspace can be purged' },
  already_purged: { status: 409, meaning: 'the workspace was purged already' },
  stage_in_use: { status: 409, meaning: 'the stage or pipeline still holds leads; move them to another stage first' },
  contact_in_use: { status: 409, meaning: 'leads still name the contact; give them another contact or delete them first' },
  stale_version: { status: 409, meaning: 'the record changed since the version sent was read; read it again and retry' },
  purge_running: { status: 409, meaning: 'a purge of this workspace is already under way' },
  // 413, 415, 429, 431
  payload_too_large: { status: 413, meaning: 'the body is larger than the server accepts' },
  too_many_rows: { status: 413, meaning: 'an uploaded CSV file has more rows than one import takes (100,000); split it' },
  unsupported_media_type: { status: 415, meaning: 'the body is not uncompressed UTF-8 JSON' },
  rate_limited: { status: 429, meaning: 'too many requests from this client; retry after the time given' },
  headers_too_large: { status: 431, meaning: 'the request headers are too large (answered before routing)' },
  // 5xx: the server's side; bodies never carry internals.
  internal_error: { status: 500, meaning: 'an unexpected failure; the server log has the details' },
  export_incomplete: { status: 500, meaning: 'the workspace holds data the export cannot write yet; nothing was exported' },
  provider_unavailable: { status: 502, meaning: 'an identity or integration provider could not be reached' },
  tenant_unavailable: { status: 503, meaning: 'the workspace\'s database is temporarily unavailable (e.g. a restore is under way)' },
  storage_unavailable: { status: 503, meaning: 'the server cannot store data right now (disk full or read-only); nothing was written' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(ERROR_CODES, value);
