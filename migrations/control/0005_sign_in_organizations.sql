-- Optional per-workspace restriction of who may sign in: a JSON array of organisations (a Google
-- Workspace domain from the ID token's `hd`, a Microsoft Entra directory id from `tid`); NULL lets
-- any invited, verified account in.
ALTER TABLE tenants ADD COLUMN sign_in_organizations TEXT;
