-- Sessions: one per sign-in, bound to one member of this workspace. A session is a refresh-token
-- family: every token it ever had is kept (as a SHA-256 hash only) so presenting a rotated one is
-- recognised as reuse and ends the whole family.
CREATE TABLE sessions (
  id                TEXT PRIMARY KEY CHECK (id GLOB 'ss_*'),
  user_id           TEXT NOT NULL,
  role              TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  provider          TEXT NOT NULL,
  client_kind       TEXT NOT NULL CHECK (client_kind IN ('browser', 'native')),
  device            TEXT,
  ip                TEXT,
  created_at        TEXT NOT NULL,
  authenticated_at  TEXT NOT NULL,
  last_seen_at      TEXT NOT NULL,
  expires_at        TEXT NOT NULL,
  ended_at          TEXT,
  end_reason        TEXT
) STRICT;

CREATE INDEX sessions_by_user ON sessions (user_id, created_at);

CREATE TABLE refresh_tokens (
  token_hash  BLOB PRIMARY KEY,
  session_id  TEXT NOT NULL REFERENCES sessions (id),
  generation  INTEGER NOT NULL,
  issued_at   TEXT NOT NULL,
  rotated_at  TEXT,
  UNIQUE (session_id, generation)
) STRICT, WITHOUT ROWID;
