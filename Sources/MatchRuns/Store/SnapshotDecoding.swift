import Database
import Placement

/// Turns snapshot rows into `Placement` values, naming the row and column of anything malformed.
enum SnapshotDecoding {
    static func day(_ r: CopyTextRows.Row, _ i: Int, table: String = "referrals") throws -> CalendarDay {
        guard let text = r.string(i), let day = CalendarDay(iso: text) else {
            throw RunError(stage: "snapshot", message: "\(table) row \(r.int64(0) ?? 0): column \(i + 1) is not a date")
        }
        return day
    }

    /// Parses a schedule column; `cache` holds schedules already parsed by their text, since a
    /// region's thousands of students and slots share a few dozen schedule texts.
    static func schedule(_ r: CopyTextRows.Row, _ i: Int, table: String, cache: inout [String: WeeklySchedule]) throws -> WeeklySchedule {
        let text = r.text(i)
        guard !text.isEmpty else { return .empty }
        if let known = cache[text] { return known }
        do {
            let parsed = try WeeklySchedule(parsing: text)
            cache[text] = parsed
            return parsed
        } catch {
            throw RunError(stage: "snapshot", message: "\(table) #\(r.int64(0) ?? 0): schedule \"\(text)\" does not parse: \(error)")
        }
    }

    static func certifications(_ codes: [String]) -> CertificationSet {
        CertificationSet(codes.compactMap(Certification.init(rawValue:)))
    }

    static func student(_ r: CopyTextRows.Row, schedules: inout [String: WeeklySchedule]) throws -> Student {
        Student(id: r.int64(0)!, externalID: r.text(1), schoolID: r.int64(2)!, firstName: r.text(3), lastName: r.text(4),
                birthDate: try day(r, 5, table: "students"), grade: r.int(6) ?? 12,
                programOfStudy: r.string(7).flatMap(ProgramOfStudy.init(rawValue:)), cteConcentrator: r.bool(8),
                expectedGraduation: r.string(9).flatMap { CalendarDay(iso: $0) },
                transport: Transport(rawValue: r.text(10)) ?? .none, driversLicense: r.bool(11),
                home: r.double(12).flatMap { lat in r.double(13).flatMap { GeoPoint(latitude: lat, longitude: $0) } },
                availability: try schedule(r, 14, table: "students", cache: &schedules), summerAvailability: try schedule(r, 15, table: "students", cache: &schedules),
                certifications: certifications(r.array(16)), guardianConsentOn: r.string(17).flatMap { CalendarDay(iso: $0) },
                workPermit: r.bool(18), studentLearnerAgreement: r.bool(19), vocationalAgExemption: r.bool(20),
                backgroundCheckCleared: r.bool(21), drugScreenPassed: r.bool(22), usCitizen: r.bool(23))
    }

    static func slot(_ r: CopyTextRows.Row, schedules: inout [String: WeeklySchedule]) throws -> Slot {
        Slot(id: r.int64(0)!, externalID: r.text(1), employerID: r.int64(2)!, siteID: r.int64(3), title: r.text(4),
             kind: SlotKind(rawValue: r.text(5)) ?? .internship, programOfStudy: ProgramOfStudy(rawValue: r.text(6)),
             capacity: r.int(7) ?? 0, reservedSeats: r.int(8) ?? 0, startDate: try day(r, 9, table: "slots"),
             endDate: try day(r, 10, table: "slots"), schedule: try schedule(r, 11, table: "slots", cache: &schedules), minimumAge: r.int(12),
             hazardousOrders: HazardousOrderSet(r.array(13).compactMap { Int($0).flatMap(HazardousOrder.init(rawValue:)) }),
             manufacturing: r.bool(14), powerMachinery: r.bool(15), mining: r.bool(16), agriculturalHazardous: r.bool(17),
             virtual: r.bool(18), active: r.bool(19),
             requirements: SlotRequirements(certifications: certifications(r.array(20)), backgroundCheck: r.bool(21),
                                            drugScreen: r.bool(22), driversLicense: r.bool(23), usCitizenship: r.bool(24),
                                            minimumGrade: r.int(25), programRequired: r.bool(26)))
    }
}
