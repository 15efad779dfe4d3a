-- Connections of the workspace to Google Workspace or Microsoft 365 (calendar, mail). Only what
-- an admin may see lives here: the tokens themselves are vault system secrets
-- (integration:<id>:refresh_token, integration:<id>:access_token), never columns of this table.
-- One row per provider account: connecting the same account again renews the row in place, so
-- features that name an integration keep working after a reconnect.
CREATE TABLE integrations (
  id                 TEXT PRIMARY KEY,
  provider           TEXT NOT NULL CHECK (provider IN ('google', 'microsoft')),
  -- The account's `sub` at the provider: which account this is, never a Spinney identity.
  account_subject    TEXT NOT NULL,
  account_email      TEXT NOT NULL,
  -- Space-separated, as the provider granted them in its token response.
  scopes             TEXT NOT NULL,
  -- needs_reconnect: the provider refused the refresh token (invalid_grant); an admin must connect again.
  status             TEXT NOT NULL CHECK (status IN ('active', 'needs_reconnect')),
  connected_by       TEXT NOT NULL,
  connected_at       TEXT NOT NULL,
  access_expires_at  TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (provider, account_subject)
) STRICT;
