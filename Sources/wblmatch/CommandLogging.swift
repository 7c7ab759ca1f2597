import Logging

/// Logging for the commands that run long (worker): to standard error, at LOG_LEVEL.
enum CommandLogging {
    /// Sends logs to standard error at `level` (one of swift-log's level names) and returns a logger.
    /// Call once per process.
    static func bootstrap(level: String, label: String) -> Logger {
        let parsed = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = parsed
        return logger
    }
}
