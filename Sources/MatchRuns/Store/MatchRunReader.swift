import Database
import Foundation

/// Reads runs back for `wblmatch match show` and the web app.
public struct MatchRunReader: Sendable {
    public let pool: DatabasePool
    public init(pool: DatabasePool) { self.pool = pool }

    /// One student's result in a run, with explanations in the wording `juvenileEntitled` allows.
    public struct StudentResult: Codable, Sendable, Equatable {
        public struct Line: Codable, Sendable, Equatable {
            public var choiceRank: Int
            public var slotID: Int64
            public var slot: String
            public var employer: String
            public var outcome: String
            public var reasonCodes: [String]
            public var message: String
        }
        public var studentID: Int64
        public var externalID: String
        public var name: String
        public var slotID: Int64?
        public var slot: String?
        public var employer: String?
        public var choiceRank: Int?
        /// `matched` or `unmatched`; `pending_approval` only for entitled readers.
        public var status: String
        public var explanations: [Line]
    }

    public func summary(runID: Int64) async throws -> RunSummary {
        guard let row = try await pool.query(RunQueries.run, [runID]).first else {
            throw RunError(stage: "show", message: "run \(runID) does not exist (see match_runs)")
        }
        let timingsText: String = try row.decode("stage_timings")
        let timings = (try? JSONDecoder().decode([String: Int].self, from: Data(timingsText.utf8))) ?? [:]
        let assigned: Int = try row.decode("assigned_count", as: Int?.self) ?? 0
        return RunSummary(
            runID: runID, roundID: try row.decode("round_id"), roundName: try row.decode("round_name"), kind: try row.decode("kind"),
            state: try row.decode("state"), seed: String(UInt64(bitPattern: try row.decode("seed", as: Int64.self))),
            inputDigest: try row.decode("input_digest", as: String?.self) ?? "", algorithmVersion: try row.decode("algorithm_version"),
            verified: try row.decode("verified"), violations: try row.decode("violations"), secondRound: try row.decode("second_round"),
            previousRunID: try row.decode("previous_run_id"),
            counts: .init(students: try row.decode("students_count", as: Int?.self) ?? 0, slots: try row.decode("slots_count", as: Int?.self) ?? 0,
                          choices: try row.decode("choices_count", as: Int?.self) ?? 0,
                          eligiblePairs: try row.decode("eligible_pairs_count", as: Int?.self) ?? 0, assigned: assigned,
                          unassigned: try row.decode("unassigned_count", as: Int?.self) ?? 0),
            timings: timings, emailsQueued: try row.decode("emails_queued", as: Int.self))
    }

    public func student(runID: Int64, studentID: Int64, juvenileEntitled: Bool) async throws -> StudentResult {
        guard let row = try await pool.query(RunQueries.studentResult, [runID, studentID]).first else {
            throw RunError(stage: "show", message: "student \(studentID) did not take part in run \(runID)")
        }
        let status: String? = try row.decode("status")
        let lines = try await pool.query(RunQueries.studentExplanations, [runID, studentID]).map { e in
            let confidential: Bool = try e.decode("confidential")
            let codes: [String] = try e.decode("reason_codes")
            return StudentResult.Line(
                choiceRank: try e.decode("choice_rank"), slotID: try e.decode("slot_id"), slot: try e.decode("title"),
                employer: try e.decode("employer"), outcome: try e.decode("outcome"),
                reasonCodes: confidential && !juvenileEntitled ? codes.map { $0 == "court_restriction" ? "not_available" : $0 } : codes,
                message: confidential && !juvenileEntitled ? try e.decode("public_message") : try e.decode("message"))
            // A confidential row always has its public wording; others have only `message`.
        }
        return StudentResult(
            studentID: studentID, externalID: try row.decode("external_id"),
            name: "\(try row.decode("first_name", as: String.self)) \(try row.decode("last_name", as: String.self))",
            slotID: try row.decode("slot_id"), slot: try row.decode("title"), employer: try row.decode("employer"),
            choiceRank: try row.decode("choice_rank"),
            status: status == nil ? "unmatched" : (juvenileEntitled ? status! : "matched"), explanations: lines)
    }
}
