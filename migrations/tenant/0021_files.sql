-- Files attached to records (src/files/). The bytes live encrypted under
-- tenants/<id>/files/<file id> (docs/files.md); this row is everything else: the name as uploaded,
-- cleaned for display (the only place it is kept), the type decided from the content, the
-- plaintext's size and SHA-256, and the record it is attached to (one of them, or none).
CREATE TABLE files (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'fl_*'),
  name         TEXT NOT NULL,
  type         TEXT NOT NULL,
  size         INTEGER NOT NULL CHECK (size >= 0),
  sha256       TEXT NOT NULL,
  chunk_count  INTEGER NOT NULL CHECK (chunk_count >= 1),
  contact_id   TEXT,
  lead_id      TEXT,
  estimate_id  TEXT,
  event_id     TEXT,
  mail_id      TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
) STRICT;
CREATE INDEX files_by_created ON files (created_at, id);
CREATE INDEX files_by_contact ON files (contact_id);
CREATE INDEX files_by_lead ON files (lead_id);
CREATE INDEX files_by_estimate ON files (estimate_id);
CREATE INDEX files_by_event ON files (event_id);
CREATE INDEX files_by_mail ON files (mail_id);
