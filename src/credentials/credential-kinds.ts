// The kinds of credential the server issues. A credential route accepts exactly one kind: an
// estimate link never opens a calendar feed, whatever its bytes.
export const CREDENTIAL_KINDS = ['inbound_webhook', 'estimate_link', 'calendar_feed', 'invitation_link'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export const isCredentialKind = (value: unknown): value is CredentialKind => (CREDENTIAL_KINDS as readonly unknown[]).includes(value);
