import Dispatch

/// Runs blocking work (libcurl transfers, file writes) on Dispatch threads, never on Swift's
/// cooperative pool, and resumes the caller when it is done.
enum BlockingExecutor {
    private static let queue = DispatchQueue(label: "wblmatch.mail.blocking", qos: .utility, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
