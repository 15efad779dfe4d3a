-- Signed webhooks (docs/api.md "Webhooks"). No secret lives in these tables: each endpoint's and
-- each subscription's signing secret is a vault system secret (`webhook:<id>:secret`), so the
-- tables can be exported as they are.

-- Inbound endpoints. control.db maps each id to this workspace (the public route's only way to a
-- workspace); this row is what the workspace itself knows about the endpoint.
CREATE TABLE webhook_endpoints (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'wh_*'),
  provider     TEXT NOT NULL CHECK (provider IN ('generic', 'stripe')),
  description  TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
) STRICT;

-- Accepted inbound deliveries. The unique (endpoint, delivery id) pair is the replay store: a
-- delivery whose id was already accepted is refused. No foreign key: deliveries outlive a deleted
-- endpoint until retention removes them (retention must keep them longer than the 5-minute
-- timestamp tolerance, or an old delivery could be replayed).
CREATE TABLE webhook_receipts (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'wr_*'),
  endpoint_id  TEXT NOT NULL,
  delivery_id  TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  payload      TEXT NOT NULL CHECK (json_valid(payload)),
  UNIQUE (endpoint_id, delivery_id)
) STRICT;

-- Outbound subscriptions: where this workspace's events are sent. event_types is a JSON array.
CREATE TABLE webhook_subscriptions (
  id           TEXT PRIMARY KEY CHECK (id GLOB 'ws_*'),
  url          TEXT NOT NULL,
  event_types  TEXT NOT NULL CHECK (json_valid(event_types) AND json_type(event_types) = 'array'),
  description  TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
) STRICT;

-- The outbox: one row per event and subscription, written in the same transaction as the change
-- that caused the event, so no event is lost and none is sent for a change that rolled back.
-- A sender claims a row by moving it from 'pending' (due) to 'sending' with a lease; a lease that
-- runs out (the sender died) makes the row claimable again. The payload is fixed at queue time,
-- so every retry sends the same bytes.
CREATE TABLE webhook_deliveries (
  id               TEXT PRIMARY KEY CHECK (id GLOB 'wd_*'),
  subscription_id  TEXT NOT NULL,
  event_id         TEXT NOT NULL,
  event_type       TEXT NOT NULL,
  payload          TEXT NOT NULL CHECK (json_valid(payload)),
  state            TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT,
  lease_until      TEXT,
  created_at       TEXT NOT NULL,
  completed_at     TEXT,
  UNIQUE (subscription_id, event_id)
) STRICT;

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at, id);

-- The delivery log admins read: one row per attempt, with what the receiver answered.
CREATE TABLE webhook_delivery_attempts (
  delivery_id  TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempt      INTEGER NOT NULL CHECK (attempt >= 1),
  started_at   TEXT NOT NULL,
  duration_ms  INTEGER NOT NULL,
  -- the HTTP status, or null when there was no answer (timeout, refused address, connection error)
  status       INTEGER,
  error        TEXT,
  PRIMARY KEY (delivery_id, attempt)
) STRICT;
