/// A student's facts in the form the fast check reads, computed once per student and reused for
/// each of her choices: the days she reaches each age the rules use, her commute origin as a unit
/// vector, and bit sets.
public struct PreparedStudent: Sendable {
    /// Day number of the day she reaches age `i` (for the ages the checker needs).
    var birthdays: InlineArray<32, Int32>
    var origin: SIMD3<Double>
    var hasOrigin: Bool
    var originIsHome: Bool
    /// Effective transport: own car without a license counts as none.
    var transport: Transport
    var certifications: UInt8
    var grade: Int8
    var program: Int8
    var flags: Flags
    var availability: [Int32]
    var summerAvailability: [Int32]
    var busRouteSiteIDs: SiteIDSet
    var restricted: Bool
    var excludedEmployerIDs: [Int64]
    var excludedCounties: [String]
    /// Curfew in minutes after the start day's midnight; `Int32.max` none.
    var curfew: Int32
    var curfewTime: TimeOfDay?
    var approvalRequired: Bool

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let guardianConsent = Flags(rawValue: 1 << 0)
        static let workPermit = Flags(rawValue: 1 << 1)
        static let studentLearnerAgreement = Flags(rawValue: 1 << 2)
        static let vocationalAgExemption = Flags(rawValue: 1 << 3)
        static let backgroundCheck = Flags(rawValue: 1 << 4)
        static let drugScreen = Flags(rawValue: 1 << 5)
        static let driversLicense = Flags(rawValue: 1 << 6)
        static let usCitizen = Flags(rawValue: 1 << 7)
    }

    init(_ s: borrowing Student, context: borrowing StudentContext, neededAges: [Int], leapDay: LeapDayBirthday, fromSchool: Bool) {
        let birth = s.birthDate.components
        var b = InlineArray<32, Int32>(repeating: Int32.max)
        for age in neededAges {
            b[age] = Int32(CalendarDay.birthdayNumber(year: birth.year, month: birth.month, day: birth.day, turning: age, leapDay: leapDay))
        }
        birthdays = b
        // Written without `??`: its autoclosure would copy the context for every student.
        var from: GeoPoint? = nil
        originIsHome = false
        if !fromSchool, let home = s.home {
            from = home
            originIsHome = true
        } else if let school = context.schoolLocation {
            from = school
        }
        if let from {
            origin = from.unitVector
            hasOrigin = true
        } else {
            origin = .zero
            hasOrigin = false
        }
        transport = s.transport == .ownCar && !s.driversLicense ? .none : s.transport
        certifications = s.certifications.rawValue
        grade = Int8(clamping: s.grade)
        program = s.programOfStudy?.code ?? -1
        var f: Flags = []
        if s.guardianConsentOn != nil { f.insert(.guardianConsent) }
        if s.workPermit { f.insert(.workPermit) }
        if s.studentLearnerAgreement { f.insert(.studentLearnerAgreement) }
        if s.vocationalAgExemption { f.insert(.vocationalAgExemption) }
        if s.backgroundCheckCleared { f.insert(.backgroundCheck) }
        if s.drugScreenPassed { f.insert(.drugScreen) }
        if s.driversLicense { f.insert(.driversLicense) }
        if s.usCitizen { f.insert(.usCitizen) }
        flags = f
        availability = s.availability.intervals
        summerAvailability = s.summerAvailability.intervals
        busRouteSiteIDs = context.busRouteSiteIDs
        if let r = context.restrictions {
            restricted = true
            excludedEmployerIDs = r.excludedEmployerIDs
            excludedCounties = r.excludedCounties.map { $0.lowercased() }
            if let c = r.curfew { curfew = Int32(c.minutes < 720 ? c.minutes + 1440 : c.minutes) } else { curfew = Int32.max }
            approvalRequired = r.caseworkerApprovalRequired
            curfewTime = r.curfew
        } else {
            restricted = false
            excludedEmployerIDs = []
            excludedCounties = []
            curfew = Int32.max
            approvalRequired = false
            curfewTime = nil
        }
    }
}
