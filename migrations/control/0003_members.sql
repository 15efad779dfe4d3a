-- Members can be archived (kept with their identity lock, restored when invited again) as well as
-- removed (the row and the identity go). SQLite cannot change a CHECK, so the table is rebuilt.
CREATE TABLE memberships_new (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'mb_*'),
  tenant_id    TEXT NOT NULL REFERENCES tenants (id),
  email        TEXT NOT NULL COLLATE NOCASE,
  identity_id  TEXT REFERENCES identities (id),
  role         TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (tenant_id, email)
) STRICT;
INSERT INTO memberships_new SELECT id, tenant_id, email, identity_id, role, 'active', created_at, updated_at FROM memberships WHERE status = 'active';
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_by_email ON memberships (email);

-- ID-token exchange nonces already spent (by SHA-256), kept until they would have expired anyway,
-- so a captured device token cannot be exchanged twice.
CREATE TABLE spent_nonces (
  nonce_hash  BLOB PRIMARY KEY,
  expires_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
