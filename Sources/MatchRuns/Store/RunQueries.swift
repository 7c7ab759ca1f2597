/// The SQL that writes and reads runs.
enum RunQueries {
    /// A run already written by this job (a rescued job finds it instead of writing a second one).
    static let runOfJob = "SELECT id, state, error FROM match_runs WHERE job_id = $1"

    /// Serializes runs of one round and tells whether it is final.
    static let lockRound = "SELECT state FROM rounds WHERE id = $1 FOR UPDATE"
    /// The email of user $1, who asked for the run (the audit actor of its write).
    static let requester = "SELECT email FROM users WHERE id = $1"

    static let previousRun = """
        SELECT id FROM match_runs WHERE round_id = $1 AND state IN ('succeeded', 'published') ORDER BY id DESC LIMIT 1
        """

    static let previousAssignments = "SELECT student_id, slot_id FROM match_assignments WHERE run_id = $1 AND slot_id IS NOT NULL"

    static let insertRun = """
        INSERT INTO match_runs (round_id, kind, state, seed, input_digest, algorithm_version, policy_version, verified,
                                students_count, slots_count, choices_count, eligible_pairs_count, assigned_count,
                                unassigned_count, stage_timings, error, requested_by, started_at, job_id,
                                previous_run_id, second_round, violations)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17, $18, $19, $20, $21, $22::text[])
        RETURNING id
        """

    static let copyAssignments = """
        COPY match_assignments (run_id, student_id, slot_id, choice_rank, reserved_seat, status, kept) FROM STDIN
        """

    static let copyExplanations = """
        COPY match_explanations (run_id, student_id, slot_id, choice_rank, outcome, reason_codes, detail, message,
                                 public_message, confidential) FROM STDIN
        """

    static let finishRun = "UPDATE match_runs SET stage_timings = $2::jsonb, emails_queued = $3, finished_at = now() WHERE id = $1"

    static let publish = """
        UPDATE match_runs SET state = 'published', published_at = now() WHERE id = $1
        """

    static let freezeRound = "UPDATE rounds SET state = 'final', updated_at = now() WHERE id = $1"

    /// Every active user with her report settings.
    static let recipients = """
        SELECT u.id, u.name, u.email, u.role, u.organization_id, u.can_view_juvenile,
               coalesce(array_agg(s.report) FILTER (WHERE s.enabled), '{}') AS enabled,
               coalesce(array_agg(s.report) FILTER (WHERE NOT s.enabled), '{}') AS disabled
        FROM users u LEFT JOIN user_report_settings s ON s.user_id = u.id
        WHERE NOT u.disabled
        GROUP BY u.id ORDER BY u.id
        """

    static let run = """
        SELECT r.id, r.round_id, o.name AS round_name, r.kind, r.state, r.seed, r.input_digest, r.algorithm_version,
               r.verified, r.students_count, r.slots_count, r.choices_count, r.eligible_pairs_count, r.assigned_count,
               r.unassigned_count, r.stage_timings::text AS stage_timings, r.error, r.started_at, r.finished_at,
               r.published_at, r.job_id, r.previous_run_id, r.second_round, r.violations, r.emails_queued
        FROM match_runs r JOIN rounds o ON o.id = r.round_id WHERE r.id = $1
        """

    static let studentResult = """
        SELECT s.id, s.external_id, s.first_name, s.last_name, a.slot_id, a.choice_rank, a.status, a.reserved_seat,
               sl.title, e.name AS employer
        FROM match_assignments a JOIN students s ON s.id = a.student_id
        LEFT JOIN slots sl ON sl.id = a.slot_id LEFT JOIN employers e ON e.id = sl.employer_id
        WHERE a.run_id = $1 AND a.student_id = $2
        """

    static let studentExplanations = """
        SELECT e.choice_rank, e.slot_id, sl.title, em.name AS employer, e.outcome, e.reason_codes, e.message,
               e.public_message, e.confidential
        FROM match_explanations e JOIN slots sl ON sl.id = e.slot_id JOIN employers em ON em.id = sl.employer_id
        WHERE e.run_id = $1 AND e.student_id = $2 ORDER BY e.choice_rank
        """
}
