import Database
import Reports
import Store

/// What a published final run owes families: its placements begin their lifecycle, and each student's
/// guardian is told — a placement notice or a second-round notice, in the guardian's language —
/// exactly once per (run, student), recorded in `guardian_notices` with the queued email.
///
/// The pipeline calls ``queue(runID:on:)`` in the transaction that publishes the run; the
/// coordinator's "send missing notices" button calls it again later (after a case worker's
/// approval, or a guardian email added since), which queues only what is still owed.
public struct GuardianNoticeQueue: Sendable {
    public let renderer: ReportRenderer
    public let mailer: any RunMailer

    /// Makes the queue with the run's renderer (guardian templates) and mailer (the outbox).
    public init(renderer: ReportRenderer, mailer: any RunMailer) {
        self.renderer = renderer
        self.mailer = mailer
    }

    /// Creates run `runID`'s placements and queues every notice it still owes, in `conn`'s
    /// transaction; returns how many notices were queued. Nothing happens unless the run is a
    /// published final run. The run's row is locked first, so two callers at once cannot both
    /// queue the same notice. With `studentID`, only that student's notice (a case worker's approval).
    @discardableResult
    public func queue(runID: Int64, studentID: Int64? = nil, on conn: Connection) async throws -> Int {
        guard try await conn.query(NoticeRunQueries.lockPublishedFinal, [runID]).first != nil else { return 0 }
        try await PlacementLifecycle.createPlacements(fromPublishedRun: runID, on: conn)
        let store = GuardianNoticeStore()
        var queued = 0
        for notice in try await store.owed(runID: runID, studentID: studentID, on: conn) {
            let emailID = try await mailer.enqueue(renderer.guardianNotice(Self.letter(notice)), on: conn)
            guard try await store.recordSent(notice, runID: runID, emailID: emailID, on: conn) else {
                throw RunError(stage: "guardian notices", message: "the notice for student \(notice.studentID) of run \(runID) was recorded twice")
            }
            queued += 1
        }
        return queued
    }

    /// ``queue(runID:on:)`` in a transaction of its own, its changes stamped with `actor`.
    @discardableResult
    public func queue(runID: Int64, pool: DatabasePool, actor: AuditActor) async throws -> Int {
        try await pool.withAuditedTransaction(as: actor) { conn in
            return try await queue(runID: runID, on: conn)
        }
    }

    /// The letter of a notice: only the placement's public facts cross into the email.
    static func letter(_ notice: GuardianNotice) -> GuardianLetter {
        var letter = GuardianLetter(kind: notice.kind == "placed" ? .placed : .secondRound, language: notice.language,
                                    guardianName: notice.guardianName, guardianEmail: notice.guardianEmail,
                                    studentFirstName: notice.studentFirstName)
        letter.slotTitle = notice.slotTitle
        letter.employer = notice.employer
        letter.site = notice.site
        letter.address = notice.address
        letter.virtual = notice.virtual
        letter.schedule = notice.schedule
        letter.startDate = notice.startDate
        letter.contactName = notice.contactName
        letter.contactEmail = notice.contactEmail
        return letter
    }
}

/// SQL of ``GuardianNoticeQueue``.
enum NoticeRunQueries {
    /// Locks run $1 if it is a published final run.
    static let lockPublishedFinal = "SELECT id FROM match_runs WHERE id = $1 AND kind = 'final' AND state = 'published' FOR UPDATE"
}
