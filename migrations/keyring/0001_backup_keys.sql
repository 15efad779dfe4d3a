-- keyring.db: each workspace's backup key, sealed by the app-secrets root key. It lives in its
-- own file so that no tenant or control-plane backup contains it: destroying a workspace's row
-- here (and in every stored keyring copy) makes all of that workspace's backups unreadable.
CREATE TABLE backup_keys (
  tenant_id     TEXT PRIMARY KEY CHECK (tenant_id GLOB 'tn_*'),
  wrapped       BLOB NOT NULL,
  root_version  INTEGER NOT NULL CHECK (root_version >= 1),
  created_at    TEXT NOT NULL
) STRICT;
