/// Everything the fast check reads about one slot, precomputed once per run: plain integers and
/// bits, so checking a pair allocates nothing and formats nothing.
struct SlotFacts: Sendable {
    var start: Int32
    /// Minimum age on the start date; 0 = none.
    var requiredAge: Int32
    /// First day the schedule breaks a young-worker limit; `Int32.max` when never.
    var youngViolationDay: Int32
    /// Latest end of any window in minutes after its start day's midnight (> 1440 past midnight); -1 none.
    var latestEnd: Int32
    var hazardousOrders: UInt32
    var flags: Flags
    var intervalsStart: Int32
    var intervalsCount: Int32
    var employerID: Int64
    var siteID: Int64
    /// The site as a unit vector (three doubles, not SIMD3, to keep the struct small).
    var siteX: Double
    var siteY: Double
    var siteZ: Double
    var certifications: UInt8
    var minimumGrade: Int8
    /// Index of the program of study in `ProgramOfStudy.allCases`; -1 none.
    var program: Int8

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt32
        static let virtual = Flags(rawValue: 1 << 0)
        static let located = Flags(rawValue: 1 << 1)
        static let manufacturing = Flags(rawValue: 1 << 2)
        static let mining = Flags(rawValue: 1 << 3)
        static let powerMachinery = Flags(rawValue: 1 << 4)
        static let agriculturalHazardous = Flags(rawValue: 1 << 5)
        static let workPermitApplies = Flags(rawValue: 1 << 6)
        static let inactive = Flags(rawValue: 1 << 7)
        static let invalid = Flags(rawValue: 1 << 8)
        static let usesSchoolYear = Flags(rawValue: 1 << 9)
        static let usesSummer = Flags(rawValue: 1 << 10)
        static let backgroundCheck = Flags(rawValue: 1 << 11)
        static let drugScreen = Flags(rawValue: 1 << 12)
        static let driversLicense = Flags(rawValue: 1 << 13)
        static let usCitizenship = Flags(rawValue: 1 << 14)
        static let programRequired = Flags(rawValue: 1 << 15)
        static let restrictedWork: Flags = [.manufacturing, .mining, .powerMachinery]
    }
}

extension ProgramOfStudy {
    /// Small integer for the fast check.
    var code: Int8 {
        switch self {
        case .informationTechnology: 0
        case .manufacturing: 1
        case .agriculture: 2
        case .transportationLogistics: 3
        case .alliedHealth: 4
        case .education: 5
        case .businessManagement: 6
        }
    }
}
