-- Placeholder on branch h/apikeys only: 0013 is the estimates migration, written on another branch.
-- The loader refuses gaps, so this empty step keeps 0014_api_keys in place until they merge; drop
-- this file at merge (0013_estimates.sql takes its number).
SELECT 1;
