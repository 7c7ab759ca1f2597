/// Writes CSV that ``CSVReader`` reads back: a header, then rows, quoting where needed, CRLF-free
/// (LF line ends). A cell a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return — gets a leading `'`, except plain numbers such as `-103.2` (so
/// coordinates round-trip).
public struct CSVWriter: Sendable {
    /// Whether to escape formula-like cells (on for files people open in spreadsheets).
    public var escapeFormulas: Bool

    /// Makes a writer.
    public init(escapeFormulas: Bool = true) {
        self.escapeFormulas = escapeFormulas
    }

    /// One CSV line (with its LF) for `fields`; nil is written as an empty cell.
    public func line(_ fields: [String?]) -> String {
        var out = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(",") }
            out.append(cell(field ?? ""))
        }
        out.append("\n")
        return out
    }

    /// One cell, escaped and quoted as needed.
    public func cell(_ value: String) -> String {
        var text = value
        if escapeFormulas, let first = text.unicodeScalars.first,
           ["=", "+", "-", "@", "\t", "\r"].contains(first), Double(text) == nil {
            text = "'" + text
        }
        if text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + text.replacing("\"", with: "\"\"") + "\""
        }
        return text
    }
}
