@testable import Placement

/// Random students, slots and contexts for property tests, from a seeded generator.
struct RandomData {
    var rng: SplitMix

    init(seed: UInt64) { rng = SplitMix(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func bool(_ p: Double = 0.5) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func schedule(maxWindows: Int = 4) -> WeeklySchedule {
        var windows: [WeeklyWindow] = []
        for _ in 0..<int(0...maxWindows) {
            let start = int(0...95) * 15
            let length = int(1...40) * 15
            let end = (start + length) % 1440
            if let w = WeeklyWindow(weekday: int(1...7), start: start, end: end == 0 ? 1440 : end) { windows.append(w) }
        }
        return WeeklySchedule(windows: windows)
    }

    mutating func day(from: String = "2025-01-01", spanDays: Int = 900) -> CalendarDay {
        CalendarDay(iso: from)!.adding(days: int(0...spanDays))
    }

    mutating func slot(id: Int64) -> Slot {
        let start = day()
        var s = Slot(id: id, employerID: Int64(int(10...12)), siteID: bool(0.9) ? Int64(int(100...103)) : nil,
                     kind: SlotKind.allCases.randomElement(using: &rng)!,
                     programOfStudy: bool(0.8) ? ProgramOfStudy.allCases.randomElement(using: &rng)! : nil,
                     startDate: start, endDate: start.adding(days: int(0...70)), schedule: schedule())
        s.minimumAge = bool(0.1) ? int(14...18) : nil
        s.hazardousOrders = bool(0.3) ? HazardousOrderSet([HazardousOrder(rawValue: int(1...17))!, HazardousOrder(rawValue: int(1...17))!]) : []
        s.manufacturing = bool(0.1); s.powerMachinery = bool(0.1); s.mining = bool(0.05)
        s.agriculturalHazardous = bool(0.1)
        s.virtual = s.siteID == nil || bool(0.1)
        s.active = bool(0.95)
        s.requirements = SlotRequirements(
            certifications: CertificationSet(Certification.allCases.filter { _ in bool(0.1) }),
            backgroundCheck: bool(0.1), drugScreen: bool(0.1), driversLicense: bool(0.1), usCitizenship: bool(0.1),
            minimumGrade: bool(0.2) ? int(9...12) : nil, programRequired: bool(0.2))
        return s
    }

    mutating func student(id: Int64) -> Student {
        Student(id: id, schoolID: 1, firstName: "S\(id)", birthDate: day(from: "2007-01-01", spanDays: 2500), grade: int(8...12),
                programOfStudy: bool(0.9) ? ProgramOfStudy.allCases.randomElement(using: &rng)! : nil,
                transport: Transport.allCases.randomElement(using: &rng)!, driversLicense: bool(),
                home: bool(0.8) ? GeoPoint(latitude: 34.4 + Double(int(-30...30)) / 100, longitude: -103.2 + Double(int(-30...30)) / 100) : nil,
                availability: bool(0.3) ? WeeklySchedule(windows: (1...7).map { WeeklyWindow(weekday: $0, start: 0, end: 1440)! }) : schedule(maxWindows: 8),
                summerAvailability: schedule(maxWindows: 8),
                certifications: CertificationSet(Certification.allCases.filter { _ in bool(0.3) }),
                guardianConsentOn: bool(0.8) ? CalendarDay(iso: "2025-01-01") : nil, workPermit: bool(0.7),
                studentLearnerAgreement: bool(0.3), vocationalAgExemption: bool(0.2), backgroundCheckCleared: bool(),
                drugScreenPassed: bool(), usCitizen: bool(0.8))
    }

    mutating func restrictions() -> CourtRestrictions? {
        guard bool(0.4) else { return nil }
        return CourtRestrictions(excludedEmployerIDs: bool() ? [Int64(int(10...12))] : [],
                                 excludedCounties: bool() ? [["curry", "Roosevelt", "BERNALILLO"][int(0...2)]] : [],
                                 curfew: bool() ? TimeOfDay(minutes: int(0...95) * 15) : nil,
                                 caseworkerApprovalRequired: bool())
    }

    static let sites = TestData.sites + [Site(id: 103, employerID: 12, name: "Unlocated", county: "Quay", location: nil)]
}
