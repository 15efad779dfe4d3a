-- Mail grows two kinds and a link: 'calendar' (an invite or cancellation from src/calendar/, linked
-- by event_id) and 'notice' (security notices). SQLite cannot change a CHECK in place, so the
-- table is rebuilt with its rows. Templates are the workspace's own reusable messages, with
-- {{variables}} filled in (as text, escaped in HTML) when a member composes to a contact.
CREATE TABLE mail_messages_next (
  id            TEXT PRIMARY KEY CHECK (id GLOB 'ml_*'),
  message_id    TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('invitation', 'estimate', 'message', 'calendar', 'notice')),
  to_address    TEXT NOT NULL,
  to_name       TEXT,
  subject       TEXT NOT NULL,
  body_sealed   BLOB NOT NULL,
  contact_id    TEXT,
  lead_id       TEXT,
  estimate_id   TEXT,
  event_id      TEXT,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
) STRICT;
INSERT INTO mail_messages_next (id, message_id, kind, to_address, to_name, subject, body_sealed, contact_id, lead_id, estimate_id, created_at, created_by)
  SELECT id, message_id, kind, to_address, to_name, subject, body_sealed, contact_id, lead_id, estimate_id, created_at, created_by FROM mail_messages;
DROP TABLE mail_messages;
ALTER TABLE mail_messages_next RENAME TO mail_messages;
CREATE INDEX mail_messages_by_created ON mail_messages (created_at, id);
CREATE INDEX mail_messages_by_contact ON mail_messages (contact_id);
CREATE INDEX mail_messages_by_estimate ON mail_messages (estimate_id);
CREATE INDEX mail_messages_by_event ON mail_messages (event_id);

CREATE TABLE mail_templates (
  id          TEXT PRIMARY KEY CHECK (id GLOB 'mt_*'),
  name        TEXT NOT NULL UNIQUE,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
