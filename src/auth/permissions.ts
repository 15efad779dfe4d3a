// The one permission table. A route declares the permission it needs (`config.permission`); a role
// holds a permission only if this table says so. Viewers hold read permissions only, and the
// route registry refuses a non-GET route whose permission a viewer holds.
export const ROLES = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'contacts:read': ['admin', 'member', 'viewer'],
  'contacts:write': ['admin', 'member'],
  // Tax ids and bank details: admins only.
  'contacts:sensitive': ['admin'],
  // Leads: everyone reads, members work them; pipelines and their stages are set up by admins.
  'leads:read': ['admin', 'member', 'viewer'],
  'leads:write': ['admin', 'member'],
  'pipelines:write': ['admin'],
  // CSV imports of contacts and leads (upload, preview, run, rejected rows): those who may write them.
  'imports:write': ['admin', 'member'],
  // Estimates: everyone reads, members write and send them; numbering and templates are settings (admins).
  'estimates:read': ['admin', 'member', 'viewer'],
  'estimates:write': ['admin', 'member'],
  // The mail the workspace sends (to whom, subject, state): everyone reads it, like the records it is about.
  'mail:read': ['admin', 'member', 'viewer'],
  // The calendar: everyone reads it, members make events and send invites.
  'calendar:read': ['admin', 'member', 'viewer'],
  'calendar:write': ['admin', 'member'],
  // A person's own calendar feed URL (issue, revoke): every role, like their own session.
  'calendar:feed': ['admin', 'member', 'viewer'],
  // Writing to a contact and sending mail again: those who work the records it is about.
  'mail:send': ['admin', 'member'],
  // The connected mailbox (its server, account and password, its sync health): admins only. Mail
  // received in it is read with mail:read.
  'mailbox:read': ['admin'],
  'mailbox:write': ['admin'],
  // The workspace's message templates: those who write mail (an office manager keeps them).
  'mail:templates': ['admin', 'member'],
  // Meeting transcripts: everyone reads them, like the records they belong to; members upload and delete them.
  'transcripts:read': ['admin', 'member', 'viewer'],
  'transcripts:write': ['admin', 'member'],
  // Workspace search: every role; each result kind is shown only to roles that read that record (src/search/).
  'search:read': ['admin', 'member', 'viewer'],
  // Files attached to records: everyone reads and downloads them, members upload and delete them.
  'files:read': ['admin', 'member', 'viewer'],
  'files:write': ['admin', 'member'],
  'audit:read': ['admin'],
  'members:read': ['admin'],
  // Who is in the workspace, by name (an owner picker, "created by"): every role; no sign-in details.
  'people:read': ['admin', 'member', 'viewer'],
  'members:write': ['admin'],
  'settings:read': ['admin'],
  'settings:write': ['admin'],
  'vault:read': ['admin'],
  'vault:write': ['admin'],
  // The whole workspace in one archive, sensitive fields decrypted: admins only.
  'workspace:export': ['admin'],
  // Deleting the workspace (purged with its keys after the grace period): admins only.
  'workspace:delete': ['admin'],
  // Connections to Google Workspace / Microsoft 365 (their tokens act for the workspace): admins only.
  'integrations:read': ['admin'],
  'integrations:write': ['admin'],
  // Inbound webhook endpoints and outbound subscriptions, with their delivery logs: admins only.
  'webhooks:read': ['admin'],
  'webhooks:write': ['admin'],
  // Workspace API keys for scripts (create, list, revoke): admins only; a key itself never holds these.
  'api_keys:read': ['admin'],
  'api_keys:write': ['admin'],
  // A person's own session (sign out, list, revoke): every role, viewers included.
  'session:self': ['admin', 'member', 'viewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * The only permissions viewers hold for writes: they act on the person's own session, never on
 * workspace data, so "viewers read only" still holds for everything the workspace owns.
 */
export const SELF_SERVICE_PERMISSIONS: ReadonlySet<Permission> = new Set(['session:self', 'calendar:feed']);

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const isPermission = (value: unknown): value is Permission =>
  typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
