-- Contacts: the first business resource. Every business record carries who made and changed it.
CREATE TABLE contacts (
  id          TEXT PRIMARY KEY CHECK (id GLOB 'ct_*'),
  name        TEXT NOT NULL,
  email       TEXT,
  phone       TEXT,
  company     TEXT,
  notes       TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
) STRICT;

-- Keyset pagination walks (created_at, id).
CREATE INDEX contacts_by_created ON contacts (created_at, id);
