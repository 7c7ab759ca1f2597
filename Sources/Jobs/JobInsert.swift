import Foundation

/// One job to enqueue (see `JobQueue.enqueue`).
public struct JobInsert: Sendable {
    public var kind: String
    public var argsJSON: String
    public var metadataJSON: String
    public var queue: String
    public var priority: Int
    /// nil: the registered kind's, or 25.
    public var maxAttempts: Int?
    /// nil: now.
    public var runAt: Date?
    public var uniqueKey: String?

    /// Builds an insert, encoding `args` as JSON; checks every field and names the bad one.
    public init(kind: String, args: some Encodable & Sendable = [String: String](), queue: String = "default",
                priority: Int = 2, maxAttempts: Int? = nil, runAt: Date? = nil, uniqueKey: String? = nil,
                metadataJSON: String = "{}") throws {
        guard !kind.isEmpty, kind.count <= 128 else {
            throw JobsError(.invalidArgument, "enqueue: kind must be 1–128 characters, got \"\(kind)\"")
        }
        guard !queue.isEmpty, queue.count <= 128 else {
            throw JobsError(.invalidArgument, "enqueue \(kind): queue must be 1–128 characters, got \"\(queue)\"")
        }
        guard (1...4).contains(priority) else {
            throw JobsError(.invalidArgument, "enqueue \(kind): priority \(priority) is not in 1 (first) – 4 (last)")
        }
        if let maxAttempts, maxAttempts < 1 {
            throw JobsError(.invalidArgument, "enqueue \(kind): maxAttempts \(maxAttempts) must be at least 1")
        }
        if let uniqueKey, uniqueKey.isEmpty {
            throw JobsError(.invalidArgument, "enqueue \(kind): uniqueKey must not be empty (pass nil for none)")
        }
        let encoded: Data
        do { encoded = try JSONEncoder.jobs.encode(args) } catch {
            throw JobsError(.invalidArgument, "enqueue \(kind): args do not encode as JSON: \(error)")
        }
        self.kind = kind
        self.argsJSON = String(decoding: encoded, as: UTF8.self)
        self.metadataJSON = metadataJSON
        self.queue = queue
        self.priority = priority
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.uniqueKey = uniqueKey
    }
}

/// What an enqueue did.
public struct EnqueueResult: Sendable, Equatable {
    /// The job's id: the new one, or the existing job that holds the same unique key.
    public var id: Int
    /// false when a job with the same unique key already existed, so nothing was inserted.
    public var inserted: Bool
}
