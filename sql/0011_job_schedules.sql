-- Cron schedules of the job queue (Jobs module). One row per schedule name; any number of scheduler
-- processes share it: the one that locks the row when a tick is due enqueues, the others skip it.
CREATE TABLE job_schedules (
    name            text        PRIMARY KEY CHECK (name <> ''),
    cron            text        NOT NULL,
    time_zone       text        NOT NULL,
    kind            text        NOT NULL,
    -- the next tick not yet enqueued
    next_run_at     timestamptz NOT NULL,
    -- the tick last enqueued, the job it became, and when that happened
    last_run_at     timestamptz,
    last_job_id     bigint,
    last_enqueued_at timestamptz,
    -- ticks that passed while no scheduler ran and that the single catch-up run stood in for
    missed_total    integer     NOT NULL DEFAULT 0 CHECK (missed_total >= 0),
    last_missed     jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(last_missed) = 'array'),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE job_schedules IS 'Cron schedules of the job queue: see docs/jobs.md';
