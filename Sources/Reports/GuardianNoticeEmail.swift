/// A rendered guardian notice, plain text in the guardian's language, ready for the outbox.
public struct GuardianNoticeEmail: Sendable, Equatable {
    public var toAddress: String
    /// The guardian's name; nil when none is on file.
    public var toName: String?
    public var subject: String
    public var text: String
}
