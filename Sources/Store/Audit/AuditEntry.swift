import Database
import Foundation

/// One row of the audit log: who did what to which row, and the row before and after.
public struct AuditEntry: Sendable, Equatable {
    /// audit_log.id: the order in which things happened.
    public var id: Int64
    /// When.
    public var at: Date
    /// users.id of the actor, when a signed-in user acted.
    public var actorUserID: Int64?
    /// An email, `system`, or `guardian:<request id>`.
    public var actor: String
    /// `insert`, `update`, `delete`, `view`, `import`, …
    public var action: String
    /// The table (or kind of thing) acted on: `choices`, `slots`, `guardian_consent`, `referrals`.
    public var entity: String
    /// Its key: `12`, or `round/student/rank` for a choice.
    public var entityID: String
    /// `{"before": …, "after": …}` for changes; what was seen for views; counts for imports.
    public var detail: String

    static func decode(_ row: Row) throws -> AuditEntry {
        AuditEntry(
            id: try row.decode("id"), at: try row.decode("at"), actorUserID: try row.decode("actor_user_id"),
            actor: try row.decode("actor"), action: try row.decode("action"), entity: try row.decode("entity"),
            entityID: try row.decode("entity_id"), detail: try row.decode("detail_text"))
    }
}
