/// The SQL of cron schedules (`job_schedules`).
enum ScheduleQueries {
    /// Creates schedule $1 (cron $2, zone $3, kind $4, first tick $5), or updates its definition; a
    /// changed cron or zone moves its next tick to $5, an unchanged one keeps the stored next tick.
    static let upsert = """
        INSERT INTO job_schedules (name, cron, time_zone, kind, next_run_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (name) DO UPDATE
        SET cron = EXCLUDED.cron, time_zone = EXCLUDED.time_zone, kind = EXCLUDED.kind,
            next_run_at = CASE WHEN job_schedules.cron IS DISTINCT FROM EXCLUDED.cron
                                 OR job_schedules.time_zone IS DISTINCT FROM EXCLUDED.time_zone
                               THEN EXCLUDED.next_run_at ELSE job_schedules.next_run_at END,
            updated_at = now()
        """

    /// Locks schedule $1 when its next tick is due at $2; another scheduler holding it makes this
    /// return nothing (it is enqueuing that tick).
    static let lockDue = """
        SELECT next_run_at FROM job_schedules WHERE name = $1 AND next_run_at <= $2 FOR UPDATE SKIP LOCKED
        """

    /// Records that schedule $1 enqueued tick $3 as job $4 at $5, that its next tick is $2, and that
    /// $6 earlier ticks ($7, a JSON array of the first of them) were missed.
    static let advance = """
        UPDATE job_schedules
        SET next_run_at = $2, last_run_at = $3, last_job_id = $4, last_enqueued_at = $5,
            missed_total = missed_total + $6,
            last_missed = CASE WHEN $6 > 0 THEN $7::jsonb ELSE last_missed END,
            updated_at = now()
        WHERE name = $1
        """

    /// Every schedule, for `wblmatch jobs schedules`.
    static let list = """
        SELECT name, cron, time_zone, kind, next_run_at, last_run_at, last_job_id, last_enqueued_at,
               missed_total, last_missed::text AS last_missed
        FROM job_schedules ORDER BY name
        """
}
