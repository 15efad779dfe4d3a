-- Credentials: opaque 256-bit secrets that bind a credential-realm route (inbound webhook, estimate
-- link, calendar feed) to one workspace and one record. Only the SHA-256 of a credential is stored;
-- a request's credential is hashed and looked up by this primary key, never compared as text.
CREATE TABLE credentials (
  hash        BLOB PRIMARY KEY CHECK (typeof(hash) = 'blob' AND length(hash) = 32),
  kind        TEXT NOT NULL CHECK (kind IN ('inbound_webhook', 'estimate_link', 'calendar_feed', 'invitation_link')),
  tenant_id   TEXT NOT NULL REFERENCES tenants (id),
  target_id   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT,
  revoked_at  TEXT
) STRICT;

CREATE INDEX credentials_by_target ON credentials (tenant_id, kind, target_id);

-- Existing inbound webhook URLs keep working: their path segment (the endpoint id) becomes their
-- credential. New endpoints get a 256-bit credential instead.
INSERT INTO credentials (hash, kind, tenant_id, target_id, created_at)
SELECT sha256(id), 'inbound_webhook', tenant_id, id, created_at FROM webhook_endpoints;
