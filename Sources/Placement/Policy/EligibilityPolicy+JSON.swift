#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension EligibilityPolicy {
    /// Reads and validates a policy document. Every problem is reported with its JSON path; a
    /// document with any problem yields no policy.
    ///
    /// - Parameters:
    ///   - json: the UTF-8 JSON text (a file, or a jsonb column's text).
    ///   - source: where it came from, for the error message (a path, `eligibility_policy id 3`).
    public static func load(json: Data, source: String) throws(PolicyError) -> EligibilityPolicy {
        let policy: EligibilityPolicy
        do {
            policy = try JSONDecoder().decode(EligibilityPolicy.self, from: json)
        } catch let error as DecodingError {
            throw PolicyError(source: source, issues: [PolicyIssue(decoding: error)])
        } catch {
            throw PolicyError(source: source, issues: [PolicyIssue(path: "", message: "not JSON: \(error)")])
        }
        try policy.validate(source: source)
        return policy
    }

    /// Reads and validates a policy document from text.
    public static func load(json: String, source: String) throws(PolicyError) -> EligibilityPolicy {
        try load(json: Data(json.utf8), source: source)
    }

    /// The policy as a JSON document (pretty-printed, keys sorted, every field written).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The policy as JSON text.
    public func jsonText() throws -> String {
        String(decoding: try jsonData(), as: UTF8.self)
    }
}

extension PolicyIssue {
    /// An issue naming the JSON path a decoding error points at.
    init(decoding error: DecodingError) {
        func pathText(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            self.init(path: pathText(ctx.codingPath), message: "expected \(PolicyIssue.typeName(type)); \(ctx.debugDescription)")
        case .valueNotFound(let type, let ctx):
            self.init(path: pathText(ctx.codingPath), message: "expected \(PolicyIssue.typeName(type)), found null")
        case .keyNotFound(let key, let ctx):
            self.init(path: pathText(ctx.codingPath + [key]), message: "missing")
        case .dataCorrupted(let ctx):
            self.init(path: pathText(ctx.codingPath), message: ctx.debugDescription)
        @unknown default:
            self.init(path: "", message: "\(error)")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default: "\(type)"
        }
    }
}
