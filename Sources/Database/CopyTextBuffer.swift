/// Rows in COPY's text format (tab-separated, `\N` for NULL, backslash escapes) built straight
/// into bytes. For the few COPYs of hundreds of thousands of rows (a run's explanations), where
/// ``CopyWriter/writeRow(_:)``'s boxed values and intermediate strings cost more than the server's
/// parsing; send ``bytes`` with ``CopyWriter/write(_:)-([UInt8])``.
///
/// ```swift
/// var rows = CopyTextBuffer()
/// for s in students { rows.append(s.id); rows.append(s.lastName); rows.appendNull(); rows.endRow() }
/// try await writer.write(rows.bytes)
/// ```
public struct CopyTextBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Bytes held.
    public var count: Int { bytes.count }

    public mutating func append(_ value: Int64) {
        separate()
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits backwards into a small stack buffer, then forwards into the row.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = 0
            repeat {
                digits[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(digits[i]) }
        }
    }

    public mutating func append(_ value: Int) {
        append(Int64(value))
    }

    public mutating func append(_ value: Bool) {
        separate()
        bytes.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    public mutating func append(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    /// A one-dimensional `text[]`.
    public mutating func append(_ values: [String]) {
        separate()
        var literal: [UInt8] = []
        SQLArrayText.append(values, to: &literal)
        literal.withUnsafeBufferPointer { appendEscaped($0) }
    }

    public mutating func append(_ value: Int64?) {
        if let value { append(value) } else { appendNull() }
    }

    public mutating func append(_ value: Int?) {
        if let value { append(Int64(value)) } else { appendNull() }
    }

    public mutating func append(_ value: String?) {
        if let value { append(value) } else { appendNull() }
    }

    public mutating func appendNull() {
        separate()
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "N"))
    }

    /// Ends the row; the next value starts a new one.
    public mutating func endRow() {
        bytes.append(10)
        atRowStart = true
    }

    /// Forgets the rows (after sending them), keeping the memory.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        atRowStart = true
    }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { bytes.append(9) }
    }

    /// `text` with COPY's escapes for backslash, tab, newline and carriage return; runs without
    /// them are copied whole.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for i in 0..<text.count {
            let byte = text[i]
            guard byte == 92 || byte == 9 || byte == 10 || byte == 13 else { continue }
            if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i])) }
            bytes.append(92)
            bytes.append(byte == 92 ? 92 : byte == 9 ? 116 : byte == 10 ? 110 : 114)
            start = i + 1
        }
        if start < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...])) }
    }
}
