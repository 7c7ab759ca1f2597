import Database
import Foundation

/// The audit log (append-only; the database refuses UPDATE, DELETE and TRUNCATE). Changes are
/// recorded by triggers (sql/0030); this type records views of juvenile-services data and
/// searches the log for coordinators and `wblmatch audit`.
public struct AuditLog: Sendable {
    let pool: DatabasePool

    /// Makes the log over `pool`.
    public init(pool: DatabasePool) { self.pool = pool }

    /// Entries about juvenile-services data (referrals, restrictions) are hidden unless `includeJuvenile`.
    public static let juvenileEntities = AuditQueries.juvenileEntities

    /// Records that `actor` saw juvenile-services data: `entity` (`referrals`) row `entityID`, with
    /// what was shown (`detail`, a JSON object) — never the data itself, only what kind of it.
    @discardableResult
    public func recordView(by actor: AuditActor, entity: String, entityID: String, detail: String = "{}") async throws -> Int64 {
        try await pool.withConnection { conn in try await Self.recordView(by: actor, entity: entity, entityID: entityID, detail: detail, on: conn) }
    }

    /// ``recordView(by:entity:entityID:detail:)`` on a connection (inside the reading transaction).
    @discardableResult
    public static func recordView(by actor: AuditActor, entity: String, entityID: String, detail: String = "{}", on conn: Connection) async throws -> Int64 {
        try await conn.query(AuditQueries.view, [actor.userID, actor.name, entity, entityID, detail])[0].decode("id")
    }

    /// Records an operator's action that no table trigger sees (a job retried, cancelled or
    /// discarded on `/jobs`): `action` on `entity` row `entityID`, with `detail` (a JSON object).
    @discardableResult
    public func record(by actor: AuditActor, action: String, entity: String, entityID: String, detail: String = "{}") async throws -> Int64 {
        try await pool.withConnection { conn in
            try await Self.record(by: actor, action: action, entity: entity, entityID: entityID, detail: detail, on: conn)
        }
    }

    /// ``record(by:action:entity:entityID:detail:)`` in the caller's transaction on `conn`.
    @discardableResult
    public static func record(by actor: AuditActor, action: String, entity: String, entityID: String, detail: String = "{}",
                              on conn: Connection) async throws -> Int64 {
        try await conn.query(AuditQueries.action, [actor.userID, actor.name, action, entity, entityID, detail])[0].decode("id")
    }

    /// Records that `actor` was shown student `studentID`'s confidential (juvenile-services)
    /// explanations of run `runID` — only when there are any. Returns whether an entry was written.
    @discardableResult
    public func recordExplanationView(by actor: AuditActor, runID: Int64, studentID: Int64) async throws -> Bool {
        try await pool.execute(AuditQueries.viewConfidentialExplanations, [actor.userID, actor.name, runID, studentID]) == 1
    }

    /// Entries matching `filter`, newest first; entries about juvenile-services data only when `includeJuvenile`.
    public func search(_ filter: AuditFilter, includeJuvenile: Bool) async throws -> [AuditEntry] {
        let rows = try await pool.query(AuditQueries.search, [
            likePattern(filter.actor), filter.entity, filter.entityID, filter.action, likePattern(filter.text),
            filter.since, filter.until, filter.beforeID, includeJuvenile, max(1, min(filter.limit, 10_000)),
        ])
        return try rows.map(AuditEntry.decode)
    }
}
