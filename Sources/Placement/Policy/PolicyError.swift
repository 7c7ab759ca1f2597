/// One problem in a policy: the JSON path of the field (`young_workers.school_day_max_hours`) and
/// what is wrong with it.
public struct PolicyIssue: Hashable, Sendable, CustomStringConvertible {
    /// JSON path of the bad field, dot-separated, array elements as `[i]`; empty for the whole document.
    public let path: String
    /// What is wrong and what to write instead.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A policy that could not be loaded or is not valid: every problem found, each naming its field.
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the policy came from (a file path, `eligibility_policy row 3`), for the message.
    public let source: String
    public let issues: [PolicyIssue]

    public init(source: String, issues: [PolicyIssue]) {
        self.source = source
        self.issues = issues
    }

    public var description: String {
        "eligibility policy \(source) is not valid:\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// Collects issues while validating, with the current JSON path.
struct PolicyValidator {
    private(set) var issues: [PolicyIssue] = []
    private var prefix: [String] = []

    mutating func nested(_ key: String, _ body: (inout PolicyValidator) -> Void) {
        prefix.append(key)
        body(&self)
        prefix.removeLast()
    }

    mutating func check(_ condition: Bool, _ key: String, _ message: @autoclosure () -> String) {
        if !condition { issues.append(PolicyIssue(path: (prefix + [key]).joined(separator: "."), message: message())) }
    }

    mutating func age(_ value: Int, _ key: String) {
        check((0...21).contains(value), key, "must be an age from 0 to 21, got \(value)")
    }
}
