-- The calendar (src/calendar/): events with a wall time in an IANA zone, their attendees, and which
-- members have a private feed. starts_at/ends_at are the UTC instants of the wall times (for ranges
-- and the feed); start_local/end_local are what the person entered, in time_zone, and what invites
-- carry. An all-day event has dates only (end_local inclusive) and no instants in a zone of its own.
CREATE TABLE calendar_events (
  id            TEXT PRIMARY KEY CHECK (id GLOB 'ev_*'),
  uid           TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  time_zone     TEXT NOT NULL,
  all_day       INTEGER NOT NULL CHECK (all_day IN (0, 1)),
  start_local   TEXT NOT NULL,
  end_local     TEXT NOT NULL,
  starts_at     TEXT NOT NULL,
  ends_at       TEXT NOT NULL,
  location      TEXT,
  lead_id       TEXT,
  contact_id    TEXT,
  notes         TEXT,
  organizer_id  TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
  sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  version       INTEGER NOT NULL DEFAULT 1,
  invited_at    TEXT,
  cancelled_at  TEXT,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  CHECK (ends_at >= starts_at)
) STRICT;
CREATE INDEX calendar_events_by_start ON calendar_events (starts_at, id);
CREATE INDEX calendar_events_by_lead ON calendar_events (lead_id);
CREATE INDEX calendar_events_by_contact ON calendar_events (contact_id);
CREATE INDEX calendar_events_by_organizer ON calendar_events (organizer_id);

-- An attendee is a member (member_id) or a contact (contact_id), never both. invited_sequence is
-- the event's SEQUENCE the attendee was last sent, or NULL when no invite went to them yet.
CREATE TABLE calendar_attendees (
  event_id          TEXT NOT NULL REFERENCES calendar_events (id) ON DELETE CASCADE,
  member_id         TEXT,
  contact_id        TEXT,
  invited_sequence  INTEGER,
  added_at          TEXT NOT NULL,
  CHECK ((member_id IS NULL) <> (contact_id IS NULL)),
  UNIQUE (event_id, member_id),
  UNIQUE (event_id, contact_id)
) STRICT;
CREATE INDEX calendar_attendees_by_member ON calendar_attendees (member_id);
CREATE INDEX calendar_attendees_by_contact ON calendar_attendees (contact_id);

-- Members with a live feed (the credential itself is in control.db, only as a hash).
CREATE TABLE calendar_feeds (
  member_id   TEXT PRIMARY KEY,
  issued_at   TEXT NOT NULL
) STRICT;
