import Database
import Foundation
import Reports
import Store

/// The match-run pipeline: snapshot (one REPEATABLE READ transaction) → eligibility → engine →
/// verifier → write the run, its assignments and explanations (COPY), compare with the previous run,
/// and queue the emails, all in one transaction. A crash leaves a whole run or none. A final run is
/// published in that transaction, which also creates its placements and queues the guardians' notices
/// (``GuardianNoticeQueue``).
public struct MatchRunPipeline: Sendable {
    public let pool: DatabasePool
    public let renderer: ReportRenderer
    public let mailer: any RunMailer
    /// The web app's address; runs link to `\(publicURL)/runs/ID`.
    public let publicURL: String
    /// The pure stages; tests replace it to see how the pipeline handles a verifier failure.
    /// Test hook: how long to hold the write transaction open before COMMIT (reliability tests kill the worker then).
    public var holdBeforeCommit: Duration?
    /// Bench hook: render the emails (and their MIME) before the write, alone, instead of beside it,
    /// so `scripts/bench run` can measure what they take on their own.
    public var rendersEmailsFirst = false
    var compute: @Sendable (RunInputs, UInt64) throws -> RunComputation = { try RunComputation.compute($0, seed: $1) }
    /// Told each stage as it ends, in words (`wblmatch match run` prints them to standard error).
    public var progress: (@Sendable (String) -> Void)?

    public init(pool: DatabasePool, renderer: ReportRenderer, mailer: any RunMailer, publicURL: String) {
        self.pool = pool
        self.renderer = renderer
        self.mailer = mailer
        self.publicURL = publicURL
    }

    /// Computes a run without writing anything.
    public func dryRun(_ args: MatchRunArgs) async throws -> RunSummary {
        var clock = StageClock()
        let inputs = try await snapshot(args)
        clock.lap("snapshot_ms")
        let seed = args.seed ?? UInt64.random(in: .min ... .max)
        let computed = try compute(inputs, seed)
        return summary(runID: nil, state: computed.verified ? "dry_run" : "failed", args: args, inputs: inputs,
                       computed: computed, timings: clock.laps.merging(computed.timings) { a, _ in a }, previousRunID: nil, emails: 0)
    }

    /// Runs and writes a run. With `jobID`, a run this job already wrote is returned instead of
    /// writing another (a rescued job); `complete` marks the job done inside the write transaction.
    ///
    /// - Throws: `RunFailed` when the verifier rejects the matching (the failed run and the coordinators'
    ///   notices are committed first), `RunError` for a round that cannot be run.
    public func run(_ args: MatchRunArgs, jobID: Int64? = nil,
                    complete: (@Sendable (Connection) async throws -> Void)? = nil) async throws -> RunSummary {
        if let jobID, let existing = try await existingRun(jobID: jobID) {
            if existing.state == "failed" { throw RunFailed(runID: existing.id, message: existing.error ?? "the run failed") }
            if let complete { try await pool.withTransaction { conn in try await complete(conn) } }
            return try await MatchRunReader(pool: pool).summary(runID: existing.id)
        }
        var clock = StageClock()
        let startedAt = Date()
        let inputs = try await snapshot(args)
        clock.lap("snapshot_ms")
        progress?("snapshot: \(inputs.students.count) students, \(inputs.slots.count) slots, \(inputs.choiceCount) choices (\(clock.laps["snapshot_ms"] ?? 0) ms)")
        if args.kind == .final && inputs.round.state == "final" {
            throw RunError(stage: "snapshot", message: "round \(inputs.round.id) (\(inputs.round.name)) is already final; its final run is not repeated")
        }
        let seed = args.seed ?? UInt64.random(in: .min ... .max)
        let computed = try compute(inputs, seed)
        var timings = clock.laps.merging(computed.timings) { a, _ in a }
        clock.lap("compute")
        progress?("eligibility \(computed.timings["eligibility_ms"] ?? 0) ms, matching \(computed.timings["engine_ms"] ?? 0) ms, "
                  + "verifier \(computed.verified ? "passed" : "FAILED") \(computed.timings["verify_ms"] ?? 0) ms, "
                  + "explanations \(computed.timings["explain_ms"] ?? 0) ms: \(computed.assignedCount) of \(inputs.students.count) placed")

        let outcome = try await pool.withTransaction { conn in
            try await write(args, jobID: jobID, inputs: inputs, computed: computed, startedAt: startedAt,
                            timings: &timings, clock: &clock, on: conn, complete: complete)
        }
        if !computed.verified {
            throw RunFailed(runID: outcome.runID, message: "the verifier rejected the matching: "
                            + computed.violations.prefix(3).joined(separator: "; "))
        }
        let done = summary(runID: outcome.runID, state: outcome.state, args: args, inputs: inputs, computed: computed,
                           timings: timings, previousRunID: outcome.previousRunID, emails: outcome.emails)
        Self.freeInBackground(inputs, computed)
        return done
    }

    /// Frees a run's inputs and results (millions of values) on a thread of its own, so the caller
    /// (the job's completion, `match run`'s summary) does not wait for it.
    static func freeInBackground(_ inputs: RunInputs, _ computed: RunComputation) {
        Thread.detachNewThread { withExtendedLifetime((inputs, computed)) {} }
    }

    private func snapshot(_ args: MatchRunArgs) async throws -> RunInputs {
        try await pool.withTransaction(.repeatableRead, readOnly: true) { conn in
            let roundID = try await RunSnapshot.roundID(args.roundID, on: conn)
            return try await RunSnapshot.load(roundID: roundID, on: conn, pool: pool)
        }
    }

    private func existingRun(jobID: Int64) async throws -> (id: Int64, state: String, error: String?)? {
        guard let row = try await pool.query(RunQueries.runOfJob, [jobID]).first else { return nil }
        return (try row.decode("id"), try row.decode("state"), try row.decode("error"))
    }

    private struct Written { var runID: Int64; var state: String; var previousRunID: Int64?; var emails: Int }

    private func write(_ args: MatchRunArgs, jobID: Int64?, inputs: RunInputs, computed: RunComputation, startedAt: Date,
                       timings: inout [String: Int], clock: inout StageClock, on conn: Connection,
                       complete: (@Sendable (Connection) async throws -> Void)?) async throws -> Written {
        // The audit triggers record the coordinator who asked for the run as the author of what it
        // writes (the run, a publication's placements); a run nobody asked for is `system`.
        try await Self.auditActor(requestedBy: args.requestedBy, on: conn).stamp(on: conn)
        guard let lock = try await conn.query(RunQueries.lockRound, [inputs.round.id]).first else {
            throw RunError(stage: "write", message: "round \(inputs.round.id) was deleted during the run")
        }
        if args.kind == .final, try lock.decode("state", as: String.self) == "final" {
            throw RunError(stage: "write", message: "round \(inputs.round.id) turned final during the run; its final run is not repeated")
        }
        let previousRunID: Int64? = try await conn.query(RunQueries.previousRun, [inputs.round.id]).first.map { try $0.decode("id") }
        var previous: [Int64: Int64]?
        if let previousRunID {
            var map: [Int64: Int64] = [:]
            for row in try await conn.query(RunQueries.previousAssignments, [previousRunID]) {
                map[try row.decode("student_id")] = try row.decode("slot_id")
            }
            previous = map
        }
        let verified = computed.verified
        let state = !verified ? "failed" : (args.kind == .final ? "published" : "succeeded")
        let error: String? = verified ? nil : "the verifier found \(computed.violationCount) violations: "
            + computed.violations.prefix(3).joined(separator: "; ")
        let assigned = computed.assignedCount
        let insertBinds: [any SQLEncodable] = [
            inputs.round.id, args.kind.rawValue, verified ? "succeeded" : "failed", Int64(bitPattern: computed.seed),
            inputs.digest, RunComputation.algorithmVersion, inputs.policyVersion, verified,
            inputs.students.count, inputs.slots.count, inputs.choiceCount, computed.eligiblePairs, assigned,
            computed.assignments.count - assigned, Self.json(timings), error, args.requestedBy, startedAt, jobID,
            previousRunID, inputs.round.previousRoundID != nil, computed.violations,
        ]
        let runID: Int64 = try await conn.query(RunQueries.insertRun, insertBinds)[0].decode("id")

        // The emails need only the run's id, the computation and the recipients: they are rendered on
        // the other cores while PostgreSQL takes in the rows, and queued in this transaction after.
        let recipients = try await RunRecipients.load(on: conn)
        let report = RunReport(
            run: RunInfo(id: runID, roundID: inputs.round.id, roundName: inputs.round.name, kind: args.kind, startedAt: startedAt,
                         seed: computed.seed, inputDigest: inputs.digest, algorithmVersion: RunComputation.algorithmVersion,
                         verifier: verified ? .passed : .failed(computed.violations), previousRunID: previousRunID,
                         secondRound: inputs.round.previousRoundID != nil),
            students: computed.studentOutcomes, slots: computed.slotOutcomes, previousAssignments: previous,
            webURL: "\(publicURL)/runs/\(runID)", withoutChoices: inputs.withoutChoices)
        let rendering = Self.render(report, to: recipients, with: renderer, mailer: mailer)
        if rendersEmailsFirst { _ = await rendering.value }

        var guardianNotices = 0
        if verified {
            try await conn.copyIn(RunQueries.copyAssignments) { w in
                try await RunRowsCopyText.write(computed.assignments, runID: runID, to: w, RunRowsCopyText.append)
            }
            try await conn.copyIn(RunQueries.copyExplanations) { w in
                try await RunRowsCopyText.write(computed.explanations, runID: runID, to: w, RunRowsCopyText.append)
            }
            if args.kind == .final {
                _ = try await conn.execute(RunQueries.publish, [runID])
                _ = try await conn.execute(RunQueries.freezeRound, [inputs.round.id])
                // Published: placements begin their lifecycle and guardians are told, in this same
                // transaction, so a family hears of a published run exactly once and never of one that rolled back.
                guardianNotices = try await GuardianNoticeQueue(renderer: renderer, mailer: mailer).queue(runID: runID, on: conn)
            }
            clock.lap("write_ms")
            timings["write_ms"] = clock.laps["write_ms"]
        }

        // Emails, in this same transaction: digests for a verified run, failure notices otherwise.
        let (prepared, renderTime) = await rendering.value
        let emails = try prepared.get()
        try await emails.enqueue(on: conn)
        clock.lap("emails_ms")
        timings["emails_ms"] = clock.laps["emails_ms"]
        progress?("written: run #\(runID) (\(timings["write_ms"] ?? 0) ms); \(emails.count + guardianNotices) emails queued (\(timings["emails_ms"] ?? 0) ms)")
        // Not a stage: how long rendering and MIME took on their own, beside the write (emails_ms is
        // what the emails added after the write: waiting for the rendering if still going, and the outbox).
        timings["emails_render_ms"] = renderTime.milliseconds
        _ = try await conn.execute(RunQueries.finishRun, [runID, Self.json(timings), emails.count + guardianNotices])
        if let complete, verified { try await complete(conn) }
        if let holdBeforeCommit { try await Task.sleep(for: holdBeforeCommit) }
        return Written(runID: runID, state: state, previousRunID: previousRunID, emails: emails.count + guardianNotices)
    }

    private func summary(runID: Int64?, state: String, args: MatchRunArgs, inputs: RunInputs, computed: RunComputation,
                         timings: [String: Int], previousRunID: Int64?, emails: Int) -> RunSummary {
        let assigned = computed.assignedCount
        return RunSummary(runID: runID, roundID: inputs.round.id, roundName: inputs.round.name, kind: args.kind.rawValue, state: state,
                          seed: String(computed.seed), inputDigest: inputs.digest, algorithmVersion: RunComputation.algorithmVersion,
                          verified: computed.verified, violations: computed.violations, secondRound: inputs.round.previousRoundID != nil,
                          previousRunID: previousRunID,
                          counts: .init(students: inputs.students.count, slots: inputs.slots.count, choices: inputs.choiceCount,
                                        eligiblePairs: computed.eligiblePairs, assigned: assigned,
                                        unassigned: computed.assignments.count - assigned),
                          timings: timings, emailsQueued: emails)
    }

    /// Starts rendering `report`'s emails, and making them ready to queue (MIME), on a thread of its
    /// own: it is CPU work, and must not hold one of the few cooperative threads the write is using.
    static func render(_ report: RunReport, to recipients: [ReportRenderer.Subscription], with renderer: ReportRenderer,
                       mailer: any RunMailer) -> Task<(Result<any PreparedRunEmails, any Error>, Duration), Never> {
        Task {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    let start = ContinuousClock.now
                    let prepared = Result { try mailer.prepare(renderer.emails(for: report, to: recipients)) }
                    continuation.resume(returning: (prepared, ContinuousClock.now - start))
                }
            }
        }
    }

    /// The audit actor of a run requested by user `requestedBy` (their email), or `system`.
    static func auditActor(requestedBy: Int64?, on conn: Connection) async throws -> AuditActor {
        guard let requestedBy, let row = try await conn.query(RunQueries.requester, [requestedBy]).first else { return .system }
        return AuditActor(userID: requestedBy, name: try row.decode("email"))
    }

    static func json(_ timings: [String: Int]) -> String {
        "{" + timings.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
    }
}

/// The verifier rejected a run: it is recorded as failed and coordinators were told.
public struct RunFailed: Error, CustomStringConvertible, Equatable {
    public var runID: Int64
    public var message: String
    public var description: String { "match run #\(runID) FAILED: \(message) (see `wblmatch match show \(runID)`)" }
}
