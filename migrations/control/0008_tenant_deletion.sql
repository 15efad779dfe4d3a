-- Workspace deletion: marked at once (status 'deleted', every request refused), purged after a
-- grace period. After the purge the row is the tombstone: id, when and by whom it was deleted,
-- when it was purged; name and slug are blanked with everything else the workspace owned.
ALTER TABLE tenants ADD COLUMN deleted_by TEXT;
ALTER TABLE tenants ADD COLUMN purge_after TEXT;
ALTER TABLE tenants ADD COLUMN purged_at TEXT;
