import Parallel

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
        // About one piece per core, a few more so that one slow piece does not leave a core idle.
        try read(bytes, fileName: fileName, pieces: bytes.count >= Self.bytesWorthSplitting ? chunks(of: bytes.count).count : 1)
    }

    /// Files of at least this many bytes are parsed in pieces on every core.
    static let bytesWorthSplitting = 1 << 20

    /// Parses `bytes` cut into about `pieces` pieces at line ends, each parsed on its own core.
    ///
    /// A piece starts after a line feed, which is a record's start unless the line feed is inside a
    /// quoted value. The pieces are parsed at the same time, each as if it started a record, and
    /// then joined in order: a piece is kept only if the piece before it ended exactly where it
    /// starts (then its start was a record's start, since the one before was, and its rows are
    /// what one pass over the file reads). A piece whose start fell inside a quoted value is
    /// parsed again from where the one before really ended.
    func read(_ bytes: [UInt8], fileName: String, pieces: Int) throws(IntakeProblems) -> CSVTable {
        if bytes.count > maxBytes {
            throw IntakeProblems([IntakeProblem(file: fileName, line: 0,
                message: "the file is \(bytes.count) bytes, over the limit of \(maxBytes) bytes (split it into smaller files)")])
        }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let head = Parser.run(bytes, fileName: fileName, from: start, line: 1, header: nil) { parser in parser.readHeader() }
        guard let header = head.result else {
            throw IntakeProblems(head.problems + [IntakeProblem(file: fileName, line: 0,
                message: "the file is empty: it needs a header row of column names")])
        }
        let bounds = Self.pieceBounds(bytes, from: head.end, pieces: pieces)
        let parsed = inParallel(count: bounds.count) { i in
            Parser.run(bytes, fileName: fileName, from: bounds[i].lowerBound, line: 0, header: header) { $0.readRows(until: bounds[i].upperBound) }
        }
        var rows: [CSVRow] = []
        rows.reserveCapacity(parsed.reduce(0) { $0 + ($1.result?.count ?? 0) })
        var problems = head.problems
        var position = head.end, line = head.line
        for (i, var piece) in parsed.enumerated() where position < bounds[i].upperBound {
            if bounds[i].lowerBound != position {   // the piece before ran into this one: parse it again from there
                piece = Parser.run(bytes, fileName: fileName, from: position, line: 0, header: header) { $0.readRows(until: bounds[i].upperBound) }
            }
            for var row in piece.result! { row.line += line; rows.append(row) }
            for var problem in piece.problems { problem.line += line; problems.append(problem) }
            position = piece.end
            line += piece.line
        }
        if !problems.isEmpty { throw IntakeProblems(problems) }
        return CSVTable(fileName: fileName, header: header, rows: rows)
    }

    /// `from..<bytes.count` cut into about `pieces` ranges, each but the first starting after a line feed.
    static func pieceBounds(_ bytes: [UInt8], from start: Int, pieces: Int) -> [Range<Int>] {
        var cuts = [start]
        for k in 1..<max(1, pieces) {
            var cut = max(cuts.last!, start + (bytes.count - start) * k / pieces)
            while cut < bytes.count && bytes[cut] != lf { cut += 1 }
            if cut < bytes.count { cut += 1 }
            if cut > cuts.last! && cut < bytes.count { cuts.append(cut) }
        }
        cuts.append(bytes.count)
        return (0..<cuts.count - 1).map { cuts[$0]..<cuts[$0 + 1] }
    }
}

private let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

/// What one parser read: its result, its problems, where it stopped and how many lines it passed.
private struct Parsed<Result: Sendable>: Sendable {
    var result: Result?
    var problems: [IntakeProblem]
    var end: Int
    var line: Int
}

/// One pass over part of the bytes. Lines are counted from `line` (0 for a piece, whose lines
/// are moved once the lines before it are known).
private struct Parser: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    let fileName: String
    let header: [String]?
    var problems: [IntakeProblem] = []
    var position: Int
    var line: Int
    /// Bytes of the quoted value being read (kept between values to save allocations).
    var quoted: [UInt8] = []

    static func run<Result: Sendable>(_ bytes: [UInt8], fileName: String, from position: Int, line: Int, header: [String]?,
                                      _ body: (inout Parser) -> Result?) -> Parsed<Result> {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, fileName: fileName, header: header, position: position, line: line)
            let result = body(&parser)
            return Parsed(result: result, problems: parser.problems, end: parser.position, line: parser.line)
        }
    }

    /// The first record that is not blank, trimmed and lowercased; nil when there is none.
    mutating func readHeader() -> [String]? {
        while position < bytes.count {
            let startLine = line
            var invalid: [Int] = []
            let fields = readRecord(invalid: &invalid)
            if fields.count == 1 && fields[0].isEmpty && invalid.isEmpty { continue }   // a blank line
            for index in invalid { invalidUTF8(line: startLine, column: "column \(index + 1)") }
            return fields.map { $0.trimmingSpaces.lowercased() }
        }
        return nil
    }

    /// The data rows of the records that start before `end` (the last may run past it).
    mutating func readRows(until end: Int) -> [CSVRow] {
        let columns = header ?? []
        var rows: [CSVRow] = []
        rows.reserveCapacity((end - position) / 64)
        var invalid: [Int] = []
        while position < end {
            let startLine = line
            invalid.removeAll(keepingCapacity: true)
            let fields = readRecord(invalid: &invalid, expecting: columns.count)
            if fields.count == 1 && fields[0].isEmpty && invalid.isEmpty { continue }   // a blank line
            for index in invalid { invalidUTF8(line: startLine, column: index < columns.count ? columns[index] : "column \(index + 1)") }
            if fields.count != columns.count {
                problems.append(IntakeProblem(file: fileName, line: startLine,
                    message: "has \(fields.count) fields but the header has \(columns.count) (quote values that contain commas)"))
                continue
            }
            rows.append(CSVRow(line: startLine, fields: fields))
        }
        return rows
    }

    mutating func invalidUTF8(line: Int, column: String) {
        problems.append(IntakeProblem(file: fileName, line: line, column: column,
            message: "contains bytes that are not UTF-8 (save the file as CSV UTF-8)"))
    }

    /// Reads one record's fields (at least one); `invalid` gets the indexes of fields that are not
    /// UTF-8 (read as empty).
    mutating func readRecord(invalid: inout [Int], expecting count: Int = 8) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(count)
        while true {
            if let field = readField() { fields.append(field) } else { invalid.append(fields.count); fields.append("") }
            if position >= bytes.count { return fields }
            let byte = bytes[position]
            if byte == comma { position += 1; if position >= bytes.count { fields.append(""); return fields }; continue }
            if byte == cr { position += 1; if position < bytes.count && bytes[position] == lf { position += 1 }; line += 1; return fields }
            if byte == lf { position += 1; line += 1; return fields }
        }
    }

    /// The field at `position`; nil when its bytes are not UTF-8.
    mutating func readField() -> String? {
        if position < bytes.count && bytes[position] == quote { return readQuoted() }
        let start = position
        var high: UInt8 = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == comma || byte == lf || byte == cr { break }
            high |= byte
            position += 1
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
        // ASCII needs no checking (and most cells are ASCII).
        return high < 0x80 ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
    }

    mutating func readQuoted() -> String? {
        let startLine = line
        position += 1
        quoted.removeAll(keepingCapacity: true)
        var chunkStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                quoted.append(contentsOf: bytes[chunkStart..<position])
                if position + 1 < bytes.count && bytes[position + 1] == quote {
                    quoted.append(quote)
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
                return String(validating: quoted, as: UTF8.self)
            }
            if byte == lf { line += 1 }
            else if byte == cr && !(position + 1 < bytes.count && bytes[position + 1] == lf) { line += 1 }
            position += 1
        }
        problems.append(IntakeProblem(file: fileName, line: startLine,
            message: "a quoted value is never closed (a \" is missing)"))
        quoted.append(contentsOf: bytes[chunkStart..<position])
        return String(validating: quoted, as: UTF8.self)
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
