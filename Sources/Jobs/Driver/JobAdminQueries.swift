/// The SQL behind `wblmatch jobs list|show|retry|cancel|discard`.
enum JobAdminQueries {
    /// Every column, for `show` and `list`.
    static let allColumns = """
        id, kind, queue, args::text AS args, metadata::text AS metadata, priority, state, attempt,
        max_attempts, run_at, created_at, attempted_at, finalized_at, heartbeat_at, locked_by,
        cancel_requested_at, errors::text AS errors, unique_key
        """

    /// Up to $4 jobs, newest first, filtered by state $1, kind $2 and queue $3 (null: any).
    static let list = """
        SELECT \(allColumns) FROM jobs
        WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR kind = $2)
          AND ($3::text IS NULL OR queue = $3)
        ORDER BY id DESC
        LIMIT $4
        """

    /// Job $1.
    static let show = "SELECT \(allColumns) FROM jobs WHERE id = $1"

    /// How many jobs are in each state.
    static let countByState = "SELECT state, count(*)::bigint AS count FROM jobs GROUP BY state ORDER BY state"

    /// Makes job $1 available now unless it is running, giving it one more attempt if it has used all of them.
    static let retry = """
        UPDATE jobs
        SET state = 'available', run_at = now(), finalized_at = NULL, cancel_requested_at = NULL,
            max_attempts = GREATEST(max_attempts, attempt + 1)
        WHERE id = $1 AND state <> 'running'
        RETURNING state
        """

    /// Cancels job $1 at once unless it is running; a running job is asked to stop (its worker sees
    /// the request at its next heartbeat). Finished jobs are left alone.
    static let cancel = """
        UPDATE jobs
        SET state = CASE WHEN state = 'running' THEN 'running' ELSE 'cancelled' END,
            finalized_at = CASE WHEN state = 'running' THEN NULL ELSE now() END,
            cancel_requested_at = now(),
            errors = CASE WHEN state = 'running' THEN errors
                          ELSE errors || jsonb_build_array(jsonb_build_object(
                              'attempt', attempt, 'at', now(), 'kind', 'cancelled', 'error', $2::text)) END
        WHERE id = $1 AND state IN ('available', 'retryable', 'running')
        RETURNING state
        """

    /// Discards waiting job $1 (available or retryable) with reason $2.
    static let discard = """
        UPDATE jobs
        SET state = 'discarded', finalized_at = now(),
            errors = errors || jsonb_build_array(jsonb_build_object(
                'attempt', attempt, 'at', now(), 'kind', 'discarded', 'error', $2::text))
        WHERE id = $1 AND state IN ('available', 'retryable')
        RETURNING state
        """

    /// The state of job $1 (to explain why an action did nothing).
    static let state = "SELECT state FROM jobs WHERE id = $1"
}
