-- Scheduled jobs (src/jobs/): one row per run, whoever started it (the server's scheduler or
-- `spinney jobs run`). A row still 'running' whose lease lies in the future is the job's lock: a
-- second run of the same job, in this process or any other, is refused while it holds (the unique
-- index below makes two 'running' rows of one job impossible). A process that dies mid-run leaves
-- its row 'running'; once the lease has passed, the next run of that job marks it failed and takes
-- over. Counts and error texts name ids and numbers only: never secrets, emails or row content.
CREATE TABLE job_runs (
  id            TEXT PRIMARY KEY CHECK (id GLOB 'jr_*'),
  job           TEXT NOT NULL,
  triggered_by  TEXT NOT NULL CHECK (triggered_by IN ('schedule', 'cli')),
  -- host and pid of the process running it, so a refusal can say who holds the lock
  holder        TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  -- renewed while the run makes progress; NULL once it has finished
  lease_until   TEXT,
  finished_at   TEXT,
  status        TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed')),
  counts        TEXT CHECK (counts IS NULL OR json_valid(counts)),
  error         TEXT
) STRICT;

CREATE INDEX job_runs_by_job ON job_runs (job, started_at);
CREATE UNIQUE INDEX job_runs_one_running ON job_runs (job) WHERE status = 'running';
