/// Writes RFC 4180 CSV, escaping text cells against formula injection.
///
/// A spreadsheet treats a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return as a
/// formula; such text cells get a leading `'` (OWASP's advice) so they show as text. Numbers are
/// written by the caller as `.number` and never escaped.
public struct CSVWriter: Sendable {
    /// One cell.
    public enum Cell: Sendable {
        case text(String)
        case number(Int64)
        case empty
    }

    /// The CSV so far, lines ending in CRLF.
    public private(set) var output = ""

    public init(header: [String]) {
        appendRow(header.map { .text($0) })
    }

    /// Appends one row.
    public mutating func appendRow(_ cells: [Cell]) {
        var first = true
        for cell in cells {
            if !first { output.append(",") }
            first = false
            switch cell {
            case .text(let text): output.append(Self.escape(text))
            case .number(let n): output.append(String(n))
            case .empty: break
            }
        }
        output.append("\r\n")
    }

    /// A text cell made safe: formula prefix neutralised, then quoted if it holds `,`, `"`, CR or LF.
    public static func escape(_ text: String) -> String {
        var value = text
        switch text.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: value = "'" + value
        default: break
        }
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
