-- Native code flow: after the provider signs a person in, the app's own redirect receives a
-- one-time code; only its SHA-256 is stored, with the app's PKCE challenge, for at most a minute.
CREATE TABLE native_handoffs (
  code_hash       BLOB PRIMARY KEY,
  tenant_id       TEXT NOT NULL REFERENCES tenants (id),
  member_id       TEXT NOT NULL,
  role            TEXT NOT NULL,
  provider        TEXT NOT NULL,
  code_challenge  TEXT NOT NULL,
  expires_at      TEXT NOT NULL
) STRICT, WITHOUT ROWID;
