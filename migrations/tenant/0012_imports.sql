-- CSV imports of contacts or leads (src/imports/): the uploaded file until it has run, the counts a
-- run has committed (progress), and each row it did not import with the reason (the rejected rows).
CREATE TABLE imports (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'im_*'),
  kind         TEXT NOT NULL CHECK (kind IN ('contacts', 'leads')),
  status       TEXT NOT NULL CHECK (status IN ('uploaded', 'running', 'done')),
  file_name    TEXT,
  header       TEXT NOT NULL CHECK (json_valid(header) AND json_type(header) = 'array'),
  -- The first rows as uploaded (a JSON array of arrays), shown while the mapping is chosen.
  sample       TEXT NOT NULL CHECK (json_valid(sample) AND json_type(sample) = 'array'),
  -- The file as UTF-8 text (a BOM removed); emptied when the run finishes.
  csv          TEXT NOT NULL,
  row_count    INTEGER NOT NULL,
  processed    INTEGER NOT NULL DEFAULT 0,
  imported     INTEGER NOT NULL DEFAULT 0,
  failed       INTEGER NOT NULL DEFAULT 0,
  skipped      INTEGER NOT NULL DEFAULT 0,
  finished_at  TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
) STRICT;
CREATE INDEX imports_by_created ON imports (created_at, id);

-- row_number counts as a spreadsheet does: the header is row 1, the first record row 2.
CREATE TABLE import_rejections (
  import_id   TEXT NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  row_number  INTEGER NOT NULL,
  field       TEXT,
  message     TEXT NOT NULL,
  cells       TEXT NOT NULL CHECK (json_valid(cells) AND json_type(cells) = 'array'),
  PRIMARY KEY (import_id, row_number)
) STRICT;
