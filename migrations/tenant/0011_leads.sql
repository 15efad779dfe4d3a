-- Leads pipeline: pipelines with ordered stages (open / won / lost), leads placed in a stage at a
-- position, each stage change kept, and notes on a lead. Amounts are integer minor units.
CREATE TABLE pipelines (
  id          TEXT PRIMARY KEY CHECK (id GLOB 'pl_*'),
  name        TEXT NOT NULL,
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
) STRICT;

CREATE TABLE pipeline_stages (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'sg_*'),
  pipeline_id  TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  position     INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
) STRICT;
CREATE INDEX pipeline_stages_by_pipeline ON pipeline_stages (pipeline_id, position);

-- contact_id has no foreign key: deleting a contact is the contacts feature's rule, and a lead
-- keeps naming the contact it was for. stage_id has one: a stage in use cannot be deleted.
CREATE TABLE leads (
  id                  TEXT PRIMARY KEY CHECK (id GLOB 'ld_*'),
  title               TEXT NOT NULL,
  contact_id          TEXT NOT NULL,
  owner_id            TEXT,
  value_minor         INTEGER NOT NULL DEFAULT 0 CHECK (value_minor >= 0 AND value_minor <= 9007199254740991),
  currency            TEXT NOT NULL,
  pipeline_id         TEXT NOT NULL REFERENCES pipelines (id),
  stage_id            TEXT NOT NULL REFERENCES pipeline_stages (id),
  position            INTEGER NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1,
  expected_close_date TEXT,
  next_action_text    TEXT,
  next_action_date    TEXT,
  site_address        TEXT,
  notes               TEXT,
  tags                TEXT NOT NULL DEFAULT '[]',
  lost_reason         TEXT,
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  updated_by          TEXT NOT NULL
) STRICT;
-- The board reads a stage's leads in order; the list pages by (created_at, id).
CREATE INDEX leads_by_stage ON leads (stage_id, position);
CREATE INDEX leads_by_created ON leads (created_at, id);
CREATE INDEX leads_by_contact ON leads (contact_id);
-- The board's counts and totals per stage and currency, read from the index alone.
CREATE INDEX leads_by_pipeline ON leads (pipeline_id, stage_id, currency, value_minor);

CREATE TABLE lead_stage_changes (
  id             TEXT PRIMARY KEY CHECK (id GLOB 'lh_*'),
  lead_id        TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  from_stage_id  TEXT,
  to_stage_id    TEXT NOT NULL,
  at             TEXT NOT NULL,
  by             TEXT NOT NULL
) STRICT;
CREATE INDEX lead_stage_changes_by_lead ON lead_stage_changes (lead_id, at);

CREATE TABLE lead_notes (
  id          TEXT PRIMARY KEY CHECK (id GLOB 'ln_*'),
  lead_id     TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
) STRICT;
CREATE INDEX lead_notes_by_lead ON lead_notes (lead_id, created_at);

-- Every workspace starts with one pipeline (new ones at creation, existing ones at this
-- migration), with ids of the same shape newId() makes: prefix + 24 random base32 characters.
CREATE TEMP TABLE seed_ids AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 7)
  SELECT i,
         (SELECT group_concat(substr('abcdefghijklmnopqrstuvwxyz234567', (abs(random()) % 32) + 1, 1), '')
            FROM (WITH RECURSIVE c(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM c WHERE j < 24) SELECT j FROM c WHERE i > 0)) AS body
  FROM n;

INSERT INTO pipelines (id, name, position, created_at, created_by, updated_at, updated_by)
  SELECT 'pl_' || body, 'Sales', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'
  FROM seed_ids WHERE i = 1;

INSERT INTO pipeline_stages (id, pipeline_id, name, kind, position, created_at, created_by, updated_at, updated_by)
  SELECT 'sg_' || s.body, p.id, d.name, d.kind, d.position, p.created_at, 'system', p.created_at, 'system'
  FROM seed_ids s
  JOIN (SELECT 2 AS i, 'New' AS name, 'open' AS kind, 0 AS position
        UNION ALL SELECT 3, 'Contacted', 'open', 1
        UNION ALL SELECT 4, 'Site visit', 'open', 2
        UNION ALL SELECT 5, 'Estimate sent', 'open', 3
        UNION ALL SELECT 6, 'Won', 'won', 4
        UNION ALL SELECT 7, 'Lost', 'lost', 5) d ON d.i = s.i
  CROSS JOIN pipelines p;

DROP TABLE temp.seed_ids;
