-- Contacts grow up: a postal and a site address (each all-null when absent; country is an
-- ISO 3166-1 alpha-2 code), tags (a JSON array of short one-line strings, unique regardless of
-- case, at most 20: checked by the service), and where the contact came from (one of a few
-- sources, src/contacts/contacts.schemas.ts).
ALTER TABLE contacts ADD COLUMN postal_street TEXT;
ALTER TABLE contacts ADD COLUMN postal_city TEXT;
ALTER TABLE contacts ADD COLUMN postal_region TEXT;
ALTER TABLE contacts ADD COLUMN postal_postcode TEXT;
ALTER TABLE contacts ADD COLUMN postal_country TEXT;
ALTER TABLE contacts ADD COLUMN site_street TEXT;
ALTER TABLE contacts ADD COLUMN site_city TEXT;
ALTER TABLE contacts ADD COLUMN site_region TEXT;
ALTER TABLE contacts ADD COLUMN site_postcode TEXT;
ALTER TABLE contacts ADD COLUMN site_country TEXT;
ALTER TABLE contacts ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array');
-- tag_keys: the same tags folded to lower case (JavaScript's Unicode folding; SQLite's lower()
-- folds ASCII only), what the tag filter compares.
ALTER TABLE contacts ADD COLUMN tag_keys TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tag_keys) AND json_type(tag_keys) = 'array');
ALTER TABLE contacts ADD COLUMN source TEXT;
