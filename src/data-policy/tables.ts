// Every table of the tenant and control databases, with its data policy (data-policy.ts says what
// each field means). A migration that adds a table adds its declaration here, in the group of the
// feature that owns it; test/data-policy/coverage.part.ts names any table left out.
import { DataPolicies, type TablePolicy } from './data-policy.js';

const keep = { action: 'keep' } as const;
const expiresAt = 'expires_at <= @cutoff';

const contacts: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'contacts',
    holds: 'contacts, with their sensitive fields sealed per column',
    columns: {
      tax_id_sealed: { kind: 'sealed', purpose: 'sensitive', recordIdColumn: 'id', contextColumn: 'tax_id', exportAs: 'tax_id', why: 'an admin may read it, so the export opens it' },
      bank_details_sealed: { kind: 'sealed', purpose: 'sensitive', recordIdColumn: 'id', contextColumn: 'bank_details', exportAs: 'bank_details', why: 'as tax_id_sealed' },
    },
    restoreAs: keep,
  },
];

const leads: TablePolicy[] = [
  { plane: 'tenant', table: 'pipelines', holds: 'sales pipelines (a workspace has one or more)', restoreAs: keep },
  { plane: 'tenant', table: 'pipeline_stages', holds: "each pipeline's ordered stages (open, won, lost)", restoreAs: keep },
  { plane: 'tenant', table: 'leads', holds: 'leads: contact, owner, value, stage and place on the board, next action, notes, tags', restoreAs: keep },
  { plane: 'tenant', table: 'lead_stage_changes', holds: "each lead's stage history (who, when, from, to)", restoreAs: keep },
  { plane: 'tenant', table: 'lead_notes', holds: 'notes written on a lead (its timeline)', restoreAs: keep },
];

const imports: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'imports',
    holds: 'CSV imports of contacts and leads: the uploaded file until it has run, the counts of each run',
    columns: { csv: { kind: 'omit', why: 'the uploaded file itself; what it held is in contacts and leads, or in import_rejections' } },
    restoreAs: keep,
  },
  { plane: 'tenant', table: 'import_rejections', holds: "the rows an import did not import, each with its cells and why", restoreAs: keep },
];

const estimates: TablePolicy[] = [
  { plane: 'tenant', table: 'estimate_settings', holds: "the workspace's estimate numbering (prefix, next number), templates and link lifetime", restoreAs: keep },
  { plane: 'tenant', table: 'estimates', holds: 'estimates: number, title, lead, contact, current revision, when the customer first and last viewed it', restoreAs: keep },
  {
    plane: 'tenant',
    table: 'estimate_revisions',
    holds: "each revision's content and customer, its SHA-256 once sent, and the customer's decision (typed name, consent shown, time, IP, user agent)",
    restoreAs: keep,
  },
];

const mail: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'mail_messages',
    holds: 'mail the workspace sent: recipient, subject, what it was about, its Message-ID; its state and attempts are its outbox item\'s',
    columns: { body_sealed: { kind: 'sealed', purpose: 'sensitive', recordIdColumn: 'id', contextColumn: 'body', why: "the bodies may hold a customer's estimate link, which is a credential: never exported" } },
    restoreAs: keep,
  },
  { plane: 'tenant', table: 'mail_templates', holds: "the workspace's reusable messages (name, subject, body with {{variables}})", restoreAs: keep },
];

// Receiving replies (src/mailbox/): the connected IMAP mailbox and the mail received in it.
const mailbox: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'mailboxes',
    holds: 'the IMAP mailbox the workspace reads replies from: server, account, how far its INBOX was imported, sync health (the password is a vault system secret)',
    restoreAs: { action: 'drop', why: "a copy must not read the original's mailbox (an admin connects one if the copy needs it)", systemSecrets: 'mailbox' },
  },
  {
    plane: 'tenant',
    table: 'inbound_messages',
    holds: "mail received in the mailbox: sender, recipients, subject, whose thread it was filed into, attachments' names, types and sizes",
    columns: {
      text_sealed: { kind: 'sealed', purpose: 'sensitive', recordIdColumn: 'id', contextColumn: 'text', exportAs: 'text', why: "the workspace's received mail belongs in its export" },
      html_sealed: { kind: 'sealed', purpose: 'sensitive', recordIdColumn: 'id', contextColumn: 'html', exportAs: 'html', why: 'as text_sealed (the sanitised HTML)' },
    },
    restoreAs: keep,
  },
];

const files: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'files',
    holds: "files attached to records: the name as uploaded (cleaned), the type decided from the content, size, SHA-256 and the record; the bytes are each a blob under tenants/<id>/files/, encrypted, carried by export, backup and restore --as (docs/files.md)",
    restoreAs: keep,
  },
];

const transcripts: TablePolicy[] = [
  { plane: 'tenant', table: 'transcripts', holds: 'meeting transcripts: title, format, the canonical text (one line per segment), links to a contact, a lead and a calendar event', restoreAs: keep },
  { plane: 'tenant', table: 'transcript_segments', holds: "each transcript's numbered segments: speaker, times, words, character range in the text", restoreAs: keep },
];

const calendar: TablePolicy[] = [
  { plane: 'tenant', table: 'calendar_events', holds: 'calendar events: title, wall times and IANA zone, place, lead, contact, notes, organizer, status, iCalendar UID and SEQUENCE', restoreAs: keep },
  { plane: 'tenant', table: 'calendar_attendees', holds: "each event's attendees (a member or a contact) and the SEQUENCE each was last invited to", restoreAs: keep },
  {
    plane: 'tenant',
    table: 'calendar_feeds',
    holds: 'which members have a live calendar feed, and since when (the feed credential is a hash in control.db)',
    restoreAs: { action: 'drop', why: "the feed credentials open the original's workspace, not the copy" },
  },
];

const search: TablePolicy[] = [
  { plane: 'tenant', table: 'search_index', holds: 'the workspace search index (FTS5) over contacts, leads, estimates, sent and filed received mail, transcript segments, file names and calendar events, kept by triggers', derived: 'fts5' },
];

const audit: TablePolicy[] = [
  { plane: 'tenant', table: 'audit_events', holds: "the workspace's audit log (append-only, hash-chained)", restoreAs: keep },
  { plane: 'control', table: 'audit_events', holds: 'the platform audit log; names workspaces by id only', tenantRows: 'kept' },
];

const sessions: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'sessions',
    holds: 'sign-in sessions (refresh-token families)',
    restoreAs: { action: 'drop', why: 'the copy has no members yet' },
    retention: { job: 'sessions-purge', countAs: 'sessions', keepDays: 30, expiredWhen: '(ended_at IS NOT NULL AND ended_at < @cutoff) OR expires_at < @cutoff' },
  },
  {
    plane: 'tenant',
    table: 'refresh_tokens',
    holds: "every refresh token a session had, as a hash",
    columns: { token_hash: { kind: 'omit', why: 'token hashes identify live sessions and are of no use outside this server' } },
    restoreAs: { action: 'drop', why: 'their sessions stay behind' },
    retention: { job: 'sessions-purge', countAs: 'refreshTokens', goesWith: { table: 'sessions', via: 'session_id' } },
  },
];

const apiKeys: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'api_keys',
    holds: "workspace API keys for scripts: name, role, expiry, last use, revocation, and the key's hash",
    columns: { key_hash: { kind: 'omit', why: 'a key hash identifies a live credential and is of no use outside this server' } },
    restoreAs: { action: 'drop', why: 'a copy must not accept the original workspace\'s keys' },
  },
];

const vault: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'vault_keys',
    holds: "the workspace's data keys, wrapped by a root key",
    columns: { wrapped: { kind: 'wrapped-key', why: 'data keys never leave the server, not even wrapped by the root key' } },
    restoreAs: keep,
  },
  {
    plane: 'tenant',
    table: 'vault_secrets',
    holds: 'secrets (app data key), workspace ones and system ones (`owner:id:what`)',
    columns: {
      sealed: { kind: 'sealed', purpose: 'app', recordIdColumn: 'name', why: 'a secret value never leaves the vault; name, fingerprint and dates are exported' },
      hint: { kind: 'omit', why: 'part of a secret value: shown to admins in the app, never written into an archive' },
    },
    // System secrets of dropped tables go with them (their `systemSecrets` prefix).
    restoreAs: keep,
  },
];

const webhooks: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'webhook_endpoints',
    holds: 'inbound webhook endpoints',
    restoreAs: { action: 'drop', why: "their ids route to the original's workspace", systemSecrets: 'webhook' },
  },
  {
    plane: 'tenant',
    table: 'webhook_receipts',
    holds: 'accepted inbound deliveries: the replay store',
    restoreAs: keep,
    // The replay store: kept far longer than a signed timestamp is accepted (TOLERANCE_SECONDS in
    // src/webhooks/signatures.ts), or a captured delivery could be sent again after its receipt is gone.
    retention: { job: 'webhooks-purge', countAs: 'receipts', keepDays: 30, expiredWhen: 'received_at < @cutoff' },
  },
  {
    plane: 'tenant',
    table: 'webhook_subscriptions',
    holds: 'outbound webhook subscriptions',
    restoreAs: { action: 'drop', why: "the copy must not send the original's receivers events a second time", systemSecrets: 'webhook' },
  },
  {
    plane: 'tenant',
    table: 'webhook_deliveries',
    holds: 'which subscription and event each webhook outbox item is for; a row goes with its item',
    restoreAs: keep,
  },
  { plane: 'control', table: 'webhook_endpoints', holds: 'which workspace each inbound endpoint id belongs to', tenantRows: 'deleted-at-purge' },
];

// The shared outbox (src/outbox/): work owed to the outside world, of every kind.
const outbox: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'outbox_items',
    holds: 'the outbox: one row per message owed to a receiver (a webhook delivery, later mail and calendar pushes)',
    restoreAs: {
      action: 'cancel-pending',
      why: 'the history stays; a copy must send nothing the original still owes',
      pending: "state IN ('pending', 'sending')",
      cancel: "state = 'cancelled', lease_owner = NULL, lease_until = NULL, next_attempt_at = NULL",
    },
    // Only finished items: pending and sending ones are still owed to their receiver. Their
    // webhook_deliveries rows go with them (ON DELETE CASCADE).
    retention: { job: 'webhooks-purge', countAs: 'deliveries', keepDays: 30, expiredWhen: "state IN ('delivered', 'failed', 'cancelled') AND completed_at < @cutoff" },
  },
  {
    plane: 'tenant',
    table: 'outbox_attempts',
    holds: 'the outbox attempt log: one row per attempt',
    restoreAs: keep,
    retention: { job: 'webhooks-purge', countAs: 'deliveryAttempts', goesWith: { table: 'outbox_items', via: 'item_id' } },
  },
  { plane: 'control', table: 'outbox_tenants', holds: 'workspaces with outbox work or a standing source of it (the worker opens only these)', tenantRows: 'deleted-at-purge' },
];

const integrations: TablePolicy[] = [
  {
    plane: 'tenant',
    table: 'integrations',
    holds: 'Google and Microsoft connections (tokens are vault system secrets)',
    restoreAs: { action: 'drop', why: "their grant and refresh token are the original's; two workspaces rotating one token would break each other", systemSecrets: 'integration' },
  },
  {
    plane: 'control',
    table: 'integration_connects',
    holds: 'integration connections in progress (10 minutes at most)',
    tenantRows: 'deleted-at-purge',
    retention: { job: 'control-purge', countAs: 'integrationConnects', keepDays: 0, expiredWhen: expiresAt },
  },
];

const controlPlane: TablePolicy[] = [
  { plane: 'control', table: 'tenants', holds: 'workspaces; a purged one keeps its tombstone (TOMBSTONE_COLUMNS in src/tenants/tenant-deletion.ts)' },
  { plane: 'control', table: 'identities', holds: 'external accounts as known to one workspace', tenantRows: 'deleted-at-purge' },
  { plane: 'control', table: 'memberships', holds: 'who belongs to which workspace, with which role', tenantRows: 'deleted-at-purge' },
  {
    plane: 'control',
    table: 'invitations',
    holds: 'invitations; accepted and revoked ones are the membership history',
    tenantRows: 'deleted-at-purge',
    // Pending ones only, once expired (exactly as sign-in decides).
    retention: { job: 'control-purge', countAs: 'invitations', keepDays: 0, expiredWhen: `accepted_at IS NULL AND revoked_at IS NULL AND ${expiresAt}` },
  },
  {
    plane: 'control',
    table: 'spent_nonces',
    holds: 'ID-token nonces already exchanged, until they expire',
    retention: { job: 'control-purge', countAs: 'spentNonces', keepDays: 0, expiredWhen: expiresAt },
  },
  {
    plane: 'control',
    table: 'native_handoffs',
    holds: 'one-time codes of the native sign-in (a minute at most)',
    tenantRows: 'deleted-at-purge',
    retention: { job: 'control-purge', countAs: 'nativeHandoffs', keepDays: 0, expiredWhen: expiresAt },
  },
  {
    plane: 'control',
    table: 'credentials',
    holds: 'hashes of the credentials that bind public routes to a workspace (webhook URLs, estimate links, calendar feeds)',
    tenantRows: 'deleted-at-purge',
    // An ended credential answers 404 with or without its row; kept a month for support questions.
    retention: { job: 'control-purge', countAs: 'credentials', keepDays: 30, expiredWhen: '(revoked_at IS NOT NULL AND revoked_at < @cutoff) OR (expires_at IS NOT NULL AND expires_at < @cutoff)' },
  },
  {
    plane: 'control',
    table: 'security_events',
    holds: 'counted anonymous refusals (failed sign-ins, rate-limit rejections) per client, kind, reason and hour',
    // 90 days unless SPINNEY_SECURITY_EVENTS_RETENTION_DAYS says otherwise (the control-purge job passes it).
    retention: { job: 'control-purge', countAs: 'securityEvents', keepDays: 90, expiredWhen: 'last_at < @cutoff' },
  },
  {
    plane: 'control',
    table: 'job_runs',
    holds: 'one row per job run; a running row is the job lock',
    retention: { job: 'control-purge', countAs: 'jobRuns', keepDays: 90, expiredWhen: "status <> 'running' AND finished_at < @cutoff" },
  },
];

export const TABLE_POLICIES: readonly TablePolicy[] = [...contacts, ...audit, ...sessions, ...vault, ...webhooks, ...outbox, ...integrations, ...leads, ...imports, ...estimates, ...apiKeys, ...mail, ...mailbox, ...transcripts, ...calendar, ...files, ...search, ...controlPlane];

export const DATA_POLICIES = new DataPolicies(TABLE_POLICIES);
