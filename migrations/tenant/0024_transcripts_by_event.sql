-- Transcripts linked to a calendar event (transcripts.event_id, present since 0019, now set by the
-- API): the event's transcripts are listed with ?eventId=, so they are found by index.
-- (Meant to be 0024 at merge: another branch holds 0023.)
CREATE INDEX transcripts_by_event ON transcripts (event_id);
