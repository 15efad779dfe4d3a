-- Meeting transcripts (src/transcripts/): the canonical text (one line per segment) and its
-- segments, numbered 1, 2, 3 … with speaker, times and character range in that text — the stable
-- evidence later features cite as (transcript id, segment number). A transcript's text never
-- changes after upload (a new upload is a new transcript); its title and links may.
CREATE TABLE transcripts (
  id            TEXT PRIMARY KEY CHECK (id GLOB 'tr_*'),
  title         TEXT NOT NULL,
  format        TEXT NOT NULL CHECK (format IN ('vtt', 'srt', 'text')),
  text          TEXT NOT NULL,
  segment_count INTEGER NOT NULL,
  duration_ms   INTEGER,
  contact_id    TEXT,
  lead_id       TEXT,
  event_id      TEXT,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX transcripts_by_created ON transcripts (created_at, id);
CREATE INDEX transcripts_by_contact ON transcripts (contact_id);
CREATE INDEX transcripts_by_lead ON transcripts (lead_id);

CREATE TABLE transcript_segments (
  transcript_id TEXT NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
  n             INTEGER NOT NULL CHECK (n >= 1),
  speaker       TEXT,
  start_ms      INTEGER,
  end_ms        INTEGER,
  text          TEXT NOT NULL,
  char_start    INTEGER NOT NULL,
  char_end      INTEGER NOT NULL,
  PRIMARY KEY (transcript_id, n)
) STRICT;

-- Search (migrations 0017): each segment is found by its words (kind code 5), titled by its
-- transcript; the record id is `<transcript id>#<n>`, so a result opens the reader at that segment.
DROP VIEW search_documents;
CREATE VIEW search_documents (rowid, kind, record_id, title, body) AS
  SELECT rowid * 16 + 1, 'contact', id, name,
         concat_ws(' ', company, email, phone, notes, (SELECT group_concat(value, ' ') FROM json_each(contacts.tags)), postal_street, postal_city, postal_postcode, site_street, site_city, site_postcode)
    FROM contacts
  UNION ALL
  SELECT rowid * 16 + 2, 'lead', id, title, concat_ws(' ', site_address, next_action_text, notes, (SELECT group_concat(value, ' ') FROM json_each(leads.tags)), lost_reason)
    FROM leads
  UNION ALL
  SELECT e.rowid * 16 + 3, 'estimate', e.id, concat_ws(' ', e.number, e.title), (SELECT c.name FROM contacts c WHERE c.id = e.contact_id)
    FROM estimates e
  UNION ALL
  SELECT rowid * 16 + 4, 'mail', id, subject, concat_ws(' ', to_name, to_address)
    FROM mail_messages
  UNION ALL
  SELECT s.rowid * 16 + 5, 'transcript', s.transcript_id || '#' || s.n, t.title, concat_ws(': ', s.speaker, s.text)
    FROM transcript_segments s JOIN transcripts t ON t.id = s.transcript_id;

CREATE TRIGGER search_segment_insert AFTER INSERT ON transcript_segments BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 5, 'transcript', new.transcript_id || '#' || new.n, (SELECT title FROM transcripts WHERE id = new.transcript_id), concat_ws(': ', new.speaker, new.text));
END;
CREATE TRIGGER search_segment_delete AFTER DELETE ON transcript_segments BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 5;
END;
CREATE TRIGGER search_transcript_renamed AFTER UPDATE OF title ON transcripts BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    SELECT s.rowid * 16 + 5, 'transcript', s.transcript_id || '#' || s.n, new.title, concat_ws(': ', s.speaker, s.text)
      FROM transcript_segments s WHERE s.transcript_id = new.id;
END;
