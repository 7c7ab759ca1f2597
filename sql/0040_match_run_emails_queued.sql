-- How many emails a run queued in its own transaction (digests, failure notices, guardian notices),
-- so `wblmatch match show` and the web app report what `match run` printed.
ALTER TABLE match_runs ADD COLUMN emails_queued integer NOT NULL DEFAULT 0 CHECK (emails_queued >= 0);
