import Foundation
import MatchingEngine
@testable import Reports

/// A small run with every case the confidentiality rules care about.
enum Fixtures {
    static let clovisHigh: Int64 = 10
    static let portalesHigh: Int64 = 11
    static let clovisEDC: Int64 = 20
    static let rooseveltEDC: Int64 = 21
    static let caseWorkerDana: Int64 = 501
    static let caseWorkerLee: Int64 = 502

    /// Words that reveal juvenile-services facts; none may reach an unentitled reader.
    static let confidential = ["Curfew", "curfew", "Quay", "second-chance", "Second-chance", "Dana Ruiz", "Lee Park",
                               "approval", "referr", "Referr", "juvenile", "Juvenile", "Court", "court", "CONFIDENTIAL"]

    static let injection = "=HYPERLINK(\"http://evil.example\",\"x\")"

    static func slots() -> [SlotOutcome] {
        [
            SlotOutcome(id: 100, externalID: "CS-1", title: "Welding helper", kind: "internship", programOfStudy: "manufacturing",
                        employerID: 1000, employerName: "Clovis Steel", edcID: clovisEDC, edcName: "Clovis EDC",
                        capacity: 2, reservedSeats: 1),
            SlotOutcome(id: 101, externalID: "PT-1", title: "IT help desk", kind: "internship", programOfStudy: "information_technology",
                        employerID: 1001, employerName: "Portales Tech", edcID: rooseveltEDC, edcName: "Roosevelt County EDC",
                        capacity: 1),
            SlotOutcome(id: 102, externalID: "MD-1", title: "Dairy hand", kind: "job_shadow", programOfStudy: "agriculture",
                        employerID: 1002, employerName: "Mesa Dairy", edcID: rooseveltEDC, edcName: "Roosevelt County EDC",
                        capacity: 2),
        ]
    }

    static let outranked = Reason(code: "outranked", text: "Its seats went to applicants ranked above the student (cutoff: tier 1, lottery 0.21).")
    static let neutral = "This placement is not available to the student."

    static func students() -> [StudentOutcome] {
        [
            StudentOutcome(id: 1, externalID: "C-001", firstName: "Ana", lastName: "Peña", schoolID: clovisHigh, schoolName: "Clovis High",
                           grade: 11, programOfStudy: "manufacturing", choiceCount: 2,
                           assignment: .init(slotID: 100, choiceRank: 1)),
            StudentOutcome(id: 2, externalID: "C-002", firstName: "@SUM(A1)", lastName: injection, schoolID: clovisHigh,
                           schoolName: "Clovis High", grade: 12, programOfStudy: "information_technology", choiceCount: 3,
                           assignment: .init(slotID: 101, choiceRank: 2),
                           explanation: [ExplanationLine(choiceRank: 1, slotTitle: "Welding helper", employerName: "Clovis Steel", reason: outranked)]),
            StudentOutcome(id: 3, externalID: "C-003", firstName: "Marcus", lastName: "Lee", schoolID: clovisHigh, schoolName: "Clovis High",
                           grade: 11, programOfStudy: "manufacturing", choiceCount: 2,
                           assignment: .init(slotID: 100, choiceRank: 2, onReservedSeat: true, pendingApproval: true),
                           explanation: [ExplanationLine(choiceRank: 1, slotTitle: "IT help desk", employerName: "Portales Tech",
                                                         reason: Reason(code: "not_available", text: neutral,
                                                                        restricted: .init(code: "excluded_county", text: "Court order excludes Quay County.")))],
                           referral: ReferralInfo(referralID: 7, caseWorkerUserID: caseWorkerDana, caseWorkerName: "Dana Ruiz",
                                                  restrictions: ["Curfew 20:00", "Excluded county: Quay"], approvalRequired: true)),
            StudentOutcome(id: 4, externalID: "P-004", firstName: "Jo", lastName: "Smith", schoolID: portalesHigh, schoolName: "Portales High",
                           grade: 10, programOfStudy: "agriculture", choiceCount: 1, mainReason: outranked,
                           actionsNeeded: [.guardianConsent, .certification("OSHA-10"), .guardianConsent]),
            StudentOutcome(id: 5, externalID: "P-005", firstName: "Kim", lastName: "Ortiz", schoolID: portalesHigh, schoolName: "Portales High",
                           grade: 12, programOfStudy: "agriculture", choiceCount: 1,
                           mainReason: Reason(code: "not_available", text: neutral,
                                              restricted: .init(code: "curfew", text: "Curfew 19:00: the slot ends at 20:00.")),
                           referral: ReferralInfo(referralID: 8, caseWorkerUserID: caseWorkerLee, caseWorkerName: "Lee Park",
                                                  restrictions: ["Curfew 19:00"])),
            StudentOutcome(id: 6, externalID: "P-006", firstName: "Sam", lastName: "Noel", schoolID: portalesHigh, schoolName: "Portales High",
                           grade: 9, programOfStudy: "education", choiceCount: 0),
        ]
    }

    static func report(verifier: VerifierResult = .passed, previous: [Int64: Int64]? = [1: 100, 2: 102, 4: 101]) -> RunReport {
        RunReport(
            run: RunInfo(id: 42, roundID: 3, roundName: "Spring 2027", kind: .preview,
                         startedAt: Date(timeIntervalSince1970: 1_800_000_000), seed: 12_345_678_901,
                         inputDigest: "ab12cd34", algorithmVersion: "da-1.0", verifier: verifier, previousRunID: previous == nil ? nil : 41),
            students: students(), slots: slots(), previousAssignments: previous,
            webURL: "https://wbl.example.org/runs/42")
    }

    static let coordinator = ReportRecipient(userID: 1, name: "Casey Coordinator", email: "casey@example.org", role: .coordinator, organizationID: 1)
    static let juvenileCoordinator = ReportRecipient(userID: 2, name: "Jamie Coordinator", email: "jamie@example.org", role: .coordinator,
                                                     organizationID: 1, canViewJuvenile: true)
    static let clovisCounselor = ReportRecipient(userID: 3, name: "Chris Counselor", email: "chris@clovis.example", role: .counselor, organizationID: clovisHigh)
    static let portalesCounselor = ReportRecipient(userID: 4, name: "Pat Counselor", email: "pat@portales.example", role: .counselor, organizationID: portalesHigh)
    static let clovisEDCStaff = ReportRecipient(userID: 5, name: "Eve EDC", email: "eve@clovisedc.example", role: .edcStaff, organizationID: clovisEDC)
    static let rooseveltEDCStaff = ReportRecipient(userID: 6, name: "Rae EDC", email: "rae@redc.example", role: .edcStaff, organizationID: rooseveltEDC)
    static let dana = ReportRecipient(userID: caseWorkerDana, name: "Dana Ruiz", email: "dana@jjs.example", role: .caseWorker, organizationID: 30)
    static let lee = ReportRecipient(userID: caseWorkerLee, name: "Lee Park", email: "lee@jjs.example", role: .caseWorker, organizationID: 30)
    static let otherCaseWorker = ReportRecipient(userID: 503, name: "Max Other", email: "max@jjs.example", role: .caseWorker, organizationID: 30)

    static func renderer() async throws -> ReportRenderer {
        ReportRenderer(templates: try await ReportTemplates.bundled(), timeZone: TimeZone(identifier: "America/Denver")!)
    }
}

extension Fixtures {
    /// A run of `students` students over three schools, with names full of markup and accents, so
    /// every list limit binds and every escape is exercised.
    static func largeReport(students count: Int, seed: UInt64) -> RunReport {
        var rng = SplitMix64(seed: seed)
        let names = ["Peña", "O'Neil", "<script>x</script>", "Ana \"AJ\"", "Smith & Sons", "Lee", "Ortiz", "Ruiz", "Đặng"]
        let schools: [(Int64, String)] = [(Fixtures.clovisHigh, "Clovis High"), (Fixtures.portalesHigh, "Portales <High>"), (12, "Tucumcari & Co")]
        let slots = Fixtures.slots()
        var students: [StudentOutcome] = []
        for i in 0..<count {
            let school = schools[Int(rng.next() % 3)]
            var student = StudentOutcome(id: Int64(1000 + i), externalID: "S-\(i)", firstName: names[Int(rng.next() % 9)],
                                         lastName: names[Int(rng.next() % 9)], schoolID: school.0, schoolName: school.1,
                                         grade: 9 + Int(rng.next() % 4), programOfStudy: ["manufacturing", "agriculture", "information_technology"][Int(rng.next() % 3)],
                                         choiceCount: Int(rng.next() % 4))
            if student.choiceCount > 0 {
                if rng.next() % 3 > 0 {
                    let slot = slots[Int(rng.next() % 3)]
                    student.assignment = .init(slotID: slot.id, choiceRank: Int(rng.next() % 3) + 1, onReservedSeat: rng.next() % 9 == 0)
                } else {
                    student.mainReason = rng.next() % 2 == 0 ? Fixtures.outranked
                        : Reason(code: "not_available", text: Fixtures.neutral, restricted: .init(code: "curfew", text: "Curfew <19:00>."))
                }
                for rank in 0..<Int(rng.next() % 5) {
                    student.explanation.append(ExplanationLine(choiceRank: rank + 1, slotTitle: "Slot \"\(rank)\"", employerName: "Employer & Co",
                                                               reason: Fixtures.outranked))
                }
            }
            if rng.next() % 4 == 0 { student.actionsNeeded = [.guardianConsent, .certification("OSHA-10 <b>")] }
            if rng.next() % 20 == 0 {
                student.referral = ReferralInfo(referralID: Int64(i), caseWorkerUserID: rng.next() % 2 == 0 ? Fixtures.caseWorkerDana : Fixtures.caseWorkerLee,
                                                caseWorkerName: "Dana Ruiz", restrictions: ["Curfew 20:00", "No <night> shifts"],
                                                approvalRequired: rng.next() % 2 == 0)
            }
            students.append(student)
        }
        var previous: [Int64: Int64] = [:]
        for student in students where rng.next() % 2 == 0 { previous[student.id] = slots[Int(rng.next() % 3)].id }
        let base = Fixtures.report()
        return RunReport(run: base.run, students: students, slots: slots, previousAssignments: previous, webURL: base.webURL,
                         withoutChoices: [Fixtures.clovisHigh: 5])
    }
}

extension ReportEmail {
    /// Subject, bodies and attachments as one string, for "never appears anywhere" checks.
    var everything: String {
        ([subject, text, html] + attachments.map { String(decoding: $0.data, as: UTF8.self) }).joined(separator: "\n")
    }
}

/// A strict RFC 4180 reader, to check the CSV the way a spreadsheet would read it.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)
    var i = 0
    chars.append("\u{0}")
    while i < chars.count - 1 {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
        else { field.append(c) }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
