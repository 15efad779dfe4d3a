-- Receiving replies (src/mailbox/): one IMAP mailbox a workspace connects, read-only. Its password
-- is a vault system secret (mailbox:<id>:password), never a column. uidvalidity/last_uid say how far
-- the INBOX was imported; the health columns say whether polling works.
CREATE TABLE mailboxes (
  id               TEXT PRIMARY KEY CHECK (id GLOB 'mx_*'),
  host             TEXT NOT NULL,
  port             INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  security         TEXT NOT NULL CHECK (security IN ('tls', 'starttls')),
  username         TEXT NOT NULL,
  -- A CA certificate (PEM) trusted for this server besides the system's (a private certificate).
  ca_pem           TEXT,
  uidvalidity      INTEGER,
  last_uid         INTEGER NOT NULL DEFAULT 0,
  last_success_at  TEXT,
  last_error       TEXT,
  last_error_at    TEXT,
  imported_count   INTEGER NOT NULL DEFAULT 0,
  connected_by     TEXT NOT NULL,
  connected_at     TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

-- Mail received in the mailbox. Untrusted: the HTML is kept only sanitised; both bodies are sealed
-- per column (like contacts' sensitive fields) and opened by a full export. contact_id/lead_id say
-- whose thread it was filed into (NULL: unfiled, an unknown sender); in_reply_to_mail_id names the
-- message Spinney sent that it answers. Attachments: their name, type and size only (JSON).
CREATE TABLE inbound_messages (
  id                   TEXT PRIMARY KEY CHECK (id GLOB 'mi_*'),
  mailbox_id           TEXT NOT NULL,
  uidvalidity          INTEGER NOT NULL,
  uid                  INTEGER NOT NULL,
  message_id           TEXT,
  in_reply_to          TEXT,
  from_address         TEXT NOT NULL,
  from_name            TEXT,
  to_addresses         TEXT NOT NULL,
  subject              TEXT NOT NULL,
  sent_at              TEXT,
  received_at          TEXT NOT NULL,
  text_sealed          BLOB NOT NULL,
  html_sealed          BLOB,
  contact_id           TEXT,
  lead_id              TEXT,
  in_reply_to_mail_id  TEXT,
  attachments          TEXT NOT NULL DEFAULT '[]',
  size                 INTEGER NOT NULL,
  UNIQUE (mailbox_id, uidvalidity, uid)
) STRICT;
-- A message seen again (a new UIDVALIDITY, the same message in another mailbox) is one message.
CREATE UNIQUE INDEX inbound_messages_by_message_id ON inbound_messages (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX inbound_messages_by_contact ON inbound_messages (contact_id, received_at);
CREATE INDEX inbound_messages_by_lead ON inbound_messages (lead_id);
CREATE INDEX inbound_messages_by_received ON inbound_messages (received_at, id);
