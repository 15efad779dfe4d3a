-- Estimates: numbered quotes with revisions. A revision is a draft until it is sent; a sent revision
-- is sealed (its canonical content and SHA-256 never change, src/estimates/sealed-revision.ts) and a
-- change makes the next revision. The customer's decision records the hash it was made on.

-- One row: the workspace's numbering and templates. next_number only grows (gapless, never reused):
-- a number is taken in the transaction that first sends an estimate.
CREATE TABLE estimate_settings (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  number_prefix       TEXT NOT NULL DEFAULT 'EST-',
  next_number         INTEGER NOT NULL DEFAULT 1 CHECK (next_number >= 1),
  default_terms       TEXT,
  default_notes       TEXT,
  validity_days       INTEGER NOT NULL DEFAULT 30 CHECK (validity_days BETWEEN 1 AND 365),
  link_days           INTEGER NOT NULL DEFAULT 30 CHECK (link_days BETWEEN 1 AND 365),
  decision_moves_lead INTEGER NOT NULL DEFAULT 1 CHECK (decision_moves_lead IN (0, 1)),
  updated_at          TEXT,
  updated_by          TEXT
) STRICT;
INSERT INTO estimate_settings (id) VALUES (1);

-- lead_id and contact_id have no foreign key: the estimate keeps naming what it was for (a sent
-- estimate is a record of what was offered), like leads keep their contact.
CREATE TABLE estimates (
  id                TEXT PRIMARY KEY CHECK (id GLOB 'es_*'),
  number            TEXT UNIQUE,
  title             TEXT NOT NULL,
  lead_id           TEXT,
  contact_id        TEXT NOT NULL,
  currency          TEXT NOT NULL,
  current_revision  INTEGER NOT NULL DEFAULT 1,
  version           INTEGER NOT NULL DEFAULT 1,
  first_viewed_at   TEXT,
  last_viewed_at    TEXT,
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL
) STRICT;
CREATE INDEX estimates_by_created ON estimates (created_at, id);
CREATE INDEX estimates_by_lead ON estimates (lead_id);
CREATE INDEX estimates_by_contact ON estimates (contact_id);

-- state: draft | sent | accepted | declined | withdrawn | superseded ('expired' is read from
-- expires_at, never stored). customer is the contact as the revision addresses it (name, company,
-- address), frozen with the content when sent.
CREATE TABLE estimate_revisions (
  id                   TEXT PRIMARY KEY CHECK (id GLOB 'er_*'),
  estimate_id          TEXT NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
  revision             INTEGER NOT NULL CHECK (revision >= 1),
  state                TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'accepted', 'declined', 'withdrawn', 'superseded')),
  content              TEXT NOT NULL,
  customer             TEXT NOT NULL,
  total_minor          INTEGER NOT NULL,
  content_sha256       TEXT,
  sent_at              TEXT,
  sent_by              TEXT,
  expires_at           TEXT,
  decided_at           TEXT,
  decision_sha256      TEXT,
  decision_name        TEXT,
  decision_consent     TEXT,
  decision_reason      TEXT,
  decision_selection   TEXT,
  decision_total_minor INTEGER,
  decision_ip          TEXT,
  decision_user_agent  TEXT,
  created_at           TEXT NOT NULL,
  created_by           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  updated_by           TEXT NOT NULL,
  UNIQUE (estimate_id, revision)
) STRICT;

-- A sealed revision's content cannot be changed through SQL either, only read.
CREATE TRIGGER estimate_revisions_sealed BEFORE UPDATE OF content, customer, content_sha256, total_minor ON estimate_revisions
WHEN OLD.content_sha256 IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a sent estimate revision is sealed');
END;
