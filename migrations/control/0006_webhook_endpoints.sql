-- Inbound webhook endpoints: the public route POST /api/v1/hooks/:endpointId finds its workspace
-- here and nowhere else (never from anything the sender chooses). Ids are random (120 bits) and
-- unique across workspaces; the provider fixes which signature scheme is checked.
CREATE TABLE webhook_endpoints (
  id          TEXT PRIMARY KEY CHECK (id GLOB 'wh_*'),
  tenant_id   TEXT NOT NULL REFERENCES tenants (id),
  provider    TEXT NOT NULL CHECK (provider IN ('generic', 'stripe')),
  created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (tenant_id);

-- Workspaces with at least one outbound subscription: the only ones the webhook sender opens on
-- each run, so a server with many workspaces does not open every database every few seconds.
CREATE TABLE webhook_sending_tenants (
  tenant_id  TEXT PRIMARY KEY REFERENCES tenants (id)
) STRICT;
