/// What an import did: rows (or, for choices and rankings, whole lists) created, updated and
/// left unchanged.
public struct ImportCounts: Sendable, Equatable, CustomStringConvertible {
    /// New rows (lists).
    public var created: Int
    /// Existing rows (lists) whose values changed.
    public var updated: Int
    /// Existing rows (lists) already equal to the file's.
    public var unchanged: Int

    /// Makes counts.
    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }

    public var description: String { "\(created) created, \(updated) updated, \(unchanged) unchanged" }
}
