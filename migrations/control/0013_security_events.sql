-- Anonymous refusals (failed sign-ins, rate-limit rejections) counted per client, kind, reason and
-- hour, instead of one permanent row each in the platform audit chain; kept
-- SPINNEY_SECURITY_EVENTS_RETENTION_DAYS days (src/security/, `spinney security events`).
CREATE TABLE security_events (
  client_key   TEXT NOT NULL,               -- the IPv4 address or the IPv6 /64 (src/signin/client-key.ts)
  kind         TEXT NOT NULL CHECK (kind IN ('sign_in_failed', 'rate_limited')),
  reason       TEXT NOT NULL,               -- why the sign-in failed, or which limit (sign-in, global)
  window_start TEXT NOT NULL,               -- the hour the counts fall in (UTC, ISO)
  count        INTEGER NOT NULL CHECK (count > 0),
  first_at     TEXT NOT NULL,
  last_at      TEXT NOT NULL,
  PRIMARY KEY (client_key, kind, reason, window_start)
) STRICT, WITHOUT ROWID;

CREATE INDEX security_events_by_window ON security_events (window_start);
