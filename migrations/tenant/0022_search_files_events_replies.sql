-- Search (0017) grows three kinds: files by name (code 6), received mail filed into a contact's
-- thread by subject and sender (code 7; unfiled mail is for admins only and stays out), and
-- calendar events by title, place and notes (code 8). Same rules: keyed by rowid × 16 + code,
-- kept by triggers in the change's own transaction, derived from the view.
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
    FROM transcript_segments s JOIN transcripts t ON t.id = s.transcript_id
  UNION ALL
  SELECT rowid * 16 + 6, 'file', id, name, NULL
    FROM files
  UNION ALL
  SELECT rowid * 16 + 7, 'mail_in', id, subject, concat_ws(' ', from_name, from_address)
    FROM inbound_messages WHERE contact_id IS NOT NULL
  UNION ALL
  SELECT rowid * 16 + 8, 'event', id, title, concat_ws(' ', location, notes)
    FROM calendar_events;

INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
  SELECT rowid, kind, record_id, title, body FROM search_documents WHERE kind IN ('file', 'mail_in', 'event');

CREATE TRIGGER search_file_insert AFTER INSERT ON files BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body) VALUES (new.rowid * 16 + 6, 'file', new.id, new.name, NULL);
END;
CREATE TRIGGER search_file_update AFTER UPDATE OF name ON files BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body) VALUES (new.rowid * 16 + 6, 'file', new.id, new.name, NULL);
END;
CREATE TRIGGER search_file_delete AFTER DELETE ON files BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 6;
END;

CREATE TRIGGER search_mail_in_insert AFTER INSERT ON inbound_messages WHEN new.contact_id IS NOT NULL BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 7, 'mail_in', new.id, new.subject, concat_ws(' ', new.from_name, new.from_address));
END;
-- Filed later (or unfiled): in the index exactly while it is in a contact's thread.
CREATE TRIGGER search_mail_in_filed AFTER UPDATE OF contact_id ON inbound_messages BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 7;
  INSERT INTO search_index (rowid, kind, record_id, title, body)
    SELECT new.rowid * 16 + 7, 'mail_in', new.id, new.subject, concat_ws(' ', new.from_name, new.from_address) WHERE new.contact_id IS NOT NULL;
END;
CREATE TRIGGER search_mail_in_delete AFTER DELETE ON inbound_messages BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 7;
END;

CREATE TRIGGER search_event_insert AFTER INSERT ON calendar_events BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body) VALUES (new.rowid * 16 + 8, 'event', new.id, new.title, concat_ws(' ', new.location, new.notes));
END;
CREATE TRIGGER search_event_update AFTER UPDATE OF title, location, notes ON calendar_events BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body) VALUES (new.rowid * 16 + 8, 'event', new.id, new.title, concat_ws(' ', new.location, new.notes));
END;
CREATE TRIGGER search_event_delete AFTER DELETE ON calendar_events BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 8;
END;
