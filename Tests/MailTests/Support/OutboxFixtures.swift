import Database
import Foundation
@testable import Mail

/// Reading outbox rows back in tests.
struct OutboxRow: Sendable {
    var messageID: String
    var state: String
    var attempts: Int
    var lastError: String?
    var nextAttemptAt: Date
    var message: [UInt8]

    static func all(_ pool: DatabasePool) async throws -> [OutboxRow] {
        try await pool.query("""
            SELECT message_id, state, attempts, last_error, next_attempt_at, message,
                   next_attempt_at > now() AS later
            FROM outbox_email ORDER BY id
            """).map { row in
            OutboxRow(messageID: try row.decode("message_id"), state: try row.decode("state"),
                      attempts: try row.decode("attempts"), lastError: try row.decode("last_error"),
                      nextAttemptAt: try row.decode("next_attempt_at"), message: try row.decode("message"))
        }
    }

    /// Whether PostgreSQL's clock has not yet reached the row's next attempt.
    static func notYetDue(_ pool: DatabasePool, _ messageID: String) async throws -> Bool {
        try await pool.query("SELECT next_attempt_at > now() AS later FROM outbox_email WHERE message_id = $1", [messageID])[0].decode("later")
    }
}

extension Samples {
    static let outbox = Outbox(renderer: renderer)

    static func simple(_ to: String, _ subject: String) -> OutgoingEmail {
        OutgoingEmail(to: [EmailAddress(to, name: "Peña \(subject)")], subject: subject, text: "Hola \(subject)", html: "<p>Hola \(subject)</p>")
    }
}
