/// An error of the job queue: what kind of problem, and a sentence saying what and what to do.
public struct JobsError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The kinds of problem a caller may want to tell apart.
    public enum Kind: String, Sendable {
        /// An argument to enqueue, register or schedule is not acceptable.
        case invalidArgument
        /// A job's args do not decode as its handler expects.
        case invalidArguments
        /// No job (or schedule) with that id or name.
        case notFound
        /// The job is in a state that does not allow the action (e.g. retrying a running job).
        case conflict
        /// The job is no longer this worker's: it was rescued or cancelled meanwhile.
        case ownershipLost
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
