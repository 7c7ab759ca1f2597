import Placement
@testable import MatchRuns

/// A small consortium to run matches on: one school, one EDC, two employers, three virtual slots.
enum World {
    static let school: Int64 = 10
    static let edc: Int64 = 20
    static let steel: Int64 = 1000
    static let tech: Int64 = 2000
    static let caseWorker: Int64 = 501

    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

    static func slot(_ id: Int64, employer: Int64, capacity: Int, reserved: Int = 0, title: String,
                     program: ProgramOfStudy = .informationTechnology) -> Slot {
        Slot(id: id, externalID: "S\(id)", employerID: employer, siteID: nil, title: title, kind: .internship,
             programOfStudy: program, capacity: capacity, reservedSeats: reserved,
             startDate: day(2027, 2, 1), endDate: day(2027, 4, 30),
             schedule: try! WeeklySchedule(parsing: "Mon,Wed 15:30-17:30"), virtual: true)
    }

    static func student(_ id: Int64, first: String, consent: Bool = true, program: ProgramOfStudy = .informationTechnology) -> Student {
        Student(id: id, externalID: "C-\(id)", schoolID: school, firstName: first, lastName: "Student\(id)",
                birthDate: day(2010, 3, 1), grade: 11, programOfStudy: program, transport: .family,
                availability: try! WeeklySchedule(parsing: "Mon-Fri 15:00-19:00"),
                summerAvailability: try! WeeklySchedule(parsing: "Mon-Fri 08:00-17:00"),
                guardianConsentOn: consent ? day(2026, 9, 1) : nil)
    }

    /// Students 1–5 competing for slots 100 (1 seat, reserved), 101 (2 seats), 102 (1 seat).
    /// Student 3 is referred: a court order excludes employer 2000 and requires the case worker's approval.
    /// Student 5 has no guardian consent.
    static func inputs(kept: [Int64: RunInputs.KeptPlacement] = [:], previousRound: Int64? = nil,
                       rankings: [Int64: [RunInputs.RankingEntry]] = [:]) -> RunInputs {
        let students = [student(1, first: "Ana"), student(2, first: "Ben"), student(3, first: "Cruz"),
                        student(4, first: "Dee", program: .manufacturing), student(5, first: "Eli", consent: false)]
        let slots = [slot(100, employer: steel, capacity: 1, reserved: 1, title: "Network helper"),
                     slot(101, employer: tech, capacity: 2, title: "IT help desk"),
                     slot(102, employer: steel, capacity: 1, title: "Welding helper", program: .manufacturing)]
        let referral = Referral(id: 7, studentID: 3, referredBy: caseWorker, juvenileServicesID: 30, referredOn: day(2026, 10, 1),
                                restrictions: CourtRestrictions(excludedEmployerIDs: [tech], caseworkerApprovalRequired: true))
        return RunInputs(
            round: .init(id: 1, name: "Spring 2027", previousRoundID: previousRound), policy: .default, students: students,
            slots: slots, sites: [],
            employers: [steel: Employer(id: steel, externalID: "E1", edcID: edc, name: "Clovis Steel"),
                        tech: Employer(id: tech, externalID: "E2", edcID: edc, name: "Portales Tech")],
            organizations: [school: .init(id: school, name: "Clovis High", location: GeoPoint(latitude: 34.4, longitude: -103.2)),
                            edc: .init(id: edc, name: "Clovis EDC")],
            referrals: [3: referral], userNames: [caseWorker: "Dana Ruiz"],
            choices: [1: [101, 100], 2: [101, 100, 102], 3: [101, 100], 4: [102, 101], 5: [101]],
            rankings: rankings, kept: kept, digest: "test")
    }
}
