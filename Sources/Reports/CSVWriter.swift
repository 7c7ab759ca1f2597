/// Writes RFC 4180 CSV, escaping text cells against formula injection.
///
/// A spreadsheet treats a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return as a
/// formula; such text cells get a leading `'` (OWASP's advice) so they show as text. Numbers are
/// written by the caller as `.number` and never escaped.
///
/// The CSV is built as UTF-8 bytes: a run's attachments are tens of thousands of rows, and an
/// attachment is bytes anyway.
public struct CSVWriter: Sendable {
    /// One cell.
    public enum Cell: Sendable {
        case text(String)
        case number(Int64)
        case empty
    }

    /// The CSV so far, UTF-8, lines ending in CRLF.
    public private(set) var bytes: [UInt8] = []

    /// The CSV so far as text.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public init(header: [String]) {
        appendRow(header.map { .text($0) })
    }

    /// Appends one row.
    public mutating func appendRow(_ cells: [Cell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            switch cell {
            case .text(let text): Self.append(text, to: &bytes)
            case .number(let n): bytes.append(contentsOf: String(n).utf8)   // short: no allocation
            case .empty: break
            }
        }
        bytes.append(13)
        bytes.append(10)
    }

    /// A text cell made safe: formula prefix neutralised, then quoted if it holds `,`, `"`, CR or LF.
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { cell in
            let formula: Bool
            switch cell.first {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: formula = true
            default: formula = false
            }
            let quoted = cell.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if quoted { out.append(UInt8(ascii: "\"")) }
            if formula { out.append(UInt8(ascii: "'")) }
            if quoted {
                for byte in cell {
                    out.append(byte)
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: cell)
            }
        }
    }
}
