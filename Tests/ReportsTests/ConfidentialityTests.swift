import Foundation
import Testing
@testable import Reports

/// Juvenile-services facts reach only the referring case worker and coordinators with the permission.
@Suite struct ConfidentialityTests {
    func emails(_ recipients: [ReportRecipient], report: RunReport = Fixtures.report()) async throws -> [ReportEmail] {
        try await Fixtures.renderer().emails(for: report, to: recipients.map { .init(recipient: $0) })
    }

    func expectNoConfidential(_ email: ReportEmail, allowing allowed: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        for word in Fixtures.confidential where !allowed.contains(word) {
            #expect(!email.everything.contains(word), "\(email.template) to \(email.toAddress) contains \(word.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func edcMailHoldsNoConfidentialField() async throws {
        let mails = try await emails([Fixtures.clovisEDCStaff, Fixtures.rooseveltEDCStaff])
        #expect(mails.count == 2)
        for mail in mails {
            expectNoConfidential(mail)
            #expect(!mail.everything.contains("reserved"))
            #expect(!mail.everything.contains("Main reason"))
            // One CSV of the EDC's slots and placements; `everything` above includes its bytes.
            #expect(mail.attachments.map(\.contentType) == ["text/csv; charset=utf-8"])
        }
        // Marcus (referred, on a reserved seat, pending approval) shows as a name and a school only.
        let clovis = try #require(mails.first { $0.userID == Fixtures.clovisEDCStaff.userID })
        #expect(clovis.text.contains("  - Marcus Lee, Clovis High\n"))
        #expect(clovis.html.contains("<li>Marcus Lee, Clovis High</li>"))
        #expect(!clovis.everything.contains("C-003"), "no student ids in EDC mail")
        #expect(!clovis.everything.contains("grade"))
        let csv = String(decoding: try #require(clovis.attachments.first).data, as: UTF8.self)
        #expect(csv.hasPrefix("slot_id,slot_title,employer,kind,capacity,open_seats,student,school\r\n"))
        #expect(csv.contains("CS-1,Welding helper,Clovis Steel,Internship,2,") && csv.contains(",Marcus Lee,Clovis High\r\n"))
        #expect(!csv.contains("IT help desk"), "another EDC's slot")
    }

    /// An EDC with more slots than an email can show: the body lists the first ones and says how
    /// many more; the CSV still holds every slot.
    @Test func aLargeEDCGetsTheFirstSlotsInTheBodyAndEverySlotInTheCSV() async throws {
        var report = Fixtures.report()
        let extra = EDCDigest.slotLimit + 25
        for i in 0..<extra {
            report.slots.append(SlotOutcome(id: 10_000 + Int64(i), externalID: "ZZ-\(i)", title: "Extra slot \(i)", kind: "internship",
                                            programOfStudy: "manufacturing", employerID: 9000, employerName: "Zia Works",
                                            edcID: Fixtures.clovisEDC, edcName: "Clovis EDC", capacity: 1))
        }
        let mail = try #require(try await emails([Fixtures.clovisEDCStaff], report: report).first)
        let total = extra + 1
        #expect(mail.text.contains("in \(total) slots"))
        #expect(mail.text.contains("… and \(total - EDCDigest.slotLimit) more slots"))
        #expect(mail.html.contains("… and \(total - EDCDigest.slotLimit) more slots"))
        let csv = String(decoding: try #require(mail.attachments.first).data, as: UTF8.self)
        // The header, a row per extra slot, and Welding helper's rows (one per student placed there).
        let welding = max(1, report.students.filter { $0.assignment?.slotID == 100 }.count)
        #expect(csv.split(separator: "\r\n").count == 1 + extra + welding)
    }

    @Test func edcSeesOnlyItsEmployersSlots() async throws {
        let mails = try await emails([Fixtures.rooseveltEDCStaff])
        let mail = try #require(mails.first)
        #expect(mail.text.contains("IT help desk, Portales Tech"))
        #expect(mail.text.contains("Dairy hand, Mesa Dairy (Job shadow): 2 of 2 seats open"))
        #expect(!mail.everything.contains("Welding helper"))
        #expect(!mail.everything.contains("Clovis Steel"))
        #expect(!mail.everything.contains("Peña"))
        #expect(!mail.everything.contains("Marcus"))
    }

    @Test func generalCSVHoldsNoConfidentialFieldEvenForEntitledCoordinators() async throws {
        let mails = try await emails([Fixtures.coordinator, Fixtures.juvenileCoordinator])
        #expect(mails.count == 2)
        #expect(mails[0].attachments == mails[1].attachments)
        let csv = String(decoding: try #require(mails[1].attachments.first).data, as: UTF8.self)
        for word in Fixtures.confidential { #expect(!csv.contains(word), "CSV contains \(word)") }
        #expect(!csv.contains("reserved"))
        #expect(!csv.contains("pending"))
    }

    @Test func counselorSeesOnlyHerSchoolAndNeutralWording() async throws {
        let mails = try await emails([Fixtures.clovisCounselor, Fixtures.portalesCounselor])
        #expect(mails.count == 2)
        let clovis = try #require(mails.first { $0.userID == Fixtures.clovisCounselor.userID })
        #expect(clovis.text.contains("Peña, Ana"))
        #expect(clovis.text.contains("Lee, Marcus"))
        #expect(!clovis.everything.contains("Smith"))
        #expect(!clovis.everything.contains("Ortiz"))
        #expect(clovis.text.contains("1st choice, IT help desk at Portales Tech: \(Fixtures.neutral)"))
        #expect(clovis.text.contains("Matched: Welding helper at Clovis Steel, 2nd choice"))
        #expect(clovis.html.contains("<li>1st choice, IT help desk at Portales Tech: \(Fixtures.neutral)</li>"))
        let portales = try #require(mails.first { $0.userID == Fixtures.portalesCounselor.userID })
        #expect(portales.text.contains("Main reason: \(Fixtures.neutral)"))
        for mail in mails {
            expectNoConfidential(mail)
            #expect(!mail.everything.contains("reserved"))
        }
    }

    @Test func caseWorkerSeesOnlyHerReferralsInFull() async throws {
        let mails = try await emails([Fixtures.dana, Fixtures.lee, Fixtures.otherCaseWorker])
        #expect(mails.count == 2, "a case worker without referrals in the round gets no mail")
        let dana = try #require(mails.first { $0.userID == Fixtures.caseWorkerDana })
        #expect(dana.text.contains("Marcus Lee (Clovis High): matched, pending case-worker approval, on a second-chance seat"))
        #expect(dana.html.contains("<li>1st choice, IT help desk at Portales Tech: Court order excludes Quay County.</li>"))
        #expect(dana.text.contains("Restriction: Curfew 20:00"))
        #expect(dana.text.contains("Your approval is needed"))
        #expect(dana.text.contains("1st choice, IT help desk at Portales Tech: Court order excludes Quay County."))
        #expect(!dana.everything.contains("Ortiz"))
        #expect(!dana.everything.contains("Peña"))
        let lee = try #require(mails.first { $0.userID == Fixtures.caseWorkerLee })
        #expect(lee.text.contains("Main reason: Curfew 19:00: the slot ends at 20:00."))
        #expect(!lee.everything.contains("Marcus"))
    }

    @Test func coordinatorWithoutPermissionSeesNoReferralFacts() async throws {
        let mail = try #require(try await emails([Fixtures.coordinator]).first)
        expectNoConfidential(mail)
        #expect(mail.text.contains("Reserved: 1 of 1 reserved seats used (100.0%)"))
        #expect(mail.text.contains("Ortiz, Kim (Portales High): \(Fixtures.neutral)"))
    }

    @Test func coordinatorWithPermissionSeesTheJuvenileSection() async throws {
        let mail = try #require(try await emails([Fixtures.juvenileCoordinator]).first)
        #expect(mail.text.contains("REFERRED YOUTH"))
        #expect(mail.text.contains("Marcus Lee (Clovis High), case worker Dana Ruiz: matched, pending case-worker approval"))
        #expect(mail.text.contains("Restriction: Curfew 19:00"))
        #expect(mail.text.contains("Reserved: 1 of 1 second-chance seats used"))
        #expect(mail.text.contains("Ortiz, Kim (Portales High): Curfew 19:00: the slot ends at 20:00."))
    }

    /// A case worker with more referrals than an email can hold: approvals she owes come first, the
    /// rest is counted and left to the web app.
    @Test func aLongCaseWorkerDigestShowsApprovalsFirstAndCountsTheRest() async throws {
        var report = Fixtures.report()
        let extra = CaseWorkerDigest.rowLimit + 10
        for i in 0..<extra {
            report.students.append(StudentOutcome(
                id: Int64(2000 + i), externalID: "R\(i)", firstName: "A\(i)", lastName: "Aaron", schoolID: Fixtures.clovisHigh,
                schoolName: "Clovis High", grade: 11, programOfStudy: "manufacturing", choiceCount: 1,
                assignment: .init(slotID: 101, choiceRank: 1),
                referral: ReferralInfo(referralID: Int64(100 + i), caseWorkerUserID: Fixtures.caseWorkerDana, caseWorkerName: "Dana Ruiz",
                                       restrictions: [])))
        }
        let mail = try #require(try await emails([Fixtures.dana], report: report).first)
        let total = extra + 1   // and Marcus Lee, whose placement awaits her approval
        #expect(mail.text.contains("of your \(total) referred students matched; 1 placements await your approval"))
        #expect(mail.text.contains("… and \(total - CaseWorkerDigest.rowLimit) more referred students in the web app."))
        // Marcus sorts after every "Aaron" by name, yet comes first: his placement needs her approval.
        let marcus = try #require(mail.text.range(of: "Marcus Lee"))
        let firstAaron = try #require(mail.text.range(of: "Aaron ("))
        #expect(marcus.lowerBound < firstAaron.lowerBound)
    }

    @Test func reportsGoOnlyToTheRoleTheyAreWrittenFor() async throws {
        let renderer = try await Fixtures.renderer()
        let all = Set(ReportKind.allCases)
        let mails = renderer.emails(for: Fixtures.report(), to: [
            .init(recipient: Fixtures.rooseveltEDCStaff, kinds: all),
            .init(recipient: Fixtures.portalesCounselor, kinds: all),
            .init(recipient: ReportRecipient(userID: 9, name: "Emp", email: "e@x", role: .employer, organizationID: 1000), kinds: all),
        ])
        #expect(mails.map(\.template).sorted() == ["counselor_digest", "edc_digest"])
        // The general assignments CSV is the coordinators' alone; the EDC gets only its own placements CSV.
        #expect(mails.flatMap(\.attachments).allSatisfy { !$0.filename.hasSuffix("-assignments.csv") })
        #expect(mails.first { $0.template == "counselor_digest" }?.attachments.isEmpty == true)
        #expect(mails.first { $0.template == "edc_digest" }?.attachments.map(\.filename).allSatisfy { $0.contains("-placements-") } == true)
    }
}
