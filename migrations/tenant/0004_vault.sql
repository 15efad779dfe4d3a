-- The workspace's vault. Data keys (one family per purpose) are random and stored only sealed by
-- the matching root key, tagged with that root key's version. Secrets are sealed by the newest
-- app data key; only a name, a keyed fingerprint and the last four characters are readable.
CREATE TABLE vault_keys (
  purpose       TEXT NOT NULL CHECK (purpose IN ('app', 'sensitive')),
  version       INTEGER NOT NULL CHECK (version >= 1),
  wrapped       BLOB NOT NULL,
  root_version  INTEGER NOT NULL CHECK (root_version >= 1),
  created_at    TEXT NOT NULL,
  PRIMARY KEY (purpose, version)
) STRICT;

CREATE TABLE vault_secrets (
  name         TEXT PRIMARY KEY,
  sealed       BLOB NOT NULL,
  fingerprint  TEXT NOT NULL,
  last4        TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
) STRICT;
