/// A slot as the reports show it: who offers it, how many seats, how many filled.
public struct SlotOutcome: Sendable, Equatable {
    /// `slots.id`.
    public var id: Int64
    /// The EDC's own id for the slot.
    public var externalID: String
    public var title: String
    /// Slot kind code, e.g. `internship`, `job_shadow`.
    public var kind: String
    /// Program-of-study code.
    public var programOfStudy: String
    public var employerID: Int64
    public var employerName: String
    /// `organizations.id` of the EDC that loaded the employer.
    public var edcID: Int64
    public var edcName: String
    public var capacity: Int
    /// Reserved ("second-chance") seats; outside juvenile services the neutral word is used.
    public var reservedSeats: Int

    public init(id: Int64, externalID: String, title: String, kind: String, programOfStudy: String,
                employerID: Int64, employerName: String, edcID: Int64, edcName: String,
                capacity: Int, reservedSeats: Int = 0) {
        self.id = id
        self.externalID = externalID
        self.title = title
        self.kind = kind
        self.programOfStudy = programOfStudy
        self.employerID = employerID
        self.employerName = employerName
        self.edcID = edcID
        self.edcName = edcName
        self.capacity = capacity
        self.reservedSeats = reservedSeats
    }
}
