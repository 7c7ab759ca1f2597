import CLibPQ

/// Streams the data of a `COPY … FROM STDIN` to the server.
///
/// Writes collect into a buffer; each full buffer (256 KiB) is sent on the connection's queue while
/// the caller produces the next one, so formatting and sending overlap.
public final class CopyWriter {
    let handle: PGHandle
    let chunkSize: Int
    private var buffer: [UInt8] = []
    /// The row `writeRow` is formatting.
    private var rows = CopyTextBuffer(capacity: 1024)
    private var inFlight: Task<Void, any Error>?

    init(handle: PGHandle, chunkSize: Int = 256 * 1024) {
        self.handle = handle
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Appends raw COPY data (for example lines of a CSV file, or a whole chunk of one).
    public func write(_ bytes: [UInt8]) async throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try await flush() }
    }

    /// Appends raw COPY data given as text.
    public func write(_ string: String) async throws {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= chunkSize { try await flush() }
    }

    /// Appends one row in COPY's text format (tab-separated, `\N` for NULL, backslash escapes).
    /// The statement must use the default text format: `COPY t (a, b) FROM STDIN`.
    public func writeRow(_ values: [any SQLEncodable]) async throws {
        for value in values {
            if let text = value.sqlText { rows.append(text) } else { rows.appendNull() }
        }
        rows.endRow()
        buffer.append(contentsOf: rows.bytes)
        rows.removeAll()
        if buffer.count >= chunkSize { try await flush() }
    }

    /// Sends what is buffered (waiting for the previous chunk first).
    public func flush() async throws {
        if let inFlight { try await inFlight.value }
        inFlight = nil
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        let handle = handle
        inFlight = Task {
            try await handle.run { h throws(DatabaseError) in
                let conn = try h.live()
                let sent = chunk.withUnsafeBufferPointer { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) }
                }
                guard sent == 1 else { throw h.connectionError(sql: nil) }
            }
        }
    }

    func finish() async throws {
        try await flush()
        if let inFlight { try await inFlight.value }
        inFlight = nil
    }

    func abandon() async {
        if let inFlight { _ = try? await inFlight.value }
        inFlight = nil
        buffer.removeAll()
    }
}
