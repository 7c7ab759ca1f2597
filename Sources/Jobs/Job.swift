import Foundation

/// A job as a worker runs it: what to do (`kind`, `args`) and how far it has got.
public struct Job: Sendable, Identifiable {
    /// The row's id in `jobs`.
    public var id: Int
    /// The registered kind (`match.run`, `noop`…) that says which handler runs it.
    public var kind: String
    /// The named queue it waits in.
    public var queue: String
    /// The arguments, a JSON document (decode them with `args(as:)`).
    public var argsJSON: String
    /// What the queue itself recorded (for scheduled jobs: the schedule, its tick, missed ticks), as JSON.
    public var metadataJSON: String
    /// 1 (runs first) to 4.
    public var priority: Int
    /// This attempt's number, from 1.
    public var attempt: Int
    /// Attempts allowed before the job is discarded.
    public var maxAttempts: Int
    /// When it became (or becomes) due.
    public var runAt: Date
    /// When it was enqueued.
    public var createdAt: Date
    /// Its unique key, if it was enqueued with one.
    public var uniqueKey: String?

    /// Decodes the arguments; the error names the job, its kind and the JSON path that did not fit.
    public func args<T: Decodable>(as type: T.Type = T.self) throws -> T {
        do {
            return try JSONDecoder.jobs.decode(T.self, from: Data(argsJSON.utf8))
        } catch let error as DecodingError {
            throw JobsError(.invalidArguments,
                            "job \(id) (\(kind)): its args do not decode as \(T.self): \(error.jobsDescription)")
        }
    }

    /// Decodes the queue's metadata (e.g. `ScheduledRun` for jobs a schedule enqueued).
    public func metadata<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONDecoder.jobs.decode(T.self, from: Data(metadataJSON.utf8))
    }
}

extension JSONDecoder {
    /// Dates as ISO 8601, like `JSONEncoder.jobs`.
    static var jobs: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension JSONEncoder {
    /// Sorted keys and ISO 8601 dates: stable JSON for args and metadata.
    static var jobs: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension DecodingError {
    /// "at $.a.b: reason", the JSON path first.
    var jobsDescription: String {
        func path(_ codingPath: [any CodingKey]) -> String {
            "$" + codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        }
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath + [key])): the key is missing"
        @unknown default:
            return "\(self)"
        }
    }
}
