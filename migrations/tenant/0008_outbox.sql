-- The shared outbox (src/outbox/): work owed to the outside world (webhook deliveries today; mail,
-- calendar pushes and provider calls next), written in the transaction of the change that caused
-- it, so nothing is lost and nothing is sent for a change that rolled back. A worker claims a row
-- by moving it from 'pending' (due) to 'sending' under a lease; a lease that runs out (the worker
-- died) makes it claimable again. payload and idempotency_key are fixed at enqueue time, so every
-- retry sends the same bytes under the same key, which the receiver can use to drop duplicates.
CREATE TABLE outbox_items (
  id               TEXT PRIMARY KEY,
  -- which handler sends it ('webhook', …)
  kind             TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL,
  payload          TEXT NOT NULL CHECK (json_valid(payload)),
  state            TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT,
  -- the worker holding the claim, and until when
  lease_owner      TEXT,
  lease_until      TEXT,
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  completed_at     TEXT,
  UNIQUE (kind, idempotency_key)
) STRICT;

CREATE INDEX outbox_items_due ON outbox_items (kind, state, next_attempt_at);

-- One row per attempt: when, how long, and what the other side answered (an HTTP or SMTP status,
-- or null with an error when there was no answer).
CREATE TABLE outbox_attempts (
  item_id      TEXT NOT NULL REFERENCES outbox_items (id) ON DELETE CASCADE,
  attempt      INTEGER NOT NULL CHECK (attempt >= 1),
  started_at   TEXT NOT NULL,
  duration_ms  INTEGER NOT NULL,
  status       INTEGER,
  error        TEXT,
  PRIMARY KEY (item_id, attempt)
) STRICT;

-- Existing deliveries move over with their ids (the delivery log answers the same) and their
-- delivery id as idempotency key (the Spinney-Webhook-Id receivers already saw).
INSERT INTO outbox_items (id, kind, idempotency_key, payload, state, attempts, next_attempt_at, lease_owner, lease_until, last_error, created_at, completed_at)
SELECT d.id, 'webhook', d.id, d.payload, d.state, d.attempts, d.next_attempt_at, NULL, d.lease_until,
       (SELECT coalesce(a.error, 'status ' || a.status) FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id ORDER BY a.attempt DESC LIMIT 1),
       d.created_at, d.completed_at
FROM webhook_deliveries d;

INSERT INTO outbox_attempts (item_id, attempt, started_at, duration_ms, status, error)
SELECT delivery_id, attempt, started_at, duration_ms, status, error FROM webhook_delivery_attempts;

-- webhook_deliveries stays as the webhook handler's own view: which subscription and event each
-- outbox item is for (the delivery log lists by subscription). Its row goes with its item.
CREATE TABLE webhook_deliveries_by_item (
  id               TEXT PRIMARY KEY CHECK (id GLOB 'wd_*') REFERENCES outbox_items (id) ON DELETE CASCADE,
  subscription_id  TEXT NOT NULL,
  event_id         TEXT NOT NULL,
  event_type       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  UNIQUE (subscription_id, event_id)
) STRICT;

INSERT INTO webhook_deliveries_by_item (id, subscription_id, event_id, event_type, created_at)
SELECT id, subscription_id, event_id, event_type, created_at FROM webhook_deliveries;

DROP TABLE webhook_delivery_attempts;
DROP TABLE webhook_deliveries;
ALTER TABLE webhook_deliveries_by_item RENAME TO webhook_deliveries;
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at, id);
