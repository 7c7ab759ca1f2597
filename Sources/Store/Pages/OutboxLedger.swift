import Database
import Foundation

/// Reads the mail outbox (`outbox_email`, module Mail) for the coordinators' `/outbox` page:
/// counts by state and the newest emails, without their message bodies (the query never selects
/// the `message` column).
public struct OutboxLedger: Sendable {
    let pool: DatabasePool

    /// Makes the ledger.
    public init(pool: DatabasePool) { self.pool = pool }

    /// The outbox's states.
    public static let states = ["queued", "failed", "sent"]

    /// How many emails are in each state (every state present, 0 when none).
    public func counts() async throws -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Self.states.map { ($0, 0) })
        for row in try await pool.query(OutboxLedgerQueries.counts) {
            counts[try row.decode("state", as: String.self)] = try row.decode("n", as: Int.self)
        }
        return counts
    }

    /// Up to `limit` emails, newest first; `state` one of ``states`` or nil for all.
    public func list(state: String?, limit: Int = 200) async throws -> [OutboxEntry] {
        try await pool.query(OutboxLedgerQueries.list, [state, Int64(limit)]).map { row in
            OutboxEntry(
                id: try row.decode("id"), recipients: try row.decode("recipients"), subject: try row.decode("subject"),
                state: try row.decode("state"), attempts: try row.decode("attempts"), lastError: try row.decode("last_error"),
                createdAt: try row.decode("created_at"), lastAttemptAt: try row.decode("last_attempt_at"),
                nextAttemptAt: try row.decode("next_attempt_at"), sentAt: try row.decode("sent_at"))
        }
    }
}

/// SQL of ``OutboxLedger``; `message` is never selected.
enum OutboxLedgerQueries {
    static let counts = "SELECT state, count(*)::int AS n FROM outbox_email GROUP BY state"
    static let list = """
        SELECT id, recipients, subject, state, attempts, last_error, created_at, last_attempt_at, next_attempt_at, sent_at
        FROM outbox_email
        WHERE ($1::text IS NULL OR state = $1)
        ORDER BY id DESC
        LIMIT $2
        """
}
