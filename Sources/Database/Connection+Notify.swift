import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Connection {
    /// Starts listening on `channel` and returns its notifications as they arrive.
    /// Notifications sent after this returns are delivered. Give listening its own connection
    /// (`DatabasePool.listen` does): while waiting, the connection is busy.
    /// ```swift
    /// for try await note in try await conn.listen("job_available") { wake(note.payload) }
    /// ```
    /// The stream ends when the iterating task is cancelled; it throws when the connection is lost.
    public func listen(_ channel: String) async throws -> AsyncThrowingStream<DatabaseNotification, Error> {
        try await handle.run { h throws(DatabaseError) in try h.listen(channel) }
        let handle = handle
        return AsyncThrowingStream(unfolding: {
            while !Task.isCancelled {
                let note = try await handle.run { h throws(DatabaseError) in
                    try h.nextNotification(channel: channel, timeoutMilliseconds: 250)
                }
                if let note { return note }
            }
            return nil
        })
    }

    /// Stops listening on `channel`.
    public func unlisten(_ channel: String) async throws {
        try await handle.run { h throws(DatabaseError) in try h.listen(channel, stop: true) }
    }

    /// Sends a notification (`pg_notify`): delivered to listeners when the surrounding transaction commits.
    public func notify(channel: String, payload: String = "") async throws {
        try await execute("SELECT pg_notify($1, $2)", [channel, payload])
    }
}

extension PGHandle {
    /// LISTEN takes an identifier, not a parameter: it is quoted by libpq's PQescapeIdentifier.
    func listen(_ channel: String, stop: Bool = false) throws(DatabaseError) {
        let conn = try live()
        guard !channel.isEmpty, channel.utf8.count <= 63 else {
            throw DatabaseError(kind: .usage, message: "a channel name must have 1 to 63 bytes, got \(channel.utf8.count)")
        }
        guard let quoted = PQescapeIdentifier(conn, channel, channel.utf8.count) else { throw connectionError(sql: nil) }
        let identifier = String(cString: quoted)
        PQfreemem(quoted)
        try execSimple((stop ? "UNLISTEN " : "LISTEN ") + identifier)
    }

    /// The next notification on `channel`, waiting for the socket up to `timeoutMilliseconds`; nil when none came.
    func nextNotification(channel: String, timeoutMilliseconds: Int32) throws(DatabaseError) -> DatabaseNotification? {
        if let note = takePending(channel) { return note }
        let conn = try live()
        var pfd = pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0)
        _ = poll(&pfd, 1, timeoutMilliseconds)
        if PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK { throw connectionError(sql: nil) }
        drainNotifications()
        return takePending(channel)
    }

    private func takePending(_ channel: String) -> DatabaseNotification? {
        guard let index = pendingNotifications.firstIndex(where: { $0.channel == channel }) else { return nil }
        return pendingNotifications.remove(at: index)
    }
}
