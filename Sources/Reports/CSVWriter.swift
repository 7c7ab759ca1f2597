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

    /// Whether the current row has a cell yet (the next one is preceded by a comma).
    private var rowStarted = false

    public init(header: [String]) {
        appendRow(header.map { .text($0) })
    }

    /// Appends one row.
    public mutating func appendRow(_ cells: [Cell]) {
        for cell in cells {
            switch cell {
            case .text(let text): append(text)
            case .number(let n): append(n)
            case .empty: appendEmpty()
            }
        }
        endRow()
    }

    // Cell by cell, for tens of thousands of rows: no array of cells per row.

    /// Appends a text cell to the current row.
    public mutating func append(_ text: String) {
        separate()
        Self.append(text, to: &bytes)
    }

    /// Appends a number cell to the current row.
    public mutating func append(_ number: Int64) {
        separate()
        bytes.append(contentsOf: String(number).utf8)   // short: no allocation
    }

    /// Appends an empty cell to the current row.
    public mutating func appendEmpty() {
        separate()
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(13)
        bytes.append(10)
        rowStarted = false
    }

    private mutating func separate() {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
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
