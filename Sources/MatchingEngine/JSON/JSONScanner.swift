/// A minimal byte-level JSON scanner for the instance format: values are read in place, strings without
/// escapes are returned as views of the input, and nothing is allocated per value.
struct JSONScanner {
    /// Malformed JSON at a byte offset.
    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    /// The kinds of value the reader branches on.
    enum Kind { case object, array, string, number, bool, null }

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    private var scratch: UnsafeMutableBufferPointer<UInt8> = .allocate(capacity: 256)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    }

    func deallocate() { scratch.deallocate() }

    /// 1-based line and column of a byte offset.
    func location(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for k in 0..<min(offset, bytes.count) {
            if bytes[k] == 0x0A { line += 1; column = 1 } else if bytes[k] & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    func error(_ message: String) -> SyntaxError { SyntaxError(offset: i, message: message) }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    /// The kind of the next value (after whitespace).
    mutating func peekKind() throws(SyntaxError) -> Kind {
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw error("unexpected character \(Self.show(bytes[i])), expected a value")
        }
    }

    static func show(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
    }

    @inline(__always)
    mutating func expect(_ c: UInt8, _ what: String) throws(SyntaxError) {
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end of input, expected \(what)") }
        guard bytes[i] == c else { throw error("unexpected \(Self.show(bytes[i])), expected \(what)") }
        i += 1
    }

    /// Iterates an object's members: `body` is called with each key, positioned at its value, and must consume it.
    @inline(__always)
    mutating func object(_ body: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Void) throws(SyntaxError) {
        try expect(UInt8(ascii: "{"), "'{'")
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let key = try string()
            try expect(UInt8(ascii: ":"), "':' after a member name")
            if key.baseAddress == UnsafePointer(scratch.baseAddress) {
                // An escaped key lives in scratch; copy it out of the way of the value's own strings.
                let keyCopy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(key.count, 1))
                defer { keyCopy.deallocate() }
                _ = keyCopy.initialize(from: key)
                try body(&self, UnsafeBufferPointer(rebasing: keyCopy[0..<key.count]))
            } else {
                try body(&self, key)
            }
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input, expected ',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return }
            throw error("unexpected \(Self.show(bytes[i])), expected ',' or '}'")
        }
    }

    /// Iterates an array's elements: `body` gets each index, positioned at the element, and must consume it.
    @inline(__always)
    mutating func array(_ body: (inout JSONScanner, Int) throws(SyntaxError) -> Void) throws(SyntaxError) {
        try expect(UInt8(ascii: "["), "'['")
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return }
        var index = 0
        while true {
            try body(&self, index)
            index += 1
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input, expected ',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return }
            throw error("unexpected \(Self.show(bytes[i])), expected ',' or ']'")
        }
    }

    /// Reads a string; the result views the input or an internal buffer and is valid until the next string.
    mutating func string() throws(SyntaxError) -> UnsafeBufferPointer<UInt8> {
        try expect(UInt8(ascii: "\""), "a string")
        let begin = i
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return UnsafeBufferPointer(rebasing: bytes[begin..<i - 1])
            }
            if c == UInt8(ascii: "\\") { return try escapedString(from: begin) }
            if c < 0x20 { throw error("control character in a string; escape it") }
            i += 1
        }
        throw SyntaxError(offset: begin - 1, message: "unterminated string")
    }

    private mutating func put(_ c: UInt8, _ n: inout Int) {
        if n == scratch.count {
            let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: scratch.count * 2)
            _ = bigger.initialize(from: scratch)
            scratch.deallocate()
            scratch = bigger
        }
        scratch[n] = c
        n += 1
    }

    private mutating func escapedString(from begin: Int) throws(SyntaxError) -> UnsafeBufferPointer<UInt8> {
        var n = 0
        for k in begin..<i { put(bytes[k], &n) }
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return UnsafeBufferPointer(rebasing: scratch[0..<n])
            }
            if c < 0x20 { throw error("control character in a string; escape it") }
            i += 1
            guard c == UInt8(ascii: "\\") else { put(c, &n); continue }
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): put(e, &n)
            case UInt8(ascii: "b"): put(0x08, &n)
            case UInt8(ascii: "f"): put(0x0C, &n)
            case UInt8(ascii: "n"): put(0x0A, &n)
            case UInt8(ascii: "r"): put(0x0D, &n)
            case UInt8(ascii: "t"): put(0x09, &n)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw error("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw error("unpaired surrogate in \\u escape")
                }
                for b in String(Character(Unicode.Scalar(scalar)!)).utf8 { put(b, &n) }
            default: throw SyntaxError(offset: i - 1, message: "invalid escape \\\(Self.show(e))")
            }
        }
        throw SyntaxError(offset: begin - 1, message: "unterminated string")
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw error("unexpected end of input in \\u escape") }
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("expected a hex digit in \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// A number's text. Validates JSON number syntax.
    mutating func number() throws(SyntaxError) -> UnsafeBufferPointer<UInt8> {
        skipWhitespace()
        let begin = i
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") else { throw error("expected a digit") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { skipDigits() }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        return UnsafeBufferPointer(rebasing: bytes[begin..<i])
    }

    private mutating func skipDigits() {
        while i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") { i += 1 }
    }

    /// Reads `true` or `false`.
    mutating func bool() throws(SyntaxError) -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw error("expected true or false")
    }

    /// Reads `null`.
    mutating func null() throws(SyntaxError) {
        guard literal("null") else { throw error("expected null") }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipWhitespace()
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    /// Skips any value.
    mutating func skipValue(depth: Int = 0) throws(SyntaxError) {
        guard depth < 512 else { throw error("values nested more than 512 deep") }
        switch try peekKind() {
        case .object: try object { s, _ throws(SyntaxError) in try s.skipValue(depth: depth + 1) }
        case .array: try array { s, _ throws(SyntaxError) in try s.skipValue(depth: depth + 1) }
        case .string: _ = try string()
        case .number: _ = try number()
        case .bool: _ = try bool()
        case .null: try null()
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Byte equality with an ASCII literal.
    func equals(_ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        for k in 0..<count where self[k] != word.utf8Start[k] { return false }
        return true
    }

    /// The bytes as a Swift string (for messages).
    var text: String { String(decoding: self, as: UTF8.self) }

    /// The number's value when it is an integer that fits, else nil.
    var integer: Int64? {
        var k = 0, negative = false
        if k < count && self[k] == UInt8(ascii: "-") { negative = true; k += 1 }
        guard k < count else { return nil }
        var v: Int64 = 0
        while k < count {
            let c = self[k]
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            v = a
            k += 1
        }
        return negative ? -v : v
    }

    /// The number's value as an unsigned 64-bit integer, else nil.
    var unsigned: UInt64? {
        guard !isEmpty else { return nil }
        var v: UInt64 = 0
        for c in self {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            v = a
        }
        return v
    }
}
