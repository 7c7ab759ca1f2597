import CLibPQ

/// Reads and rewrites libpq connection strings (URIs or key=value), with libpq's own parser.
public enum ConnectionString {
    /// The options a connection string sets, keyword → value (e.g. `host`, `port`, `dbname`).
    /// Throws when libpq cannot parse it.
    public static func options(of url: String) throws -> [String: String] {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(url, &errorMessage) else {
            let message = errorMessage.map { String(cString: $0) } ?? "out of memory"
            if let errorMessage { PQfreemem(errorMessage) }
            throw DatabaseError(kind: .usage, message: "cannot read the connection string: \(message.trimmingNewlines)")
        }
        defer { PQconninfoFree(parsed) }
        var options: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { options[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return options
    }

    /// The same connection string with another database name, as `key='value'` pairs.
    public static func replacingDatabase(in url: String, with database: String) throws -> String {
        var options = try options(of: url)
        options["dbname"] = database
        return options.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: " ")
    }

    /// The database a connection string names, if it names one.
    public static func database(in url: String) throws -> String? { try options(of: url)["dbname"] }

    private static func quoted(_ value: String) -> String {
        var text = "'"
        for ch in value {
            if ch == "'" || ch == "\\" { text.append("\\") }
            text.append(ch)
        }
        return text + "'"
    }
}

extension String {
    var trimmingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
