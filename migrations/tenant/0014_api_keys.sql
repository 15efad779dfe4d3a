-- Workspace API keys (src/api-keys/): long-lived credentials for scripts and integrations, made by
-- an admin with a role of member or viewer (never admin). Only the SHA-256 of the key's random part
-- is stored; the key itself is shown once, at creation. A revoked key keeps its row (who revoked it
-- and when) so the list and the audit log can name it.
CREATE TABLE api_keys (
  id            TEXT PRIMARY KEY CHECK (id GLOB 'ak_*'),
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('member', 'viewer')),
  key_hash      BLOB NOT NULL UNIQUE CHECK (length(key_hash) = 32),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  expires_at    TEXT,
  last_used_at  TEXT,
  revoked_at    TEXT,
  revoked_by    TEXT
) STRICT;
