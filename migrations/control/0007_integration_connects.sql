-- Integration connections in progress. The provider sends the admin's browser back to one public
-- callback without our access token, so the callback learns the workspace, the admin and the PKCE
-- verifier from this row, found by the SHA-256 of the random `state` (the state itself is never
-- stored). A row lives at most 10 minutes and is deleted when the callback reads it: spent once.
CREATE TABLE integration_connects (
  state_hash     BLOB PRIMARY KEY,
  tenant_id      TEXT NOT NULL REFERENCES tenants (id),
  user_id        TEXT NOT NULL,
  session_id     TEXT NOT NULL,
  provider       TEXT NOT NULL,
  code_verifier  TEXT NOT NULL,
  nonce          TEXT NOT NULL,
  expires_at     TEXT NOT NULL
) STRICT, WITHOUT ROWID;
