/// The columns of a result: names and types, shared by all of its rows.
public final class RowColumns: Sendable {
    /// Column names, in order.
    public let names: [String]
    /// Column types, in order.
    public let types: [SQLType]
    private let indexByName: [String: Int]

    init(names: [String], types: [SQLType]) {
        self.names = names
        self.types = types
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        indexByName = index
    }

    /// The position of the first column with this name.
    public func index(of name: String) -> Int? { indexByName[name] }
}
