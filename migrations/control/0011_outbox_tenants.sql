-- The outbox's "has pending work" index: the only workspaces a worker pass opens, so a server with
-- many workspaces does not open every database every few seconds. A workspace is here while it
-- has unfinished outbox items or something that may enqueue some (a webhook subscription);
-- marked_at lets a worker that found nothing to do remove only a mark older than any transaction.
CREATE TABLE outbox_tenants (
  tenant_id  TEXT PRIMARY KEY REFERENCES tenants (id),
  marked_at  TEXT NOT NULL
) STRICT;

INSERT INTO outbox_tenants (tenant_id, marked_at)
SELECT tenant_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM webhook_sending_tenants;

DROP TABLE webhook_sending_tenants;
