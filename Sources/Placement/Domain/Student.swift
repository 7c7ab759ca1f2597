/// A student registered by her school's counselor, with the facts the eligibility rules read.
public struct Student: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    /// Unique per school.
    public var externalID: String
    public var schoolID: Int64
    public var firstName: String
    public var lastName: String
    public var birthDate: CalendarDay
    /// 6–12.
    public var grade: Int
    public var programOfStudy: ProgramOfStudy?
    public var cteConcentrator: Bool
    public var expectedGraduation: CalendarDay?
    public var transport: Transport
    public var driversLicense: Bool
    /// `nil` when unknown; distances are then measured from the school.
    public var home: GeoPoint?
    /// When she can work during the school year (release periods, after school, weekends).
    public var availability: WeeklySchedule
    /// When she can work outside the school year.
    public var summerAvailability: WeeklySchedule
    public var certifications: CertificationSet
    /// The day a guardian's written consent was recorded; `nil` = none on file.
    public var guardianConsentOn: CalendarDay?
    /// A work permit is on file (New Mexico, under 16).
    public var workPermit: Bool
    /// A signed student-learner agreement is on file (the HO exemption for 16–17 in a matching program).
    public var studentLearnerAgreement: Bool
    /// The vocational-agriculture exemption is on file (agricultural hazardous work at 14–15).
    public var vocationalAgExemption: Bool
    public var backgroundCheckCleared: Bool
    public var drugScreenPassed: Bool
    public var usCitizen: Bool
    public var specialPopulations: [SpecialPopulation]
    public var guardianName: String
    public var guardianEmail: String
    public var guardianLanguage: GuardianLanguage

    public init(id: Int64, externalID: String = "", schoolID: Int64, firstName: String, lastName: String = "",
                birthDate: CalendarDay, grade: Int, programOfStudy: ProgramOfStudy? = nil,
                cteConcentrator: Bool = false, expectedGraduation: CalendarDay? = nil,
                transport: Transport = .family, driversLicense: Bool = false, home: GeoPoint? = nil,
                availability: WeeklySchedule = .empty, summerAvailability: WeeklySchedule = .empty,
                certifications: CertificationSet = [], guardianConsentOn: CalendarDay? = nil,
                workPermit: Bool = false, studentLearnerAgreement: Bool = false, vocationalAgExemption: Bool = false,
                backgroundCheckCleared: Bool = false, drugScreenPassed: Bool = false, usCitizen: Bool = false,
                specialPopulations: [SpecialPopulation] = [], guardianName: String = "", guardianEmail: String = "",
                guardianLanguage: GuardianLanguage = .en) {
        self.id = id; self.externalID = externalID; self.schoolID = schoolID; self.firstName = firstName
        self.lastName = lastName; self.birthDate = birthDate; self.grade = grade; self.programOfStudy = programOfStudy
        self.cteConcentrator = cteConcentrator; self.expectedGraduation = expectedGraduation
        self.transport = transport; self.driversLicense = driversLicense; self.home = home
        self.availability = availability; self.summerAvailability = summerAvailability
        self.certifications = certifications; self.guardianConsentOn = guardianConsentOn
        self.workPermit = workPermit; self.studentLearnerAgreement = studentLearnerAgreement
        self.vocationalAgExemption = vocationalAgExemption; self.backgroundCheckCleared = backgroundCheckCleared
        self.drugScreenPassed = drugScreenPassed; self.usCitizen = usCitizen
        self.specialPopulations = specialPopulations; self.guardianName = guardianName
        self.guardianEmail = guardianEmail; self.guardianLanguage = guardianLanguage
    }
}
