-- Customer-sensitive contact fields, stored only sealed with the workspace's sensitive-fields data
-- key (bound to this table, row and column). Readable by admins only, through their own route.
ALTER TABLE contacts ADD COLUMN tax_id_sealed BLOB;
ALTER TABLE contacts ADD COLUMN bank_details_sealed BLOB;
