/// A work-based-learning opening an employer offers: capacity, dates, weekly schedule, and what
/// the work involves (the facts the eligibility rules read).
public struct Slot: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    /// Unique per EDC.
    public var externalID: String
    public var employerID: Int64
    /// Where it is worked; `nil` when virtual.
    public var siteID: Int64?
    public var title: String
    public var kind: SlotKind
    public var programOfStudy: ProgramOfStudy?
    public var capacity: Int
    /// Seats that go first to referred youth (soft reserve), `0...capacity`.
    public var reservedSeats: Int
    /// First day of the placement.
    public var startDate: CalendarDay
    /// Last day of the placement (inclusive).
    public var endDate: CalendarDay
    /// When the student works each week.
    public var schedule: WeeklySchedule
    /// The slot's own minimum age, when higher than the policy's; `nil` for the policy's.
    public var minimumAge: Int?
    /// The hazardous-occupation orders the slot's tasks fall under.
    public var hazardousOrders: HazardousOrderSet
    public var manufacturing: Bool
    public var powerMachinery: Bool
    public var mining: Bool
    /// Farm work under the agricultural hazardous orders (tractors, machinery, breeding stock, silos, chemicals).
    public var agriculturalHazardous: Bool
    /// Remote: no travel needed.
    public var virtual: Bool
    public var active: Bool
    public var requirements: SlotRequirements
    public var contactName: String
    public var contactEmail: String

    public init(id: Int64, externalID: String = "", employerID: Int64, siteID: Int64?, title: String = "",
                kind: SlotKind = .internship, programOfStudy: ProgramOfStudy? = nil, capacity: Int = 1,
                reservedSeats: Int = 0, startDate: CalendarDay, endDate: CalendarDay,
                schedule: WeeklySchedule, minimumAge: Int? = nil, hazardousOrders: HazardousOrderSet = [],
                manufacturing: Bool = false, powerMachinery: Bool = false, mining: Bool = false,
                agriculturalHazardous: Bool = false, virtual: Bool = false, active: Bool = true,
                requirements: SlotRequirements = .none, contactName: String = "", contactEmail: String = "") {
        self.id = id; self.externalID = externalID; self.employerID = employerID; self.siteID = siteID
        self.title = title; self.kind = kind; self.programOfStudy = programOfStudy; self.capacity = capacity
        self.reservedSeats = reservedSeats; self.startDate = startDate; self.endDate = endDate
        self.schedule = schedule; self.minimumAge = minimumAge; self.hazardousOrders = hazardousOrders
        self.manufacturing = manufacturing; self.powerMachinery = powerMachinery; self.mining = mining
        self.agriculturalHazardous = agriculturalHazardous; self.virtual = virtual; self.active = active
        self.requirements = requirements; self.contactName = contactName; self.contactEmail = contactEmail
    }
}
