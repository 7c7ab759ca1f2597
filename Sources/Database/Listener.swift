import Logging

/// A dedicated LISTEN connection that reconnects and listens again after it is lost.
final class Listener: Sendable {
    let url: String
    let channel: String
    let logger: Logger
    private let current: Locked<(connection: Connection?, stream: AsyncThrowingStream<DatabaseNotification, Error>?)>

    private init(url: String, channel: String, logger: Logger, connection: Connection,
                 stream: AsyncThrowingStream<DatabaseNotification, Error>) {
        self.url = url
        self.channel = channel
        self.logger = logger
        current = Locked((connection, stream))
    }

    static func start(url: String, channel: String, logger: Logger) async throws -> Listener {
        let connection = try await Connection.connect(url: url, logger: logger)
        let stream = try await connection.listen(channel)
        return Listener(url: url, channel: channel, logger: logger, connection: connection, stream: stream)
    }

    /// The next notification; reconnects (every half second) while the server is away. nil when cancelled.
    func next() async throws -> DatabaseNotification? {
        while !Task.isCancelled {
            if let stream = current.withLock({ $0.stream }) {
                do {
                    var iterator = stream.makeAsyncIterator()
                    return try await iterator.next()
                } catch let error as DatabaseError where error.isConnectionFailure {
                    logger.warning("LISTEN connection lost; reconnecting", metadata: ["channel": "\(channel)"])
                    let old = current.withLock { state -> Connection? in
                        defer { state = (nil, nil) }
                        return state.connection
                    }
                    await old?.close()
                }
            }
            do {
                let connection = try await Connection.connect(url: url, logger: logger)
                let stream = try await connection.listen(channel)
                current.withLock { $0 = (connection, stream) }
            } catch {
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        return nil
    }
}
