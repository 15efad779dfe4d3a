-- Control plane: who the tenants are and who may sign in to them. No business data lives here.
CREATE TABLE tenants (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'tn_*'),
  slug         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted')),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  suspended_at TEXT,
  deleted_at   TEXT
) STRICT;

-- An identity is one external account (provider + subject) as known to one tenant, so the same
-- person in two workspaces is two identities and nothing links the workspaces.
CREATE TABLE identities (
  id               TEXT PRIMARY KEY CHECK (id GLOB 'id_*'),
  tenant_id        TEXT NOT NULL REFERENCES tenants (id),
  provider         TEXT NOT NULL,
  subject          TEXT NOT NULL,
  email            TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  last_sign_in_at  TEXT,
  UNIQUE (tenant_id, provider, subject)
) STRICT;

-- One membership per tenant and email; identity_id is bound at the first sign-in and must match after.
CREATE TABLE memberships (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'mb_*'),
  tenant_id    TEXT NOT NULL REFERENCES tenants (id),
  email        TEXT NOT NULL COLLATE NOCASE,
  identity_id  TEXT REFERENCES identities (id),
  role         TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (tenant_id, email)
) STRICT;

CREATE TABLE invitations (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'iv_*'),
  tenant_id    TEXT NOT NULL REFERENCES tenants (id),
  email        TEXT NOT NULL COLLATE NOCASE,
  role         TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  -- only a hash of the invitation secret is stored
  token_hash   TEXT UNIQUE,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  accepted_at  TEXT,
  revoked_at   TEXT
) STRICT;

CREATE INDEX invitations_by_tenant ON invitations (tenant_id, email);
