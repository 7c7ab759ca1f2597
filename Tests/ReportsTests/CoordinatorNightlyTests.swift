import Foundation
import Testing
@testable import Reports

@Suite struct CoordinatorNightlyTests {
    func mail(_ report: RunReport = Fixtures.report()) async throws -> ReportEmail {
        try #require(try await Fixtures.renderer().emails(for: report, to: [.init(recipient: Fixtures.coordinator)]).first)
    }

    @Test func identifiesTheRun() async throws {
        let mail = try await mail()
        #expect(mail.subject == "WBLMatch: Nightly preview #42, Spring 2027: 3 of 5 students matched (60.0%)")
        #expect(mail.text.contains("Match run #42, Spring 2027 (nightly preview)"))
        #expect(mail.text.contains("Seed:      12345678901"))
        #expect(mail.text.contains("Inputs:    sha256 ab12cd34"))
        #expect(mail.text.contains("Verifier:  passed"))
        // 1_800_000_000 s = 2027-01-15 08:00 UTC = 01:00 MST.
        #expect(mail.text.contains("Started:   2027-01-15 01:00 MST"))
        #expect(mail.html.contains("<a href=\"https://wbl.example.org/runs/42\">"))
        #expect(mail.toAddress == "casey@example.org")
    }

    @Test func totalsAndRates() async throws {
        let text = try await mail().text
        #expect(text.contains("Students: 6 (5 ranked slots, 1 entered no choices)"))
        #expect(text.contains("Matched: 3 of 5 (60.0%); unmatched: 2"))
        #expect(text.contains("Seats: 3 of 5 filled (60.0%); 2 open"))
        #expect(text.contains("  Clovis High: 3 / 3 (100.0%)\n"))
        #expect(text.contains("  Portales High: 0 / 2 (0.0%)\n"))
        #expect(text.contains("  Manufacturing: 2 / 2 (100.0%)\n"))
        #expect(text.contains("  Agriculture: 0 / 2 (0.0%)\n"))
        #expect(text.contains("  Roosevelt County EDC: 1 / 3 (33.3%)\n"))
        #expect(text.contains("  Clovis EDC: 2 / 2 (100.0%)\n"))
        #expect(text.contains("  Job shadow: 0 / 2 (0.0%)\n"))
        #expect(text.contains("  Internship: 3 / 3 (100.0%)\n"))
    }

    /// Students who entered no choice are not in the run; the snapshot counts them per school.
    @Test func studentsWithoutChoicesAreCounted() async throws {
        var report = Fixtures.report()
        let school = try #require(report.students.first).schoolID
        report.withoutChoices = [school: 4]
        let text = try await mail(report).text
        #expect(text.contains("Students: 10 (5 ranked slots, 5 entered no choices)"))
        #expect(text.contains("Matched: 3 of 5 (60.0%); unmatched: 2"))
    }

    @Test func changesSinceThePreviousRun() async throws {
        let text = try await mail().text
        #expect(text.contains("Compared with run #41: 1 moved, 1 newly matched, 1 no longer matched, 1 unchanged."))
        #expect(text.contains(": Dairy hand at Mesa Dairy → IT help desk at Portales Tech"))
        #expect(text.contains("  - Marcus Lee (Clovis High): newly matched to Welding helper at Clovis Steel"))
        #expect(text.contains("  - Jo Smith (Portales High): no longer matched"))
        let first = try await mail(Fixtures.report(previous: nil)).text
        #expect(first.contains("This is the first run of the round."))
    }

    @Test func unmatchedAndUnfilled() async throws {
        let text = try await mail().text
        #expect(text.contains("UNMATCHED STUDENTS (2)"))
        #expect(text.contains("  - Smith, Jo (Portales High): \(Fixtures.outranked.text)"))
        #expect(text.contains("  1 × outranked\n"))
        #expect(text.contains("  1 × not_available\n"))
        #expect(text.contains("UNFILLED SLOTS (slots: 1, open seats: 2)"))
        #expect(text.contains("  - Dairy hand, Mesa Dairy (Roosevelt County EDC): 2 of 2 open"))
        #expect(!text.contains("Welding helper, Clovis Steel (Clovis EDC)"))
    }

    @Test func csvAttachmentHasEveryAssignmentEscaped() async throws {
        let mail = try await mail()
        let attachment = try #require(mail.attachments.first)
        #expect(attachment.filename == "run-42-assignments.csv")
        #expect(attachment.contentType == "text/csv; charset=utf-8")
        let rows = parseCSV(String(decoding: attachment.data, as: UTF8.self))
        #expect(rows.first == AssignmentsCSV.header)
        #expect(rows.count == 4)
        let byStudent = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[1], $0) })
        #expect(Set(byStudent.keys) == ["1", "2", "3"])
        #expect(byStudent["2"]?[3] == "'" + Fixtures.injection)
        #expect(byStudent["2"]?[4] == "'@SUM(A1)")
        #expect(byStudent["1"]?[3] == "Peña")
        #expect(byStudent["1"]?[8] == "1")
        #expect(byStudent["3"]?[11] == "Welding helper")
        #expect(rows.allSatisfy { $0.count == AssignmentsCSV.header.count })
    }

    @Test func htmlIsEscapedTextIsNot() async throws {
        var report = Fixtures.report()
        report.students[0].firstName = "<script>alert(1)</script>"
        report.students[0].assignment = nil
        let mail = try await mail(report)
        #expect(!mail.html.contains("<script>"))
        #expect(mail.html.contains("&lt;script&gt;"))
        #expect(mail.text.contains("<script>alert(1)</script>"))
    }

    @Test func verifierFailureSendsOnlyAFailureNoticeToCoordinators() async throws {
        let renderer = try await Fixtures.renderer()
        let report = Fixtures.report(verifier: .failed(["slot 100 over capacity: 3 > 2", "blocking pair (student 4, slot 101)"]))
        let mails = renderer.emails(for: report, to: [Fixtures.coordinator, Fixtures.clovisCounselor, Fixtures.rooseveltEDCStaff, Fixtures.dana]
            .map { .init(recipient: $0) })
        #expect(mails.count == 1)
        let mail = try #require(mails.first)
        #expect(mail.template == "run_failed")
        #expect(mail.subject.contains("FAILED"))
        #expect(mail.text.contains("  - slot 100 over capacity: 3 > 2"))
        #expect(mail.attachments.isEmpty)
        #expect(!mail.text.contains("Peña"))
    }

    @Test func longListsAreCappedWithALinkToTheApp() async throws {
        var report = Fixtures.report(previous: nil)
        for i in 0..<(CoordinatorNightly.listLimit + 5) {
            report.students.append(StudentOutcome(id: Int64(1000 + i), externalID: "X\(i)", firstName: "F\(i)", lastName: "L\(i)",
                                                  schoolID: Fixtures.portalesHigh, schoolName: "Portales High", grade: 10,
                                                  programOfStudy: "education", choiceCount: 1, mainReason: Fixtures.outranked))
        }
        let text = try await mail(report).text
        #expect(text.contains("UNMATCHED STUDENTS (\(CoordinatorNightly.listLimit + 7))"))
        #expect(text.contains("… and 7 more in the web app."))
    }
}
