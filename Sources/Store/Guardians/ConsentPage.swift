/// What the guardian's consent page shows: one student's choices, nothing else.
public struct ConsentPage: Sendable, Equatable {
    /// guardian_consent_requests.id
    public var requestID: Int64
    /// `en` or `es`.
    public var language: String
    /// The student's first name and last name.
    public var studentFirstName: String
    public var studentLastName: String
    /// The guardian's name on file (pre-fills the signature), possibly empty.
    public var guardianName: String
    /// The student's transport code (`none`, `school_bus`, `family`, `own_car`).
    public var transport: String
    /// Her ranked choices in her newest round.
    public var choices: [GuardianChoice]
}

/// One slot a student chose, as a guardian sees it.
public struct GuardianChoice: Sendable, Equatable {
    public var rank: Int
    public var title: String
    public var employer: String
    /// Slot kind code (`internship`, …).
    public var kind: String
    public var virtual: Bool
    /// Weekly windows in their text form (`Mon-Fri 15:30-18:00`).
    public var schedule: String
    /// ISO dates.
    public var startDate: String
    public var endDate: String
    /// Site name, address and county; empty for a virtual slot.
    public var site: String
    public var address: String
    public var county: String
}
