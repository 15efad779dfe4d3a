-- The audit log: append-only (the triggers below refuse UPDATE and DELETE) and hash-chained (each
-- row's hash covers its content and the previous row's hash), so an edit, a deletion or a reorder
-- made behind the application's back is found by `spinney audit verify`.
CREATE TABLE audit_events (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE CHECK (id GLOB 'ae_*'),
  at           TEXT NOT NULL,
  actor_type   TEXT NOT NULL CHECK (actor_type IN ('user', 'system', 'operator')),
  actor_id     TEXT,
  actor_role   TEXT,
  action       TEXT NOT NULL,
  target_type  TEXT,
  target_id    TEXT,
  tenant_id    TEXT,
  request_id   TEXT,
  ip           TEXT,
  user_agent   TEXT,
  before       TEXT,
  after        TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
) STRICT;

CREATE INDEX audit_events_by_action ON audit_events (action, seq);
CREATE INDEX audit_events_by_target ON audit_events (target_type, target_id, seq);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
