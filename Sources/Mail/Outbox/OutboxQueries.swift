/// The outbox's SQL, every value a `$n` parameter.
enum OutboxQueries {
    /// Queues one rendered email: $1 message_id, $2 envelope_from, $3 recipients, $4 subject, $5 message.
    static let insert = """
        INSERT INTO outbox_email (message_id, envelope_from, recipients, subject, message)
        VALUES ($1, $2, $3, $4, $5)
        RETURNING id
        """

    /// Claims the next due email for this transaction; rows other senders hold are skipped.
    static let claimNext = """
        SELECT id, message_id, envelope_from, recipients, subject, message, attempts
        FROM outbox_email
        WHERE state = 'queued' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """

    /// Marks email $1 sent.
    static let markSent = """
        UPDATE outbox_email
        SET state = 'sent', sent_at = now(), attempts = attempts + 1, last_attempt_at = now()
        WHERE id = $1
        """

    /// Records a failed attempt at email $1: error $2, next try in $3 seconds, new state $4 ('queued' or 'failed').
    static let markFailed = """
        UPDATE outbox_email
        SET attempts = attempts + 1, last_attempt_at = now(), last_error = $2,
            next_attempt_at = now() + make_interval(secs => $3), state = $4
        WHERE id = $1
        """

    /// When the server is down: postpones every other due email by $2 seconds with error $1,
    /// without counting an attempt (none was made). Rows other senders hold are left alone.
    static let postponeDue = """
        UPDATE outbox_email
        SET last_error = $1, next_attempt_at = now() + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM outbox_email
                     WHERE state = 'queued' AND next_attempt_at <= now()
                     FOR UPDATE SKIP LOCKED)
        """

    /// One email's delivery state, by Message-ID $1.
    static let entryByMessageID = """
        SELECT id, message_id, recipients, subject, state, attempts, next_attempt_at, last_attempt_at,
               last_error, created_at, sent_at
        FROM outbox_email WHERE message_id = $1
        """

    /// Email $1, if failed, queued again now with no attempts counted.
    static let retryFailed = """
        UPDATE outbox_email SET state = 'queued', attempts = 0, next_attempt_at = now()
        WHERE id = $1 AND state = 'failed'
        RETURNING id
        """

    /// Counts of emails per state.
    static let countsByState = "SELECT state, count(*) AS count FROM outbox_email GROUP BY state"
}
