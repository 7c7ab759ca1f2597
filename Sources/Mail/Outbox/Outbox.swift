import Database

/// Queues emails inside the caller's transaction, so an email exists exactly when the work that
/// caused it committed (a rolled-back match run sends nothing).
///
/// ```swift
/// try await pool.withTransaction { conn in
///     try await saveRun(run, on: conn)
///     try await outbox.enqueue(nightlyEmail, on: conn)
/// }
/// ```
/// The email is rendered here, once: validation errors surface to the caller, and every delivery
/// attempt later sends the same bytes with the same Message-ID.
public struct Outbox: Sendable {
    /// Renders the emails (default sender, time zone of the Date header).
    public var renderer: MessageRenderer

    /// Creates an outbox that renders with `renderer`.
    public init(renderer: MessageRenderer) {
        self.renderer = renderer
    }

    /// Creates an outbox sending from `from` (`MAIL_FROM`) by default.
    public init(from: EmailAddress) {
        self.init(renderer: MessageRenderer(defaultFrom: from))
    }

    /// Renders `message` and inserts it into the outbox on `conn` (normally inside a transaction).
    /// - Throws: ``MailError`` (`invalidMessage`, naming the field) before anything is written, or a
    ///   `DatabaseError`.
    @discardableResult
    public func enqueue(_ message: OutgoingEmail, on conn: Connection) async throws -> QueuedEmail {
        let rendered = try renderer.render(message)
        return try await enqueue(rendered, on: conn)
    }

    /// Queues a failed email again, due now, with a fresh count of attempts (the last error stays
    /// until the next attempt replaces it). Returns false, changing nothing, when email `id` is not
    /// in state `failed` (queued or sent already, or no such email).
    public static func retryFailed(id: Int64, on conn: Connection) async throws -> Bool {
        try await conn.query(OutboxQueries.retryFailed, [id]).first != nil
    }

    /// Inserts an already rendered email.
    @discardableResult
    public func enqueue(_ rendered: RenderedEmail, on conn: Connection) async throws -> QueuedEmail {
        let rows = try await conn.query(OutboxQueries.insert, [
            rendered.messageID, rendered.envelopeFrom, rendered.recipients, rendered.subject, rendered.bytes,
        ])
        return QueuedEmail(id: try rows[0].decode("id", as: Int64.self), messageID: rendered.messageID)
    }
}
