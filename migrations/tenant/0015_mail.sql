-- Mail the workspace sends (src/mail/): each message is written here before any attempt; the
-- shared outbox (an item with the same id, kind 'mail') sends it and keeps its state and attempts.
-- The body is sealed by the vault: it may hold a customer's link, which is a credential.
CREATE TABLE mail_messages (
  id            TEXT PRIMARY KEY CHECK (id GLOB 'ml_*'),
  message_id    TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('invitation', 'estimate', 'message')),
  to_address    TEXT NOT NULL,
  to_name       TEXT,
  subject       TEXT NOT NULL,
  body_sealed   BLOB NOT NULL,
  contact_id    TEXT,
  lead_id       TEXT,
  estimate_id   TEXT,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
) STRICT;
CREATE INDEX mail_messages_by_created ON mail_messages (created_at, id);
CREATE INDEX mail_messages_by_contact ON mail_messages (contact_id);
CREATE INDEX mail_messages_by_estimate ON mail_messages (estimate_id);
