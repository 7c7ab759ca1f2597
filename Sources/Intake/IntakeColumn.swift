/// One documented column of an intake kind.
public struct IntakeColumn: Sendable {
    /// The column's name in the header (snake_case, matched case-insensitively).
    public var name: String
    /// What the cell holds.
    public var type: FieldType
    /// Whether every row must have a value.
    public var required: Bool
    /// The value an empty or absent cell stands for (nil: NULL).
    public var defaultValue: String?
    /// What the column means, for docs/intake.md and `wblmatch import --columns`.
    public var doc: String

    /// Makes a column.
    public init(_ name: String, _ type: FieldType, required: Bool = false, default defaultValue: String? = nil, _ doc: String) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.doc = doc
    }
}
