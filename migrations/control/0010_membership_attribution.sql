-- Who made each membership and who last changed it: the admin's user id (or `operator`/`system`)
-- for changes through the members routes or the CLI; for a membership made by accepting an
-- invitation, the inviter made it and the member's own sign-in (binding their identity) changed
-- it. Memberships from before this migration have neither.
ALTER TABLE memberships ADD COLUMN created_by TEXT;
ALTER TABLE memberships ADD COLUMN updated_by TEXT;
