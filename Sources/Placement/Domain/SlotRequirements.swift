/// What a slot requires of a student beyond age and the child-labor rules.
public struct SlotRequirements: Hashable, Sendable, Codable {
    public var certifications: CertificationSet
    public var backgroundCheck: Bool
    public var drugScreen: Bool
    public var driversLicense: Bool
    public var usCitizenship: Bool
    /// Lowest grade (6–12) admitted; `nil` for any.
    public var minimumGrade: Int?
    /// Whether the slot admits only students of its program of study (otherwise it is preferred).
    public var programRequired: Bool

    public init(certifications: CertificationSet = [], backgroundCheck: Bool = false, drugScreen: Bool = false,
                driversLicense: Bool = false, usCitizenship: Bool = false, minimumGrade: Int? = nil,
                programRequired: Bool = false) {
        self.certifications = certifications; self.backgroundCheck = backgroundCheck; self.drugScreen = drugScreen
        self.driversLicense = driversLicense; self.usCitizenship = usCitizenship
        self.minimumGrade = minimumGrade; self.programRequired = programRequired
    }

    /// No requirement.
    public static let none = SlotRequirements()
}
