-- Placeholder on branch h/mailbox only: the calendar branch owns migration 0017 (its file replaces
-- this one at merge). Migrations are numbered without gaps, so 0018_mailbox needs a 0017 here.
SELECT 1;
