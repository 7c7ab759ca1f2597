import Foundation
import Database

/// A placement after the match: created from a published run's assignments, then accepted,
/// started, completed — or withdrawn with a reason at any stage before completion — with hours
/// logged along the way. Every change is audited (sql/0030 triggers on `placements`).
public struct PlacementLifecycle: Sendable {
    let pool: DatabasePool

    /// Makes the store.
    public init(pool: DatabasePool) { self.pool = pool }

    /// Creates a `matched` (or `pending_approval`) placement for each assignment of the published
    /// run `runID`; running it again creates nothing new. Returns how many were created.
    @discardableResult
    public func createPlacements(fromPublishedRun runID: Int64, by actor: AuditActor = .system) async throws -> Int {
        try await pool.withAuditedTransaction(as: actor) { conn in
            return try await Self.createPlacements(fromPublishedRun: runID, on: conn)
        }
    }

    /// Same as ``createPlacements(fromPublishedRun:by:)`` in the caller's transaction (the match-run
    /// pipeline creates them in the transaction that publishes the run).
    @discardableResult
    public static func createPlacements(fromPublishedRun runID: Int64, on conn: Connection) async throws -> Int {
        try await conn.execute(PlacementQueries.fromRun, [runID])
    }

    /// The employer or student accepted the placement.
    public func accept(_ id: Int64, on date: CalendarDate, by actor: AuditActor) async throws {
        try await move(id, action: "accepted", sql: PlacementQueries.accept, [id, date], by: actor)
    }

    /// The student started work.
    public func start(_ id: Int64, on date: CalendarDate, by actor: AuditActor) async throws {
        try await move(id, action: "started", sql: PlacementQueries.start, [id, date], by: actor)
    }

    /// The placement was completed: this is what Perkins 5S3 counts.
    public func complete(_ id: Int64, on date: CalendarDate, by actor: AuditActor) async throws {
        try await move(id, action: "completed", sql: PlacementQueries.complete, [id, date], by: actor)
    }

    /// The placement ended early; `reason` is required.
    public func withdraw(_ id: Int64, on date: CalendarDate, reason: String, by actor: AuditActor) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw PlacementTransitionError.reasonMissing }
        try await move(id, action: "withdrawn", sql: PlacementQueries.withdraw, [id, date, reason], by: actor)
    }

    /// Logs `minutes` worked on `date` for a started placement; returns the placement's total minutes.
    @discardableResult
    public func logHours(_ id: Int64, workedOn date: CalendarDate, minutes: Int, by actor: AuditActor) async throws -> Int {
        guard (1...1440).contains(minutes) else { throw PlacementTransitionError.badMinutes(minutes) }
        return try await pool.withAuditedTransaction(as: actor) { conn in
            guard let row = try await conn.query(PlacementQueries.status, [id]).first else { throw PlacementTransitionError.notFound(id) }
            let status: String = try row.decode("status")
            guard status == "started" || status == "completed" else {
                throw PlacementTransitionError.notAllowed(action: "given hours", status: status)
            }
            try await conn.execute(PlacementQueries.insertHours, [id, date, minutes, actor.userID])
            return try await conn.query(PlacementQueries.totalMinutes, [id])[0].decode("minutes")
        }
    }

    /// A placement's current status, or nil.
    public func status(_ id: Int64) async throws -> String? {
        try await pool.query(PlacementQueries.status, [id]).first?.decode("status")
    }

    private func move(_ id: Int64, action: String, sql: String, _ binds: [any SQLEncodable], by actor: AuditActor) async throws {
        try await pool.withAuditedTransaction(as: actor) { conn in
            if try await conn.execute(sql, binds) == 1 { return }
            guard let row = try await conn.query(PlacementQueries.status, [id]).first else { throw PlacementTransitionError.notFound(id) }
            throw PlacementTransitionError.notAllowed(action: action, status: try row.decode("status"))
        }
    }
}

/// SQL of ``PlacementLifecycle``: each transition names the stages it may start from.
enum PlacementQueries {
    static let fromRun = """
        INSERT INTO placements (run_id, student_id, slot_id, status)
        SELECT a.run_id, a.student_id, a.slot_id, a.status
        FROM match_assignments a JOIN match_runs r ON r.id = a.run_id
        WHERE a.run_id = $1 AND r.state = 'published' AND a.slot_id IS NOT NULL
        ON CONFLICT (run_id, student_id) DO NOTHING
        """
    static let status = "SELECT status FROM placements WHERE id = $1 FOR UPDATE"
    static let accept = """
        UPDATE placements SET status = 'accepted', accepted_on = $2::date, updated_at = now()
        WHERE id = $1 AND status IN ('matched', 'pending_approval')
        """
    static let start = """
        UPDATE placements SET status = 'started', started_on = $2::date, updated_at = now()
        WHERE id = $1 AND status = 'accepted'
        """
    static let complete = """
        UPDATE placements SET status = 'completed', completed_on = $2::date, updated_at = now()
        WHERE id = $1 AND status = 'started' AND $2::date >= started_on
        """
    static let withdraw = """
        UPDATE placements SET status = 'withdrawn', withdrawn_on = $2::date, withdrawn_reason = $3, updated_at = now()
        WHERE id = $1 AND status IN ('matched', 'pending_approval', 'accepted', 'started')
        """
    static let insertHours = "INSERT INTO placement_hours (placement_id, worked_on, minutes, logged_by) VALUES ($1, $2::date, $3, $4)"
    static let totalMinutes = "SELECT coalesce(sum(minutes), 0)::int AS minutes FROM placement_hours WHERE placement_id = $1"
}
