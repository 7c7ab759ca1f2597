import Foundation

/// What a coordinator searches the audit log for; every field left empty matches everything.
public struct AuditFilter: Sendable, Equatable {
    /// Part of the actor's email or name, any case.
    public var actor: String
    /// Exact entity (`slots`, `choices`, `guardian_consent`, …).
    public var entity: String
    /// Exact key within the entity.
    public var entityID: String
    /// Exact action (`insert`, `update`, `delete`, `view`, `import`).
    public var action: String
    /// Text anywhere in the before/after detail, any case (a student id, a name, a slot title).
    public var text: String
    /// Entries at or after this time.
    public var since: Date?
    /// Entries before this time.
    public var until: Date?
    /// Only entries older than this id (paging: pass the last id shown).
    public var beforeID: Int64?
    /// At most this many entries, newest first.
    public var limit: Int

    /// Makes a filter.
    public init(actor: String = "", entity: String = "", entityID: String = "", action: String = "", text: String = "",
                since: Date? = nil, until: Date? = nil, beforeID: Int64? = nil, limit: Int = 200) {
        self.actor = actor
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.text = text
        self.since = since
        self.until = until
        self.beforeID = beforeID
        self.limit = limit
    }
}
