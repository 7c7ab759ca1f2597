/// What a guardian is told after the final run is published: where the student was placed, or that
/// she takes part in the second round. It carries only the placement's public facts (slot, employer,
/// site, schedule, start date, contact) — the type has no place for referrals, restrictions or
/// reserved seats, so no guardian email can mention them.
public struct GuardianLetter: Sendable, Equatable {
    /// The two notices a guardian can receive.
    public enum Kind: String, Sendable {
        /// The student has a placement.
        case placed
        /// The student was not placed and takes part in the second round.
        case secondRound = "second_round"
    }

    public var kind: Kind
    /// `en` or `es`; anything else reads as `en`.
    public var language: String
    public var guardianName: String
    public var guardianEmail: String
    public var studentFirstName: String
    /// The placement (empty for a second-round notice).
    public var slotTitle: String = ""
    public var employer: String = ""
    public var site: String = ""
    public var address: String = ""
    public var virtual: Bool = false
    public var schedule: String = ""
    /// ISO date.
    public var startDate: String = ""
    /// Who to contact: the slot's contact.
    public var contactName: String = ""
    public var contactEmail: String = ""

    /// Makes a letter; the placement fields default to empty (a second-round notice).
    public init(kind: Kind, language: String, guardianName: String, guardianEmail: String, studentFirstName: String) {
        self.kind = kind
        self.language = language
        self.guardianName = guardianName
        self.guardianEmail = guardianEmail
        self.studentFirstName = studentFirstName
    }

    /// `es` for Spanish, otherwise `en`.
    public var lang: String { language == "es" ? "es" : "en" }
}
