/// One thing wrong with an instance: where (a JSON path such as `positions[3].ranking[1][0]`) and what.
public struct InstanceProblem: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, as a JSON path (or line:column for malformed JSON).
    public var path: String
    /// What is wrong and, where useful, what to do.
    public var message: String

    /// Creates a problem report.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, the one-line form printed by `wblmatch solve`.
    public var description: String { "\(path): \(message)" }
}

/// An instance could not be built; `problems` lists every problem found, in input order.
public struct InstanceError: Error, Sendable, CustomStringConvertible {
    /// Every problem found.
    public var problems: [InstanceProblem]

    /// Creates the error.
    public init(problems: [InstanceProblem]) { self.problems = problems }

    /// One line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
