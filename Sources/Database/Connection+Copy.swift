import CLibPQ

extension Connection {
    /// Runs `COPY … FROM STDIN` and streams what `body` writes to the server in large chunks.
    /// Returns the number of rows copied. When `body` throws, the COPY is aborted and nothing is stored.
    /// ```swift
    /// try await conn.copyIn("COPY student (external_id, last_name) FROM STDIN") { writer in
    ///     for s in students { try await writer.writeRow([s.externalID, s.lastName]) }
    /// }
    /// ```
    @discardableResult
    public func copyIn(
        _ sql: String, isolation: isolated (any Actor)? = #isolation,
        _ body: (CopyWriter) async throws -> Void
    ) async throws -> Int {
        try await handle.run { h throws(DatabaseError) in
            let conn = try h.live()
            let result = try h.check(PQexec(conn, sql), sql: sql, allowCopy: true)
            let status = PQresultStatus(result)
            PQclear(result)
            guard status == PGRES_COPY_IN else {
                throw DatabaseError(kind: .usage, message: "copyIn needs a COPY … FROM STDIN statement", query: sql)
            }
        }
        let writer = CopyWriter(handle: handle)
        do {
            try await body(writer)
            try await writer.finish()
        } catch {
            await writer.abandon()
            try? await handle.run { h throws(DatabaseError) in
                let conn = try h.live()
                _ = PQputCopyEnd(conn, "aborted by the client: \(error)")
                while let result = PQgetResult(conn) { PQclear(result) }
            }
            throw error
        }
        return try await handle.run { h throws(DatabaseError) in
            let conn = try h.live()
            guard PQputCopyEnd(conn, nil) == 1 else { throw h.connectionError(sql: sql) }
            var rows = 0
            var failure: DatabaseError?
            while let result = PQgetResult(conn) {
                if PQresultStatus(result) == PGRES_COMMAND_OK { rows = PGHandle.affectedRows(of: result) }
                else if failure == nil {
                    failure = PGHandle.error(from: result, sql: sql, connectionBroken: PQstatus(conn) != CONNECTION_OK)
                }
                PQclear(result)
            }
            if let failure { throw failure }
            return rows
        }
    }

    /// Runs `COPY … TO STDOUT` and streams its output in chunks of about 256 KiB (whole rows each).
    /// The COPY starts when iteration starts; read the stream to its end before using the connection again.
    /// ```swift
    /// for try await chunk in conn.copyOut("COPY assignment TO STDOUT (FORMAT csv, HEADER)") { file.write(chunk) }
    /// ```
    public func copyOut(_ sql: String, chunkSize: Int = 256 * 1024) -> AsyncThrowingStream<[UInt8], Error> {
        let handle = handle
        let state = CopyOutState()
        return AsyncThrowingStream(unfolding: {
            try await handle.run { h throws(DatabaseError) in try state.next(h, sql: sql, chunkSize: chunkSize) }
        })
    }

    /// Runs `COPY … TO STDOUT` and hands each chunk to `body`; returns the number of bytes read.
    @discardableResult
    public func copyOut(
        _ sql: String, isolation: isolated (any Actor)? = #isolation,
        _ body: ([UInt8]) async throws -> Void
    ) async throws -> Int {
        var total = 0
        for try await chunk in copyOut(sql) {
            total += chunk.count
            try await body(chunk)
        }
        return total
    }
}

/// Where a `copyOut` stream is; touched only on the connection's queue.
final class CopyOutState: @unchecked Sendable {
    private var started = false
    private var finished = false

    func next(_ h: PGHandle, sql: String, chunkSize: Int) throws(DatabaseError) -> [UInt8]? {
        let conn = try h.live()
        if !started {
            started = true
            let result = try h.check(PQexec(conn, sql), sql: sql, allowCopy: true)
            let status = PQresultStatus(result)
            PQclear(result)
            guard status == PGRES_COPY_OUT else {
                finished = true
                throw DatabaseError(kind: .usage, message: "copyOut needs a COPY … TO STDOUT statement", query: sql)
            }
        }
        if finished { return nil }
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkSize + 4096)
        while chunk.count < chunkSize {
            var buffer: UnsafeMutablePointer<CChar>?
            let count = PQgetCopyData(conn, &buffer, 0)
            if count > 0, let buffer {
                buffer.withMemoryRebound(to: UInt8.self, capacity: Int(count)) {
                    chunk.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(count)))
                }
                PQfreemem(buffer)
            } else if count == -1 {
                finished = true
                var failure: DatabaseError?
                while let result = PQgetResult(conn) {
                    if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil {
                        failure = PGHandle.error(from: result, sql: sql, connectionBroken: PQstatus(conn) != CONNECTION_OK)
                    }
                    PQclear(result)
                }
                if let failure { throw failure }
                break
            } else {
                finished = true
                throw h.connectionError(sql: sql)
            }
        }
        return chunk.isEmpty ? nil : chunk
    }
}
