import Intake

/// Formats normalized intake rows as COPY text (tab-separated, `\N` for NULL, backslash escapes),
/// one leading `line` column, into byte buffers.
enum CopyText {
    /// Appends one row (line number first) to `buffer`.
    static func append(_ row: IntakeRow, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(row.line).utf8)
        for value in row.values {
            buffer.append(9)
            guard let value else { buffer.append(contentsOf: [92, 78]); continue }
            for byte in value.utf8 {
                switch byte {
                case 92: buffer.append(contentsOf: [92, 92])
                case 9: buffer.append(contentsOf: [92, 116])
                case 10: buffer.append(contentsOf: [92, 110])
                case 13: buffer.append(contentsOf: [92, 114])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(10)
    }

    /// Appends `value` in decimal (no String made: a large import formats millions of them).
    static func appendDecimal(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(45) }
        var rest = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // up to 20 digits, most significant last
        let count = withUnsafeMutableBytes(of: &digits) { bytes in
            var i = 0
            repeat {
                bytes[i] = 48 + UInt8(rest % 10)
                rest /= 10
                i += 1
            } while rest > 0
            return i
        }
        withUnsafeBytes(of: &digits) { bytes in
            for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(bytes[i]) }
        }
    }
}
