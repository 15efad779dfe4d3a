-- Workspace search (src/search/): one FTS5 index over the records people look for. Each row is
-- keyed by its record's rowid × 16 + a kind code (1 contact, 2 lead, 3 estimate, 4 mail sent), so a
-- trigger finds it without a scan, and carries the record's kind and id. Triggers keep it in the
-- same transaction as every change. It is derived: never exported, rebuilt by
-- `spinney search rebuild` from the view search_documents, which says what each kind indexes.
-- A migration that rebuilds one of these tables must keep rowids (INSERT … SELECT rowid, …) or
-- end with a rebuild. Sealed and sensitive columns are never indexed.
CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED,
  record_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

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
    FROM mail_messages;

INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT rowid, kind, record_id, title, body FROM search_documents;

CREATE TRIGGER search_contact_insert AFTER INSERT ON contacts BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 1, 'contact', new.id, new.name,
            concat_ws(' ', new.company, new.email, new.phone, new.notes, (SELECT group_concat(value, ' ') FROM json_each(new.tags)), new.postal_street, new.postal_city, new.postal_postcode, new.site_street, new.site_city, new.site_postcode));
END;
CREATE TRIGGER search_contact_update AFTER UPDATE ON contacts BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 1;
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 1, 'contact', new.id, new.name,
            concat_ws(' ', new.company, new.email, new.phone, new.notes, (SELECT group_concat(value, ' ') FROM json_each(new.tags)), new.postal_street, new.postal_city, new.postal_postcode, new.site_street, new.site_city, new.site_postcode));
END;
-- An estimate is found by its customer's name too: a renamed contact renames theirs.
CREATE TRIGGER search_contact_renamed AFTER UPDATE OF name ON contacts BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    SELECT e.rowid * 16 + 3, 'estimate', e.id, concat_ws(' ', e.number, e.title), new.name FROM estimates e WHERE e.contact_id = new.id;
END;
CREATE TRIGGER search_contact_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 1;
END;

CREATE TRIGGER search_lead_insert AFTER INSERT ON leads BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 2, 'lead', new.id, new.title, concat_ws(' ', new.site_address, new.next_action_text, new.notes, (SELECT group_concat(value, ' ') FROM json_each(new.tags)), new.lost_reason));
END;
CREATE TRIGGER search_lead_update AFTER UPDATE OF title, site_address, next_action_text, notes, tags, lost_reason ON leads BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 2;
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 2, 'lead', new.id, new.title, concat_ws(' ', new.site_address, new.next_action_text, new.notes, (SELECT group_concat(value, ' ') FROM json_each(new.tags)), new.lost_reason));
END;
CREATE TRIGGER search_lead_delete AFTER DELETE ON leads BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 2;
END;

CREATE TRIGGER search_estimate_insert AFTER INSERT ON estimates BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 3, 'estimate', new.id, concat_ws(' ', new.number, new.title), (SELECT name FROM contacts WHERE id = new.contact_id));
END;
CREATE TRIGGER search_estimate_update AFTER UPDATE OF number, title, contact_id ON estimates BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 3;
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 3, 'estimate', new.id, concat_ws(' ', new.number, new.title), (SELECT name FROM contacts WHERE id = new.contact_id));
END;
CREATE TRIGGER search_estimate_delete AFTER DELETE ON estimates BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 3;
END;

CREATE TRIGGER search_mail_insert AFTER INSERT ON mail_messages BEGIN
  INSERT OR REPLACE INTO search_index (rowid, kind, record_id, title, body)
    VALUES (new.rowid * 16 + 4, 'mail', new.id, new.subject, concat_ws(' ', new.to_name, new.to_address));
END;
CREATE TRIGGER search_mail_delete AFTER DELETE ON mail_messages BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 16 + 4;
END;
