/// A sentence explaining an outcome, in two wordings.
///
/// `code` and `text` are what anyone entitled to the student's record may read. When the reason
/// comes from a court-ordered restriction, `restricted` holds the full wording, shown only to the
/// referring case worker and to coordinators with the juvenile permission; `code`/`text` then stay
/// neutral (they must not reveal that a referral exists).
public struct Reason: Sendable, Equatable {
    /// A stable code (`underMinimumAge`, `outranked`, …) used to count reasons.
    public var code: String
    /// A sentence a counselor can read.
    public var text: String
    /// The full wording of a juvenile-services reason, for entitled readers only.
    public var restricted: Wording?

    /// A code and its sentence.
    public struct Wording: Sendable, Equatable {
        public var code: String
        public var text: String
        public init(code: String, text: String) { self.code = code; self.text = text }
    }

    public init(code: String, text: String, restricted: Wording? = nil) {
        self.code = code
        self.text = text
        self.restricted = restricted
    }

    /// The wording a reader sees.
    public func wording(juvenileEntitled: Bool) -> Wording {
        if juvenileEntitled, let restricted { return restricted }
        return Wording(code: code, text: text)
    }
}
