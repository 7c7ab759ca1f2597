/// Reads RFC 4180 CSV: comma-separated, `"`-quoted fields with `""` for a quote, quoted commas
/// and newlines, CRLF or LF line ends, UTF-8 with or without a byte-order mark.
///
/// Every structural problem is collected (not only the first): unterminated quotes, stray
/// characters after a closing quote, rows with the wrong number of fields, bytes that are not
/// UTF-8, a file over the size limit.
///
/// ```swift
/// let table = try CSVReader(maxBytes: 64 << 20).read(bytes, fileName: "students.csv")
/// ```
public struct CSVReader: Sendable {
    /// The largest file accepted, in bytes.
    public var maxBytes: Int

    /// The default limit: 512 MiB, far above a state's worth of students (≈ 100 MB).
    public static let defaultMaxBytes = 512 << 20

    /// Makes a reader that refuses files over `maxBytes`.
    public init(maxBytes: Int = CSVReader.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// Parses `bytes`; throws ``IntakeProblems`` naming every structural problem.
    public func read(_ bytes: [UInt8], fileName: String) throws(IntakeProblems) -> CSVTable {
        if bytes.count > maxBytes {
            throw IntakeProblems([IntakeProblem(file: fileName, line: 0,
                message: "the file is \(bytes.count) bytes, over the limit of \(maxBytes) bytes (split it into smaller files)")])
        }
        var parser = Parser(bytes: bytes, fileName: fileName)
        let table = parser.parse()
        if !parser.problems.isEmpty { throw IntakeProblems(parser.problems) }
        return table
    }
}

private let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

private struct Parser {
    let bytes: [UInt8]
    let fileName: String
    var problems: [IntakeProblem] = []
    var position = 0
    var line = 1

    init(bytes: [UInt8], fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    mutating func parse() -> CSVTable {
        var header: [String] = []
        var rows: [CSVRow] = []
        var first = true
        while position < bytes.count {
            let startLine = line
            guard let raw = readRecord() else { break }
            if raw.count == 1, let only = raw[0], only.isEmpty { continue }   // a blank line
            if first {
                first = false
                header = raw.enumerated().map { index, field in
                    (field ?? invalidUTF8(line: startLine, column: "column \(index + 1)")).trimmingSpaces.lowercased()
                }
                continue
            }
            var fields: [String] = []
            fields.reserveCapacity(raw.count)
            for (index, field) in raw.enumerated() {
                let column = index < header.count ? header[index] : "column \(index + 1)"
                fields.append(field ?? invalidUTF8(line: startLine, column: column))
            }
            if fields.count != header.count {
                problems.append(IntakeProblem(file: fileName, line: startLine,
                    message: "has \(fields.count) fields but the header has \(header.count) (quote values that contain commas)"))
                continue
            }
            rows.append(CSVRow(line: startLine, fields: fields))
        }
        if first {
            problems.append(IntakeProblem(file: fileName, line: 0, message: "the file is empty: it needs a header row of column names"))
        }
        return CSVTable(fileName: fileName, header: header, rows: rows)
    }

    mutating func invalidUTF8(line: Int, column: String) -> String {
        problems.append(IntakeProblem(file: fileName, line: line, column: column,
            message: "contains bytes that are not UTF-8 (save the file as CSV UTF-8)"))
        return ""
    }

    /// Reads one record's fields; nil at the end of input. A nil field holds invalid UTF-8.
    mutating func readRecord() -> [String?]? {
        guard position < bytes.count else { return nil }
        var fields: [String?] = []
        while true {
            let field = readField()
            fields.append(field)
            if position >= bytes.count { return fields }
            let byte = bytes[position]
            if byte == comma { position += 1; if position >= bytes.count { fields.append(""); return fields }; continue }
            if byte == cr { position += 1; if position < bytes.count && bytes[position] == lf { position += 1 }; line += 1; return fields }
            if byte == lf { position += 1; line += 1; return fields }
        }
    }

    mutating func readField() -> String? {
        if position < bytes.count && bytes[position] == quote { return readQuoted() }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == comma || byte == lf || byte == cr { break }
            position += 1
        }
        return string(bytes[start..<position])
    }

    mutating func readQuoted() -> String? {
        let startLine = line
        position += 1
        var value: [UInt8] = []
        var chunkStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                value.append(contentsOf: bytes[chunkStart..<position])
                if position + 1 < bytes.count && bytes[position + 1] == quote {
                    value.append(quote)
                    position += 2
                    chunkStart = position
                    continue
                }
                position += 1
                // After the closing quote only a separator or a line end may follow.
                if position < bytes.count, ![comma, cr, lf].contains(bytes[position]) {
                    problems.append(IntakeProblem(file: fileName, line: line,
                        message: "unexpected text after a closing quote (write a quote inside a quoted value as \"\")"))
                    while position < bytes.count, ![comma, cr, lf].contains(bytes[position]) { position += 1 }
                }
                return string(value[...])
            }
            if byte == lf { line += 1 }
            else if byte == cr && !(position + 1 < bytes.count && bytes[position + 1] == lf) { line += 1 }
            position += 1
        }
        problems.append(IntakeProblem(file: fileName, line: startLine,
            message: "a quoted value is never closed (a \" is missing)"))
        value.append(contentsOf: bytes[chunkStart..<position])
        return string(value[...])
    }

    func string(_ slice: ArraySlice<UInt8>) -> String? {
        String(validating: slice, as: UTF8.self)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        // Most cells have nothing to trim: keep the string as it is (no copy).
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
