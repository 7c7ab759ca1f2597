-- The job queue (Jobs module). One row per job; River's shape: a job moves
--   available ──claim──> running ──> completed | retryable ──(run_at due)──> running … | discarded | cancelled
-- `retryable` jobs wait for their backoff in run_at and are claimed like `available` ones.
CREATE TABLE jobs (
    id                  bigserial PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind <> '' AND length(kind) <= 128),
    queue               text        NOT NULL DEFAULT 'default' CHECK (queue <> '' AND length(queue) <= 128),
    args                jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- what the queue itself knows about the job (the schedule that enqueued it, the ticks it missed)
    metadata            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- 1 runs first, 4 last (as in River)
    priority            smallint    NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
    state               text        NOT NULL DEFAULT 'available'
                        CHECK (state IN ('available', 'running', 'retryable', 'completed', 'discarded', 'cancelled')),
    attempt             integer     NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    max_attempts        integer     NOT NULL DEFAULT 25 CHECK (max_attempts >= 1),
    run_at              timestamptz NOT NULL DEFAULT now(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    attempted_at        timestamptz,
    finalized_at        timestamptz,
    heartbeat_at        timestamptz,
    -- the worker process (host:pid:random) that holds a running job, or last held a finished one
    locked_by           text,
    cancel_requested_at timestamptz,
    -- one object per failed attempt: {"attempt", "at", "error", "kind"}; kept when the job is discarded
    errors              jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(errors) = 'array'),
    unique_key          text CHECK (unique_key <> ''),
    CONSTRAINT jobs_running_is_locked CHECK (state <> 'running' OR locked_by IS NOT NULL),
    CONSTRAINT jobs_final_has_time CHECK ((state IN ('completed', 'discarded', 'cancelled')) = (finalized_at IS NOT NULL))
);

COMMENT ON TABLE jobs IS 'The job queue: see docs/jobs.md';

-- The claim query's path: due jobs in priority order.
CREATE INDEX jobs_claimable ON jobs (priority, run_at, id) WHERE state IN ('available', 'retryable');
-- The rescuer's path.
CREATE INDEX jobs_running_heartbeat ON jobs (heartbeat_at) WHERE state = 'running';
-- The cleaner's path and `wblmatch jobs list --state …`.
CREATE INDEX jobs_state_finalized ON jobs (state, finalized_at);
CREATE INDEX jobs_kind ON jobs (kind);
-- One live job per unique key: a second enqueue with the key of a job that is waiting, running or
-- completed inserts nothing. Discarded and cancelled jobs give their key back.
CREATE UNIQUE INDEX jobs_unique_key ON jobs (unique_key)
    WHERE unique_key IS NOT NULL AND state NOT IN ('discarded', 'cancelled');

-- Wake idle workers when a job becomes available now: the payload is the queue's name.
-- PostgreSQL folds identical notifications of one transaction into one.
CREATE FUNCTION jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('wblmatch_jobs', NEW.queue);
    RETURN NULL;
END;
$$;

CREATE TRIGGER jobs_notify_insert AFTER INSERT ON jobs
    FOR EACH ROW WHEN (NEW.state = 'available' AND NEW.run_at <= now()) EXECUTE FUNCTION jobs_notify();
CREATE TRIGGER jobs_notify_update AFTER UPDATE OF state ON jobs
    FOR EACH ROW WHEN (NEW.state = 'available' AND OLD.state <> 'available' AND NEW.run_at <= now())
    EXECUTE FUNCTION jobs_notify();
