/// Reads PostgreSQL's COPY text format (tab-separated, `\N` for NULL, backslash escapes) straight from
/// the bytes `copyOut` streams, without building a String per field unless asked.
public struct CopyTextRows {
    /// One row: fields as byte ranges of the line.
    public struct Row {
        let line: ArraySlice<UInt8>
        let starts: [Int]
        let ends: [Int]

        /// How many fields the row has.
        public var count: Int { starts.count }

        /// Whether field `i` is NULL (`\N`).
        public func isNull(_ i: Int) -> Bool {
            ends[i] - starts[i] == 2 && line[starts[i]] == 92 && line[starts[i] + 1] == 78
        }

        /// Field `i` unescaped; nil for NULL.
        public func string(_ i: Int) -> String? {
            if isNull(i) { return nil }
            let bytes = line[starts[i]..<ends[i]]
            guard bytes.contains(92) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var escaped = false
            for b in bytes {
                if escaped {
                    switch b {
                    case 110: out.append(10)   // \n
                    case 116: out.append(9)    // \t
                    case 114: out.append(13)   // \r
                    case 98: out.append(8)     // \b
                    case 102: out.append(12)   // \f
                    case 118: out.append(11)   // \v
                    default: out.append(b)     // \\ and anything else
                    }
                    escaped = false
                } else if b == 92 { escaped = true } else { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// Field `i` unescaped; empty for NULL.
        public func text(_ i: Int) -> String { string(i) ?? "" }

        /// Field `i` as an integer (it must be one); nil for NULL.
        public func int64(_ i: Int) -> Int64? {
            if isNull(i) { return nil }
            var value: Int64 = 0
            var negative = false
            for b in line[starts[i]..<ends[i]] {
                if b == 45 { negative = true; continue }
                value = value &* 10 &+ Int64(b &- 48)
            }
            return negative ? -value : value
        }

        /// Field `i` as an integer (it must be one); nil for NULL.
        public func int(_ i: Int) -> Int? { int64(i).map(Int.init) }

        /// Field `i` as a boolean (`t`); false for NULL.
        public func bool(_ i: Int) -> Bool { !isNull(i) && line[starts[i]] == 116 }

        /// Field `i` as a number; nil for NULL.
        public func double(_ i: Int) -> Double? { string(i).flatMap(Double.init) }

        /// A one-dimensional array of simple elements (codes, integers): `{a,b}`.
        public func array(_ i: Int) -> [String] {
            guard let text = string(i), text.count > 2 else { return [] }
            return text.dropFirst().dropLast().split(separator: ",").map { String($0).trimmingQuotes() }
        }
    }

    private var carry: [UInt8] = []

    /// A reader at the start of a COPY's output.
    public init() {}

    /// Feeds a chunk; calls `body` for each complete row.
    public mutating func feed(_ chunk: [UInt8], _ body: (Row) throws -> Void) rethrows {
        var data: [UInt8]
        if carry.isEmpty { data = chunk } else { data = carry + chunk; carry.removeAll() }
        var lineStart = 0
        var starts: [Int] = []
        var ends: [Int] = []
        var fieldStart = 0
        var i = 0
        let n = data.count
        while i < n {
            let b = data[i]
            if b == 9 {
                starts.append(fieldStart); ends.append(i); fieldStart = i + 1
            } else if b == 10 {
                starts.append(fieldStart); ends.append(i)
                try body(Row(line: data[lineStart..<i], starts: starts, ends: ends))
                starts.removeAll(keepingCapacity: true); ends.removeAll(keepingCapacity: true)
                lineStart = i + 1; fieldStart = i + 1
            }
            i += 1
        }
        if lineStart < n { carry = Array(data[lineStart..<n]) }
    }
}

private extension String {
    func trimmingQuotes() -> String {
        guard count >= 2, first == "\"", last == "\"" else { return self }
        return String(dropFirst().dropLast())
    }
}
