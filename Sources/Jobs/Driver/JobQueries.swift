/// The SQL of the job queue, one named statement per operation of `JobDriver`.
/// Parameters are always `$1…`; nothing here is built from input.
enum JobQueries {
    /// The columns a worker needs of a claimed job.
    static let jobColumns = """
        id, kind, queue, args::text AS args, metadata::text AS metadata, priority, attempt, max_attempts,
        run_at, created_at, unique_key
        """

    /// Inserts one job; with a unique key that a waiting, running or completed job already holds,
    /// inserts nothing and returns no row.
    /// $1 kind, $2 queue, $3 args (JSON), $4 metadata (JSON), $5 priority, $6 max attempts,
    /// $7 run at (null: now), $8 unique key (null: none).
    static let insert = """
        INSERT INTO jobs (kind, queue, args, metadata, priority, max_attempts, run_at, unique_key)
        VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, COALESCE($7::timestamptz, now()), $8)
        ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state NOT IN ('discarded', 'cancelled')
        DO NOTHING
        RETURNING id
        """

    /// Inserts many jobs without unique keys: parallel arrays of kind, queue, args, metadata,
    /// priority, max attempts and run at (null: now).
    static let insertMany = """
        INSERT INTO jobs (kind, queue, args, metadata, priority, max_attempts, run_at)
        SELECT kind, queue, args::jsonb, metadata::jsonb, priority, max_attempts, COALESCE(run_at, now())
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::integer[],
                    $7::timestamptz[]) AS j(kind, queue, args, metadata, priority, max_attempts, run_at)
        RETURNING id
        """

    /// The live job holding unique key $1.
    static let findByUniqueKey = """
        SELECT id FROM jobs WHERE unique_key = $1 AND state NOT IN ('discarded', 'cancelled')
        """

    /// Claims up to $2 due jobs of the queues $1 and kinds $4 for worker $3, most urgent first.
    static let claim = """
        UPDATE jobs
        SET state = 'running', attempt = attempt + 1, attempted_at = now(), heartbeat_at = now(),
            locked_by = $3
        WHERE id IN (
            SELECT id FROM jobs
            WHERE state IN ('available', 'retryable') AND run_at <= now()
              AND queue = ANY($1::text[]) AND kind = ANY($4::text[])
            ORDER BY priority, run_at, id
            LIMIT $2
            FOR UPDATE SKIP LOCKED)
        RETURNING \(jobColumns)
        """

    /// Marks completed the running jobs $1 in their attempts $2 (parallel arrays); returns the ids it marked.
    static let completeMany = """
        UPDATE jobs SET state = 'completed', finalized_at = now(), heartbeat_at = NULL
        FROM unnest($1::bigint[], $2::integer[]) AS done(id, attempt)
        WHERE jobs.id = done.id AND jobs.attempt = done.attempt AND jobs.state = 'running'
        RETURNING jobs.id
        """

    /// Records the failure of attempt $2 of running job $1: state $3 (`retryable` or `discarded`),
    /// run again in $4 milliseconds, error $5 of kind $6.
    static let fail = """
        UPDATE jobs
        SET state = $3,
            run_at = CASE WHEN $3 = 'retryable' THEN now() + $4 * interval '1 millisecond' ELSE run_at END,
            finalized_at = CASE WHEN $3 = 'discarded' THEN now() END,
            heartbeat_at = NULL,
            errors = errors || jsonb_build_array(jsonb_build_object(
                'attempt', attempt, 'at', now(), 'error', $5::text, 'kind', $6::text))
        WHERE id = $1 AND attempt = $2 AND state = 'running'
        RETURNING id
        """

    /// Cancels running job $1 in attempt $2 for reason $3.
    static let cancelRunning = """
        UPDATE jobs
        SET state = 'cancelled', finalized_at = now(), heartbeat_at = NULL,
            errors = errors || jsonb_build_array(jsonb_build_object(
                'attempt', attempt, 'at', now(), 'error', $3::text, 'kind', 'cancelled'))
        WHERE id = $1 AND attempt = $2 AND state = 'running'
        RETURNING id
        """

    /// Gives running job $1 (attempt $2) back to the queue unrun, as a worker does at shutdown:
    /// the attempt does not count. $3 says why.
    static let release = """
        UPDATE jobs
        SET state = 'available', attempt = attempt - 1, run_at = now(), heartbeat_at = NULL,
            errors = errors || jsonb_build_array(jsonb_build_object(
                'attempt', attempt, 'at', now(), 'error', $3::text, 'kind', 'released'))
        WHERE id = $1 AND attempt = $2 AND state = 'running'
        RETURNING id
        """

    /// Refreshes the heartbeat of worker $2's running jobs $1; returns those it still holds and whether
    /// an operator asked to cancel each.
    static let heartbeat = """
        UPDATE jobs SET heartbeat_at = now()
        WHERE id = ANY($1::bigint[]) AND state = 'running' AND locked_by = $2
        RETURNING id, cancel_requested_at IS NOT NULL AS cancel_requested
        """

    /// Returns to the queue (or discards, when out of attempts, or cancels, when asked to) up to $2
    /// running jobs whose worker has not sent a heartbeat for $1 milliseconds.
    static let rescue = """
        WITH stuck AS (
            SELECT id FROM jobs
            WHERE state = 'running' AND heartbeat_at < now() - $1 * interval '1 millisecond'
            ORDER BY heartbeat_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED)
        UPDATE jobs
        SET state = CASE WHEN cancel_requested_at IS NOT NULL THEN 'cancelled'
                         WHEN attempt >= max_attempts THEN 'discarded'
                         ELSE 'retryable' END,
            finalized_at = CASE WHEN cancel_requested_at IS NOT NULL OR attempt >= max_attempts THEN now() END,
            run_at = now(),
            heartbeat_at = NULL,
            errors = errors || jsonb_build_array(jsonb_build_object(
                'attempt', attempt, 'at', now(), 'kind', 'rescued',
                'error', 'worker ' || locked_by || ' stopped sending heartbeats (last at '
                         || heartbeat_at::text || '); the job was rescued'))
        FROM stuck
        WHERE jobs.id = stuck.id
        RETURNING jobs.id, jobs.kind, jobs.state, jobs.locked_by
        """

    /// Deletes up to $4 finished jobs: completed more than $1, cancelled more than $2, discarded more
    /// than $3 milliseconds ago.
    static let clean = """
        DELETE FROM jobs WHERE id IN (
            SELECT id FROM jobs
            WHERE (state = 'completed' AND finalized_at < now() - $1 * interval '1 millisecond')
               OR (state = 'cancelled' AND finalized_at < now() - $2 * interval '1 millisecond')
               OR (state = 'discarded' AND finalized_at < now() - $3 * interval '1 millisecond')
            LIMIT $4)
        """
}

extension JobQueries {
    /// The NOTIFY channel of the `jobs_notify` trigger; the payload is the queue's name.
    static let channel = "wblmatch_jobs"
}
